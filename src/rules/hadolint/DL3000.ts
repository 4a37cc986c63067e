import { defineRule } from '../define.js';
import { argsRange, isWindowsAbsolute, stripQuotes } from '../lib/instructions.js';

/** WORKDIR must be an absolute path. */
export default defineRule({
  id: 'DL3000',
  severity: 'error',
  summary: 'Use absolute WORKDIR',
  origin: 'hadolint',
  category: 'correctness',
  fix: 'none',
  docs: {
    description:
      'Reports a `WORKDIR` whose path (surrounding quotes removed) is relative: it does not start with `/`, with a variable (`$`), or with a Windows drive (`C:\\`, `C:/`).',
    why: 'A relative WORKDIR is resolved against the previous working directory, which may come from the base image and change when the base image changes. An absolute path says exactly where commands run and files land.',
    bad: 'FROM alpine:3.19\nWORKDIR app\n',
    good: 'FROM alpine:3.19\nWORKDIR /app\n',
  },
  check(ctx) {
    for (const instr of ctx.file.instructions) {
      if (instr.keyword !== 'WORKDIR') continue;
      const path = stripQuotes(instr.argsAfterFlags.text.trim());
      if (path === '' || path.startsWith('/') || path.startsWith('$') || isWindowsAbsolute(path)) continue;
      ctx.report({
        instruction: instr,
        range: argsRange(ctx.file, instr),
        message: `WORKDIR \`${path}\` is relative; use an absolute path (\`/${path.replace(/^\.\//, '')}\`)`,
      });
    }
  },
});
