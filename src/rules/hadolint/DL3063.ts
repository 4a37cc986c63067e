import { defineRule } from '../define.js';

const RESERVED = new Set(['scratch', 'context']);

/** Reserved stage names. */
export default defineRule({
  id: 'DL3063',
  severity: 'warning',
  summary: 'Do not use reserved words as stage names',
  origin: 'hadolint',
  category: 'correctness',
  fix: 'none',
  docs: {
    description: 'Reports stages named `scratch` or `context` (`FROM … AS scratch`), compared case-insensitively as BuildKit lower-cases stage names.',
    why: '`scratch` is the empty base image and `context` names the build context in `--from`/`--mount` (and `docker buildx bake` contexts): a stage with such a name is ambiguous, and BuildKit rejects or misreads references to it.',
    bad: 'FROM golang:1.22 AS context\n',
    good: 'FROM golang:1.22 AS build\n',
  },
  check(ctx) {
    for (const stage of ctx.file.stages) {
      if (!stage.name || !RESERVED.has(stage.name.toLowerCase())) continue;
      ctx.report({
        instruction: stage.from,
        range: stage.nameRange ?? stage.from.range,
        message: `\`${stage.name}\` is a reserved name; give the stage another name`,
      });
    }
  },
});
