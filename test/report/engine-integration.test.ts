/**
 * The reporters on real findings from the engine (real ranges, BOM and CRLF input): every format
 * renders, parses back, and tty underlines the right text. Only generic properties are checked, so
 * rule changes do not break these tests.
 */
import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { lint } from '../../src/engine/lint.js';
import { defaultRules } from '../../src/rules/registry.js';
import { FORMAT_NAMES, formatReport, type ReportInput } from '../../src/report/index.js';
import { JSON_SCHEMA, SARIF_SCHEMA, expectValid } from './schemas.js';

const TEXT = '\uFEFFFROM debian\r\nENV DEBUG=1\r\nRUN apt-get update && \\\r\n    apt-get install curl\r\nUSER root\r\n';

async function input(text: string, color = false): Promise<ReportInput> {
  const { findings } = await lint(text, { rules: await defaultRules() });
  return {
    files: [{ file: 'Dockerfile', source: text, findings: findings.map((f) => ({ ...f, file: 'Dockerfile' })) }],
    color,
    toolVersion: '0.1.0',
    cwd: '/work/repo',
    now: new Date(0),
  };
}

describe('reporters on engine findings', () => {
  it('tty carets underline the finding ranges (first line), BOM and CRLF input', async () => {
    const report = await input(TEXT);
    expect(report.files[0].findings.length).toBeGreaterThan(0);
    const out = formatReport('tty', report);
    const lines = out.split('\n');
    for (const f of report.files[0].findings) {
      const header = lines.findIndex((l) => l.startsWith(`Dockerfile:${f.range.start.line}:${f.range.start.column} `) && l.includes(f.ruleId));
      expect(header, f.ruleId).toBeGreaterThanOrEqual(0);
      const caretLine = lines[header + 2];
      const caretStart = caretLine.indexOf('^');
      const sourceLine = lines[header + 1];
      // the caret starts under the range's first character (line prefix "  N | " has equal width)
      const sourceText = sourceLine.slice(sourceLine.indexOf('| ') + 2);
      const startInSource = caretStart - (caretLine.indexOf('| ') + 2);
      const expected = TEXT.slice(f.range.start.offset, f.range.end.offset).replace(/^\uFEFF/, '').split(/\r?\n/)[0];
      const underlined = sourceText.slice(startInSource, startInSource + caretLine.slice(caretStart).replace(/[^^]/g, '').length);
      if (expected.length > 0) expect(underlined, f.ruleId).toBe(expected.slice(0, underlined.length));
    }
    expect(out).not.toContain('\r');
  });

  it('every format renders and the structured ones parse back', async () => {
    const report = await input(TEXT, true);
    for (const format of FORMAT_NAMES) {
      const out = formatReport(format, report);
      if (format !== 'tty') expect(out, format).not.toContain('\u001b');
      if (format === 'json') expectValid(JSON_SCHEMA, JSON.parse(out));
      if (format === 'sarif') expectValid(SARIF_SCHEMA, JSON.parse(out));
      if (format === 'checkstyle' || format === 'junit') expect(XMLValidator.validate(out), format).toBe(true);
    }
  });

  it('a parse error from the engine is reported as DL1000 everywhere', async () => {
    const report = await input('FROM debian\nFOO bar\n');
    expect(report.files[0].findings.map((f) => f.ruleId)).toEqual(['DL1000']);
    expect(JSON.parse(formatReport('json', report))[0]).toMatchObject({ code: 'DL1000', level: 'error', line: 2, column: 1 });
    expect(formatReport('checkstyle', report)).not.toContain('source=');
    expect(formatReport('tty', report)).toMatch(/^Dockerfile:2:1 error DL1000: /);
  });
});
