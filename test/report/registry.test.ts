import { describe, expect, it } from 'vitest';
import {
  FORMAT_NAMES,
  FORMATS,
  formatInfo,
  formatReport,
  formatsForceExitZero,
  isFormatName,
  type FormatName,
} from '../../src/report/index.js';
import { cleanInput, emptyInput, finding, parseErrorInput, sampleInput } from './helpers.js';

const ESC = '\u001b';
const HADOLINT = ['tty', 'json', 'checkstyle', 'codeclimate', 'gitlab_codeclimate', 'gnu', 'codacy', 'sonarqube', 'sarif', 'junit'];

describe('registry', () => {
  it("lists hadolint's formats plus github and markdown, tty first", () => {
    expect(FORMAT_NAMES).toEqual([...HADOLINT, 'github', 'markdown']);
    expect(FORMATS.filter((f) => f.hadolint).map((f) => f.name)).toEqual(HADOLINT);
    expect(new Set(FORMAT_NAMES).size).toBe(FORMAT_NAMES.length);
  });

  it('codeclimate and codacy force exit 0, as in hadolint', () => {
    expect(FORMATS.filter((f) => f.forcesExitZero).map((f) => f.name)).toEqual(['codeclimate', 'codacy']);
    expect(formatsForceExitZero(['tty', 'json'])).toBe(false);
    expect(formatsForceExitZero(['json', 'codacy'])).toBe(true);
  });

  it('isFormatName / formatInfo', () => {
    expect(isFormatName('sarif')).toBe(true);
    expect(isFormatName('SARIF')).toBe(false);
    expect(isFormatName('html')).toBe(false);
    expect(() => formatInfo('html' as FormatName)).toThrow(/unknown format/);
  });

  it('empty report of each format', () => {
    const empty: Record<FormatName, (out: string) => void> = {
      tty: (out) => expect(out).toBe(''),
      json: (out) => expect(out).toBe('[]'),
      checkstyle: (out) => expect(out).toBe('<?xml version="1.0" encoding="UTF-8"?><checkstyle version="4.3"></checkstyle>'),
      codeclimate: (out) => expect(out).toBe(''),
      gitlab_codeclimate: (out) => expect(out).toBe('[]'),
      gnu: (out) => expect(out).toBe(''),
      codacy: (out) => expect(out).toBe(''),
      sonarqube: (out) => expect(JSON.parse(out)).toEqual({ issues: [] }),
      sarif: (out) => expect((JSON.parse(out) as { runs: { results: unknown[] }[] }).runs[0].results).toEqual([]),
      junit: (out) =>
        expect(out).toBe(
          '<?xml version="1.0" encoding="UTF-8"?><testsuites id="19700101_000000" name="shipshape run at 1970-01-01 00:00:00" time="0.001"></testsuites>',
        ),
      github: (out) => expect(out).toBe(''),
      markdown: (out) => expect(out).toBe('No problems found.\n'),
    };
    for (const format of FORMAT_NAMES) empty[format](formatReport(format, emptyInput()));
  });

  const inputs = {
    sample: sampleInput,
    parseError: parseErrorInput,
    clean: cleanInput,
  };

  for (const format of FORMAT_NAMES) {
    describe(format, () => {
      it('handles an empty report', () => {
        const out = formatReport(format, emptyInput());
        expect(typeof out).toBe('string');
        expect(out).not.toContain(ESC);
      });

      it('is deterministic and ends (or not) with a newline as declared', () => {
        const out = formatReport(format, sampleInput());
        expect(formatReport(format, sampleInput())).toBe(out);
        expect(out.endsWith('\n')).toBe(formatInfo(format).endsWithNewline);
      });

      if (format !== 'tty') {
        it('never contains ANSI escape codes, even with color=true', () => {
          for (const make of Object.values(inputs)) {
            expect(formatReport(format, make({ color: true }))).not.toContain(ESC);
          }
          const hostile = sampleInput({ color: true });
          hostile.files[0].findings.push(
            finding({ ruleId: 'DL3000', severity: 'error', message: 'evil \u001b[2J\u009b1m', at: [1, 1, 1, 2] }),
          );
          expect(formatReport(format, hostile)).not.toMatch(/[\u001b\u009b]/);
        });

        it('does not depend on color', () => {
          expect(formatReport(format, sampleInput({ color: true }))).toBe(formatReport(format, sampleInput({ color: false })));
        });
      }
    });
  }
});
