/**
 * Helpers for fixes that write multi-line text: the file's continuation indentation style.
 *
 * No `node:` imports: rules run in browsers and language servers too.
 */
import type { Dockerfile } from '../../parse/types.js';

/**
 * The indentation the file uses on continuation lines of its instructions (the most common leading
 * whitespace of non-empty, non-comment continuation lines), or four spaces when it has none.
 */
export function continuationIndent(file: Dockerfile): string {
  const counts = new Map<string, number>();
  for (const instr of file.instructions) {
    if (instr.endLine <= instr.line || instr.heredocs.length > 0) continue;
    for (let line = instr.line + 1; line <= instr.endLine; line++) {
      const start = file.lineStarts[line - 1];
      const end = line < file.lineStarts.length ? file.lineStarts[line] : file.text.length;
      const text = file.text.slice(start, end).replace(/\r?\n$/, '');
      const m = /^([ \t]*)(\S)/.exec(text);
      if (!m || m[2] === '#' || m[1] === '') continue;
      counts.set(m[1], (counts.get(m[1]) ?? 0) + 1);
    }
  }
  let best = '    ';
  let n = 0;
  for (const [indent, c] of counts) if (c > n || (c === n && indent.length < best.length)) [best, n] = [indent, c];
  return best;
}

/**
 * An instruction keyword written in the file's casing: lower case when most instructions of the file
 * are written in lower case (`run`, `from`), else upper case — so inserted lines do not make the file's
 * casing inconsistent (BuildKit's ConsistentInstructionCasing).
 */
export function fileKeyword(file: Dockerfile, keyword: string): string {
  let lower = 0;
  let upper = 0;
  for (const i of file.instructions) {
    if (i.keywordRaw === i.keywordRaw.toLowerCase()) lower++;
    else if (i.keywordRaw === i.keywordRaw.toUpperCase()) upper++;
  }
  return lower > upper ? keyword.toLowerCase() : keyword.toUpperCase();
}
