/** The `github` format: GitHub Actions workflow commands (annotations). shipshape's own format. */
import type { Severity } from '../engine/types.js';
import type { ReportInput } from './types.js';
import { allFindings, cwdOf, relativePath, sanitizeText, spanOf } from './util.js';

/** Workflow command of each severity. */
const GITHUB_COMMAND: Record<Severity, 'error' | 'warning' | 'notice'> = {
  error: 'error',
  warning: 'warning',
  info: 'notice',
  style: 'notice',
};

/** Escapes a command's data (the message): `%`, CR, LF (as `@actions/core` does). */
export function escapeGithubData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escapes a command property value: as data, plus `:` and `,`. */
export function escapeGithubProperty(text: string): string {
  return escapeGithubData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/**
 * Not a hadolint format (like `hadolint-action`'s annotations): one workflow command per finding,
 * `::error file=F,line=L,col=C,endLine=L2,endColumn=C2,title=RULE::message` (`warning` for warnings,
 * `notice` for info and style). Paths are relative to `cwd`, `/`-separated. `endColumn` is inclusive;
 * `col`/`endColumn` are left out when the range spans lines (GitHub ignores them then).
 */
export function formatGithub(input: ReportInput): string {
  const cwd = cwdOf(input);
  return allFindings(input)
    .map((f) => {
      const span = spanOf(f);
      const props: [string, string | number][] = [
        ['file', relativePath(f.file, cwd).path],
        ['line', span.line],
      ];
      if (span.endLine === span.line) {
        const endColumn = Math.max(span.column, span.endColumn - 1);
        props.push(['col', span.column], ['endLine', span.endLine], ['endColumn', endColumn]);
      } else {
        props.push(['endLine', span.endLine]);
      }
      props.push(['title', f.ruleId]);
      const properties = props.map(([key, value]) => `${key}=${escapeGithubProperty(sanitizeText(String(value)))}`);
      const message = escapeGithubData(sanitizeText(f.message, true));
      return `::${GITHUB_COMMAND[f.severity]} ${properties.join(',')}::${message}\n`;
    })
    .join('');
}
