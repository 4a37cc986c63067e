/**
 * Offsets → positions: maps offsets of a derived text (a RUN script) back to the original Dockerfile
 * through `MappedText.segments`, and original offsets to `{ line, column, offset }`.
 */
import type { Dockerfile, Instruction, MappedText, Position, Range, SourceSegment } from '../parse/types.js';

/**
 * Start offset of every line of `text` (index 0 is line 1); `\n` ends a line (CRLF included). Like the
 * Dockerfile parser, line 1 starts after a byte order mark, so columns on line 1 do not count it.
 */
export function computeLineStarts(text: string): number[] {
  const starts = [text.charCodeAt(0) === 0xfeff ? 1 : 0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/**
 * The position of `offset` (0-based, UTF-16) in `text`, whose line starts are `lineStarts`
 * (see {@link computeLineStarts}). The offset is clamped to `[lineStarts[0], text.length]`.
 */
export function positionAt(text: string, lineStarts: readonly number[], offset: number): Position {
  const clamped = Math.max(lineStarts[0] ?? 0, Math.min(offset, text.length));
  let low = 0;
  let high = lineStarts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (lineStarts[mid] <= clamped) low = mid;
    else high = mid - 1;
  }
  return { line: low + 1, column: clamped - lineStarts[low] + 1, offset: clamped };
}

/**
 * Maps an offset of `mapped.text` to an offset of the original text. A start offset (`end` false)
 * falling between segments maps to the end of the preceding segment, as does an exclusive end offset
 * equal to a segment's end, so a range never swallows the text skipped between segments (`\\\n`).
 * With no segments the mapping is the identity.
 */
export function mapOffset(mapped: MappedText, offset: number, end = false): number {
  const segments: readonly SourceSegment[] = mapped.segments;
  if (segments.length === 0) return offset;
  // Last segment whose start is <= offset (< offset for exclusive ends, so `end` sticks to the left).
  let low = 0;
  let high = segments.length - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const from = segments[mid].from;
    if (end ? from < offset : from <= offset) {
      found = mid;
      low = mid + 1;
    } else {
      high = mid - 1;
    }
  }
  if (found === -1) return segments[0].source;
  const segment = segments[found];
  return segment.source + Math.min(offset - segment.from, segment.length);
}

/** Resolves derived-text spans into Dockerfile ranges. */
export class RangeMapper {
  private readonly lineStarts: readonly number[];

  /**
   * @param mapped the derived text and its segments
   * @param original the original Dockerfile text (defaults to `mapped.text`, for identity maps)
   * @param lineStarts line starts of `original` (computed when omitted)
   */
  constructor(
    private readonly mapped: MappedText,
    private readonly original: string = mapped.text,
    lineStarts?: readonly number[],
  ) {
    this.lineStarts = lineStarts ?? computeLineStarts(original);
  }

  /**
   * Positions made lately, by offset modulo the cache size (as the Dockerfile parser's PositionMap): a
   * command, its first word and its name start at one offset, a pipeline and its last command end at
   * one. Positions are never changed once made, so they are shared.
   */
  private readonly recent: (Position | undefined)[] = new Array<Position | undefined>(64);

  private position(offset: number): Position {
    const cached = this.recent[offset & 63];
    if (cached !== undefined && cached.offset === offset) return cached;
    const made = positionAt(this.original, this.lineStarts, offset);
    // Clamped offsets are made again each time (the cache is keyed by the offset asked for).
    if (made.offset === offset) this.recent[offset & 63] = made;
    return made;
  }

  /** Range in the original text of the derived span `[start, end)`. */
  range(start: number, end: number): Range {
    const from = mapOffset(this.mapped, start, false);
    const to = Math.max(from, mapOffset(this.mapped, end, end > start));
    return { start: this.position(from), end: this.position(to) };
  }
}

/**
 * The range of `text[start, end)` of a file (`{ text, lineStarts }`: a Dockerfile or any text with its
 * line starts); `end` before `start` is moved to `start`. Offsets in UTF-16 units.
 */
export function rangeAt(file: { readonly text: string; readonly lineStarts: readonly number[] }, start: number, end: number): Range {
  return { start: positionAt(file.text, file.lineStarts, start), end: positionAt(file.text, file.lineStarts, Math.max(start, end)) };
}

/** The range in the original text of `mapped.text[from, to)` (the whole mapped text by default). */
function mappedRange(file: { readonly text: string; readonly lineStarts: readonly number[] }, mapped: MappedText, from = 0, to = mapped.text.length): Range {
  const start = mapOffset(mapped, from);
  return rangeAt(file, start, mapOffset(mapped, to));
}

/** The range of an instruction's arguments after its flags (the instruction's range when empty). */
export function argsRange(file: Dockerfile, instr: Instruction): Range {
  if (instr.argsAfterFlags.text.length === 0 || instr.argsAfterFlags.segments.length === 0) return instr.range;
  return mappedRange(file, instr.argsAfterFlags);
}

/**
 * The range of the first occurrence of `needle` as a whole word in an instruction's arguments (after the
 * flags), or null. For shell-form CMD/ENTRYPOINT/RUN, whose `words` are empty.
 */
export function wordInArgs(file: Dockerfile, instr: Instruction, needle: string): Range | null {
  const text = instr.argsAfterFlags.text;
  const re = new RegExp(`(^|[\\s"'=;&|/])(${needle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')})(?=$|[\\s"';&|])`);
  const m = re.exec(text);
  if (!m) return null;
  const from = m.index + m[1].length;
  return mappedRange(file, instr.argsAfterFlags, from, from + needle.length);
}
