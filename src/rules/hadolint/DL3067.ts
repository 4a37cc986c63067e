import { defineRule } from '../define.js';
import type { RuleContext } from '../../engine/types.js';
import type { Dockerfile, Stage } from '../../parse/types.js';
import { sameStageName } from '../lib/buildkit.js';
import { dropQuotes } from '../../engine/facts.js';

/** `tonistiigi/xx`: an image made to be copied whole (`COPY --from=xx / /`), holding only helper scripts. */
function isXx(image: string): boolean {
  return /(^|\/)tonistiigi\/xx([:@]|$)/.test(image);
}

/**
 * True when copying the whole source is the intended use: a stage built `FROM scratch` (it holds only
 * what the Dockerfile put there: the "export stage" idiom), a stage whose base is a variable (often a
 * stage chosen per platform, `FROM binaries-$TARGETOS`), or the `tonistiigi/xx` helper image.
 */
function wholeCopyIntended(ctx: RuleContext, from: string, upTo: number): boolean {
  const file = ctx.file;
  if (isXx(from)) return true;
  const stage = file.stages.slice(0, upTo).find((s) => s.name !== null && sameStageName(s.name, from));
  if (!stage) return false;
  return [stage, ...ctx.stage(stage).ancestors].some((s: Stage) =>
    s.base.kind === 'image' && (s.base.image.unresolved || s.base.image.expanded === 'scratch' || isXx(s.base.image.expanded)));
}

/** COPY --from=x / / copies a whole file system. */
export default defineRule({
  id: 'DL3067',
  severity: 'warning',
  summary: 'Do not copy the whole filesystem of another stage or image',
  origin: 'hadolint',
  category: 'size',
  fix: 'none',
  docs: {
    description: 'Reports `COPY --from=<stage or image> / /`: a source of exactly `/` copied to the destination `/`. Not reported when the source is a stage built `FROM scratch` (an "export" stage holding only files the Dockerfile put there), a stage whose base image is a variable, or the `tonistiigi/xx` cross-compilation helper, all of which are meant to be copied whole.',
    differences: 'hadolint reports every `COPY --from=… / /`, including the documented `COPY --from=xx / /` idiom of `tonistiigi/xx` and copies of `FROM scratch` export stages; shipshape does not.',
    why: 'Copying the whole root file system brings along package databases, caches, device nodes and everything else of the other image, defeating the purpose of a multi-stage build and often overwriting system files of the target. Copy only the directories the application needs.',
    bad: 'FROM alpine:3.19 AS rootfs\nRUN echo prep\nFROM scratch\nCOPY --from=rootfs / /\n',
    good: 'FROM alpine:3.19 AS rootfs\nRUN echo prep\nFROM scratch\nCOPY --from=rootfs /usr/local/bin/app /usr/local/bin/app\n',
  },
  check(ctx) {
    for (const instr of ctx.file.instructions) {
      if (instr.keyword !== 'COPY') continue;
      const from = instr.flags.find((f) => f.name === 'from');
      if (!from) continue;
      const { sources, dest } = ctx.facts(instr).copy!.asWritten;
      if (!dest || dropQuotes(dest.value) !== '/' || !sources.some((s) => dropQuotes(s.value) === '/')) continue;
      if (from.value && wholeCopyIntended(ctx, from.value, instr.stageIndex)) continue;
      ctx.report({
        instruction: instr,
        range: instr.range,
        message: `\`COPY --from=${from.value ?? ''} / /\` copies a whole file system; copy only the paths the image needs`,
      });
    }
  },
});
