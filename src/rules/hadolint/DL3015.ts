import { defineRule } from '../define.js';
import { hasArg, hasFlag } from '../../shell/query.js';
import { argWord, cmdHasArgs } from '../lib/packages.js';

/** DL3015: `apt-get install` should not pull in recommended packages. */
export default defineRule({
  id: 'DL3015',
  severity: 'info',
  summary: 'Avoid additional packages: use `apt-get install --no-install-recommends`',
  origin: 'hadolint',
  category: 'size',
  fix: 'unsafe',
  docs: {
    description:
      'Reports `apt-get` commands with an `install` argument (also inside ONBUILD) that have neither the `--no-install-recommends` flag nor the argument `APT::Install-Recommends=false` (as in `-o APT::Install-Recommends=false`). The fix adds `--no-install-recommends` after `install`; it is unsafe because a recommended package may be needed at run time (`curl` only recommends `ca-certificates`, without which HTTPS fails).',
    why: 'By default apt installs the packages a package merely recommends: documentation, optional tools, sometimes whole toolchains. They make the image larger and widen its attack surface without being needed to run the software; install only what you ask for.',
    bad: 'FROM debian:12.6-slim\nRUN apt-get update && apt-get install -y curl=7.88.1-10+deb12u6 && rm -rf /var/lib/apt/lists/*\n',
    good: 'FROM debian:12.6-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u6 && rm -rf /var/lib/apt/lists/*\n',
  },
  check(ctx) {
    for (const site of ctx.runs()) {
      const offenders = site.commands.filter(
        (c) => cmdHasArgs(c, 'apt-get', ['install']) && !hasFlag(c, 'no-install-recommends') && !hasArg(c, 'APT::Install-Recommends=false'),
      );
      if (offenders.length === 0) continue;
      const edit = ctx.edit();
      for (const c of offenders) edit.insertFlagAfter(site.run, argWord(c, 'install')!, '--no-install-recommends');
      ctx.report({
        at: offenders[0],
        message: 'Add `--no-install-recommends` to `apt-get install` so that only the packages you name are installed',
        fix: edit.unsafe('Add --no-install-recommends to apt-get install'),
      });
    }
  },
});
