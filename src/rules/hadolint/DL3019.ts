import { defineRule } from '../define.js';
import { hasFlag } from '../../shell/query.js';
import { argWord, cmdHasArgs, hasCacheMount } from '../lib/packages.js';

/** DL3019: `apk add` should not leave its index cache in the image. */
export default defineRule({
  id: 'DL3019',
  severity: 'info',
  summary: 'Use `apk add --no-cache` instead of keeping the apk cache',
  origin: 'hadolint',
  category: 'size',
  fix: 'safe',
  docs: {
    description:
      'Reports RUN instructions (also inside ONBUILD) with an `apk` command that has an `add` argument and neither a `--no-cache` nor a `--no-network` flag, unless the RUN has a cache or tmpfs mount whose target contains `/var/cache/apk`. The fix adds `--no-cache` after `add`.',
    why: '`apk add` without `--no-cache` (or after `apk update`) stores the repository indexes in `/var/cache/apk`, which then stays in the layer. `--no-cache` fetches the index into a temporary place and leaves nothing behind, so no `apk update` and `rm -rf /var/cache/apk/*` dance is needed.',
    bad: 'FROM alpine:3.20\nRUN apk add curl=8.9.0-r0\n',
    good: 'FROM alpine:3.20\nRUN apk add --no-cache curl=8.9.0-r0\n',
    differences:
      '`apk add --no-network` is not reported: it installs only from packages already present and fetches no index, so there is no cache to keep (the official haproxy and other Alpine images use it to add run-time dependencies). hadolint reports it.',
  },
  check(ctx) {
    for (const site of ctx.runs()) {
      const offenders = site.commands.filter((c) => cmdHasArgs(c, 'apk', ['add']) && !hasFlag(c, 'no-cache', 'no-network'));
      if (offenders.length === 0 || hasCacheMount(ctx.facts(site.run).mounts, '/var/cache/apk')) continue;
      const edit = ctx.edit();
      for (const c of offenders) edit.insertFlagAfter(site.run, argWord(c, 'add')!, '--no-cache');
      ctx.report({
        at: offenders[0],
        message: 'Add `--no-cache` to `apk add` so that the package index is not kept in the layer',
        fix: edit.safe('Add --no-cache to apk add'),
      });
    }
  },
});
