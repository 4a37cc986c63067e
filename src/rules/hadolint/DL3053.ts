import { defineRule } from '../define.js';
import { checkTypedLabels } from '../lib/labels.js';

/** Labels of type `rfc3339` in the label schema must hold a valid value. */
export default defineRule({
  id: 'DL3053',
  severity: 'warning',
  summary: 'Label is not a valid RFC 3339 time',
  origin: 'hadolint',
  category: 'maintainability',
  fix: 'none',
  docs: {
    description:
      'Only with a `label-schema`: for each label of type `rfc3339`, reports a `LABEL` instruction that sets it to a value that is not an RFC 3339 date-time: `YYYY-MM-DDTHH:MM:SS`, optional fraction, and `Z` or a `±HH:MM` offset, with a real calendar date (`2024-02-30T…` fails; a date alone fails). Labels outside the schema are not checked. One finding per label and instruction, at the value.',
    why: 'Build dates (`org.opencontainers.image.created`) are compared and sorted by tools; only a complete timestamp with a time zone is unambiguous.',
    bad: 'FROM alpine:3.19\nLABEL build-date="yesterday"\n',
    good: 'FROM alpine:3.19\nLABEL build-date="2024-05-01T12:30:00Z"\n',
    config: { 'label-schema': { 'build-date': 'rfc3339' } },
    differences:
      'Values are expanded with the ARG/ENV defaults in scope, as the builder does; a value that uses a variable without a known value (`LABEL build-date=$X` after `ARG X`) is not checked, since only the build decides it (hadolint checks the text as written).',
  },
  check(ctx) {
    checkTypedLabels(ctx, 'rfc3339', (label, value) => `Label \`${label}\` is not a valid time format - must conform to RFC 3339: \`${value}\``);
  },
});
