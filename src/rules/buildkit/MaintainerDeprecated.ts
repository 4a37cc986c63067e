import { defineRule } from '../define.js';
import { keywordUpperUnlessLower } from '../lib/buildkit.js';

/** Quotes `value` for a double-quoted LABEL value, so that the builder reads it back unchanged. */
function quoteLabelValue(value: string, escape: string): string {
  let out = '';
  for (const ch of value) {
    if (ch === '"' || ch === '$' || ch === escape) out += escape + ch;
    else out += ch;
  }
  return `"${out}"`;
}

export default defineRule({
  id: 'MaintainerDeprecated',
  severity: 'warning',
  summary: 'The MAINTAINER instruction is deprecated, use a label instead to define an image author',
  origin: 'buildkit',
  category: 'maintainability',
  fix: 'safe',
  docs: {
    description:
      'Reports every `MAINTAINER` instruction. Docker deprecated it in favour of the `org.opencontainers.image.authors` label (OCI image annotations). Docker documents the check at https://docs.docker.com/go/dockerfile/rule/maintainer-deprecated/.',
    why: '`MAINTAINER` only fills the legacy `Author` field of the image config, which registries and tools no longer show. The OCI label is read by registries, scanners and `docker inspect` alike.',
    bad: 'FROM alpine:3.20\nMAINTAINER Jane Doe <jane@example.com>\n',
    good: 'FROM alpine:3.20\nLABEL org.opencontainers.image.authors="Jane Doe <jane@example.com>"\n',
    differences:
      'The fix rewrites the instruction as `LABEL org.opencontainers.image.authors="..."` with the same text (quoted so that the builder does not expand `$` in it).',
  },
  check(ctx) {
    for (const instr of ctx.file.instructions) {
      if (instr.keyword !== 'MAINTAINER') continue;
      const value = instr.args.text;
      const label = `${keywordUpperUnlessLower(instr.keywordRaw, 'LABEL')} org.opencontainers.image.authors=${quoteLabelValue(value, ctx.file.escape)}`;
      ctx.report({
        instruction: instr,
        range: instr.keywordRange,
        message: `MAINTAINER is deprecated: write the author as a label instead, ${label}`,
        fix: ctx.edit().replace(instr.range, label).safe('Replace MAINTAINER with the org.opencontainers.image.authors label'),
      });
    }
  },
});
