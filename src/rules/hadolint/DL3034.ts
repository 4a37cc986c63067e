import { defineRule } from '../define.js';
import { hasFlag } from '../../shell/query.js';
import { argWord, cmdHasArgs, nameWord } from '../lib/packages.js';

const SUBCOMMANDS = ['install', 'in', 'remove', 'rm', 'source-install', 'si', 'patch'];

/** DL3034: zypper must run non-interactively. */
export default defineRule({
  id: 'DL3034',
  severity: 'warning',
  summary: 'Non-interactive switch missing from zypper: use `zypper -n <command>` or `zypper install -y`',
  origin: 'hadolint',
  category: 'correctness',
  fix: 'safe',
  docs: {
    description:
      'Reports `zypper` commands with an `install`, `in`, `remove`, `rm`, `source-install`, `si` or `patch` argument (also inside ONBUILD) without any of the flags `-n`, `--non-interactive`, `--no-confirm` or `-y`. The fix adds the global option `-n` (`--non-interactive`) right after `zypper`, which every zypper subcommand accepts.',
    why: 'A build has no terminal to answer zypper\'s "Continue? [y/n/v/...]": zypper reads end-of-file and aborts, failing the build. Non-interactive mode takes the default answers.',
    bad: 'FROM opensuse/leap:15.6\nRUN zypper install nginx=1.21.5 && zypper clean\n',
    good: 'FROM opensuse/leap:15.6\nRUN zypper -n install nginx=1.21.5 && zypper clean\n',
    differences: 'The fix adds `-n` after `zypper` (valid for every subcommand) rather than `-y` after the subcommand.',
  },
  check(ctx) {
    for (const site of ctx.runs()) {
      const offenders = site.commands.filter(
        (c) => cmdHasArgs(c, 'zypper', SUBCOMMANDS) && !hasFlag(c, 'n', 'non-interactive', 'no-confirm', 'y'),
      );
      if (offenders.length === 0) continue;
      const edit = ctx.edit();
      for (const c of offenders) edit.insertFlagAfter(site.run, nameWord(c), '-n');
      ctx.report({
        at: offenders[0],
        message: `Add \`-n\` (\`--non-interactive\`) to \`zypper ${argWord(offenders[0], ...SUBCOMMANDS)!.value}\`: the build cannot answer its prompts`,
        fix: edit.safe('Add -n to zypper'),
      });
    }
  },
});
