import { defineRule } from '../define.js';
import type { ShellWord } from '../../shell/types.js';
import { positionalArgs } from '../../shell/query.js';
import { cmdHasArgs, pinMessage, pinnedShellVariable } from '../lib/packages.js';

/** True when hadolint counts an apt-get package argument as pinned. */
function aptPinned(pkg: string): boolean {
  return pkg.includes('=') || pkg.includes('/') || pkg.endsWith('.deb');
}

/**
 * DL3008: every package of `apt-get install` must carry a version (`pkg=1.2-3`), a release
 * (`pkg/bookworm`) or be a local `.deb` file.
 */
export default defineRule({
  id: 'DL3008',
  severity: 'warning',
  summary: 'Pin versions in apt-get install: write `<package>=<version>`',
  origin: 'hadolint',
  category: 'reproducibility',
  fix: 'none',
  docs: {
    description:
      'Reports RUN instructions (also inside ONBUILD) with an `apt-get` command that has an `install` argument and a package without a version. The packages are the arguments that are not flags, except `install` and the value of `-t`/`--target-release`. A package is pinned when it contains `=` (`curl=7.88.1-10+deb12u6`, wildcards allowed), contains `/` (`curl/bookworm-backports`, or a path) or ends in `.deb`. A package written as a variable (`$PKGS`) counts as unpinned, unless the same RUN assigns that shell variable once, literally, a list of pinned packages (`pkgs="nginx=1.27.0-1~bookworm ..." && apt-get install -y $pkgs`, as the official nginx images do; hadolint reports it). Only `apt-get` is checked, not `apt` or `aptitude`.',
    why: 'Without a version, `apt-get install curl` installs whatever the mirror has on the day of the build: two builds of the same Dockerfile can differ, and a new upstream release can break the image without any change in your repository. Pinning makes rebuilds repeatable and upgrades explicit.',
    bad: 'FROM debian:12.6-slim\nRUN apt-get update \\\n && apt-get install -y --no-install-recommends curl \\\n && rm -rf /var/lib/apt/lists/*\n',
    good: 'FROM debian:12.6-slim\nRUN apt-get update \\\n && apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u6 \\\n && rm -rf /var/lib/apt/lists/*\n',
    differences:
      'hadolint reports the whole RUN at its first line; shipshape reports the first unpinned package and names all of them in the message. Like hadolint (since it reads `-t` as taking a value), the target release after `-t`/`--target-release` is not taken for a package.',
  },
  check(ctx) {
    for (const site of ctx.runs()) {
      const unpinned: ShellWord[] = [];
      for (const cmd of site.commands) {
        if (!cmdHasArgs(cmd, 'apt-get', ['install'])) continue;
        for (const pkg of positionalArgs(cmd, { valueFlags: ['t', 'target-release'] })) {
          if (pkg.value !== 'install' && !aptPinned(pkg.value) && !pinnedShellVariable(ctx, site.run, pkg, aptPinned)) unpinned.push(pkg);
        }
      }
      if (unpinned.length === 0) continue;
      ctx.report({
        at: unpinned[0],
        message: pinMessage(unpinned, 'apt-get install', (w) => `${w.value}=<version>`),
      });
    }
  },
});
