/** The `gnu` format (hadolint's GNU-style error lines). */
import type { ReportInput } from './types.js';
import { allFindings, isParseError, oneLine, sanitizeText, spanOf } from './util.js';

/**
 * Mirrors hadolint's `gnu` format, one line per finding:
 * `hadolint:<file>:<line>: <code> <severity>: <message>`, with the program name `shipshape`;
 * parse errors as `shipshape:<file>:<line>:<col>: <message>`. Line breaks in messages become spaces.
 * As in hadolint, rule findings carry no column. Control characters are shown as `\xNN`.
 */
export function formatGnu(input: ReportInput): string {
  return allFindings(input)
    .map((f) => {
      const span = spanOf(f);
      const message = sanitizeText(oneLine(f.message));
      return isParseError(f)
        ? `shipshape:${sanitizeText(f.file)}:${span.line}:${span.column}: ${message}\n`
        : `shipshape:${sanitizeText(f.file)}:${span.line}: ${f.ruleId} ${f.severity}: ${message}\n`;
    })
    .join('');
}
