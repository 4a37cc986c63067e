import { defineRule } from '../define.js';
import type { Instruction } from '../../parse/types.js';

/** Deletes the whole lines of `instr` when nothing else shares them; null otherwise. */
const KINDS = new Set(['CMD', 'ENTRYPOINT', 'HEALTHCHECK']);

export default defineRule({
  id: 'MultipleInstructionsDisallowed',
  severity: 'warning',
  summary: 'Multiple instructions of the same type should not be used in the same stage',
  origin: 'buildkit',
  category: 'correctness',
  fix: 'safe',
  docs: {
    description:
      'Reports a `CMD`, `ENTRYPOINT` or `HEALTHCHECK` (including `HEALTHCHECK NONE`) that a later instruction of the same kind in the same stage overrides. The finding is located at the earlier, ineffective instruction; with N occurrences there are N-1 findings. As in BuildKit, a `# check=skip=MultipleInstructionsDisallowed` comment must sit above the later instruction to suppress it. Instructions inherited from a parent stage or the base image do not count. Docker documents the check at https://docs.docker.com/go/dockerfile/rule/multiple-instructions-disallowed/.',
    why: 'Only the last one takes effect; the others are dead code that misleads the reader about how the container starts or is health-checked.',
    bad: 'FROM node:22-alpine\nCMD ["node", "server.js"]\nCOPY . /app\nCMD ["node", "/app/server.js"]\n',
    good: 'FROM node:22-alpine\nCOPY . /app\nCMD ["node", "/app/server.js"]\n',
    differences: 'The fix deletes the overridden instruction; the image configuration stays the same (comment lines above it are kept).',
  },
  check(ctx) {
    for (const stage of ctx.file.stages) {
      const last = new Map<string, Instruction>();
      for (const instr of stage.instructions) {
        if (!KINDS.has(instr.keyword)) continue;
        const prev = last.get(instr.keyword);
        last.set(instr.keyword, instr);
        if (!prev) continue;
        const edit = ctx.edit();
        ctx.report({
          instruction: instr,
          range: prev.range,
          message: `Multiple ${instr.keyword} instructions in one stage: only the last one takes effect, so this ${instr.keyword} is overridden by the one on line ${instr.line}; remove it`,
          fix: edit.standsAlone(prev) ? edit.removeInstruction(prev).safe(`Remove the overridden ${instr.keyword}`) : undefined,
        });
      }
    }
  },
});
