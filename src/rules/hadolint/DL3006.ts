import { defineRule } from '../define.js';
import { fromImageWord, isScratch } from '../lib/images.js';

/** FROM without a tag. */
export default defineRule({
  id: 'DL3006',
  severity: 'warning',
  summary: 'Always tag the version of an image explicitly',
  origin: 'hadolint',
  category: 'reproducibility',
  fix: 'none',
  docs: {
    description:
      'Reports a `FROM` whose image has neither a tag nor a digest. Not reported: `scratch`, an earlier stage named after `AS`, and images that depend on a variable without a default. Global `ARG` defaults are expanded first, so `ARG BASE=alpine:3.20` / `FROM ${BASE}` is judged as `alpine:3.20`.',
    why: 'An untagged image means `:latest`, which moves with every release: the same Dockerfile builds a different image tomorrow, and a major upgrade can break the build or the application without any change on your side.',
    bad: 'FROM debian\nRUN echo hi\n',
    good: 'FROM debian:12.6\nRUN echo hi\n',
    differences:
      'hadolint skips every image whose name starts with `$`. shipshape expands global `ARG` defaults as BuildKit does and judges the result (an `ARG` without a default is still skipped), so `ARG BASE=alpine` / `FROM $BASE` is reported while `ARG BASE=alpine:3.20` is not.',
  },
  check(ctx) {
    for (const stage of ctx.file.stages) {
      if (stage.base.kind !== 'image') continue;
      const image = stage.base.image;
      if (image.unresolved || isScratch(image)) continue;
      if (image.tag !== null || image.digest !== null) continue;
      const word = fromImageWord(stage);
      const name = image.expanded;
      const via = image.raw !== image.expanded ? ` (\`${image.raw}\` with its ARG default)` : '';
      ctx.report({
        instruction: stage.from,
        range: word?.range ?? stage.from.range,
        message: `Always tag the version of an image explicitly: \`${name}\`${via} has no tag and means \`${name}:latest\`; write a version tag such as \`${name}:<version>\``,
      });
    }
  },
});
