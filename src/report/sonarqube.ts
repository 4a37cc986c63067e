/** The `sonarqube` format (SonarQube generic issue import, as hadolint writes it). */
import type { Severity } from '../engine/types.js';
import type { ReportInput } from './types.js';
import { allFindings, isParseError, repositoryPath, spanOf, toJson } from './util.js';

/** SonarQube severity and issue type of each hadolint severity (hadolint's mapping). */
const SONAR_SEVERITY: Record<Severity, { severity: string; type: string }> = {
  error: { severity: 'CRITICAL', type: 'BUG' },
  warning: { severity: 'MAJOR', type: 'CODE_SMELL' },
  info: { severity: 'MINOR', type: 'CODE_SMELL' },
  style: { severity: 'INFO', type: 'CODE_SMELL' },
};

/** One SonarQube generic issue. */
interface SonarIssue {
  engineId: string;
  ruleId: string;
  severity: string;
  type: string;
  primaryLocation: {
    message: string;
    filePath: string;
    textRange: { startLine: number; endLine: number; startColumn: number; endColumn: number };
  };
}

/**
 * Mirrors hadolint's `sonarqube` format: `{"issues":[…]}`. Sonar columns are 0-based with an exclusive
 * end: ours are the real range (hadolint writes 0..1), never empty on a single line. `engineId` is
 * `shipshape`. Parse errors (`DL1000`) are `BLOCKER` `BUG`. `filePathInReport` replaces the path.
 */
export function formatSonarqube(input: ReportInput): string {
  const issues: SonarIssue[] = allFindings(input).map((f) => {
    const span = spanOf(f);
    const mapped = isParseError(f) ? { severity: 'BLOCKER', type: 'BUG' } : SONAR_SEVERITY[f.severity];
    const startColumn = span.column - 1;
    let endColumn = span.endColumn - 1;
    if (span.endLine === span.line && endColumn <= startColumn) endColumn = startColumn + 1;
    return {
      engineId: 'shipshape',
      ruleId: f.ruleId,
      severity: mapped.severity,
      type: mapped.type,
      primaryLocation: {
        message: f.message,
        filePath: repositoryPath(input, f.file),
        textRange: { startLine: span.line, endLine: span.endLine, startColumn, endColumn },
      },
    };
  });
  return toJson({ issues });
}
