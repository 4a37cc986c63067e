import { defineRule } from '../define.js';
import type { Instruction } from '../../parse/types.js';

export default defineRule({
  id: 'InvalidDefinitionDescription',
  severity: 'warning',
  summary: 'Comment for build stage or argument should follow the format: `# <arg/stage name> <description>`',
  origin: 'buildkit',
  category: 'maintainability',
  fix: 'none',
  experimental: true,
  docs: {
    description:
      'Experimental: runs only when enabled with `# check=experimental=InvalidDefinitionDescription` (or `experimental=all`). For a named stage (`FROM ... AS <name>`) and for every ARG (global or in a stage) that has a comment directly above it, the last comment line must start with the stage name or one of the ARG names, followed by a space. These comments are the descriptions shown by `docker buildx build --call=outline` and `--call=targets`. A bare `#` line detaches the comments above it. Docker documents the check at https://docs.docker.com/go/dockerfile/rule/invalid-definition-description/.',
    why: 'Build tooling reads the comment above a stage or ARG as its description. A comment that does not start with the name is most likely not meant as a description, and then shows up as a wrong one; either start it with the name, or separate it with a bare `#` line.',
    bad: '# check=experimental=InvalidDefinitionDescription\nFROM alpine:3.20 AS base\n# install the compiler\nARG GCC_VERSION=13\nRUN echo $GCC_VERSION\n',
    good: '# check=experimental=InvalidDefinitionDescription\nFROM alpine:3.20 AS base\n# GCC_VERSION selects the compiler version\nARG GCC_VERSION=13\nRUN echo $GCC_VERSION\n',
  },
  check(ctx) {
    const file = ctx.file;
    const targets: { instr: Instruction; kind: string; names: string[] }[] = [];
    for (const a of file.globalArgs) targets.push({ instr: a, kind: 'ARG', names: a.pairs.map((p) => p.key) });
    for (const stage of file.stages) {
      if (stage.name !== null) targets.push({ instr: stage.from, kind: 'FROM', names: [stage.name] });
      for (const i of stage.instructions) if (i.keyword === 'ARG') targets.push({ instr: i, kind: 'ARG', names: i.pairs.map((p) => p.key) });
    }
    targets.sort((a, b) => a.instr.range.start.offset - b.instr.range.start.offset);
    for (const { instr, kind, names } of targets) {
      const comments = instr.comments.filter((c) => !c.inContinuation);
      if (comments.length === 0 || names.length === 0) continue;
      const last = comments[comments.length - 1];
      const first = last.text.trim().split(' ')[0];
      if (names.includes(first)) continue;
      const example = names.length > 1 ? '<arg_key>' : names[0];
      ctx.report({
        instruction: instr,
        range: last.range,
        message: `Comment for ${kind} should follow the format: \`# ${example} <description>\`; if it is not meant as a description, put a bare '#' line between the comment and the instruction`,
      });
    }
  },
});
