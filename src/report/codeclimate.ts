/** The `codeclimate` and `gitlab_codeclimate` formats (hadolint's Code Climate issues). */
import { createHash } from 'node:crypto';
import type { FileFinding, Severity } from '../engine/types.js';
import type { ReportInput } from './types.js';
import { allFindings, isParseError, repositoryPath, spanOf, toJson } from './util.js';

/** Code Climate severity of each hadolint severity (hadolint's mapping). */
const CODECLIMATE_SEVERITY: Record<Severity, string> = {
  error: 'blocker',
  warning: 'major',
  info: 'info',
  style: 'minor',
};

/** A Code Climate issue as hadolint writes it (key order as hadolint's). */
interface CodeClimateIssue {
  type: 'issue';
  check_name: string;
  description: string;
  categories: string[];
  location:
    | { path: string; lines: { begin: number; end: number } }
    | {
        path: string;
        positions: { begin: { line: number; column: number }; end: { line: number; column: number } };
      };
  severity: string;
}

/** A GitLab Code Quality issue: a Code Climate issue with a `fingerprint`. */
interface GitlabIssue extends CodeClimateIssue {
  fingerprint: string;
}

function toIssue(input: ReportInput, f: FileFinding): CodeClimateIssue {
  const span = spanOf(f);
  const path = repositoryPath(input, f.file);
  const location: CodeClimateIssue['location'] = isParseError(f)
    ? {
        path,
        positions: {
          begin: { line: span.line, column: span.column },
          end: { line: span.line, column: span.column },
        },
      }
    : { path, lines: { begin: span.line, end: span.endLine } };
  return {
    type: 'issue',
    check_name: f.ruleId,
    description: f.message,
    categories: ['Bug Risk'],
    location,
    severity: CODECLIMATE_SEVERITY[f.severity],
  };
}

/**
 * Mirrors hadolint's `codeclimate` format: every issue is a JSON object followed by a NUL byte (no
 * array). Rule findings have `location.lines` (`end` is the last line of the range; hadolint repeats
 * the first), parse errors `location.positions`. Using this format forces exit code 0 (see FORMATS).
 */
export function formatCodeclimate(input: ReportInput): string {
  return allFindings(input)
    .map((f) => `${toJson(toIssue(input, f))}\0`)
    .join('');
}

/**
 * Mirrors hadolint's `gitlab_codeclimate` format: one JSON array of the issues, each with a
 * `fingerprint`: the lower-case hex SHA-1 of the issue's JSON encoding without the fingerprint.
 */
export function formatGitlabCodeclimate(input: ReportInput): string {
  const issues: GitlabIssue[] = allFindings(input).map((f) => {
    const issue = toIssue(input, f);
    const fingerprint = createHash('sha1').update(toJson(issue), 'utf8').digest('hex');
    const { type, ...rest } = issue;
    return { type, fingerprint, ...rest };
  });
  return toJson(issues);
}
