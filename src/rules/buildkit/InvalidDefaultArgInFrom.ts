import { defineRule } from '../define.js';
import { expandFrom } from '../../parse/semantics.js';
import { referenceError } from '../lib/reference.js';

export default defineRule({
  id: 'InvalidDefaultArgInFrom',
  severity: 'warning',
  summary: 'Default value for global ARG results in an empty or invalid base image name',
  origin: 'buildkit',
  category: 'correctness',
  fix: 'none',
  docs: {
    description:
      'Expands each `FROM` image with the defaults of the ARGs declared before the first FROM (and the automatic platform ARGs), as a build without `--build-arg` would, and reports it when the result is empty or not a valid image reference: `ARG TAG` then `FROM alpine:$TAG` gives `alpine:`. `${TAG:-3.20}` and variables that expand to nothing inside a valid name (`busybox:stable$V`) are fine. As in BuildKit, a name without variables that is not a valid reference (`FROM Ubuntu:22.04`) is reported too. Docker documents the check at https://docs.docker.com/go/dockerfile/rule/invalid-default-arg-in-from/.',
    why: 'A Dockerfile should build with `docker build .` alone. When the base image only becomes valid with a `--build-arg`, a plain build fails with a confusing reference error; give the ARG a working default.',
    bad: 'ARG TAG\nFROM alpine:${TAG}\nRUN true\n',
    good: 'ARG TAG=3.20\nFROM alpine:${TAG}\nRUN true\n',
    differences:
      'Per-instruction `# check=skip=` comments do not apply to this check (BuildKit runs it with the file-level configuration only). A FROM that names an earlier stage is not checked (BuildKit also validates it as an image name, so `FROM Builder` for a stage `AS Builder` would be reported; StageNameCasing covers that case).',
  },
  check(ctx) {
    const file = ctx.file;
    const sem = ctx.semantics;
    for (const stage of file.stages) {
      const exp = expandFrom(file, sem, stage);
      if (stage.base.kind === 'stage') continue;
      if (exp.image.error !== null) continue;
      const err = referenceError(exp.image.value);
      if (err === null) continue;
      const word = stage.from.words[0];
      ctx.report({
        instruction: stage.from,
        range: word?.range ?? stage.from.range,
        message: !exp.imageRaw.includes('$')
          ? `Base image name '${exp.imageRaw}' is not a valid image reference (${err}); the build will fail: write a valid name`
          : `Default value for ARG ${exp.imageRaw} results in ${exp.image.value === '' ? 'an empty base image name' : `the invalid base image name '${exp.image.value}' (${err})`}: give the global ARG a default that makes a valid image name`,
      });
    }
  },
});
