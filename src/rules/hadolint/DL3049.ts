import type { Stage } from '../../parse/types.js';
import { defineRule } from '../define.js';
import { labelInstructions } from '../lib/labels.js';
import { argsRange } from '../../shell/positions.js';
import { sameStageName } from '../lib/buildkit.js';

/** Every label of the schema must be set in each stage that produces an image. */
export default defineRule({
  id: 'DL3049',
  severity: 'info',
  summary: 'Label is missing',
  origin: 'hadolint',
  category: 'maintainability',
  fix: 'none',
  docs: {
    description:
      'Only with a `label-schema`: for each schema label, reports the `FROM` of every stage that does not set it. A stage has the label when one of its `LABEL` instructions sets it, or when it derives (`FROM <stage>`, transitively) from a stage that has it. A stage without it is excused when it is only an intermediate: a later `COPY --from=<stage>` copies from it, or a stage derived from it (directly or through other stages) sets the label.',
    why: 'A label schema says which metadata every image must carry (owner, source, version, licence). Registries, scanners and deployment tools rely on it; an image built without it cannot be traced back to its owner or source.',
    bad: 'FROM alpine:3.19\nLABEL team="core"\n',
    good: 'FROM alpine:3.19\nLABEL team="core" owner="platform@example.com"\n',
    config: { 'label-schema': { owner: 'text' } },
    differences:
      'A stage is excused when any later stage derived from it sets the label, through any chain of `FROM <stage>` and whether or not that stage has its own `AS` name; hadolint excuses only the direct parent of a stage without a name of its own. `COPY --from=<index>` counts like `COPY --from=<name>`, as it does for the builder.',
  },
  check(ctx) {
    const labels = Object.keys(ctx.settings.labelSchema);
    if (labels.length === 0) return;
    const { stages } = ctx.file;
    const copiedFrom = new Set<number>();
    for (const instr of ctx.file.instructions) {
      if (instr.keyword !== 'COPY') continue;
      const from = ctx.facts(instr).copy!.from;
      if (from === null) continue;
      const byName = stages.find((s) => s.index < instr.stageIndex && s.name !== null && sameStageName(s.name, from));
      if (byName) copiedFrom.add(byName.index);
      else if (/^\d+$/.test(from) && Number(from) < instr.stageIndex) copiedFrom.add(Number(from));
    }
    const labelled = labelInstructions(ctx);
    for (const label of labels) {
      const sets = new Set(labelled.filter((i) => i.pairs.some((p) => p.key === label)).map((i) => i.stageIndex));
      const has = (s: Stage): boolean => sets.has(s.index) || ctx.stage(s).ancestors.some((a) => sets.has(a.index));
      const excused = new Set<number>(copiedFrom);
      for (const s of stages) {
        if (sets.has(s.index)) for (const a of ctx.stage(s).ancestors) excused.add(a.index);
      }
      for (const s of stages) {
        if (has(s) || excused.has(s.index)) continue;
        ctx.report({ instruction: s.from, range: argsRange(ctx.file, s.from), message: `Label \`${label}\` is missing` });
      }
    }
  },
});
