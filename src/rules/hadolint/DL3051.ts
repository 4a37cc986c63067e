import { defineRule } from '../define.js';
import { labelInstructions, labelValues } from '../lib/labels.js';

/** Labels of the schema must not be empty. */
export default defineRule({
  id: 'DL3051',
  severity: 'warning',
  summary: 'Label is empty',
  origin: 'hadolint',
  category: 'maintainability',
  fix: 'none',
  docs: {
    description:
      'Only with a `label-schema`: reports a `LABEL` instruction that sets a schema label (of any type) to an empty value. Labels outside the schema may be empty. One finding per label and instruction.',
    why: 'A required label that is present but empty satisfies DL3049 without carrying the information the schema asks for.',
    bad: 'FROM alpine:3.19\nLABEL summary=""\n',
    good: 'FROM alpine:3.19\nLABEL summary="Image processing service"\n',
    config: { 'label-schema': { summary: 'text' } },
    differences:
      'Values are expanded with the ARG/ENV defaults in scope, as the builder does; a value that uses a variable without a known value is not checked (hadolint checks the text as written).',
  },
  check(ctx) {
    const labels = Object.keys(ctx.settings.labelSchema);
    if (labels.length === 0) return;
    for (const instr of labelInstructions(ctx)) {
      const values = labelValues(ctx, instr);
      for (const label of labels) {
        const empty = values.find((v) => v.pair.key === label && v.value === '');
        if (empty) ctx.report({ instruction: instr, range: empty.range, message: `Label \`${label}\` is empty` });
      }
    }
  },
});
