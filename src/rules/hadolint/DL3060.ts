import { defineRule } from '../define.js';
import { cmdHasArgs, hasCacheMount, reportedStages } from '../lib/packages.js';

/** DL3060: clean the yarn cache after `yarn install`. */
export default defineRule({
  id: 'DL3060',
  severity: 'info',
  summary: '`yarn cache clean` missing after `yarn install`',
  origin: 'hadolint',
  category: 'size',
  fix: 'safe',
  docs: {
    description:
      'Reports RUN instructions with a `yarn` command that has an `install` argument and no `yarn` command with a `cache` or `clean` argument (exempt with a cache or tmpfs mount whose target contains `.cache/yarn`), or whose first clean comes before the first install. Like DL3009, only stages that end up in an image count: the last stage, stages written like the last FROM, and stages whose name is used as a FROM image; RUNs inside ONBUILD are always reported. The fix appends `&& yarn cache clean` after the last yarn command when the RUN has no clean at all.',
    why: 'Yarn (v1) copies every package it downloads into its global cache (`/usr/local/share/.cache/yarn`). In an image that cache is never used again but stays in the layer, often hundreds of megabytes.',
    bad: 'FROM node:20.15.1-alpine\nWORKDIR /app\nCOPY package.json yarn.lock ./\nRUN yarn install --frozen-lockfile\n',
    good: 'FROM node:20.15.1-alpine\nWORKDIR /app\nCOPY package.json yarn.lock ./\nRUN yarn install --frozen-lockfile && yarn cache clean\n',
  },
  check(ctx) {
    const stages = reportedStages(ctx);
    for (const site of ctx.runs()) {
      if (!site.onbuild && !stages.has(site.run.stageIndex)) continue;
      const cmds = site.commands;
      const install = cmds.find((c) => cmdHasArgs(c, 'yarn', ['install']));
      if (!install) continue;
      const clean = cmds.find((c) => cmdHasArgs(c, 'yarn', ['cache', 'clean']));
      if (clean ? clean.index > install.index : hasCacheMount(ctx.facts(site.run).mounts, '.cache/yarn')) continue;
      const script = site.script;
      const last = cmds.filter((c) => c.name === 'yarn').pop()!;
      const edit = ctx.edit();
      const fixable = script && !clean && edit.appendCommand(site.run, script, last, 'yarn cache clean');
      ctx.report({
        at: install,
        message: clean
          ? 'Run `yarn cache clean` after `yarn install`, not before it, so that the cache does not stay in the layer'
          : 'Run `yarn cache clean` after `yarn install` in the same RUN (or use a cache mount) so that the yarn cache does not stay in the layer',
        fix: fixable ? edit.safe('Append yarn cache clean') : undefined,
      });
    }
  },
});
