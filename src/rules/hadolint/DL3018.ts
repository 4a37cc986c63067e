import { defineRule } from '../define.js';
import type { ShellWord } from '../../shell/types.js';
import { positionalArgs } from '../../shell/query.js';
import { cmdHasArgs, pinMessage, pinnedShellVariable } from '../lib/packages.js';

/**
 * apk options whose value is a separate argument: hadolint's `-t`/`--virtual`, `--repository`, `-X`, and
 * also `-p`/`--root`, `--keys-dir`, `--repositories-file`, `--arch`, `--cache-dir`, `--timeout`.
 */
const VALUE_FLAGS = ['t', 'virtual', 'repository', 'X', 'p', 'root', 'keys-dir', 'repositories-file', 'arch', 'cache-dir', 'timeout'];

/** hadolint's DL3018 test of one package argument. */
function apkPinned(pkg: string): boolean {
  return /[=~<>]/.test(pkg) || pkg.endsWith('.apk');
}

/** DL3018: apk packages must be pinned. */
export default defineRule({
  id: 'DL3018',
  severity: 'warning',
  summary: 'Pin versions in apk add: write `apk add <package>=<version>`',
  origin: 'hadolint',
  category: 'reproducibility',
  fix: 'none',
  docs: {
    description:
      'Reports `apk` commands with an `add` argument (also inside ONBUILD) that name a package without a version. The packages are the arguments that are not options, except `add` and the values of options that take one (`-t`/`--virtual`, `--repository`/`-X`, `-p`/`--root`, `--keys-dir`, `--repositories-file`, `--arch`, `--cache-dir`, `--timeout`). A package is pinned when it contains `=`, `~`, `>` or `<` (`curl=8.5.0-r0`, `bash~5.2`, `"tzdata<2025"`) or is a local `.apk` file. A package written as one shell variable that the same RUN assigns once, literally, a list of pinned packages (`nginxPackages="nginx=${NGINX_VERSION}-r1 ..."` then `apk add $nginxPackages`, as the official nginx images do) counts as pinned; hadolint reports it.',
    why: 'Alpine repositories move: without a version, `apk add curl` installs whatever is current when the image is built, so rebuilds are not repeatable and an upgrade can slip in unnoticed. Pin the versions (a fuzzy `~` pin on the minor version keeps security fixes coming).',
    bad: 'FROM alpine:3.20\nRUN apk add --no-cache curl\n',
    good: 'FROM alpine:3.20\nRUN apk add --no-cache curl=8.9.0-r0\n',
    differences:
      'hadolint skips only the values of `-t`/`--virtual`, `--repository` and `-X`; shipshape also skips those of `-p`/`--root` (`apk add --initdb -p /out ...` is not a package `/out`), `--keys-dir`, `--repositories-file`, `--arch`, `--cache-dir` and `--timeout`. shipshape reports the first unpinned package and names all of them.',
  },
  check(ctx) {
    for (const site of ctx.runs()) {
      const unpinned: ShellWord[] = [];
      for (const cmd of site.commands) {
        if (!cmdHasArgs(cmd, 'apk', ['add'])) continue;
        for (const pkg of positionalArgs(cmd, { valueFlags: VALUE_FLAGS })) {
          if (pkg.value !== 'add' && !apkPinned(pkg.value) && !pinnedShellVariable(ctx, site.run, pkg, apkPinned)) unpinned.push(pkg);
        }
      }
      if (unpinned.length === 0) continue;
      ctx.report({
        at: unpinned[0],
        message: pinMessage(unpinned, 'apk add', (w) => `${w.value}=<version>`),
      });
    }
  },
});
