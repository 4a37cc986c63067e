import { defineRule } from '../define.js';
import { invalidLabelKey, labelInstructions } from '../lib/labels.js';

/** LABEL keys should follow Docker's key format recommendations. */
export default defineRule({
  id: 'DL3048',
  severity: 'style',
  summary: 'Invalid label key',
  origin: 'hadolint',
  category: 'maintainability',
  fix: 'none',
  docs: {
    description:
      'Reports a `LABEL` instruction with a key that does not follow Docker\'s key format: a key must start with a lower-case letter, end with a lower-case letter or digit, contain only `a-z`, `0-9`, `.`, `-`, `_` and `/`, not contain `..` or `--`, and not use the namespaces Docker reserves (`com.docker.`, `io.docker.`, `org.dockerproject.`). Any upper-case letter makes a key invalid. One finding per instruction, at the first invalid key.',
    why: 'Docker recommends reverse-DNS, lower-case label keys so that labels from different tools do not collide and can be queried reliably (`docker inspect`, `--filter label=`). The reserved namespaces belong to Docker itself.',
    bad: 'FROM alpine:3.19\nLABEL Maintainer="ops@example.com" com.docker.version="1"\n',
    good: 'FROM alpine:3.19\nLABEL maintainer="ops@example.com" org.example.version="1"\n',
  },
  check(ctx) {
    for (const instr of labelInstructions(ctx)) {
      const bad = instr.pairs
        .map((pair) => ({ pair, why: invalidLabelKey(pair.key) }))
        .filter((b) => b.why !== null);
      if (bad.length === 0) continue;
      const first = bad[0];
      const others = bad.length > 1 ? ` (and ${bad.slice(1).map((b) => `\`${b.pair.key}\``).join(', ')})` : '';
      ctx.report({
        instruction: instr,
        range: first.pair.keyRange,
        message: `Invalid label key \`${first.pair.key}\`: it ${first.why}${others}`,
      });
    }
  },
});
