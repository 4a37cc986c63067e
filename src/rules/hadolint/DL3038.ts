import { defineRule } from '../define.js';
import { hasFlag } from '../../shell/query.js';
import { argWord, cmdHasArgs } from '../lib/packages.js';

const INSTALLS = ['install', 'groupinstall', 'localinstall'];

/** DL3038: `dnf install` must not wait for a confirmation. */
export default defineRule({
  id: 'DL3038',
  severity: 'warning',
  summary: 'Use the `-y` switch to avoid manual input: `dnf install -y <package>`',
  origin: 'hadolint',
  category: 'correctness',
  fix: 'safe',
  docs: {
    description:
      'Reports `dnf` and `microdnf` commands with an `install`, `groupinstall` or `localinstall` argument (also inside ONBUILD) without a `-y` or `--assumeyes` flag. The fix adds `-y` after the subcommand.',
    why: 'A build has no terminal to answer "Is this ok [y/N]": dnf reads end-of-file, answers no and the build fails. `-y` makes the install non-interactive.',
    bad: 'FROM fedora:40\nRUN dnf install nginx-1.24.0 && dnf clean all\n',
    good: 'FROM fedora:40\nRUN dnf install -y nginx-1.24.0 && dnf clean all\n',
  },
  check(ctx) {
    for (const site of ctx.runs()) {
      const offenders = site.commands.filter((c) => cmdHasArgs(c, ['dnf', 'microdnf'], INSTALLS) && !hasFlag(c, 'y', 'assumeyes'));
      if (offenders.length === 0) continue;
      const edit = ctx.edit();
      for (const c of offenders) edit.insertFlagAfter(site.run, argWord(c, ...INSTALLS)!, '-y');
      ctx.report({
        at: offenders[0],
        message: `Add \`-y\` to \`${offenders[0].name} ${argWord(offenders[0], ...INSTALLS)!.value}\`: the build cannot answer its confirmation prompt`,
        fix: edit.safe(`Add -y to ${offenders[0].name} install`),
      });
    }
  },
});
