/** The `json` format: hadolint's JSON array, with real columns and a few extra fields. */
import type { Applicability, FileFinding } from '../engine/types.js';
import type { ReportInput, StreamingReporter } from './types.js';
import { sortedFindings, spanOf, toJson, wholeReport } from './util.js';

/**
 * One element of the `json` output. hadolint's keys (`file line column level code message`) plus
 * `endLine`, `endColumn` (exclusive), `url` (when known), `fixable` (when a fix exists) and `aliases` (the
 * ids of other rules merged into this finding, when there are). Keys are
 * written in alphabetical order, as hadolint's aeson encoding does.
 */
interface JsonFinding {
  /** Ids of other rules that reported the same problem, merged into this finding (one finding per problem). */
  aliases?: string[];
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
  return wholeReport(streamJson, input);
}

/** {@link formatJson} file by file: one JSON array, continued by each file's findings. */
export const streamJson: StreamingReporter = () => {
  let wrote = false;
  return {
    file(file) {
      const items = sortedFindings(file).map(jsonFinding);
      if (items.length === 0) return '';
      const part = toJson(items).slice(1, -1);
      const out = (wrote ? ',' : '[') + part;
      wrote = true;
      return out;
    },
    end: () => (wrote ? ']' : '[]'),
  };
};

function jsonFinding(f: FileFinding): JsonFinding {
  const span = spanOf(f);
  // Keys in alphabetical order, like hadolint's aeson output.
  return {
    ...(f.aliases?.length ? { aliases: f.aliases } : {}),
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
}
