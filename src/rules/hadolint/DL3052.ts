import { defineRule } from '../define.js';
import { checkTypedLabels } from '../lib/labels.js';

/** Labels of type `url` in the label schema must hold a valid value. */
export default defineRule({
  id: 'DL3052',
  severity: 'warning',
  summary: 'Label is not a valid URL',
  origin: 'hadolint',
  category: 'maintainability',
  fix: 'none',
  docs: {
    description:
      'Only with a `label-schema`: for each label of type `url`, reports a `LABEL` instruction that sets it to a value that is not an absolute URL as RFC 3986 defines it (`Network.URI.parseURI`): a scheme followed by `:` (`https:`, `git+ssh:`, `mailto:`) and only URI characters — no blanks; other characters must be percent-encoded. Labels outside the schema are not checked. One finding per label and instruction, at the value.',
    why: 'Tools read URL labels (`org.opencontainers.image.source`, `.url`, `.documentation`) and link to them; a value without a scheme or with blanks is not followed by a registry UI or a provenance tool.',
    bad: 'FROM alpine:3.19\nLABEL homepage="no-scheme-here"\n',
    good: 'FROM alpine:3.19\nLABEL homepage="https://example.com/service"\n',
    config: { 'label-schema': { homepage: 'url' } },
    differences:
      'Values are expanded with the ARG/ENV defaults in scope, as the builder does; a value that uses a variable without a known value (`LABEL homepage=$X` after `ARG X`) is not checked, since only the build decides it (hadolint checks the text as written).',
  },
  check(ctx) {
    checkTypedLabels(ctx, 'url', (label, value) => `Label \`${label}\` is not a valid URL: \`${value}\``);
  },
});
