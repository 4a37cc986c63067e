/** The `junit` format (hadolint's JUnit XML). */
import type { ReportInput } from './types.js';
import { isParseError, reportedPath, sortedFindings, spanOf, xmlAttr, xmlText, XML_DECLARATION } from './util.js';

const pad = (n: number): string => String(n).padStart(2, '0');

/** `YYYYMMDD_HHMMSS` and `YYYY-MM-DD HH:MM:SS` of a date, in UTC (hadolint formats UTC time). */
function stamps(now: Date): { id: string; human: string } {
  const date = [now.getUTCFullYear(), pad(now.getUTCMonth() + 1), pad(now.getUTCDate())];
  const time = [pad(now.getUTCHours()), pad(now.getUTCMinutes()), pad(now.getUTCSeconds())];
  return { id: `${date.join('')}_${time.join('')}`, human: `${date.join('-')} ${time.join(':')}` };
}

/**
 * Mirrors hadolint's `junit` format: `<testsuites id="YYYYMMDD_HHMMSS" name="shipshape run at …">`,
 * one `<testsuite id="shipshape" name="shipshape <version>" failures errors>` per file and one
 * `<testcase>` with a `<failure>` per finding (`id="shipshape.rule.<code>"`; parse errors
 * `id="shipshape.error" name="DL1000"`). Additions for JUnit consumers that need them: `tests` on
 * suites, `name` (rule id) and `classname` (file) on every testcase, and a `Column:` line in the
 * failure text. `filePathInReport` replaces the file name. No trailing newline.
 */
export function formatJunit(input: ReportInput): string {
  const { id, human } = stamps(input.now ?? new Date());
  let out =
    `${XML_DECLARATION}<testsuites id="${id}" name="shipshape run at ${human}" time="0.001">`;
  for (const file of input.files) {
    const name = reportedPath(input, file.file);
    const findings = sortedFindings(file);
    const parseErrors = findings.filter(isParseError).length;
    out +=
      `<testsuite id="shipshape" name="${xmlAttr(`shipshape ${input.toolVersion}`)}" time="0.001"` +
      ` tests="${findings.length}" failures="${findings.length}" errors="${parseErrors}">`;
    for (const f of findings) {
      const span = spanOf(f);
      if (isParseError(f)) {
        const body =
          `Parse Error in ${name}\nLine: ${span.line}\nColumn: ${span.column}\nParse Error: ${f.message}\n`;
        out +=
          `<testcase id="shipshape.error" name="DL1000" classname="${xmlAttr(name)}" time="0.001">` +
          `<failure type="error" message="parse error at line ${span.line}, column ${span.column}">` +
          `${xmlText(body)}</failure></testcase>`;
      } else {
        const body =
          `File: ${name}\nLine: ${span.line}\nColumn: ${span.column}\n` +
          `Category: shipshape - Dockerfile Static Analysis\n${f.severity}: ${f.message}\n`;
        out +=
          `<testcase id="shipshape.rule.${xmlAttr(f.ruleId)}" name="${xmlAttr(f.ruleId)}"` +
          ` classname="${xmlAttr(name)}" time="0.001">` +
          `<failure type="${f.severity}" message="${xmlAttr(f.message)}" id="${xmlAttr(f.ruleId)}">` +
          `${xmlText(body)}</failure></testcase>`;
      }
    }
    out += '</testsuite>';
  }
  return `${out}</testsuites>`;
}
