import { defineRule } from '../define.js';
import { copyArgs, stripQuotes } from '../lib/instructions.js';

/** COPY --from=x / / copies a whole file system. */
export default defineRule({
  id: 'DL3067',
  severity: 'warning',
  summary: 'Do not copy the whole filesystem of another stage or image',
  origin: 'hadolint',
  category: 'size',
  fix: 'none',
  docs: {
    description: 'Reports `COPY --from=<stage or image> / /`: a source of exactly `/` copied to the destination `/`.',
    why: 'Copying the whole root file system brings along package databases, caches, device nodes and everything else of the other image, defeating the purpose of a multi-stage build and often overwriting system files of the target. Copy only the directories the application needs.',
    bad: 'FROM alpine:3.19 AS rootfs\nRUN echo prep\nFROM scratch\nCOPY --from=rootfs / /\n',
    good: 'FROM alpine:3.19 AS rootfs\nRUN echo prep\nFROM scratch\nCOPY --from=rootfs /usr/local/bin/app /usr/local/bin/app\n',
  },
  check(ctx) {
    for (const instr of ctx.file.instructions) {
      if (instr.keyword !== 'COPY') continue;
      const from = instr.flags.find((f) => f.name === 'from');
      if (!from) continue;
      const { sources, dest } = copyArgs(instr);
      if (!dest || stripQuotes(dest.value) !== '/' || !sources.some((s) => stripQuotes(s.value) === '/')) continue;
      ctx.report({
        instruction: instr,
        range: instr.range,
        message: `\`COPY --from=${from.value ?? ''} / /\` copies a whole file system; copy only the paths the image needs`,
      });
    }
  },
});
