/** The `codacy` format (hadolint's Codacy results). */
import type { ReportInput } from './types.js';
import { allFindings, spanOf, toJson } from './util.js';

/** One Codacy result, as hadolint writes it. */
interface CodacyResult {
  filename: string;
  patternId: string;
  message: string;
  line: number;
}

/**
 * Mirrors hadolint's `codacy` format: one JSON object per finding, written back to back without any
 * separator; parse errors have `patternId` `DL1000`. Using this format forces exit code 0 (see FORMATS).
 */
export function formatCodacy(input: ReportInput): string {
  return allFindings(input)
    .map((f) => {
      const result: CodacyResult = { filename: f.file, patternId: f.ruleId, message: f.message, line: spanOf(f).line };
      return toJson(result);
    })
    .join('');
}
