import { defineRule } from '../define.js';
import { cmdHasArgs, earlyCleanMessage } from '../lib/packages.js';

/** DL3032: clean the yum cache after installing. */
export default defineRule({
  id: 'DL3032',
  severity: 'warning',
  summary: '`yum clean all` missing after yum command',
  origin: 'hadolint',
  category: 'size',
  fix: 'safe',
  docs: {
    description:
      'Reports RUN instructions (also inside ONBUILD) with a `yum` command that has an `install` argument, unless a clean comes after it: a `yum` command with a `clean` or `all` argument, or an `rm` command with an argument `-rf` or `/var/cache/yum/*`. The first clean must come after the first install. The fix appends `&& yum clean all` after the last yum command when the RUN has no clean at all.',
    why: 'yum keeps downloaded packages and repository metadata in `/var/cache/yum`. Unless removed in the same RUN they stay in the layer, adding often a hundred megabytes or more to the image.',
    bad: 'FROM rockylinux:9.3\nRUN yum install -y httpd-2.4.57\n',
    good: 'FROM rockylinux:9.3\nRUN yum install -y httpd-2.4.57 && yum clean all\n',
  },
  check(ctx) {
    for (const site of ctx.runs()) {
      const cmds = site.commands;
      const install = cmds.find((c) => cmdHasArgs(c, 'yum', ['install']));
      if (!install) continue;
      const clean = cmds.find((c) => cmdHasArgs(c, 'yum', ['clean', 'all']) || cmdHasArgs(c, 'rm', ['-rf', '/var/cache/yum/*']));
      if (clean && clean.index > install.index) continue;
      const script = site.script;
      const lastYum = cmds.filter((c) => c.name === 'yum').pop()!;
      const edit = ctx.edit();
      const fixable = script && !clean && edit.appendCommand(site.run, script, lastYum, 'yum clean all');
      ctx.report({
        at: install,
        message: clean
          ? earlyCleanMessage(cmds, clean, install, 'yum', 'install', 'DL3032')
          : 'Run `yum clean all` after `yum install` in the same RUN so that the package cache does not stay in the layer',
        fix: fixable ? edit.safe('Append yum clean all') : undefined,
      });
    }
  },
});
