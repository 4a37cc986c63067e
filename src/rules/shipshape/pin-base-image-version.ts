import { defineRule } from '../define.js';
import { DEBIAN_CODENAMES, floatingTag, imageKey, tagShape, fromImageWord, isScratch } from '../lib/images.js';

/**
 * Fires on FROM images whose tag floats: a version coarser than the image publishes, a channel word, or
 * a variant without a version. Untagged and `:latest` images are DL3006/DL3007's.
 */
export default defineRule({
  id: 'pin-base-image-version',
  severity: 'warning',
  summary: 'Pin the base image to a full version (or a digest)',
  origin: 'shipshape',
  category: 'reproducibility',
  fix: 'none',
  docs: {
    description:
      'Reports a `FROM` image (after expanding global `ARG` defaults) whose tag floats: a version with fewer components than the image publishes (`python:3.11-slim` while `3.11.9-slim` exists, `debian:12` while `12.6` exists, `ruby:3`), a Debian codename without a date (`debian:bookworm-slim` moves like `12`), a release channel (`lts`, `stable`, `current`, `edge`, `sid`...) or a variant without any version (`python:slim`, `golang:alpine`). How many components a pinned tag has comes from a small table of official images (python, node, golang, ruby, php: 3; postgres ≥ 10, debian, ubuntu: 2; alpine, nginx, redis: 3...; `buildpack-deps` publishes only codenames). For other images only major-only versions (`3`, `3-alpine`; numbers of 1000 or more such as Windows `1809` are builds, not majors) and channel words are reported. Not reported: a digest (`@sha256:...` pins exactly), `scratch`, earlier stages, images that depend on a variable without a default, untagged images and `:latest` (DL3006, DL3007).',
    why: 'A floating tag is re-pointed at every release: the same Dockerfile builds a different image next week, a patch release can change behaviour without any change in your repository, and a rebuild cannot reproduce what is running. Pin the full version (and let a bot such as Renovate or Dependabot propose upgrades), or pin a digest.',
    bad: 'FROM python:3.11-slim\nCMD ["python"]\n',
    good: 'FROM python:3.11.9-slim\nCMD ["python"]\n',
  },
  check(ctx) {
    for (const stage of ctx.file.stages) {
      if (stage.base.kind !== 'image') continue;
      const image = stage.base.image;
      if (image.unresolved || isScratch(image) || image.digest !== null) continue;
      const tag = image.tag;
      if (tag === null || tag === 'latest') continue;
      const verdict = floatingTag(image, tag);
      if (verdict === null) continue;
      const key = imageKey(image);
      const via = image.raw !== image.expanded ? ` (from the ARG default of \`${image.raw}\`)` : '';
      const rest = tag.includes('-') ? tag.slice(tag.indexOf('-')) : '';
      let message: string;
      switch (verdict.kind) {
        case 'coarse-version': {
          const shape = tagShape(tag);
          const wanted = verdict.wanted ?? shape.numbers.length + 1;
          const example = [...shape.numbers.map(String), ...Array.from({ length: wanted - shape.numbers.length }, () => 'x')].join('.');
          message = `Tag \`${tag}\` of \`${key}\`${via} floats: ${shape.numbers.length === 1 ? 'a major-only version' : `a ${shape.numbers.length}-part version`} moves to every new release. Pin the full version (\`${key}:${example}${rest}\`) or a digest (\`@sha256:...\`)`;
          break;
        }
        case 'codename':
          message = `Tag \`${tag}\` of \`${key}\`${via} floats with every Debian point release. Pin a point release (\`debian:${DEBIAN_CODENAMES.get(tag.split('-')[0]) ?? '<major>'}.x${rest}\`), a dated tag (\`${tag.split('-')[0]}-YYYYMMDD${rest}\`) or a digest`;
          break;
        case 'channel':
          message = `Tag \`${tag}\` of \`${key}\`${via} is a release channel that moves as new versions come out. Pin a version tag or a digest (\`@sha256:...\`)`;
          break;
        default:
          message = `Tag \`${tag}\` of \`${key}\`${via} names no version: it follows the newest release. Pin a tag with the full version or a digest (\`@sha256:...\`)`;
      }
      const word = fromImageWord(stage);
      ctx.report({ instruction: stage.from, range: word?.range ?? stage.from.range, message });
    }
  },
});
