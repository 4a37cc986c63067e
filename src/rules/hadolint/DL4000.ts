import { defineRule } from '../define.js';
import type { Fix, RuleContext } from '../../engine/types.js';
import type { Instruction } from '../../parse/types.js';

/** `LABEL org.opencontainers.image.authors="..."` replacing a MAINTAINER instruction. */
function labelFix(ctx: RuleContext, instr: Instruction): Fix | undefined {
  const file = ctx.file;
  let value = instr.argsAfterFlags.text.trim().replace(/\s+/g, ' ');
  if (value === '') return undefined;
  if (file.comments.some((c) => c.range.start.offset > instr.range.start.offset && c.range.start.offset < instr.range.end.offset)) return undefined;
  const m = /^"((?:[^"\\]|\\.)*)"$/.exec(value) ?? /^'([^']*)'$/.exec(value);
  if (m) value = m[1].replace(/\\(.)/g, '$1');
  const esc = file.escape;
  const quoted = value.replace(new RegExp(`[${esc === '`' ? '`' : '\\\\'}"$]`, 'g'), (c) => esc + c);
  const edit = ctx.edit();
  return edit.replace(instr, `${edit.keywordAs(instr, 'LABEL')} org.opencontainers.image.authors="${quoted}"`).safe('Replace MAINTAINER with an org.opencontainers.image.authors label');
}

/** MAINTAINER is deprecated. */
export default defineRule({
  id: 'DL4000',
  severity: 'error',
  summary: 'MAINTAINER is deprecated',
  origin: 'hadolint',
  category: 'maintainability',
  fix: 'safe',
  docs: {
    description: 'Reports every `MAINTAINER` instruction. The fix replaces it with `LABEL org.opencontainers.image.authors="…"` (surrounding quotes of the old value removed).',
    why: 'MAINTAINER has been deprecated since Docker 1.13; the OCI `org.opencontainers.image.authors` label carries the same information, is read by registries and tools, and can be inspected like any other label.',
    bad: 'FROM debian:12\nMAINTAINER Pat Example <pat@example.com>\n',
    good: 'FROM debian:12\nLABEL org.opencontainers.image.authors="Pat Example <pat@example.com>"\n',
  },
  check(ctx) {
    for (const instr of ctx.file.instructions) {
      if (instr.keyword !== 'MAINTAINER') continue;
      ctx.report({
        instruction: instr,
        range: instr.keywordRange,
        message: 'MAINTAINER is deprecated; use `LABEL org.opencontainers.image.authors="…"` instead',
        fix: labelFix(ctx, instr),
      });
    }
  },
});
