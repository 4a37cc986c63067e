import { defineRule } from '../define.js';
import { exposeItems } from '../lib/expose.js';

export default defineRule({
  id: 'ExposeProtoCasing',
  severity: 'warning',
  summary: 'Protocol in EXPOSE instruction should be lowercase',
  origin: 'buildkit',
  category: 'correctness',
  fix: 'safe',
  docs: {
    description:
      'Reports each `EXPOSE` item (after variable expansion) whose protocol, the part after `/`, is not all lower case: `80/TCP`, `53/Udp`. One finding per item. Docker documents the check at https://docs.docker.com/go/dockerfile/rule/expose-proto-casing/.',
    why: 'Docker reads protocols in lower case (`tcp`, `udp`, `sctp`); other spellings are accepted today only because they are lower-cased for you, and tools that read the image config may not do the same.',
    bad: 'FROM nginx:1.27-alpine\nEXPOSE 80/TCP 443/TCP\n',
    good: 'FROM nginx:1.27-alpine\nEXPOSE 80/tcp 443/tcp\n',
  },
  check(ctx) {
    for (const stage of ctx.file.stages) {
      for (const instr of stage.instructions) {
        if (instr.keyword !== 'EXPOSE') continue;
        for (const item of exposeItems(ctx.file, instr, ctx.scope(instr))) {
          if (item.proto === item.proto.toLowerCase()) continue;
          const lower = item.proto.toLowerCase();
          ctx.report({
            instruction: instr,
            range: item.word.range,
            message: `Protocol '${item.proto}' in EXPOSE ${item.text} should be lowercase: write '${item.text.replace(/\/.*$/, '/' + lower)}'`,
            fix: item.protoRange ? ctx.edit().replace(item.protoRange, lower).safe(`Write the protocol as '${lower}'`) : undefined,
          });
        }
      }
    }
  },
});
