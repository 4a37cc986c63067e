import { defineRule } from '../define.js';
import { labelInstructions } from '../lib/labels.js';

/** With `strict-labels`, only the labels of the schema may be set. */
export default defineRule({
  id: 'DL3050',
  severity: 'info',
  summary: 'Superfluous label(s) present',
  origin: 'hadolint',
  category: 'maintainability',
  fix: 'none',
  docs: {
    description:
      'Only with `strict-labels: true`: reports each `LABEL` instruction that sets a key not listed in `label-schema` (with an empty schema, every label). One finding per instruction, at the first extra key.',
    why: 'A label schema documents exactly which metadata an image carries. Strict mode keeps images from accumulating ad-hoc labels that no tool reads and that drift between images.',
    bad: 'FROM alpine:3.19\nLABEL team="core" stage="beta"\n',
    good: 'FROM alpine:3.19\nLABEL team="core"\n',
    config: { 'label-schema': { team: 'text' }, 'strict-labels': true },
  },
  check(ctx) {
    if (!ctx.settings.strictLabels) return;
    const schema = ctx.settings.labelSchema;
    for (const instr of labelInstructions(ctx)) {
      const extra = instr.pairs.filter((p) => !Object.prototype.hasOwnProperty.call(schema, p.key));
      if (extra.length === 0) continue;
      ctx.report({
        instruction: instr,
        range: extra[0].keyRange,
        message: `Superfluous label(s) present: ${extra.map((p) => `\`${p.key}\``).join(', ')} not in the label schema`,
      });
    }
  },
});
