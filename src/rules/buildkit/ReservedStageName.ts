import { defineRule } from '../define.js';

const RESERVED = new Set(['scratch', 'context']);

export default defineRule({
  id: 'ReservedStageName',
  severity: 'warning',
  summary: 'Reserved words should not be used as stage names',
  origin: 'buildkit',
  category: 'correctness',
  fix: 'none',
  docs: {
    description:
      'Reports a stage named `scratch` or `context` (compared in lower case). `FROM scratch` without a name is fine. Docker documents the check at https://docs.docker.com/go/dockerfile/rule/reserved-stage-name/.',
    why: '`scratch` is the empty base image and `context` names the build context in `COPY --from=context` and named contexts; a stage with such a name is ambiguous, and BuildKit refuses it.',
    bad: 'FROM alpine:3.20 AS scratch\nRUN echo hi > /hi\nFROM alpine:3.20\nCOPY --from=scratch /hi /hi\n',
    good: 'FROM alpine:3.20 AS greeting\nRUN echo hi > /hi\nFROM alpine:3.20\nCOPY --from=greeting /hi /hi\n',
  },
  check(ctx) {
    for (const stage of ctx.file.stages) {
      if (stage.name === null || !RESERVED.has(stage.name.toLowerCase())) continue;
      ctx.report({
        instruction: stage.from,
        range: stage.nameRange ?? stage.from.range,
        message: `Stage name '${stage.name}' is reserved (it names ${stage.name.toLowerCase() === 'scratch' ? 'the empty base image' : 'the build context'}); choose another name`,
      });
    }
  },
});
