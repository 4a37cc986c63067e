import { defineRule } from '../define.js';
import { argWord, cmdHasArgs } from '../lib/packages.js';

/** DL3035: no `zypper dist-upgrade` in an image build. */
export default defineRule({
  id: 'DL3035',
  severity: 'warning',
  summary: 'Do not use `zypper dist-upgrade` in a Dockerfile',
  origin: 'hadolint',
  category: 'reproducibility',
  fix: 'none',
  docs: {
    description: 'Reports `zypper` commands with a `dist-upgrade` or `dup` argument (also inside ONBUILD).',
    why: 'A distribution upgrade inside a build changes the whole base system to whatever the repositories hold that day: the image no longer matches its base tag, builds are not repeatable and the layer becomes huge. Use a newer base image instead, and install or update only the packages you need.',
    bad: 'FROM opensuse/leap:15.5\nRUN zypper --non-interactive dist-upgrade\n',
    good: 'FROM opensuse/leap:15.6\nRUN zypper --non-interactive install nginx=1.21.5 && zypper clean\n',
  },
  check(ctx) {
    for (const site of ctx.runs()) {
      const cmd = site.commands.find((c) => cmdHasArgs(c, 'zypper', ['dist-upgrade', 'dup']));
      if (!cmd) continue;
      ctx.report({
        at: cmd,
        message: `Do not run \`zypper ${argWord(cmd, 'dist-upgrade', 'dup')!.value}\` in a build: use a newer base image instead`,
      });
    }
  },
});
