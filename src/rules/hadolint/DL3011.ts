import { defineRule } from '../define.js';

/** EXPOSE ports must be 0–65535. */
export default defineRule({
  id: 'DL3011',
  severity: 'error',
  summary: 'Valid UNIX ports range from 0 to 65535',
  origin: 'hadolint',
  category: 'correctness',
  fix: 'none',
  docs: {
    description:
      'Reports `EXPOSE` entries whose port, or either end of a port range (`8000-8100/tcp`), is a number above 65535. Entries written with a variable are not judged.',
    why: 'TCP and UDP port numbers are 16-bit: a larger number is a typo, and the image metadata it produces cannot be published.',
    bad: 'FROM nginx:1.25\nEXPOSE 80 65536\n',
    good: 'FROM nginx:1.25\nEXPOSE 80 8443\n',
  },
  check(ctx) {
    for (const instr of ctx.file.instructions) {
      if (instr.keyword !== 'EXPOSE') continue;
      for (const word of instr.words) {
        const port = word.value.replace(/\/[A-Za-z]*$/, '');
        if (port.includes('$')) continue;
        const parts = port.split('-');
        const bad = parts.find((p) => /^\d+$/.test(p) && Number(p) > 65535);
        if (bad === undefined) continue;
        ctx.report({
          instruction: instr,
          range: word.range,
          message: `Port ${bad} in \`EXPOSE ${word.value}\` is out of range; ports go from 0 to 65535`,
        });
      }
    }
  },
});
