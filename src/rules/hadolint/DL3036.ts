import { defineRule } from '../define.js';
import { cmdHasArgs, hasCacheMount } from '../lib/packages.js';

/** DL3036: clean the zypper cache after installing. */
export default defineRule({
  id: 'DL3036',
  severity: 'warning',
  summary: '`zypper clean` missing after zypper install',
  origin: 'hadolint',
  category: 'size',
  fix: 'safe',
  docs: {
    description:
      'Reports RUN instructions (also inside ONBUILD) with a `zypper install` (or `in`) that is not followed, later in the same RUN, by a `zypper clean` (or `cc`). Exempt when the RUN has a cache or tmpfs mount whose target contains `/var/cache/zypp`. The fix appends `&& zypper clean` after the last zypper command when the RUN has no clean at all.',
    why: 'zypper keeps downloaded packages and repository metadata in `/var/cache/zypp`. Unless removed in the same RUN they stay in the layer and make the image larger for nothing.',
    bad: 'FROM opensuse/leap:15.6\nRUN zypper install -y postgresql15=15.6\n',
    good: 'FROM opensuse/leap:15.6\nRUN zypper install -y postgresql15=15.6 && zypper clean\n',
  },
  check(ctx) {
    for (const site of ctx.runs()) {
      const cmds = site.commands;
      const installs = cmds.filter((c) => cmdHasArgs(c, 'zypper', ['install', 'in']));
      if (installs.length === 0) continue;
      const cleans = cmds.filter((c) => cmdHasArgs(c, 'zypper', ['clean', 'cc']));
      const last = installs[installs.length - 1];
      if (cleans.some((c) => c.index > last.index) || hasCacheMount(ctx.facts(site.run).mounts, '/var/cache/zypp')) continue;
      const script = site.script;
      const lastZypper = cmds.filter((c) => c.name === 'zypper').pop()!;
      const edit = ctx.edit();
      const fixable = script && cleans.length === 0 && edit.appendCommand(site.run, script, lastZypper, 'zypper clean');
      ctx.report({
        at: last,
        message: 'Run `zypper clean` after `zypper install` in the same RUN so that the package cache does not stay in the layer',
        fix: fixable ? edit.safe('Append zypper clean') : undefined,
      });
    }
  },
});
