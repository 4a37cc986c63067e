import { defineRule } from '../define.js';
import { hasFlag } from '../../shell/query.js';
import { argWord, cmdHasArgs } from '../lib/packages.js';

const INSTALLS = ['install', 'groupinstall', 'localinstall'];

/** DL3030: `yum install` must not wait for a confirmation. */
export default defineRule({
  id: 'DL3030',
  severity: 'warning',
  summary: 'Use the `-y` switch to avoid manual input: `yum install -y <package>`',
  origin: 'hadolint',
  category: 'correctness',
  fix: 'safe',
  docs: {
    description:
      'Reports `yum` commands with an `install`, `groupinstall` or `localinstall` argument (also inside ONBUILD) without a `-y` or `--assumeyes` flag. The fix adds `-y` after the subcommand.',
    why: 'A build has no terminal to answer "Is this ok [y/N]": yum reads end-of-file, answers no and fails the build. `-y` makes the install non-interactive.',
    bad: 'FROM rockylinux:9.3\nRUN yum install nginx-1.20.1 && yum clean all\n',
    good: 'FROM rockylinux:9.3\nRUN yum install -y nginx-1.20.1 && yum clean all\n',
  },
  check(ctx) {
    for (const site of ctx.runs()) {
      const offenders = site.commands.filter((c) => cmdHasArgs(c, 'yum', INSTALLS) && !hasFlag(c, 'y', 'assumeyes'));
      if (offenders.length === 0) continue;
      const edit = ctx.edit();
      for (const c of offenders) edit.insertFlagAfter(site.run, argWord(c, ...INSTALLS)!, '-y');
      ctx.report({
        at: offenders[0],
        message: `Add \`-y\` to \`yum ${argWord(offenders[0], ...INSTALLS)!.value}\`: the build cannot answer its confirmation prompt`,
        fix: edit.safe('Add -y to yum install'),
      });
    }
  },
});
