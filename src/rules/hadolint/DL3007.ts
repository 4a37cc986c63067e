import { defineRule } from '../define.js';
import { fromImageWord, isScratch } from '../lib/images.js';

/** FROM image:latest. */
export default defineRule({
  id: 'DL3007',
  severity: 'warning',
  summary: 'Using latest is prone to errors if the image will ever update. Pin the version explicitly to a release tag',
  origin: 'hadolint',
  category: 'reproducibility',
  fix: 'none',
  docs: {
    description:
      'Reports a `FROM` whose tag is exactly `latest` and that has no digest (`image:latest@sha256:...` is pinned by its digest). Global `ARG` defaults are expanded first.',
    why: '`latest` is whatever was pushed last: builds stop being reproducible and a new major release of the base image can break the build or the application silently.',
    bad: 'FROM redis:latest\n',
    good: 'FROM redis:7.2.5\n',
    differences: 'hadolint reads the FROM text as written; shipshape also judges images given through a global `ARG` default (`ARG IMG=redis:latest` / `FROM $IMG`).',
  },
  check(ctx) {
    for (const stage of ctx.file.stages) {
      if (stage.base.kind !== 'image') continue;
      const image = stage.base.image;
      if (image.unresolved || isScratch(image)) continue;
      if (image.tag !== 'latest' || image.digest !== null) continue;
      const word = fromImageWord(stage);
      const name = image.expanded.slice(0, image.expanded.lastIndexOf(':'));
      ctx.report({
        instruction: stage.from,
        range: word?.range ?? stage.from.range,
        message: `Using \`${image.expanded}\` is prone to errors if the image ever updates: pin a release tag such as \`${name}:<version>\``,
      });
    }
  },
});
