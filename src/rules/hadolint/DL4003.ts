import { defineRule } from '../define.js';
import { repeatedInStage } from '../lib/hadolint.js';

/** More than one CMD in a stage. */
export default defineRule({
  id: 'DL4003',
  severity: 'warning',
  summary: 'Multiple `CMD` instructions found',
  origin: 'hadolint',
  category: 'correctness',
  fix: 'none',
  docs: {
    description: 'Reports the second and every later `CMD` of a build stage. The count restarts at each FROM.',
    why: 'Only the last CMD of a stage takes effect: the earlier ones are dead code that misleads readers about what the container runs.',
    bad: 'FROM debian:12\nCMD ["bash"]\nRUN echo mid\nCMD ["sh"]\n',
    good: 'FROM debian:12\nRUN echo mid\nCMD ["sh"]\n',
  },
  check(ctx) {
    for (const { first, repeat } of repeatedInStage(ctx.file, 'CMD')) {
      ctx.report({
        instruction: repeat,
        range: repeat.keywordRange,
        message: `Another CMD is on line ${first.line}; only the last CMD of a stage takes effect, keep one`,
      });
    }
  },
});
