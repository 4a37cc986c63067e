import { defineRule } from '../define.js';
import { repeatedInStage } from '../lib/hadolint.js';

/** One HEALTHCHECK per stage. */
export default defineRule({
  id: 'DL3012',
  severity: 'error',
  summary: 'Multiple HEALTHCHECK instructions',
  origin: 'hadolint',
  category: 'correctness',
  fix: 'none',
  docs: {
    description:
      'Reports the second and every later `HEALTHCHECK` of a build stage (`HEALTHCHECK NONE` counts). The count restarts at each FROM.',
    why: 'Only the last HEALTHCHECK of a stage takes effect; the earlier ones are dead code that readers take for the real check.',
    bad: 'FROM busybox:1.36\nHEALTHCHECK CMD ["/bin/check-a"]\nHEALTHCHECK CMD ["/bin/check-b"]\n',
    good: 'FROM busybox:1.36\nHEALTHCHECK CMD ["/bin/check-b"]\n',
  },
  check(ctx) {
    for (const { first, repeat } of repeatedInStage(ctx.file, 'HEALTHCHECK')) {
      ctx.report({
        instruction: repeat,
        range: repeat.keywordRange,
        message: `Second HEALTHCHECK in this stage (the first is on line ${first.line}); only the last one takes effect, keep one`,
      });
    }
  },
});
