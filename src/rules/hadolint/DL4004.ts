import { defineRule } from '../define.js';
import { repeatedInStage } from '../lib/hadolint.js';

/** More than one ENTRYPOINT in a stage. */
export default defineRule({
  id: 'DL4004',
  severity: 'error',
  summary: 'Multiple `ENTRYPOINT` instructions found',
  origin: 'hadolint',
  category: 'correctness',
  fix: 'none',
  docs: {
    description: 'Reports the second and every later `ENTRYPOINT` of a build stage. The count restarts at each FROM.',
    why: 'Only the last ENTRYPOINT of a stage takes effect: the earlier ones are dead code that misleads readers about what the container runs.',
    bad: 'FROM debian:12\nENTRYPOINT ["bash"]\nRUN echo mid\nENTRYPOINT ["sh"]\n',
    good: 'FROM debian:12\nRUN echo mid\nENTRYPOINT ["sh"]\n',
  },
  check(ctx) {
    for (const { first, repeat } of repeatedInStage(ctx.file, 'ENTRYPOINT')) {
      ctx.report({
        instruction: repeat,
        range: repeat.keywordRange,
        message: `Another ENTRYPOINT is on line ${first.line}; only the last ENTRYPOINT of a stage takes effect, keep one`,
      });
    }
  },
});
