import { defineRule } from '../define.js';
import type { ShellCommand } from '../../shell/types.js';
import { cmdHasArgs, earlyCleanMessage, hasCacheMount } from '../lib/packages.js';

const INSTALLS = ['install', 'in', 'upgrade', 'up', 'upgrade-minimal', 'up-min', 'reinstall', 'rei'];

/** DL3040: clean the dnf cache after installing. */
export default defineRule({
  id: 'DL3040',
  severity: 'warning',
  summary: '`dnf clean all` missing after dnf command',
  origin: 'hadolint',
  category: 'size',
  fix: 'safe',
  docs: {
    description:
      'Reports RUN instructions (also inside ONBUILD) where `dnf` or `microdnf` installs or upgrades packages (`install`, `in`, `upgrade`, `up`, `upgrade-minimal`, `up-min`, `reinstall`, `rei`) and no clean comes after the first such command. A clean is the same tool with a `clean` or `all` argument, or an `rm` command with an argument `-rf` or `/var/cache/libdnf5*`; each tool is checked on its own (`dnf install` followed by `microdnf clean all` is reported). Exempt when the RUN has a cache or tmpfs mount whose target contains `/var/cache/libdnf5` or `.cache/libdnf5`. The fix appends `&& dnf clean all` (or `microdnf clean all`) after the last command of that tool when the RUN has no clean at all.',
    why: 'dnf keeps repository metadata and downloaded packages in its cache directory. Unless removed in the same RUN they stay in the layer and make the image much larger.',
    bad: 'FROM fedora:40\nRUN dnf install -y redis-7.2.4\n',
    good: 'FROM fedora:40\nRUN dnf install -y redis-7.2.4 && dnf clean all\n',
  },
  check(ctx) {
    for (const site of ctx.runs()) {
      if (hasCacheMount(ctx.facts(site.run).mounts, '/var/cache/libdnf5') || hasCacheMount(ctx.facts(site.run).mounts, '.cache/libdnf5')) continue;
      const cmds = site.commands;
      const script = site.script;
      const failing: { tool: string; install: ShellCommand; clean: ShellCommand | undefined }[] = [];
      const edit = ctx.edit();
      for (const tool of ['dnf', 'microdnf']) {
        const install = cmds.find((c) => cmdHasArgs(c, tool, INSTALLS));
        if (!install) continue;
        const clean = cmds.find((c) => cmdHasArgs(c, tool, ['clean', 'all']) || cmdHasArgs(c, 'rm', ['-rf', '/var/cache/libdnf5*']));
        if (clean && clean.index > install.index) continue;
        failing.push({ tool, install, clean });
        const last = cmds.filter((c) => c.name === tool).pop()!;
        if (script && !clean) edit.appendCommand(site.run, script, last, `${tool} clean all`);
      }
      if (failing.length === 0) continue;
      const first = failing[0];
      ctx.report({
        at: first.install,
        message: first.clean
          ? earlyCleanMessage(cmds, first.clean, first.install, first.tool, first.install.args.find((a) => INSTALLS.includes(a.value))!.value, 'DL3040')
          : `Run \`${first.tool} clean all\` after \`${first.tool} ${first.install.args.find((a) => INSTALLS.includes(a.value))!.value}\` in the same RUN so that the package cache does not stay in the layer`,
        fix: edit.empty ? undefined : edit.safe(`Append ${failing.map((f) => `${f.tool} clean all`).join(' and ')}`),
      });
    }
  },
});
