import { defineRule } from '../define.js';
import { appendAfterCommand, cmdHasArgs, earlyCleanMessage, runSites } from '../lib/packages.js';

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
    for (const site of runSites(ctx.file, true)) {
      const cmds = ctx.commands(site.run);
      const install = cmds.find((c) => cmdHasArgs(c, 'yum', ['install']));
      if (!install) continue;
      const clean = cmds.find((c) => cmdHasArgs(c, 'yum', ['clean', 'all']) || cmdHasArgs(c, 'rm', ['-rf', '/var/cache/yum/*']));
      if (clean && clean.index > install.index) continue;
      const script = ctx.shell(site.run);
      const lastYum = cmds.filter((c) => c.name === 'yum').pop()!;
      const edit = script && !clean ? appendAfterCommand(site.run, script, lastYum, 'yum clean all') : null;
      ctx.report({
        instruction: site.instruction,
        range: install.range,
        message: clean
          ? earlyCleanMessage(cmds, clean, install, 'yum', 'install', 'DL3032')
          : 'Run `yum clean all` after `yum install` in the same RUN so that the package cache does not stay in the layer',
        fix: edit ? { applicability: 'safe', description: 'Append yum clean all', edits: [edit] } : undefined,
      });
    }
  },
});
