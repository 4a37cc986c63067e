import { defineRule } from '../define.js';

/** Only ARG (and comments/directives) may precede the first FROM. */
export default defineRule({
  id: 'DL3061',
  severity: 'error',
  summary: 'Invalid instruction order. Dockerfile must begin with `FROM`, `ARG` or comment.',
  origin: 'hadolint',
  category: 'correctness',
  fix: 'none',
  docs: {
    description: 'Reports every instruction other than `ARG` that comes before the first `FROM` (parser directives and comments are fine).',
    why: 'Only ARG may precede the first FROM (to parameterise base images); BuildKit rejects anything else ("no build stage in current context").',
    bad: 'LABEL org.opencontainers.image.vendor="Acme"\nFROM alpine:3.19\n',
    good: 'FROM alpine:3.19\nLABEL org.opencontainers.image.vendor="Acme"\n',
  },
  check(ctx) {
    for (const instr of ctx.file.instructions) {
      if (instr.keyword === 'FROM') break;
      if (instr.keyword === 'ARG') continue;
      ctx.report({
        instruction: instr,
        range: instr.keywordRange,
        message: `\`${instr.keyword}\` comes before the first FROM; only ARG may precede FROM, move it into a stage`,
      });
    }
  },
});
