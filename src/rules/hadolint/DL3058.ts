import { defineRule } from '../define.js';
import { checkTypedLabels } from '../lib/labels.js';

/** Labels of type `email` in the label schema must hold a valid value. */
export default defineRule({
  id: 'DL3058',
  severity: 'warning',
  summary: 'Label is not a valid email address',
  origin: 'hadolint',
  category: 'maintainability',
  fix: 'none',
  docs: {
    description:
      'Only with a `label-schema`: for each label of type `email`, reports a `LABEL` instruction that sets it to a value that is not an RFC 5322 address (`addr-spec`, as the email-validate library hadolint uses checks it): `local@domain` with a dot-atom or quoted local part and a domain name or `[literal]`; no display names or blanks. Labels outside the schema are not checked. One finding per label and instruction, at the value.',
    why: 'Contact labels (`maintainer`, `org.opencontainers.image.authors`) are used to reach the owners of an image; a value that is not an address cannot be used.',
    bad: 'FROM alpine:3.19\nLABEL contact="ops team"\n',
    good: 'FROM alpine:3.19\nLABEL contact="ops@example.com"\n',
    config: { 'label-schema': { contact: 'email' } },
    differences:
      'Values are expanded with the ARG/ENV defaults in scope, as the builder does; a value that uses a variable without a known value (`LABEL contact=$X` after `ARG X`) is not checked, since only the build decides it (hadolint checks the text as written).',
  },
  check(ctx) {
    checkTypedLabels(ctx, 'email', (label, value) => `Label \`${label}\` is not a valid email format - must conform to RFC 5322: \`${value}\``);
  },
});
