import { defineRule } from '../define.js';
import { checkTypedLabels } from '../lib/labels.js';

/** Labels of type `spdx` in the label schema must hold a valid value. */
export default defineRule({
  id: 'DL3054',
  severity: 'warning',
  summary: 'Label is not a valid SPDX identifier',
  origin: 'hadolint',
  category: 'maintainability',
  fix: 'none',
  docs: {
    description:
      "Only with a `label-schema`: for each label of type `spdx`, reports a `LABEL` instruction that sets it to a value that is not exactly one SPDX license identifier from the SPDX License List (current and deprecated ids, compared case-sensitively as hadolint's Cabal parser does): `MIT`, `Apache-2.0`, `GPL-3.0-or-later`. License expressions (`MIT OR Apache-2.0`), `+` suffixes and `LicenseRef-` ids fail. Labels outside the schema are not checked. One finding per label and instruction, at the value.",
    why: 'License scanners and SBOM generators read `org.opencontainers.image.licenses`; a free-form value cannot be matched to a license.',
    bad: 'FROM alpine:3.19\nLABEL license="proprietary-ish"\n',
    good: 'FROM alpine:3.19\nLABEL license="Apache-2.0"\n',
    config: { 'label-schema': { license: 'spdx' } },
    differences:
      'Values are expanded with the ARG/ENV defaults in scope, as the builder does; a value that uses a variable without a known value (`LABEL license=$X` after `ARG X`) is not checked, since only the build decides it (hadolint checks the text as written).',
  },
  check(ctx) {
    checkTypedLabels(ctx, 'spdx', (label, value) => `Label \`${label}\` is not a valid SPDX identifier: \`${value}\``);
  },
});
