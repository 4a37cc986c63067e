import { defineRule } from '../define.js';
import { sameStageName } from '../lib/buildkit.js';

/** `COPY --from` cannot name the stage it is in. */
export default defineRule({
  id: 'DL3023',
  severity: 'error',
  summary: 'COPY --from cannot reference its own FROM alias',
  origin: 'hadolint',
  category: 'correctness',
  fix: 'none',
  docs: {
    description: 'Reports `COPY --from=<name>` where `<name>` is the name of the stage the COPY belongs to. Numeric stage indexes are not checked.',
    why: 'A stage cannot copy from itself: BuildKit sees a circular dependency and the build fails.',
    bad: 'FROM node:20 AS app\nCOPY --from=app /dist /srv\n',
    good: 'FROM node:20 AS build\nRUN echo build\nFROM node:20 AS app\nCOPY --from=build /dist /srv\n',
    differences: 'Stage names are compared case-insensitively, as BuildKit does.',
  },
  check(ctx) {
    for (const instr of ctx.file.instructions) {
      if (instr.keyword !== 'COPY' || instr.stageIndex < 0) continue;
      const flag = instr.flags.find((f) => f.name === 'from');
      const stage = ctx.file.stages[instr.stageIndex];
      if (!flag || flag.value === null || !stage?.name || !sameStageName(stage.name, flag.value)) continue;
      ctx.report({
        instruction: instr,
        range: flag.range,
        message: `\`--from=${flag.value}\` names the stage this COPY is in; copy from an earlier stage instead`,
      });
    }
  },
});
