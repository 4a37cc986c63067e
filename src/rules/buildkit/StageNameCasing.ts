import { defineRule } from '../define.js';
import type { TextEdit } from '../../engine/types.js';
import type { Dockerfile, Instruction, Stage } from '../../parse/types.js';

/** Every place that names stage `stage` after its definition: `FROM x`, `COPY --from=x`, `RUN --mount=from=x`. */
function referenceEdits(file: Dockerfile, stage: Stage, lower: string): TextEdit[] {
  const edits: TextEdit[] = [];
  const name = stage.name!.toLowerCase();
  const text = file.text;
  const replaceExact = (start: number, end: number): void => {
    if (text.slice(start, end).toLowerCase() === name && text.slice(start, end) !== lower) edits.push({ start, end, text: lower });
  };
  for (const later of file.stages) {
    if (later.index <= stage.index) continue;
    if (later.base.kind === 'stage' && later.base.stage === stage.index) {
      const w = later.from.words[0];
      if (w && w.raw.toLowerCase() === name) replaceExact(w.range.start.offset, w.range.end.offset);
    }
  }
  const after = (i: Instruction): boolean => i.range.start.offset > stage.from.range.start.offset;
  for (const instr of file.instructions) {
    if (!after(instr)) continue;
    for (const flag of instr.flags) {
      if ((instr.keyword === 'COPY' || instr.keyword === 'ADD') && flag.name === 'from' && flag.valueRange && flag.value?.toLowerCase() === name) {
        replaceExact(flag.valueRange.start.offset, flag.valueRange.end.offset);
      }
      if (instr.keyword === 'RUN' && flag.name === 'mount') {
        // `from=<name>` fields of the mount, located in the flag as written.
        const raw = text.slice(flag.range.start.offset, flag.range.end.offset);
        const re = /(^|[=,"])from=([^,"\s]+)/g;
        for (let m = re.exec(raw); m; m = re.exec(raw)) {
          if (m[2].toLowerCase() !== name) continue;
          const start = flag.range.start.offset + m.index + m[1].length + 'from='.length;
          replaceExact(start, start + m[2].length);
        }
      }
    }
  }
  return edits;
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
      const edits = [{ start: stage.nameRange.start.offset, end: stage.nameRange.end.offset, text: lower }, ...referenceEdits(file, stage, lower)];
      ctx.report({
        instruction: stage.from,
        range: stage.nameRange,
        message: `Stage name '${stage.name}' should be lowercase: BuildKit treats it as '${lower}'; write 'AS ${lower}' and refer to it as '${lower}'`,
        fix: { applicability: 'safe', description: `Rename the stage to '${lower}'`, edits },
      });
    }
  },
});
