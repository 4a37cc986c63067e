/** Helpers shared by the reporters: ordering, positions, paths and escaping. */
import * as path from 'node:path';
import type { FileFinding, Finding } from '../engine/types.js';
import type { ReportFile, ReportInput, Reporter, StreamingReporter } from './types.js';

/** hadolint's pseudo rule code for a Dockerfile that could not be parsed. */
export const PARSE_ERROR_RULE = 'DL1000';

/** True for a parse error finding (rule id `DL1000`). */
export function isParseError(finding: Pick<Finding, 'ruleId'>): boolean {
  return finding.ruleId === PARSE_ERROR_RULE;
}

/** A file's findings sorted by line, then column (stable for equal positions), like hadolint's sort by line. */
export function sortedFindings(file: ReportFile): FileFinding[] {
  return file.findings
    .map((finding, index) => ({ finding, index }))
    .sort(
      (a, b) =>
        a.finding.range.start.line - b.finding.range.start.line ||
        a.finding.range.start.column - b.finding.range.start.column ||
        a.index - b.index,
    )
    .map((entry) => entry.finding);
}

/** The whole report of a streamed format: each file's part in order, then the ending. */
export function wholeReport(stream: StreamingReporter, input: ReportInput): string {
  const { files, ...rest } = input;
  const s = stream(rest);
  let out = '';
  for (const f of files) out += s.file(f);
  return out + s.end();
}

/** A stream for a format whose report of several files is the concatenation of one-file reports. */
export function concatenated(format: Reporter): StreamingReporter {
  return (input) => ({ file: (f) => format({ ...input, files: [f] }), end: () => '' });
}

/** Every finding of the report: files in input order, each file's findings sorted. */
export function allFindings(input: ReportInput): FileFinding[] {
  return input.files.flatMap(sortedFindings);
}

/**
 * A finding's place with 1-based lines and columns; `endColumn` is exclusive (the column after the
 * last character), as in SARIF. An end before the start is moved to the start.
 */
export interface Span {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** The span of a finding's range (see {@link Span}). */
export function spanOf(finding: Finding): Span {
  const { start, end } = finding.range;
  const line = Math.max(1, start.line);
  const column = Math.max(1, start.column);
  let endLine = end.line;
  let endColumn = end.column;
  if (endLine < line || (endLine === line && endColumn < column)) {
    endLine = line;
    endColumn = column;
  }
  return { line, column, endLine, endColumn: Math.max(1, endColumn) };
}

/** The file name hadolint's `--file-path-in-report` formats write: the override, or the file. */
export function reportedPath(input: ReportInput, file: string): string {
  return input.filePathInReport ?? file;
}

/**
 * The file name for reports read by a repository's code-quality view (Code Climate, GitLab Code Quality,
 * SonarQube), which map paths relative to the repository: the override, else the file relative to the
 * working directory when it is inside it (`$CI_PROJECT_DIR/Dockerfile` → `Dockerfile`), else as given.
 */
export function repositoryPath(input: ReportInput, file: string): string {
  if (input.filePathInReport !== undefined) return input.filePathInReport;
  const r = relativePath(file, cwdOf(input));
  return r.outside ? file : r.path;
}

/**
 * `file` relative to `cwd`, `/`-separated. `-` (standard input) is kept; a file outside `cwd` is
 * returned as an absolute `/`-separated path (`outside: true`).
 */
export function relativePath(file: string, cwd: string): { path: string; outside: boolean } {
  if (file === '-') return { path: file, outside: false };
  const absolute = path.resolve(cwd, file);
  const relative = path.relative(path.resolve(cwd), absolute);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) {
    return { path: toSlash(absolute), outside: true };
  }
  return { path: toSlash(relative), outside: false };
}

function toSlash(p: string): string {
  return path.sep === '\\' ? p.replace(/\\/g, '/') : p;
}

/** The working directory reporters resolve paths against. */
export function cwdOf(input: ReportInput): string {
  return input.cwd ?? process.cwd();
}

/**
 * Makes untrusted text (messages and source lines quote the Dockerfile) safe to print to a terminal:
 * C0 controls (except tab), DEL and C1 controls become `\xNN`, so no ANSI escape sequence can reach
 * the terminal. With `keepNewlines`, LF and CR are kept.
 */
export function sanitizeText(text: string, keepNewlines = false): string {
  return text.replace(/[\u0000-\u0008\u000a-\u001f\u007f-\u009f]/g, (c) =>
    keepNewlines && (c === '\n' || c === '\r') ? c : `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`,
  );
}

/**
 * `JSON.stringify` that also escapes DEL and the C1 controls (JSON.stringify leaves them raw; U+009B is
 * an 8-bit CSI), so JSON output never carries a terminal escape.
 */
export function toJson(value: unknown): string {
  return JSON.stringify(value).replace(
    /[\u007f-\u009f]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** Characters not allowed in XML 1.0 (`Char` production), including lone surrogates. */
const XML_INVALID = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Removes the characters XML 1.0 does not allow. */
function stripInvalidXml(text: string): string {
  return text.replace(XML_INVALID, '');
}

const XML_ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
  '\t': '&#9;',
  '\n': '&#10;',
  '\r': '&#13;',
};

/**
 * Escapes an XML attribute value (to be written between double quotes): `& < > " '`, and tab, LF, CR
 * as character references so that attribute-value normalisation keeps them; DEL and C1 controls as
 * character references; invalid characters are removed.
 */
export function xmlAttr(text: string): string {
  return escapeC1(stripInvalidXml(text).replace(/[&<>"'\t\n\r]/g, (c) => XML_ENTITIES[c]));
}

/** DEL and C1 controls (allowed in XML 1.0, but U+009B is an 8-bit CSI) as character references. */
function escapeC1(text: string): string {
  return text.replace(/[\u007f-\u009f]/g, (c) => `&#x${c.charCodeAt(0).toString(16).toUpperCase()};`);
}

/** Escapes XML character data: `& < > " '` (and CR, which parsers would otherwise drop); invalid characters are removed. */
export function xmlText(text: string): string {
  return escapeC1(stripInvalidXml(text).replace(/[&<>"'\r]/g, (c) => XML_ENTITIES[c]));
}

/** The XML declaration hadolint's XML formats start with. */
export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>';

/** Replaces line breaks by spaces (hadolint prints parse errors on one line in tty and gnu). */
export function oneLine(text: string): string {
  return text.replace(/\r\n|\r|\n/g, ' ');
}
