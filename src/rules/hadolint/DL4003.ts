import { defineRule } from '../define.js';
import type { Instruction } from '../../parse/types.js';

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
    for (const stage of ctx.file.stages) {
      let first: Instruction | null = null;
      for (const instr of stage.instructions) {
        if (instr.keyword !== 'CMD') continue;
        if (!first) {
          first = instr;
          continue;
        }
        ctx.report({
          instruction: instr,
          range: instr.keywordRange,
          message: `Another CMD is on line ${first.line}; only the last CMD of a stage takes effect, keep one`,
        });
      }
    }
  },
});
