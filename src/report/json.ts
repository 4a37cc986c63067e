/** The `json` format: hadolint's JSON array, with real columns and a few extra fields. */
import type { Applicability } from '../engine/types.js';
import type { ReportInput } from './types.js';
import { allFindings, spanOf, toJson } from './util.js';

/**
 * One element of the `json` output. hadolint's keys (`file line column level code message`) plus
 * `endLine`, `endColumn` (exclusive), `url` (when known) and `fixable` (when a fix exists). Keys are
 * written in alphabetical order, as hadolint's aeson encoding does.
 */
interface JsonFinding {
  code: string;
  column: number;
  endColumn: number;
  endLine: number;
  file: string;
  fixable?: Applicability;
  level: string;
  line: number;
  message: string;
  url?: string;
}

/**
 * Mirrors hadolint's `json` format: one array for all files, no trailing newline, `[]` when empty.
 * Parse errors are elements with `code` `DL1000` and `level` `error`.
 */
export function formatJson(input: ReportInput): string {
  const items: JsonFinding[] = allFindings(input).map((f) => {
    const span = spanOf(f);
    // Keys in alphabetical order, like hadolint's aeson output.
    return {
      code: f.ruleId,
      column: span.column,
      endColumn: span.endColumn,
      endLine: span.endLine,
      file: f.file,
      ...(f.fix ? { fixable: f.fix.applicability } : {}),
      level: f.severity,
      line: span.line,
      message: f.message,
      ...(f.url ? { url: f.url } : {}),
    };
  });
  return toJson(items);
}
