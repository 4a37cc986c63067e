/**
 * Low-level text helpers of the Dockerfile parser: line table, positions, white space classes and
 * mapped (joined) text with its source map.
 *
 * No `node:` imports: this module runs in browsers and language servers.
 */
import type { MappedText, Position, Range, SourceSegment } from './types.js';

/**
 * The one empty array that every empty list of the model shares (flags, words, pairs, heredocs,
 * comments, segments): frozen, because the model is never changed after parsing. A 1e6-line file has
 * five such lists per instruction; each of its own costs 32 bytes.
 */
export const NONE: never[] = Object.freeze([]) as unknown as never[];

/**
 * `list` with no spare capacity, or {@link NONE} when empty. An array filled by `push` keeps room for
 * 16 more elements (152 bytes for a one-element list on 64-bit V8); a copy has exactly its length.
 */
export function exact<T>(list: T[]): T[] {
  return list.length === 0 ? NONE : list.slice();
}

/** One physical line of the input. */
export interface Line {
  /** Offset of the first character (after the BOM on line 1). */
  start: number;
  /** Offset just after the content, with trailing `\r` characters excluded (BuildKit `TrimRight("\r\n")`). */
  end: number;
  /** Offset of the next line's first character (or the text length). */
  next: number;
}

/** Go's `unicode.IsSpace` for a UTF-16 code unit. */
export function isSpace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0x85) return false;
  return (
    c === 0x85 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000
  );
}

/** BuildKit's `reWhitespace` class `[\t\v\f\r ]`. */
export function isSplitSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0b || c === 0x0c || c === 0x0d;
}

/**
 * Splits text into lines on `\n` (BuildKit `scanLines`): a final empty line after a trailing `\n` is
 * not a line. Also returns the start offset of every line for position lookups (that list does
 * include the empty last line, so an offset equal to the text length has a position).
 */
export function splitLines(text: string, bom: boolean): { lines: Line[]; lineStarts: number[] } {
  const lines: Line[] = [];
  // Line 1 starts after a BOM: editors do not show it, so columns on line 1 must not count it.
  const lineStarts: number[] = [bom && text.length > 0 ? 1 : 0];
  let start = 0;
  const n = text.length;
  while (start < n) {
    let nl = text.indexOf('\n', start);
    const next = nl < 0 ? n : nl + 1;
    if (nl < 0) nl = n;
    let end = nl;
    while (end > start && text.charCodeAt(end - 1) === 0x0d) end--;
    const contentStart = start === 0 && bom ? 1 : start;
    lines.push({ start: contentStart, end: Math.max(end, contentStart), next });
    if (nl < n) lineStarts.push(next);
    start = next;
  }
  return { lines, lineStarts };
}

/** Converts offsets to positions with a precomputed line-start table. */
export class PositionMap {
  /**
   * Positions made lately, by offset modulo the cache size: one instruction's ranges share ends (the
   * instruction, its last word, its last pair and that pair's value end at the same offset), and
   * positions are never changed once made, so they are shared instead of repeated (a 100k-line file of
   * ENV lines holds about half as many position objects).
   */
  private readonly recent: (Position | undefined)[] = new Array(64);

  constructor(private readonly lineStarts: number[], private readonly length: number) {}

  /** The position of an offset (clamped to the text); the same offset may give the same object. */
  position(offset: number): Position {
    const min = this.lineStarts[0];
    const o = offset < min ? min : offset > this.length ? this.length : offset;
    const cached = this.recent[o & 63];
    if (cached !== undefined && cached.offset === o) return cached;
    const made = this.find(o);
    this.recent[o & 63] = made;
    return made;
  }

  private find(o: number): Position {
    const ls = this.lineStarts;
    let lo = 0;
    let hi = ls.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (ls[mid] <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: o - ls[lo] + 1, offset: o };
  }

  /** The range `[start, end)` of two offsets. */
  range(start: number, end: number): Range {
    return { start: this.position(start), end: this.position(end < start ? start : end) };
  }
}

/**
 * A derived text (an instruction's joined logical line, or part of it) with segments mapping its
 * characters to offsets of the original text; `anchor` is the source offset used when it is empty.
 */
export interface Joined {
  text: string;
  segs: SourceSegment[];
  anchor: number;
}

/** Source offset of position `p` (0..length) of a joined text. */
function sourceOffset(j: Joined, p: number): number {
  const segs = j.segs;
  if (segs.length === 0) return j.anchor;
  let lo = 0;
  let hi = segs.length - 1;
  if (p < segs[0].from) return segs[0].source;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (segs[mid].from <= p) lo = mid;
    else hi = mid - 1;
  }
  const s = segs[lo];
  const d = p - s.from;
  return s.source + (d < s.length ? d : s.length);
}

/** Source offsets `[start, end)` of the joined span `[from, to)`. */
export function sourceSpan(j: Joined, from: number, to: number): [number, number] {
  const start = sourceOffset(j, from);
  if (to <= from) return [start, start];
  return [start, sourceOffset(j, to - 1) + 1];
}

/** The part `[from, to)` of a joined text, with its segments re-based. */
export function subJoined(j: Joined, from: number, to: number): Joined {
  const segs: SourceSegment[] = [];
  for (const s of j.segs) {
    const a = Math.max(s.from, from);
    const b = Math.min(s.from + s.length, to);
    if (b > a) segs.push({ from: a - from, source: s.source + (a - s.from), length: b - a });
  }
  return { text: j.text.slice(from, to), segs: exact(segs), anchor: sourceOffset(j, from) };
}

/** A joined text as the model's {@link MappedText}. */
export function toMapped(j: Joined): MappedText {
  return { text: j.text, segments: j.segs };
}
