import { defineRule } from '../define.js';
import type { Instruction } from '../../parse/types.js';
import type { RuleContext } from '../../engine/types.js';
import { commandsOf } from '../lib/packages.js';

/**
 * hadolint counts each simple command twice and breaks the chain above a count of 2: a RUN "chains"
 * when it has more than one simple command (`a && b`, `a; b`, `a | b`, `$(b)`).
 */
function isSingleCommand(ctx: RuleContext, run: Instruction): boolean {
  if (ctx.shell(run) === null) return !/&&|\|\||;|\|/.test(run.argsAfterFlags.text);
  return commandsOf(ctx, run).length <= 1;
}

function flagKey(run: Instruction): string {
  return run.flags.map((f) => f.raw).sort().join('\u0000');
}

/** DL3059: consecutive single-command RUNs could be one layer. */
export default defineRule({
  id: 'DL3059',
  severity: 'info',
  summary: 'Multiple consecutive `RUN` instructions: consider consolidation',
  origin: 'hadolint',
  category: 'size',
  fix: 'none',
  docs: {
    description:
      'Reports a RUN that directly follows another RUN (comments in between do not count, any other instruction ends the sequence) with the same flags (`--mount`, `--network`...), when neither of them runs more than one simple command. A RUN that chains commands (`a && b`, `a; b`, a pipe, a `$(...)`) is taken as a deliberate layer boundary and starts a new sequence. A reported RUN does not start a new sequence: in a run of single-command RUNs, every RUN after the first is reported.',
    why: 'Each RUN creates a layer. Consecutive RUNs that each do one small step make the image history longer and can keep files that a later step deletes. Joining them with `&&` gives one layer and lets a cleanup step actually shrink the image.',
    bad: 'FROM debian:12.6-slim\nRUN mkdir -p /srv/app\nRUN chown nobody /srv/app\n',
    good: 'FROM debian:12.6-slim\nRUN mkdir -p /srv/app \\\n && chown nobody /srv/app\n',
  },
  check(ctx) {
    let prev: { flags: string; single: boolean } | null = null;
    let lastLine = 0;
    for (const instr of ctx.file.instructions) {
      if (instr.keyword !== 'RUN') {
        prev = null;
        continue;
      }
      const current = { flags: flagKey(instr), single: isSingleCommand(ctx, instr) };
      if (prev === null || prev.flags !== current.flags || !prev.single || !current.single) {
        prev = current;
        lastLine = instr.line;
        continue;
      }
      ctx.report({
        instruction: instr,
        range: instr.keywordRange,
        message: `This RUN directly follows the single-command RUN on line ${lastLine}: join them with \`&&\` into one layer`,
      });
      lastLine = instr.line;
    }
  },
});
