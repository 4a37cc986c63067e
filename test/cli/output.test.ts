/**
 * ReportWriter (src/cli/output.ts): a lone tty, json, gnu or github report on the report stream is
 * written file by file and must be byte for byte what rendering all files at the end gives; results
 * are redacted as they arrive and keep their source only for tty.
 */
import { describe, expect, it } from 'vitest';
import { lint } from '../../src/engine/lint.js';
import { defaultConfig } from '../../src/engine/types.js';
import { ReportWriter, reportedFile } from '../../src/cli/output.js';
import { defaultRules } from '../../src/rules/registry.js';
import { FORMATS, formatReport, summaryLine, type ReportFile } from '../../src/report/index.js';

const SOURCES: [string, string][] = [
  ['clean/Dockerfile', 'FROM busybox:1.36.1@sha256:' + 'a'.repeat(64) + '\nUSER 1000\nHEALTHCHECK NONE\nCMD ["true"]\n'],
  ['a/Dockerfile', 'FROM debian:12\nRUN apt-get update && apt-get install -y curl\n'],
  ['broken/Dockerfile', 'FROM debian:12\nRUN <<EOF\n'],
  ['secret/Dockerfile', 'FROM alpine:3.20\nENV AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n'],
  ['b/Dockerfile', 'from alpine\nMAINTAINER me\nADD . /app\n'],
];

async function reportFiles(which: number[]): Promise<ReportFile[]> {
  const rules = await defaultRules();
  const out: ReportFile[] = [];
  for (const k of which) {
    const [file, source] = SOURCES[k];
    const r = await lint(source, { rules, config: defaultConfig() });
    out.push({ file, source, parseError: r.findings.some((f) => f.ruleId === 'DL1000'), findings: r.findings.map((f) => ({ ...f, file })) });
  }
  return out;
}

async function render(files: ReportFile[], stream: boolean, formats = ['json']): Promise<{ text: string; writes: number; failing: boolean }> {
  let text = '';
  let writes = 0;
  const plan = { formats, outputs: [], color: false, cwd: '/' };
  const w = new ReportWriter(plan, defaultConfig(), (t) => ((text += t), writes++), () => undefined, stream);
  for (const f of files) w.add(f);
  expect(await w.finish()).toBe(true);
  return { text, writes, failing: w.failing };
}

describe('ReportWriter', () => {
  it.each([
    ['every kind of file', [0, 1, 2, 3, 4]],
    ['a clean file first and last', [0, 1, 0, 4, 0]],
    ['only clean files', [0, 0]],
    ['no files', []],
  ])('streams json byte-identical to the report rendered at the end (%s)', async (_what, which) => {
    const files = await reportFiles(which);
    const streamed = await render(files, true);
    const whole = await render(files, false);
    expect(streamed.text).toBe(whole.text);
    expect(streamed.failing).toBe(whole.failing);
    expect(JSON.parse(streamed.text)).toBeInstanceOf(Array);
    if (which.includes(1)) expect(streamed.writes).toBeGreaterThan(2);
    else expect(whole.writes).toBe(1);
  });

  it.each([
    ['tty', [0, 1, 2, 3, 4]],
    ['tty', [0, 0]],
    ['gnu', [1, 0, 2, 3, 4]],
    ['github', [4, 3, 0, 1]],
    ['json', [1, 2]],
  ])('streams %s file by file, as the report rendered at the end (files %j)', async (format, which) => {
    const files = await reportFiles(which);
    const streamed = await render(files, true, [format]);
    expect(streamed.text).toBe((await render(files, false, [format])).text);
    if (files.filter((f) => f.findings.length > 0).length > 1) expect(streamed.writes).toBeGreaterThan(2);
  });

  it('the streamed formats are each file in turn plus an ending, built here from one-file reports', async () => {
    const files = (await reportFiles([1, 0, 2, 3, 4])).map((f) => reportedFile(f, { formats: ['tty'], outputs: [] }));
    const input = (fs: ReportFile[]) => ({ files: fs, color: false, toolVersion: '0', cwd: '/' });
    expect(FORMATS.filter((f) => f.stream).map((f) => f.name).sort()).toEqual(['github', 'gnu', 'json', 'tty']);
    for (const format of ['gnu', 'github'] as const) {
      expect(formatReport(format, input(files))).toBe(files.map((f) => formatReport(format, input([f]))).join(''));
    }
    // tty: each file with findings without its own summary line, a blank line between them, and one
    // summary of all findings.
    const withFindings = files.filter((f) => f.findings.length > 0);
    const bodies = withFindings.map((f) => formatReport('tty', input([f])).replace(/\n[^\n]*\n$/, ''));
    expect(formatReport('tty', input(files))).toBe(`${bodies.join('\n')}\n${summaryLine(files.flatMap((f) => f.findings))}\n`);
    expect(JSON.parse(formatReport('json', input(files)))).toEqual(files.flatMap((f) => JSON.parse(formatReport('json', input([f])))));
  });

  it('streams no secret value; failing follows findings and parse errors', async () => {
    const streamed = await render(await reportFiles([3]), true);
    expect(streamed.text).not.toContain('wJalrXUtnFEMI');
    expect(streamed.failing).toBe(true);
    expect((await render(await reportFiles([0]), true)).failing).toBe(false);
  });

  it('keeps the source only when a tty report shows excerpts', async () => {
    const [file] = await reportFiles([3]);
    expect(reportedFile(file, { formats: ['json'], outputs: [] }).source).toBeUndefined();
    // `-o FILE` without its own format is a tty report.
    expect(reportedFile(file, { formats: ['json'], outputs: ['-', 'report.txt'] }).source).toContain('AWS_SECRET_ACCESS_KEY=***');
    const tty = await render([file], true, ['tty']);
    expect(tty.text).toContain('AWS_SECRET_ACCESS_KEY');
    expect(tty.text).not.toContain('wJalrXUtnFEMI');
  });
});
