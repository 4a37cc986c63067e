import { defineRule } from '../define.js';
import { isWindowsDrivePath } from '../lib/hadolint.js';
import { dropQuotes } from '../../engine/facts.js';

/** COPY to a relative destination without a WORKDIR. */
export default defineRule({
  id: 'DL3045',
  severity: 'warning',
  summary: '`COPY` to a relative destination without `WORKDIR` set',
  origin: 'hadolint',
  category: 'reproducibility',
  fix: 'none',
  docs: {
    description:
      'Reports a `COPY` whose destination (quotes removed) is relative — not `/…`, not a Windows drive path, not starting with a variable — when no `WORKDIR` was set earlier in the stage or in a stage it derives from (`FROM <stage>`, followed transitively). ONBUILD-wrapped COPY and WORKDIR are not considered.',
    why: 'A relative destination is resolved against the working directory inherited from the base image, which you do not control: a new base image version can move your files. Set `WORKDIR` first or copy to an absolute path.',
    bad: 'FROM alpine:3.19\nCOPY entry.sh entry.sh\n',
    good: 'FROM alpine:3.19\nWORKDIR /srv\nCOPY entry.sh entry.sh\n',
    differences:
      'hadolint keys stages without a name by their image, so a later `FROM alpine:3.19` "inherits" the WORKDIR of an unrelated earlier `FROM alpine:3.19` stage; shipshape only follows real stage ancestry (`FROM <stage name>`).',
  },
  check(ctx) {
    for (const instr of ctx.file.instructions) {
      if (instr.keyword !== 'COPY') continue;
      const { dest } = ctx.facts(instr).copy!.asWritten;
      if (!dest) continue;
      const path = dropQuotes(dest.value);
      if (path.startsWith('/') || path.startsWith('$') || isWindowsDrivePath(path)) continue;
      // A WORKDIR earlier in the stage or in a stage it derives from (`FROM <stage>`, transitively).
      if (ctx.facts(instr).workdir.instruction !== null) continue;
      ctx.report({
        instruction: instr,
        range: dest.range,
        message: `COPY to the relative path \`${path}\` depends on the base image's working directory; set \`WORKDIR\` first or use an absolute destination`,
      });
    }
  },
});
