import { defineRule } from '../define.js';
import type { Fix } from '../../engine/types.js';
import type { ShellCommand } from '../../shell/types.js';
import { flagValues, hasFlag } from '../../shell/query.js';

/** The `-u`/`--uid` values of a useradd command (quotes removed). */
function uids(cmd: ShellCommand): { value: string; dynamic: boolean }[] {
  const out: { value: string; dynamic: boolean }[] = [];
  for (const name of ['u', 'uid']) {
    for (const v of flagValues(cmd, name)) {
      const word = cmd.args.find((a) => a.value === v || a.value.endsWith(`=${v}`));
      out.push({ value: v, dynamic: word?.dynamic ?? v.includes('$') });
    }
  }
  return out;
}

/** `useradd` with a long UID must use `-l`. */
export default defineRule({
  id: 'DL3046',
  severity: 'warning',
  summary: '`useradd` without flag `-l` and high UID will result in excessively large Image',
  origin: 'hadolint',
  category: 'size',
  fix: 'safe',
  docs: {
    description:
      'Reports `useradd` (also inside `ONBUILD RUN`) given a UID (`-u`, `--uid`) longer than five digits without `-l`/`--no-log-init`. The fix adds `-l`.',
    why: 'useradd records every user in `/var/log/lastlog` and `/var/log/faillog`, sparse files indexed by UID. With a high UID such as 1000000 the file is written out as gigabytes of zeros in the layer. `-l` skips those databases.',
    bad: 'FROM debian:12\nRUN useradd -u 1000000 app\n',
    good: 'FROM debian:12\nRUN useradd -l -u 1000000 app\n',
    differences: 'hadolint only reads the value of short `-u`; `--uid 1234567` is reported too. A UID given by a variable is not judged (hadolint measures the length of the variable\'s name).',
  },
  check(ctx) {
    for (const { run, commands } of ctx.runs()) {
      for (const cmd of commands) {
        if (cmd.name !== 'useradd' || hasFlag(cmd, 'l', 'no-log-init')) continue;
        const long = uids(cmd).find((u) => !u.dynamic && u.value.length > 5);
        if (!long) continue;
        const nameWord = cmd.words.find((w) => w.value === 'useradd');
        const fix: Fix | undefined = nameWord && !run.execForm
          ? ctx.edit().insertAfter(nameWord, ' -l').safe('Add -l to useradd')
          : undefined;
        ctx.report({
          at: nameWord ?? cmd,
          message: `\`useradd\` with UID ${long.value} writes a huge /var/log/lastlog; add \`-l\` (\`--no-log-init\`)`,
          fix,
        });
      }
    }
  },
});
