/**
 * BuildKit knowledge shared by its checks (src/rules/buildkit/*): "did you mean" suggestions, line and
 * variable ranges, expansion in a scope, Windows paths and images, stage-name comparison.
 *
 * No `node:` imports: rules run in browsers and language servers too.
 */
import { expandInScope, type Scope, type ScopedExpandResult, type Variable } from '../../parse/semantics.js';
import type { Dockerfile, Instruction, Position, Range, Stage } from '../../parse/types.js';
import { rangeAt } from '../../shell/positions.js';
import { editDistance } from '../../parse/edit-distance.js';


/**
 * The closest candidate to `name` ("did you mean"), like BuildKit's `suggest.Search`: a name that
 * differs only in case, or one within a small edit distance (typos, swapped letters: one edit for names of up to 6 characters,
 * two for longer ones).
 */
export function suggestName(name: string, candidates: Iterable<string>): string | null {
  let best: string | null = null;
  let bestDist = Infinity;
  const lower = name.toLowerCase();
  for (const c of candidates) {
    if (c === name) continue;
    if (c.toLowerCase() === lower) return c;
    const d = editDistance(lower, c.toLowerCase(), { transpositions: true });
    if (d < bestDist) {
      bestDist = d;
      best = c;
    }
  }
  if (best === null) return null;
  const limit = name.length <= 2 ? 0 : name.length <= 6 ? 1 : 2;
  return bestDist <= limit ? best : null;
}

/** Offsets of line `line` (1-based) without its line ending. */
export function lineSpan(file: Dockerfile, line: number): { start: number; end: number } {
  const start = file.lineStarts[line - 1] ?? file.text.length;
  const next = file.lineStarts[line] ?? file.text.length;
  let end = next;
  while (end > start && (file.text[end - 1] === '\n' || file.text[end - 1] === '\r')) end--;
  return { start, end };
}

/** Range of one whole line (without its line ending). */
export function lineRange(file: Dockerfile, line: number): Range {
  const { start, end } = lineSpan(file, line);
  return rangeAt(file, start, end);
}

/**
 * Range of the first reference to `$name` / `${name` inside `within` (the original text), or null.
 */
export function variableRange(file: Dockerfile, within: Range, name: string): Range | null {
  const text = file.text.slice(within.start.offset, within.end.offset);
  const re = new RegExp(`\\$(?:\\{${escapeRegExp(name)}(?![A-Za-z0-9_])[^}]*\\}?|${escapeRegExp(name)}(?![A-Za-z0-9_]))`, 'u');
  const m = re.exec(text);
  if (!m) return null;
  const start = within.start.offset + m.index;
  return rangeAt(file, start, start + m[0].length);
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A scope with extra names layered on top (ARGs declared earlier in the same instruction). */
export function extendScope(scope: Scope, extra: ReadonlyMap<string, Variable>): Scope {
  if (extra.size === 0) return scope;
  return {
    get: (n) => extra.get(n) ?? scope.get(n),
    has: (n) => extra.has(n) || scope.has(n),
    names: () => [...new Set([...scope.names(), ...extra.keys()])],
  };
}

/** Expands a word of an instruction with the scope before it (BuildKit's builder-side expansion). */
export function expandAt(file: Dockerfile, scope: Scope, word: string, skipProcessQuotes = false): ScopedExpandResult {
  return expandInScope(word, scope, { escape: file.escape, skipProcessQuotes });
}

/** Instruction keyword written in the same casing style as `like` (lower-case keyword → lower case). */
export function keywordUpperUnlessLower(like: string, keyword: string): string {
  return like === like.toLowerCase() ? keyword.toLowerCase() : keyword.toUpperCase();
}

/** True for a Windows absolute path (`C:\x`, `C:/x`, `\x`): Windows stages are not linted as Linux. */
export function isWindowsAbsolute(path: string): boolean {
  return /^[A-Za-z]:[\\/]/.test(path) || /^[A-Za-z]:$/.test(path) || path.startsWith('\\');
}

/** True when the file looks like a Windows build: `# escape=\`` or a Windows base image (in `chain`, `ctx.stage(s).chain`, when given; else in any stage). */
export function looksWindows(file: Dockerfile, chain?: readonly Stage[]): boolean {
  if (file.escape === '`') return true;
  const stages = chain ?? file.stages;
  return stages.some((s) => {
    if (s.base.kind !== 'image') return false;
    const img = s.base.image.expanded.toLowerCase();
    return img.includes('windows') || img.includes('nanoserver') || img.includes('servercore') || /ltsc20\d\d/.test(img) || /(^|\/)dotnet\/framework\//.test(img);
  });
}

/** Stage names in BuildKit are case-insensitive (it lower-cases them). */
export function sameStageName(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}
