import { defineRule } from '../define.js';
import { subcommand } from '../../shell/query.js';
import { nameWord } from '../lib/packages.js';

/** apt subcommands that apt-get runs the same way (apt's `upgrade`, `list`, `search`... differ or do not exist). */
const SAME_IN_APT_GET = new Set(['install', 'remove', 'purge', 'update', 'autoremove', 'autoclean', 'clean', 'build-dep', 'source', 'download', 'dist-upgrade']);

/** DL3027: `apt` is for people, `apt-get` for scripts. */
export default defineRule({
  id: 'DL3027',
  severity: 'warning',
  summary: 'Do not use apt in scripts: use apt-get or apt-cache',
  origin: 'hadolint',
  category: 'correctness',
  fix: 'safe',
  docs: {
    description:
      'Reports RUN instructions (also inside ONBUILD) with a command named exactly `apt`. The fix renames `apt` to `apt-get` when its subcommand behaves the same in apt-get (`install`, `remove`, `purge`, `update`, `autoremove`, `autoclean`, `clean`, `build-dep`, `source`, `download`, `dist-upgrade`); other subcommands (`upgrade`, `full-upgrade`, `list`, `search`, `show`) are left for you to rewrite.',
    why: '`apt` is the interactive front end: its output and options may change between releases and it warns "apt does not have a stable CLI interface. Use with caution in scripts." `apt-get` and `apt-cache` keep a stable interface for scripts such as Dockerfiles.',
    bad: 'FROM ubuntu:24.04\nRUN apt update && apt install -y --no-install-recommends curl=8.5.0-2ubuntu10.1 && rm -rf /var/lib/apt/lists/*\n',
    good: 'FROM ubuntu:24.04\nRUN apt-get update && apt-get install -y --no-install-recommends curl=8.5.0-2ubuntu10.1 && rm -rf /var/lib/apt/lists/*\n',
  },
  check(ctx) {
    for (const site of ctx.runs()) {
      const offenders = site.commands.filter((c) => c.name === 'apt');
      if (offenders.length === 0) continue;
      const edit = ctx.edit();
      for (const c of offenders) {
        const sub = subcommand(c)?.value;
        if (!sub || !SAME_IN_APT_GET.has(sub)) continue;
        const w = nameWord(c);
        edit.replace(w, site.run.execForm ? '"apt-get"' : 'apt-get');
      }
      ctx.report({
        at: nameWord(offenders[0]),
        message: `Use \`apt-get\` instead of \`apt${subcommand(offenders[0]) ? ' ' + subcommand(offenders[0])!.value : ''}\`: apt has no stable interface for scripts`,
        fix: edit.empty ? undefined : edit.safe('Use apt-get instead of apt'),
      });
    }
  },
});
