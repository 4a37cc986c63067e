import { defineRule } from '../define.js';
import type { ShellCommand } from '../../shell/types.js';
import { cmdHasArgs, hasCacheMount, reportedStages } from '../lib/packages.js';

const APT = ['apt-get', 'apt', 'aptitude'];

/** DL3009: a RUN that runs `apt-get update` must delete the package lists in the same layer. */
export default defineRule({
  id: 'DL3009',
  severity: 'info',
  summary: 'Delete the apt lists (`rm -rf /var/lib/apt/lists/*`) after installing something',
  origin: 'hadolint',
  category: 'size',
  fix: 'safe',
  docs: {
    description:
      'Reports RUN instructions that have an `apt-get update`, `apt update` or `aptitude update` command and no `rm` command with an argument `-rf` or `/var/lib/apt/lists/*` (nor an `apt-get dist-clean`). A RUN is exempt when it has a cache or tmpfs mount whose target contains `/var/lib/apt/lists`, or one containing `/var/lib/apt` and one containing `/var/cache/apt`. Like hadolint, offenders count only in the stages that end up in an image: the last stage (and any stage whose FROM line is written exactly like the last one) and stages whose name is used as the image of a FROM; RUNs inside ONBUILD are always reported. The fix appends `&& rm -rf /var/lib/apt/lists/*` after the last apt command of the RUN when that command is at the top level of the script, and only when no later RUN installs packages without its own `update` (it would then find no lists).',
    why: '`apt-get update` downloads the package indexes (tens of megabytes) into `/var/lib/apt/lists`. Files deleted by a later RUN still take space in the earlier layer, so the lists must go in the same RUN. They are also stale by the time the image runs: anyone installing more packages should run `apt-get update` again.',
    bad: 'FROM debian:12.6-slim\nRUN apt-get update \\\n && apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u6\n',
    good: 'FROM debian:12.6-slim\nRUN apt-get update \\\n && apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u6 \\\n && rm -rf /var/lib/apt/lists/*\n',
    differences:
      'Same detection as hadolint, including its quirk that any `rm -rf` counts as the cleanup. In addition `apt-get dist-clean` (apt 3.0, used by the official buildpack-deps images) counts as the cleanup: it deletes the package lists. shipshape reports at the `update` command rather than at the first line of the RUN.',
  },
  check(ctx) {
    const stages = reportedStages(ctx);
    const sites = ctx.runs();
    // Deleting the lists breaks a later RUN that installs without its own `update`: no fix then.
    const needsLists = sites.filter((s) => {
      const cmds = ctx.commands(s.run);
      return cmds.some((c) => cmdHasArgs(c, APT, ['install'])) && !cmds.some((c) => cmdHasArgs(c, APT, ['update']));
    });
    for (const site of sites) {
      if (!site.onbuild && !stages.has(site.run.stageIndex)) continue;
      const cmds = site.commands;
      const update = cmds.find((c) => cmdHasArgs(c, APT, ['update']));
      if (!update) continue;
      if (cmds.some((c) => cmdHasArgs(c, 'rm', ['-rf', '/var/lib/apt/lists/*']))) continue;
      if (cmds.some((c) => cmdHasArgs(c, ['apt-get', 'apt'], ['dist-clean']))) continue;
      if (hasCacheMount(ctx.facts(site.run).mounts, '/var/lib/apt/lists')) continue;
      if (hasCacheMount(ctx.facts(site.run).mounts, '/var/lib/apt') && hasCacheMount(ctx.facts(site.run).mounts, '/var/cache/apt')) continue;
      const script = site.script;
      const lastApt: ShellCommand | undefined = cmds.filter((c) => APT.includes(c.name)).pop();
      const later = needsLists.some((s) => s.reportOn.index > site.reportOn.index);
      const edit = ctx.edit();
      const fixable = script && lastApt && !later && edit.appendCommand(site.run, script, lastApt, 'rm -rf /var/lib/apt/lists/*');
      ctx.report({
        at: update,
        message: `Delete the apt lists in the same RUN as \`${update.name} update\`: add \`rm -rf /var/lib/apt/lists/*\` after the last apt command`,
        fix: fixable ? edit.safe('Append rm -rf /var/lib/apt/lists/*') : undefined,
      });
    }
  },
});
