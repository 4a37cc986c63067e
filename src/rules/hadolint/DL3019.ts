import { defineRule } from '../define.js';
import { hasFlag } from '../../shell/query.js';
import type { ShellCommand } from '../../shell/types.js';
import type { EditBuilder } from '../../fix/edit.js';
import { argWord, cmdHasArgs, hasCacheMount } from '../lib/packages.js';

/** `apk update` on its own (options such as `-q` allowed), as a plain command of the RUN's main list. */
function bareUpdate(c: ShellCommand): boolean {
  if (c.nested || c.inCompound || c.pipedOut || c.redirects.length > 0 || c.assignments.length > 0) return false;
  const values = c.args.map((a) => a.value);
  return values.includes('update') && values.every((v) => v === 'update' || /^-[a-z]$|^--(quiet|verbose|no-progress)$/.test(v));
}

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
      'Reports RUN instructions (also inside ONBUILD) with an `apk` command that has an `add` argument and neither a `--no-cache` nor a `--no-network` flag, unless the RUN has a cache or tmpfs mount whose target contains `/var/cache/apk`. The fix adds `--no-cache` after `add`, and drops an `apk update` joined with `&&` when every other apk command of the RUN is an `add` and the RUN does not remove `/var/cache/apk` itself: `--no-cache` fetches the index for the add, and the index `apk update` wrote would stay in the layer.',
    why: '`apk add` without `--no-cache` (or after `apk update`) stores the repository indexes in `/var/cache/apk`, which then stays in the layer. `--no-cache` fetches the index into a temporary place and leaves nothing behind, so no `apk update` and `rm -rf /var/cache/apk/*` dance is needed.',
    bad: 'FROM alpine:3.20\nRUN apk add curl=8.9.0-r0\n',
    good: 'FROM alpine:3.20\nRUN apk add --no-cache curl=8.9.0-r0\n',
    differences:
      '`apk add --no-network` is not reported: it installs only from packages already present and fetches no index, so there is no cache to keep (the official haproxy and other Alpine images use it to add run-time dependencies). hadolint reports it. Also reported, unlike hadolint: an `apk update` left in a RUN whose adds all use `--no-cache` (`apk update && apk add --no-cache curl` keeps the index `apk update` wrote), when every other apk command is an `add` and nothing removes `/var/cache/apk`.',
  },
  check(ctx) {
    for (const site of ctx.runs()) {
      if (hasCacheMount(ctx.facts(site.run).mounts, '/var/cache/apk')) continue;
      const offenders = site.commands.filter((c) => cmdHasArgs(c, 'apk', ['add']) && !hasFlag(c, 'no-cache', 'no-network'));
      const apk = site.commands.filter((c) => c.name === 'apk');
      const updates = apk.filter(bareUpdate);
      // `apk update` only feeds the adds, which `--no-cache` makes fetch the index themselves: it can go
      // when every other apk command of the RUN is an `add` (an `apk upgrade` would need it) and the RUN
      // does not clean /var/cache/apk itself.
      const others = apk.filter((c) => !updates.includes(c));
      const cleans = site.commands.some((c) => c.name === 'rm' && c.args.some((a) => a.value.startsWith('/var/cache/apk')));
      const droppable = !cleans && others.length > 0 && others.every((c) => cmdHasArgs(c, 'apk', ['add'])) ? updates : [];
      const dropUpdates = (edit: EditBuilder): number => droppable.filter((u) => {
        const next = site.commands.slice(site.commands.indexOf(u) + 1).find((c) => !c.nested);
        return next !== undefined && next.connector === '&&' && edit.removeCommandBefore(u, next);
      }).length;
      if (offenders.length > 0) {
        const edit = ctx.edit();
        for (const c of offenders) edit.insertFlagAfter(site.run, argWord(c, 'add')!, '--no-cache');
        const dropped = dropUpdates(edit);
        ctx.report({
          at: offenders[0],
          message: 'Add `--no-cache` to `apk add` so that the package index is not kept in the layer',
          fix: edit.safe(dropped > 0 ? 'Add --no-cache to apk add and drop apk update (--no-cache fetches the index)' : 'Add --no-cache to apk add'),
        });
      } else if (droppable.length > 0) {
        // Every add already has --no-cache, but `apk update` still wrote the index into /var/cache/apk.
        const edit = ctx.edit();
        const dropped = dropUpdates(edit);
        ctx.report({
          at: droppable[0],
          message: '`apk update` writes the package index to /var/cache/apk, which stays in the layer, and `apk add --no-cache` does not need it: drop `apk update`',
          fix: dropped > 0 ? edit.safe('Drop apk update') : undefined,
        });
      }
    }
  },
});
