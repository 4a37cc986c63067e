import { defineRule } from '../define.js';
import type { Fix } from '../../engine/types.js';
import { hasArg, hasFlag } from '../../shell/query.js';
import { looksBusybox } from '../lib/images.js';

/** `wget` without a progress setting. */
export default defineRule({
  id: 'DL3047',
  severity: 'info',
  summary: 'Avoid use of wget without progress bar',
  origin: 'hadolint',
  category: 'maintainability',
  fix: 'safe',
  docs: {
    description:
      'Reports `wget` (also inside `ONBUILD RUN`) without any option that controls its output: `--progress`, `-q`/`--quiet`, `-nv`/`--no-verbose`, `-o`/`--output-file`, `-a`/`--append-output`. The fix adds `--progress=dot:giga`; it is not offered in Alpine/BusyBox stages, whose `wget` does not know that option.',
    why: 'Without a terminal, GNU wget prints a progress line for every few kilobytes: large downloads flood the build log with thousands of lines. `--progress=dot:giga` keeps the log short but still shows progress.',
    bad: 'FROM debian:12\nRUN wget https://example.com/pkg.tgz\n',
    good: 'FROM debian:12\nRUN wget --progress=dot:giga https://example.com/pkg.tgz\n',
  },
  check(ctx) {
    for (const { run, commands } of ctx.runs()) {
      for (const cmd of commands) {
        if (cmd.name !== 'wget') continue;
        if (hasFlag(cmd, 'progress', 'q', 'quiet', 'o', 'output-file', 'a', 'append-output', 'no-verbose') || hasArg(cmd, '-nv')) continue;
        const nameWord = cmd.words.find((w) => w.value === 'wget');
        const stage = ctx.facts(run).stage;
        const busybox = stage ? looksBusybox(ctx.stage(stage).chain) : false;
        const fix: Fix | undefined = nameWord && !run.execForm && !busybox
          ? ctx.edit().insertAfter(nameWord, ' --progress=dot:giga').safe('Add --progress=dot:giga to wget')
          : undefined;
        ctx.report({
          at: nameWord ?? cmd,
          message: busybox
            ? '`wget` without `-q` floods the build log with progress output; add `-q`'
            : '`wget` without a progress setting floods the build log; add `--progress=dot:giga` (or `-nv`)',
          fix,
        });
      }
    }
  },
});
