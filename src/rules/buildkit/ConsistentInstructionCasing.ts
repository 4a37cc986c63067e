import { defineRule } from '../define.js';
import type { Instruction } from '../../parse/types.js';

const isLower = (s: string): boolean => s === s.toLowerCase();
const isUpper = (s: string): boolean => s === s.toUpperCase();

export default defineRule({
  id: 'ConsistentInstructionCasing',
  severity: 'warning',
  summary: 'All instruction keywords should use the same casing (either upper or lower)',
  origin: 'buildkit',
  category: 'maintainability',
  fix: 'safe',
  docs: {
    description:
      'Counts the instruction keywords of all stages (each FROM and everything after it) written all in lower case and all in upper case. Lower case is the majority only when it has strictly more keywords, so a tie goes to upper case. Every keyword that does not match the majority is reported, including mixed-case ones such as `Run`. ARGs before the first FROM are neither counted nor checked; for `ONBUILD <instruction>` only the `ONBUILD` keyword is. Docker documents the check at https://docs.docker.com/go/dockerfile/rule/consistent-instruction-casing/.',
    why: 'Keywords are case-insensitive, but a file mixing `RUN` and `run` is harder to read and to search; one casing throughout keeps the instructions easy to scan.',
    bad: 'FROM alpine:3.20\nrun apk add --no-cache curl\nRUN echo done\n',
    good: 'FROM alpine:3.20\nRUN apk add --no-cache curl\nRUN echo done\n',
    differences: 'Per-instruction `# check=skip=` comments do not apply to this check (BuildKit runs it with the file-level configuration only).',
  },
  check(ctx) {
    const all: Instruction[] = [];
    // A loop, not push(...): a stage of 200,000 instructions would overflow the stack.
    for (const stage of ctx.file.stages) {
      all.push(stage.from);
      for (const i of stage.instructions) all.push(i);
    }
    let lower = 0;
    let upper = 0;
    for (const i of all) {
      if (isLower(i.keywordRaw)) lower++;
      else if (isUpper(i.keywordRaw)) upper++;
    }
    const wantLower = lower > upper;
    const majority = wantLower ? 'lowercase' : 'uppercase';
    for (const i of all) {
      const want = wantLower ? i.keywordRaw.toLowerCase() : i.keywordRaw.toUpperCase();
      if (want === i.keywordRaw) continue;
      ctx.report({
        instruction: i,
        range: i.keywordRange,
        message: `Instruction '${i.keywordRaw}' should match the case of the instruction majority (${majority}): write '${want}'`,
        fix: ctx.edit().replace(i.keywordRange, want).safe(`Write '${want}'`),
      });
    }
  },
});
