import { defineRule } from '../define.js';

import type { Instruction } from '../../parse/types.js';
import type { RuleContext } from '../../engine/types.js';

const TOOLS = ['curl', 'wget'] as const;

/** Both curl and wget in one stage. */
export default defineRule({
  id: 'DL4001',
  severity: 'warning',
  summary: 'Either use Wget or Curl but not both',
  origin: 'hadolint',
  category: 'size',
  fix: 'none',
  docs: {
    description:
      'Reports a RUN that uses `curl` or `wget` when, counting it, both tools have been used in the same build stage. Every such RUN after the second tool appears is reported. RUNs inside ONBUILD are counted among themselves.',
    why: 'Installing and maintaining two download tools doubles the attack surface and image size for the same job; pick one and use it throughout the stage.',
    bad: 'FROM debian:12\nRUN wget https://example.com/a.tgz\nRUN curl -fsSLO https://example.com/b.tgz\n',
    good: 'FROM debian:12\nRUN curl -fsSLO https://example.com/a.tgz\nRUN curl -fsSLO https://example.com/b.tgz\n',
  },
  check(ctx) {
    const run = (runs: { instr: Instruction; report: Instruction }[], c: RuleContext): void => {
      const seen = new Map<string, number>();
      for (const { instr, report } of runs) {
        const cmds = c.commands(instr).filter((cmd) => (TOOLS as readonly string[]).includes(cmd.name));
        if (cmds.length === 0) continue;
        for (const cmd of cmds) if (!seen.has(cmd.name)) seen.set(cmd.name, report.line);
        if (!TOOLS.every((t) => seen.has(t))) continue;
        const first = cmds[0];
        const other = first.name === 'curl' ? 'wget' : 'curl';
        const word = first.words.find((w) => w.value === first.name) ?? first.words[0];
        c.report({
          instruction: report,
          range: word?.range ?? first.range,
          message: `This stage uses both curl and wget (\`${other}\` on line ${seen.get(other)}); use only one of them`,
        });
      }
    };
    for (const stage of ctx.file.stages) {
      run(stage.instructions.filter((i) => i.keyword === 'RUN').map((i) => ({ instr: i, report: i })), ctx);
    }
    const onbuild = ctx.file.instructions
      .filter((i) => i.keyword === 'ONBUILD' && i.onbuild?.keyword === 'RUN')
      .map((i) => ({ instr: i.onbuild!, report: i }));
    run(onbuild, ctx);
  },
});
