import { defineRule } from '../define.js';
import { parsePragma } from '../../engine/pragmas.js';

/**
 * Reports inline ignore pragmas (`# hadolint ignore=...`). Off by default, as in hadolint: enable it
 * with an `override` to make every inline suppression visible in review.
 */
export default defineRule({
  id: 'DL1001',
  severity: 'off',
  summary: 'Avoid inline ignore pragmas',
  origin: 'hadolint',
  category: 'maintainability',
  fix: 'none',
  docs: {
    description:
      'Reports every comment that is an inline ignore pragma (`# hadolint ignore=DL3008` or `# shipshape ignore=...`, the form that suppresses findings on the next instruction). `global ignore=`, `stage ignore=` and `shell=` pragmas and ordinary comments are not reported. Off by default; enable it with `override: {info: [DL1001]}`.',
    why: 'Inline suppressions accumulate silently and hide problems from review. Teams that want every exception to be visible and centrally managed list ignored rules in `.hadolint.yaml` instead.',
    bad: 'FROM alpine:3.19\n# hadolint ignore=DL3018\nRUN apk add --no-cache jq\n',
    good: 'FROM alpine:3.19\nRUN apk add --no-cache jq=1.7.1-r0\n',
    config: { override: { info: ['DL1001'] } },
  },
  check(ctx) {
    for (const comment of ctx.file.comments) {
      const pragma = parsePragma(comment);
      if (!pragma || pragma.kind !== 'ignore' || pragma.scope !== 'next') continue;
      ctx.report({
        instruction: null,
        range: comment.range,
        message: `Inline pragma ignores ${pragma.rules.join(', ')}: fix the finding, or ignore the rule in the configuration instead`,
      });
    }
  },
});
