/**
 * Applying text edits: the single step under `--fix` (src/fix/fixer.ts loops it with re-linting).
 */
import type { Applicability, Finding, TextEdit } from '../engine/types.js';

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

/**
 * Collects the Dockerfile edits of the findings' fixes allowed at `level` (`safe` takes safe fixes,
 * `unsafe` takes both). All edits of one fix are kept together: a fix overlapping an earlier one is
 * dropped whole.
 */
export function fixEdits(findings: readonly Finding[], level: Applicability): TextEdit[] {
  const out: TextEdit[] = [];
  const taken: TextEdit[] = [];
  for (const f of findings) {
    const fix = f.fix;
    if (!fix || (level === 'safe' && fix.applicability !== 'safe')) continue;
    const overlaps = fix.edits.some((e) => taken.some((t) => e.start < t.end && t.start < e.end || (e.start === e.end && e.start === t.start && t.start === t.end)));
    if (overlaps) continue;
    taken.push(...fix.edits);
    out.push(...fix.edits);
  }
  return out;
}
