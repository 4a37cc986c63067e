import { defineRule } from '../define.js';
import type { RuleContext } from '../../engine/types.js';
import type { EditBuilder } from '../../fix/edit.js';
import type { Range, Stage } from '../../parse/types.js';

/**
 * Renames every place that names stage `stage` after its definition: `FROM x`, `COPY --from=x`,
 * `RUN --mount=from=x` (spelled as the stage, case-insensitively, but not already `lower`).
 */
function renameReferences(ctx: RuleContext, edit: EditBuilder, stage: Stage, lower: string): void {
  const file = ctx.file;
  const name = lower;
  const rename = (at: Range): void => {
    const written = file.text.slice(at.start.offset, at.end.offset);
    if (written.toLowerCase() === name && written !== lower) edit.replace(at, lower);
  };
  for (const later of file.stages) {
    if (later.index <= stage.index) continue;
    if (later.base.kind === 'stage' && later.base.stage === stage.index) {
      const w = later.from.words[0];
      if (w && w.raw.toLowerCase() === name) rename(w.range);
    }
  }
  for (const instr of file.instructions) {
    if (instr.range.start.offset <= stage.from.range.start.offset) continue;
    for (const flag of instr.flags) {
      if ((instr.keyword === 'COPY' || instr.keyword === 'ADD') && flag.name === 'from' && flag.valueRange && flag.value?.toLowerCase() === name) rename(flag.valueRange);
    }
    for (const mount of ctx.facts(instr).mounts) {
      for (const field of mount.fields) if (field.key === 'from' && field.value.toLowerCase() === name) rename(field.valueRange);
    }
  }
}

export default defineRule({
  id: 'StageNameCasing',
  severity: 'warning',
  summary: 'Stage names should be lowercase',
  origin: 'buildkit',
  category: 'maintainability',
  fix: 'safe',
  docs: {
    description:
      'Reports a `FROM <image> AS <name>` whose stage name has upper-case letters. BuildKit lower-cases stage names before using them, so `AS Build` defines the stage `build`. One finding per FROM. Docker documents the check at https://docs.docker.com/go/dockerfile/rule/stage-name-casing/.',
    why: 'Stage names are case-insensitive: `COPY --from=Build`, `--from=BUILD` and `--from=build` all mean the same stage, and `docker build --target` takes the lower-case name. Writing them in lower case keeps the Dockerfile, the references and the build commands in agreement.',
    bad: 'FROM golang:1.22 AS Builder\nRUN go build -o /app .\nFROM alpine:3.20\nCOPY --from=Builder /app /app\n',
    good: 'FROM golang:1.22 AS builder\nRUN go build -o /app .\nFROM alpine:3.20\nCOPY --from=builder /app /app\n',
    differences:
      'The fix renames the stage and every later reference to it (`FROM <stage>`, `COPY --from=`, `RUN --mount=...,from=`); references inside `ONBUILD` triggers name stages of a downstream build and are left alone.',
  },
  check(ctx) {
    const file = ctx.file;
    for (const stage of file.stages) {
      if (stage.name === null || stage.nameRange === null) continue;
      const lower = stage.name.toLowerCase();
      if (stage.name === lower) continue;
      const edit = ctx.edit().replace(stage.nameRange, lower);
      renameReferences(ctx, edit, stage, lower);
      ctx.report({
        at: stage.nameRange,
        message: `Stage name '${stage.name}' should be lowercase: BuildKit treats it as '${lower}'; write 'AS ${lower}' and refer to it as '${lower}'`,
        fix: edit.safe(`Rename the stage to '${lower}'`),
      });
    }
  },
});
