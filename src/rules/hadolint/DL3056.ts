import { defineRule } from '../define.js';
import { checkTypedLabels } from '../lib/labels.js';

/** Labels of type `semver` in the label schema must hold a valid value. */
export default defineRule({
  id: 'DL3056',
  severity: 'warning',
  summary: 'Label does not conform to semantic versioning',
  origin: 'hadolint',
  category: 'maintainability',
  fix: 'none',
  docs: {
    description:
      'Only with a `label-schema`: for each label of type `semver`, reports a `LABEL` instruction that sets it to a value that is not a Semantic Versioning 2.0.0 version: `MAJOR.MINOR.PATCH` with optional `-pre.release` and `+build` parts, no leading zeros; `v1.2.3` and `1.2` fail. Labels outside the schema are not checked. One finding per label and instruction, at the value.',
    why: 'Version labels are compared by deployment and update tools; only a strict semantic version orders correctly.',
    bad: 'FROM alpine:3.19\nLABEL version="release-one"\n',
    good: 'FROM alpine:3.19\nLABEL version="1.4.2"\n',
    config: { 'label-schema': { version: 'semver' } },
    differences:
      'Values are expanded with the ARG/ENV defaults in scope, as the builder does; a value that uses a variable without a known value (`LABEL version=$X` after `ARG X`) is not checked, since only the build decides it (hadolint checks the text as written).',
  },
  check(ctx) {
    checkTypedLabels(ctx, 'semver', (label, value) => `Label \`${label}\` does not conform to semantic versioning: \`${value}\``);
  },
});
