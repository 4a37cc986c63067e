import { defineRule } from '../define.js';
import { checkTypedLabels } from '../lib/labels.js';

/** Labels of type `hash` in the label schema must hold a valid value. */
export default defineRule({
  id: 'DL3055',
  severity: 'warning',
  summary: 'Label is not a valid git hash',
  origin: 'hadolint',
  category: 'maintainability',
  fix: 'none',
  docs: {
    description:
      'Only with a `label-schema`: for each label of type `hash`, reports a `LABEL` instruction that sets it to a value that is not a git commit hash: only `0-9` and lower-case `a-f`, exactly 7 (short) or 40 (full SHA-1) characters. Labels outside the schema are not checked. One finding per label and instruction, at the value.',
    why: 'A revision label (`org.opencontainers.image.revision`) ties an image to the commit it was built from; a branch name or tag moves and identifies nothing.',
    bad: 'FROM alpine:3.19\nLABEL revision="main-branch"\n',
    good: 'FROM alpine:3.19\nLABEL revision="9fceb02"\n',
    config: { 'label-schema': { revision: 'hash' } },
    differences:
      'Values are expanded with the ARG/ENV defaults in scope, as the builder does; a value that uses a variable without a known value (`LABEL revision=$X` after `ARG X`) is not checked, since only the build decides it (hadolint checks the text as written).',
  },
  check(ctx) {
    checkTypedLabels(ctx, 'hash', (label, value) => `Label \`${label}\` is not a valid git hash: \`${value}\``);
  },
});
