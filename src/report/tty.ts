/** The `tty` format: readable output for terminals (default format). */
import pc from 'picocolors';
import type { Finding, Severity } from '../engine/types.js';
import type { ReportFile, ReportInput, StreamingReporter } from './types.js';
import { isParseError, oneLine, sanitizeText, sortedFindings, spanOf, wholeReport } from './util.js';

type Colors = ReturnType<typeof pc.createColors>;

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/** Counts of findings by severity and by fix, for the closing summary. */
interface SummaryCounts {
  total: number;
  bySeverity: Record<Severity, number>;
  safe: number;
  unsafe: number;
}

/** Empty {@link SummaryCounts}. */
function emptyCounts(): SummaryCounts {
  return { total: 0, bySeverity: { error: 0, warning: 0, info: 0, style: 0 }, safe: 0, unsafe: 0 };
}

/** Adds `findings` to `counts` (in place). */
function countFindings(counts: SummaryCounts, findings: readonly Finding[]): SummaryCounts {
  for (const f of findings) {
    counts.total += 1;
    counts.bySeverity[f.severity] += 1;
    if (f.fix?.applicability === 'safe') counts.safe += 1;
    else if (f.fix?.applicability === 'unsafe') counts.unsafe += 1;
  }
  return counts;
}

/**
 * The closing summary: `N problems (E errors, W warnings, I info, S style)`, followed by how many
 * findings `--fix` (and `--unsafe-fixes`) can fix, when any.
 */
export function summaryLine(findings: readonly Finding[]): string {
  return summaryOf(countFindings(emptyCounts(), findings));
}

/** {@link summaryLine} from counts kept while the findings went by. */
function summaryOf({ total, bySeverity: count, safe, unsafe }: SummaryCounts): string {
  let line =
    `${plural(total, 'problem')} (${plural(count.error, 'error')}, ${plural(count.warning, 'warning')}, ` +
    `${count.info} info, ${count.style} style)`;
  if (safe > 0) line += `; ${safe} fixable with --fix`;
  if (unsafe > 0) line += safe > 0 ? `, ${unsafe} more with --unsafe-fixes` : `; ${unsafe} fixable with --unsafe-fixes`;
  return line;
}

function severityColor(c: Colors, severity: Severity): (s: string) => string {
  switch (severity) {
    case 'error':
      return (s) => c.bold(c.redBright(s));
    case 'warning':
      return (s) => c.bold(c.yellowBright(s));
    case 'info':
      return (s) => c.greenBright(s);
    case 'style':
      return (s) => c.cyanBright(s);
  }
}

/** Start offsets of the lines of `source`, split on LF as the parser does (BuildKit `scanLines`). */
function lineStarts(source: string): number[] {
  const starts = [0];
  for (let i = source.indexOf('\n'); i !== -1; i = source.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** A source line with the underlined part of a finding, positions in UTF-16 units of the line. */
interface Excerpt {
  lineNumber: number;
  text: string;
  from: number;
  to: number;
  /** The range goes on after this line. */
  continues: boolean;
}

/** Line `line` (1-based) without its line break and trailing CRs; a BOM on line 1 is dropped (columns do not count it). */
function lineText(source: string, starts: number[], line: number): string {
  const begin = starts[line - 1];
  const end = line < starts.length ? starts[line] - 1 : source.length;
  const text = source.slice(begin, end).replace(/\r+$/, '');
  return line === 1 ? text.replace(/^\uFEFF/, '') : text;
}

/**
 * The first line of a finding's range and the part to underline (to the end of the line when the
 * range goes on). Columns are UTF-16 code units from the line start (after a BOM on line 1), as the
 * parser counts them.
 */
function excerpt(finding: Finding, source: string, starts: number[]): Excerpt | null {
  const span = spanOf(finding);
  if (span.line > starts.length) return null;
  const text = lineText(source, starts, span.line);
  const continues = span.endLine > span.line;
  const from = Math.min(span.column - 1, text.length);
  const to = Math.max(from, continues ? text.length : Math.min(span.endColumn - 1, text.length));
  return { lineNumber: span.line, text, from, to, continues };
}

/** Wide (two-column) code points: East Asian wide/fullwidth ranges and emoji. */
const WIDE =
  /[\u1100-\u115F\u2E80-\u303E\u3041-\u33FF\u3400-\u4DBF\u4E00-\u9FFF\uA000-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6\u{1F300}-\u{1F64F}\u{1F900}-\u{1F9FF}\u{20000}-\u{3FFFD}]/u;
/** Zero-width code points: combining marks, zero-width spaces and joiners, variation selectors, BOM. */
const ZERO_WIDTH = /[\u0300-\u036F\u200B-\u200F\uFE00-\uFE0F\uFEFF]/u;

/** Terminal columns a code point takes (0, 1 or 2). */
function charWidth(ch: string): number {
  if (ZERO_WIDTH.test(ch)) return 0;
  return WIDE.test(ch) ? 2 : 1;
}

/** Terminal columns of a string (tabs counted as 1; see padFor). */
function textWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += charWidth(ch);
  return width;
}

/** Blank prefix as wide as `prefix`: tabs are kept (the terminal aligns them), other characters become spaces. */
function padFor(prefix: string): string {
  let out = '';
  for (const ch of prefix) out += ch === '\t' ? '\t' : ' '.repeat(charWidth(ch));
  return out;
}

/** The longest underline drawn under an excerpt; a longer span ends in ` …`. */
const MAX_CARETS = 60;

function renderExcerpt(c: Colors, ex: Excerpt, paint: (s: string) => string): string {
  const number = String(ex.lineNumber);
  const gutter = ' '.repeat(number.length);
  const shown = sanitizeText(ex.text.replace(/\uFEFF/g, ''));
  const before = sanitizeText(ex.text.slice(0, ex.from));
  const marked = sanitizeText(ex.text.slice(ex.from, ex.to));
  const width = Math.max(1, textWidth(marked));
  // A finding over a whole 300-column CMD underlines its start, not the full width of the terminal.
  let carets = paint('^'.repeat(Math.min(width, MAX_CARETS)));
  if (ex.continues || width > MAX_CARETS) carets += c.dim(' …');
  return (
    `  ${c.dim(`${number} |`)} ${shown}\n` +
    `  ${c.dim(`${gutter} |`)} ${padFor(before)}${carets}\n`
  );
}

function renderFile(c: Colors, file: ReportFile): string {
  const findings = sortedFindings(file);
  const starts = file.source !== undefined ? lineStarts(file.source) : null;
  const blocks = findings.map((f) => {
    const span = spanOf(f);
    const paint = severityColor(c, f.severity);
    const where = `${sanitizeText(f.file)}:${span.line}:${span.column}`;
    const text = isParseError(f) ? oneLine(f.message) : f.message.replace(/\r\n?/g, '\n');
    const message = sanitizeText(text, true).replace(/\n/g, '\n    ');
    const fixMark = f.fix ? c.dim(f.fix.applicability === 'safe' ? ' [fixable]' : ' [unsafe fix]') : '';
    let block = `${c.bold(where)} ${paint(f.severity)} ${c.dim(f.ruleId)}: ${message}${fixMark}\n`;
    if (file.source !== undefined && starts) {
      const ex = excerpt(f, file.source, starts);
      if (ex) block += renderExcerpt(c, ex, paint);
    }
    return block;
  });
  return blocks.join('');
}

/**
 * shipshape's readable version of hadolint's `tty` format. hadolint prints
 * `<file>:<line> <code> <severity>: <message>`; we print `<file>:<line>:<col> <severity> <code>: <message>`,
 * then (when the file's source is known) the offending line with carets under the finding's range
 * (first line only, `…` when it goes on), files one after the other separated by a blank line, and a
 * closing summary. Parse errors (`DL1000`) have their message on one line, as in hadolint.
 * Colours only when `input.color`; control characters from the Dockerfile are shown as `\xNN`.
 * No findings: no output (like hadolint).
 */
export function formatTty(input: ReportInput): string {
  return wholeReport(streamTty, input);
}

/** {@link formatTty} file by file: each file with findings as it comes, the summary at the end. */
export const streamTty: StreamingReporter = (input) => {
  const c = pc.createColors(input.color);
  const counts = emptyCounts();
  return {
    file(f) {
      if (f.findings.length === 0) return '';
      const separator = counts.total > 0 ? '\n' : '';
      countFindings(counts, f.findings);
      return separator + renderFile(c, f);
    },
    end() {
      if (counts.total === 0) return '';
      const summary = summaryOf(counts);
      return `\n${counts.bySeverity.error > 0 ? c.bold(c.redBright(summary)) : c.bold(summary)}\n`;
    },
  };
};
