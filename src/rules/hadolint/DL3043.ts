import { defineRule } from '../define.js';

const FORBIDDEN = new Set(['ONBUILD', 'FROM', 'MAINTAINER']);

/** ONBUILD cannot wrap ONBUILD, FROM or MAINTAINER. */
export default defineRule({
  id: 'DL3043',
  severity: 'error',
  summary: '`ONBUILD`, `FROM` or `MAINTAINER` triggered from within `ONBUILD` instruction',
  origin: 'hadolint',
  category: 'correctness',
  fix: 'none',
  docs: {
    description: 'Reports `ONBUILD ONBUILD …`, `ONBUILD FROM …` and `ONBUILD MAINTAINER …`.',
    why: 'Docker does not allow these instructions as ONBUILD triggers: the build of the child image fails ("Chaining ONBUILD via `ONBUILD ONBUILD` isn\'t allowed", "FROM isn\'t allowed as an ONBUILD trigger").',
    bad: 'FROM debian:12\nONBUILD ONBUILD RUN echo nested\n',
    good: 'FROM debian:12\nONBUILD RUN echo child\n',
  },
  check(ctx) {
    for (const instr of ctx.file.instructions) {
      if (instr.keyword !== 'ONBUILD' || !instr.onbuild || !FORBIDDEN.has(instr.onbuild.keyword)) continue;
      ctx.report({
        instruction: instr,
        range: instr.onbuild.keywordRange,
        message: `\`${instr.onbuild.keyword}\` is not allowed as an ONBUILD trigger; remove it from the ONBUILD`,
      });
    }
  },
});
