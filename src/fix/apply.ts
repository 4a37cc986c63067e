/**
 * Applying text edits: the single step under `--fix` (src/fix/fixer.ts loops it with re-linting).
 */
import type { TextEdit } from '../engine/types.js';

/**
 * Applies non-overlapping edits to `text`. Edits are sorted by position; an edit that overlaps one
 * already accepted is skipped (ESLint's rule) and returned in `skipped`.
 * Offsets are UTF-16 indices into `text`; an insertion has `start === end`.
 */
export function applyEdits(text: string, edits: readonly TextEdit[]): { text: string; applied: TextEdit[]; skipped: TextEdit[] } {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  const applied: TextEdit[] = [];
  const skipped: TextEdit[] = [];
  let lastEnd = -1;
  for (const e of sorted) {
    if (e.start < lastEnd || e.start > e.end || e.end > text.length) {
      skipped.push(e);
      continue;
    }
    applied.push(e);
    lastEnd = e.end;
  }
  let out = '';
  let pos = 0;
  for (const e of applied) {
    out += text.slice(pos, e.start) + e.text;
    pos = e.end;
  }
  out += text.slice(pos);
  return { text: out, applied, skipped };
}

