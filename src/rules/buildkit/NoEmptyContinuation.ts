import { defineRule } from '../define.js';
import type { Fix, RuleContext } from '../../engine/types.js';
import type { Instruction } from '../../parse/types.js';
import { lineRange, lineSpan } from '../lib/buildkit.js';

const KEYWORD_LINE = /^\s*(add|arg|cmd|copy|entrypoint|env|expose|from|healthcheck|label|maintainer|onbuild|run|shell|stopsignal|user|volume|workdir)(\s|$)/i;

/**
 * The empty lines inside the continuation of `instr` (before any heredoc body), as deletions; null
 * when deleting them would hide a likely mistake (the next line starts with an instruction keyword:
 * a trailing escape character joined two instructions).
 */
function emptyLinesFix(ctx: RuleContext, instr: Instruction): Fix | undefined {
  const file = ctx.file;
  const lastLogical = instr.heredocs.length > 0 ? Math.min(...instr.heredocs.map((h) => h.contentRange.start.line)) - 1 : instr.endLine;
  const edit = ctx.edit();
  let afterEmpty = false;
  for (let line = instr.line + 1; line <= lastLogical; line++) {
    const { start, end } = lineSpan(file, line);
    const text = file.text.slice(start, end);
    if (text.trim() === '') {
      edit.removeLine(line);
      afterEmpty = true;
      continue;
    }
    if (afterEmpty && KEYWORD_LINE.test(text)) return undefined;
    afterEmpty = false;
  }
  return edit.empty ? undefined : edit.safe('Remove the empty continuation lines');
}

export default defineRule({
  id: 'NoEmptyContinuation',
  severity: 'warning',
  summary: 'Empty continuation lines will become errors in a future release',
  origin: 'buildkit',
  category: 'correctness',
  fix: 'safe',
  docs: {
    description:
      'Reports an instruction continued with the escape character (`\\`) across an empty or whitespace-only line. BuildKit skips such lines and keeps reading the instruction. One finding per instruction, on its last line. Comment lines inside a continuation and blank lines inside heredoc bodies do not count. Docker documents the check at https://docs.docker.com/go/dockerfile/rule/no-empty-continuation/.',
    why: 'An empty line looks like the end of the instruction but is not: `RUN a \\`, an empty line and `RUN b` become the single instruction `RUN a RUN b`. Docker has announced that empty continuation lines will become errors.',
    bad: 'FROM debian:12-slim\nRUN apt-get update && \\\n\n    apt-get install -y --no-install-recommends curl\n',
    good: 'FROM debian:12-slim\nRUN apt-get update && \\\n    apt-get install -y --no-install-recommends curl\n',
    differences:
      'The fix deletes the empty lines, which keeps the instruction as BuildKit reads it today. It is not offered when the line after the empty line starts with an instruction keyword: the escape character then most likely joined two instructions by mistake, and that needs a human decision. Per-instruction `# check=skip=` comments do not apply (BuildKit runs this check while parsing).',
  },
  check(ctx) {
    const file = ctx.file;
    for (const instr of file.instructions) {
      if (!instr.emptyContinuation) continue;
      const fix = emptyLinesFix(ctx, instr);
      const last = instr.heredocs.length > 0 ? Math.min(...instr.heredocs.map((h) => h.contentRange.start.line)) - 1 : instr.endLine;
      ctx.report({
        instruction: instr,
        range: lineRange(file, last),
        message: fix
          ? `Empty continuation line in this ${instr.keyword} (lines ${instr.line}-${last}): remove the empty line; empty continuation lines will become errors in a future release`
          : `Empty continuation line in this ${instr.keyword} (lines ${instr.line}-${last}): the escape character at the end of a line joins the following lines into one instruction; remove the empty line, or the trailing escape character if a new instruction was meant`,
        fix,
      });
    }
  },
});
