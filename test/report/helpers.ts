/** Hand-built findings for the reporter tests. */
import type { FileFinding, Fix, Severity } from '../../src/engine/types.js';
import type { Range } from '../../src/parse/types.js';
import type { ReportInput } from '../../src/report/index.js';

/** Offset of (line, column) in `source` (1-based, LF line breaks). */
function offsetOf(source: string, line: number, column: number): number {
  let offset = 0;
  for (let l = 1; l < line; l++) {
    const next = source.indexOf('\n', offset);
    offset = next === -1 ? source.length : next + 1;
  }
  return offset + column - 1;
}

/** A range from 1-based positions; end exclusive. Offsets computed from `source` when given. */
export function range(
  line: number,
  column: number,
  endLine: number,
  endColumn: number,
  source?: string,
): Range {
  return {
    start: { line, column, offset: source ? offsetOf(source, line, column) : 0 },
    end: { line: endLine, column: endColumn, offset: source ? offsetOf(source, endLine, endColumn) : 0 },
  };
}

export interface FindingSpec {
  file?: string;
  ruleId: string;
  severity: Severity;
  message: string;
  at: [number, number, number, number];
  url?: string;
  fix?: Fix['applicability'];
}

/** A finding matching `FileFinding` (instruction null). */
export function finding(spec: FindingSpec, source?: string): FileFinding {
  const f: FileFinding = {
    file: spec.file ?? 'Dockerfile',
    ruleId: spec.ruleId,
    severity: spec.severity,
    message: spec.message,
    range: range(...spec.at, source),
    instruction: null,
  };
  if (spec.url) f.url = spec.url;
  if (spec.fix) f.fix = { applicability: spec.fix, description: 'fix it', edits: [] };
  return f;
}

export const SOURCE = [
  'FROM debian:12.6',
  'RUN apt-get update && \\',
  '    apt-get install -y curl',
  "LABEL description=\"a & b <c> 'd'\"",
  'USER root',
  '',
].join('\n');

export const DL3008_MSG =
  'Pin versions in apt get install. Instead of `apt-get install <package>` use `apt-get install <package>=<version>`';

/** A report with one file, findings of every severity, a multi-line range and a fix. */
export function sampleInput(overrides: Partial<ReportInput> = {}): ReportInput {
  const findings: FileFinding[] = [
    finding(
      { ruleId: 'DL3002', severity: 'warning', message: 'Last USER should not be root', at: [5, 1, 5, 10], url: 'https://example.test/DL3002' },
      SOURCE,
    ),
    finding(
      { ruleId: 'DL3008', severity: 'warning', message: DL3008_MSG, at: [2, 5, 3, 28], url: 'https://example.test/DL3008' },
      SOURCE,
    ),
    finding(
      { ruleId: 'DL3015', severity: 'info', message: 'Avoid additional packages by specifying `--no-install-recommends`', at: [3, 5, 3, 28], fix: 'safe' },
      SOURCE,
    ),
    finding({ ruleId: 'SC2086', severity: 'info', message: 'Double quote to prevent globbing and word splitting.', at: [3, 24, 3, 28] }, SOURCE),
    finding({ ruleId: 'DL4000', severity: 'error', message: 'MAINTAINER is deprecated', at: [1, 1, 1, 17], fix: 'unsafe' }, SOURCE),
    finding({ ruleId: 'DL3048', severity: 'style', message: 'Invalid label key: "a & b <c> \'d\'" | x', at: [4, 7, 4, 35] }, SOURCE),
  ];
  return {
    files: [{ file: 'Dockerfile', findings, source: SOURCE }],
    color: false,
    toolVersion: '0.1.0',
    cwd: '/work/repo',
    now: new Date(Date.UTC(2026, 10, 29, 14, 5, 9)),
    ...overrides,
  };
}

/** A report whose one file failed to parse. */
export function parseErrorInput(overrides: Partial<ReportInput> = {}): ReportInput {
  const source = 'FROM debian\nFOO bar\n';
  return {
    files: [
      {
        file: 'sub/Dockerfile',
        parseError: true,
        source,
        findings: [
          finding(
            { file: 'sub/Dockerfile', ruleId: 'DL1000', severity: 'error', message: 'unexpected \'F\'\nexpecting a new line followed by the next instruction', at: [2, 1, 2, 4] },
            source,
          ),
        ],
      },
    ],
    color: false,
    toolVersion: '0.1.0',
    cwd: '/work/repo',
    now: new Date(Date.UTC(2026, 0, 2, 3, 4, 5)),
    ...overrides,
  };
}

/** A report of two files without findings. */
export function cleanInput(overrides: Partial<ReportInput> = {}): ReportInput {
  return {
    files: [
      { file: 'Dockerfile', findings: [] },
      { file: 'other/Dockerfile', findings: [] },
    ],
    color: false,
    toolVersion: '0.1.0',
    cwd: '/work/repo',
    now: new Date(Date.UTC(2026, 0, 2, 3, 4, 5)),
    ...overrides,
  };
}

/** A report with no files at all. */
export function emptyInput(): ReportInput {
  return { files: [], color: false, toolVersion: '0.1.0', cwd: '/work/repo', now: new Date(0) };
}
