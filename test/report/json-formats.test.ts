import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { formatReport } from '../../src/report/index.js';
import { cleanInput, DL3008_MSG, emptyInput, finding, parseErrorInput, sampleInput } from './helpers.js';
import {
  CODACY_SCHEMA,
  CODECLIMATE_ISSUE_SCHEMA,
  expectInvalid,
  expectValid,
  GITLAB_SCHEMA,
  JSON_SCHEMA,
  SONARQUBE_SCHEMA,
} from './schemas.js';

/** Splits hadolint's codacy output (JSON objects back to back) into objects. */
function splitConcatenatedJson(text: string): unknown[] {
  const out: unknown[] = [];
  let depth = 0;
  let inString = false;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) {
      out.push(JSON.parse(text.slice(start, i + 1)));
      start = i + 1;
    }
  }
  expect(text.slice(start)).toBe('');
  return out;
}

describe('json', () => {
  it('is one array matching the schema, sorted by line, with real columns and extras', () => {
    const text = formatReport('json', sampleInput());
    expect(text.endsWith('\n')).toBe(false);
    const data = JSON.parse(text) as Record<string, unknown>[];
    expectValid(JSON_SCHEMA, data);
    expect(data.map((d) => d.line)).toEqual([1, 2, 3, 3, 4, 5]);
    expect(data[1]).toEqual({
      file: 'Dockerfile',
      line: 2,
      column: 5,
      endLine: 3,
      endColumn: 28,
      level: 'warning',
      code: 'DL3008',
      message: DL3008_MSG,
      url: 'https://example.test/DL3008',
    });
    expect(data[0]).toMatchObject({ code: 'DL4000', fixable: 'unsafe', level: 'error' });
    expect(data[2]).toMatchObject({ code: 'DL3015', fixable: 'safe' });
    expect(data[3]).not.toHaveProperty('fixable');
    expect(data[3]).not.toHaveProperty('url');
  });

  it('writes keys in alphabetical order like aeson', () => {
    const data = JSON.parse(formatReport('json', sampleInput())) as Record<string, unknown>[];
    for (const item of data) expect(Object.keys(item)).toEqual(Object.keys(item).sort());
  });

  it('concatenates all files into one array', () => {
    const a = sampleInput();
    const b = parseErrorInput();
    const data = JSON.parse(formatReport('json', { ...a, files: [...a.files, ...b.files] })) as { file: string }[];
    expect(data).toHaveLength(7);
    expect(data[6]).toMatchObject({ file: 'sub/Dockerfile', code: 'DL1000', level: 'error', line: 2, column: 1 });
  });

  it('empty report is []', () => {
    expect(formatReport('json', emptyInput())).toBe('[]');
    expect(formatReport('json', cleanInput())).toBe('[]');
  });

  it('parse error keeps its multi-line message and real column', () => {
    const data = JSON.parse(formatReport('json', parseErrorInput())) as Record<string, unknown>[];
    expectValid(JSON_SCHEMA, data);
    expect(data).toEqual([
      {
        file: 'sub/Dockerfile',
        line: 2,
        column: 1,
        endLine: 2,
        endColumn: 4,
        level: 'error',
        code: 'DL1000',
        message: "unexpected 'F'\nexpecting a new line followed by the next instruction",
      },
    ]);
  });

  it('the schema rejects hadolint-incompatible shapes', () => {
    expectInvalid(JSON_SCHEMA, [{ file: 'D', line: 1, column: 1, level: 'fatal', code: 'X', message: '', endLine: 1, endColumn: 1 }]);
    expectInvalid(JSON_SCHEMA, [{ file: 'D', line: 0, column: 1, level: 'error', code: 'X', message: '', endLine: 1, endColumn: 1 }]);
  });

  it('escapes C1 controls and never emits a raw ESC', () => {
    const input = sampleInput({ color: true });
    input.files[0].findings = [
      finding({ ruleId: 'DL3000', severity: 'error', message: 'bad \u001b[31m and \u009b31m', at: [1, 1, 1, 2] }),
    ];
    const text = formatReport('json', input);
    expect(text).not.toMatch(/[\u001b\u009b]/);
    expect((JSON.parse(text) as { message: string }[])[0].message).toBe('bad \u001b[31m and \u009b31m');
  });
});

describe('codeclimate', () => {
  it('writes one issue per finding, each followed by NUL', () => {
    const text = formatReport('codeclimate', sampleInput());
    expect(text.endsWith('\0')).toBe(true);
    const parts = text.split('\0');
    expect(parts.pop()).toBe('');
    expect(parts).toHaveLength(6);
    const issues = parts.map((p) => JSON.parse(p) as Record<string, unknown>);
    for (const issue of issues) expectValid(CODECLIMATE_ISSUE_SCHEMA, issue);
    expect(issues[1]).toEqual({
      type: 'issue',
      check_name: 'DL3008',
      description: DL3008_MSG,
      categories: ['Bug Risk'],
      location: { path: 'Dockerfile', lines: { begin: 2, end: 3 } },
      severity: 'major',
    });
    expect(issues.map((i) => i.severity)).toEqual(['blocker', 'major', 'info', 'info', 'minor', 'major']);
  });

  it('parse errors use positions', () => {
    const issue = JSON.parse(formatReport('codeclimate', parseErrorInput()).split('\0')[0]) as Record<string, unknown>;
    expectValid(CODECLIMATE_ISSUE_SCHEMA, issue);
    expect(issue).toMatchObject({
      check_name: 'DL1000',
      severity: 'blocker',
      location: { path: 'sub/Dockerfile', positions: { begin: { line: 2, column: 1 }, end: { line: 2, column: 1 } } },
    });
  });

  it('honours filePathInReport', () => {
    const text = formatReport('codeclimate', sampleInput({ filePathInReport: 'ci/Dockerfile' }));
    for (const part of text.split('\0').filter(Boolean)) {
      expect((JSON.parse(part) as { location: { path: string } }).location.path).toBe('ci/Dockerfile');
    }
  });

  it('empty report is empty', () => {
    expect(formatReport('codeclimate', emptyInput())).toBe('');
    expect(formatReport('codeclimate', cleanInput())).toBe('');
  });
});

describe('gitlab_codeclimate', () => {
  it('is an array of issues with SHA-1 fingerprints of the issue without fingerprint', () => {
    const data = JSON.parse(formatReport('gitlab_codeclimate', sampleInput())) as Record<string, unknown>[];
    expectValid(GITLAB_SCHEMA, data);
    expect(data).toHaveLength(6);
    for (const issue of data) {
      const { fingerprint, ...rest } = issue;
      const expected = createHash('sha1').update(JSON.stringify(rest)).digest('hex');
      expect(fingerprint).toBe(expected);
    }
    expect(new Set(data.map((d) => d.fingerprint)).size).toBe(6);
  });

  it('fingerprints are stable across runs', () => {
    expect(formatReport('gitlab_codeclimate', sampleInput())).toBe(formatReport('gitlab_codeclimate', sampleInput()));
  });

  it('parse error and empty report', () => {
    const data = JSON.parse(formatReport('gitlab_codeclimate', parseErrorInput())) as Record<string, unknown>[];
    expectValid(GITLAB_SCHEMA, data);
    expect(data[0]).toMatchObject({ check_name: 'DL1000', severity: 'blocker' });
    expect(formatReport('gitlab_codeclimate', emptyInput())).toBe('[]');
  });
});

describe('codacy', () => {
  it('writes objects back to back without separators', () => {
    const text = formatReport('codacy', sampleInput());
    expect(text).not.toMatch(/}\s+{|\n/);
    const results = splitConcatenatedJson(text);
    expect(results).toHaveLength(6);
    for (const r of results) expectValid(CODACY_SCHEMA, r);
    expect(results[1]).toEqual({ filename: 'Dockerfile', patternId: 'DL3008', message: DL3008_MSG, line: 2 });
  });

  it('parse error has patternId DL1000 and the full message', () => {
    const [r] = splitConcatenatedJson(formatReport('codacy', parseErrorInput()));
    expectValid(CODACY_SCHEMA, r);
    expect(r).toEqual({
      filename: 'sub/Dockerfile',
      patternId: 'DL1000',
      message: "unexpected 'F'\nexpecting a new line followed by the next instruction",
      line: 2,
    });
  });

  it('empty report is empty', () => {
    expect(formatReport('codacy', emptyInput())).toBe('');
  });
});

describe('sonarqube', () => {
  it('matches the generic issue schema with real 0-based columns', () => {
    const data = JSON.parse(formatReport('sonarqube', sampleInput())) as { issues: Record<string, any>[] };
    expectValid(SONARQUBE_SCHEMA, data);
    expect(data.issues).toHaveLength(6);
    expect(data.issues[0]).toMatchObject({ ruleId: 'DL4000', severity: 'CRITICAL', type: 'BUG' });
    expect(data.issues[1]).toEqual({
      engineId: 'shipshape',
      ruleId: 'DL3008',
      severity: 'MAJOR',
      type: 'CODE_SMELL',
      primaryLocation: {
        message: DL3008_MSG,
        filePath: 'Dockerfile',
        textRange: { startLine: 2, endLine: 3, startColumn: 4, endColumn: 27 },
      },
    });
    expect(data.issues.map((i) => i.severity)).toEqual(['CRITICAL', 'MAJOR', 'MINOR', 'MINOR', 'INFO', 'MAJOR']);
  });

  it('an empty single-line range still spans one column', () => {
    const input = sampleInput();
    input.files[0].findings = [finding({ ruleId: 'DL3000', severity: 'warning', message: 'm', at: [2, 3, 2, 3] })];
    const data = JSON.parse(formatReport('sonarqube', input)) as { issues: Record<string, any>[] };
    expect(data.issues[0].primaryLocation.textRange).toEqual({ startLine: 2, endLine: 2, startColumn: 2, endColumn: 3 });
  });

  it('parse error is BLOCKER BUG; filePathInReport replaces the path; empty report', () => {
    const data = JSON.parse(formatReport('sonarqube', parseErrorInput({ filePathInReport: 'x/Dockerfile' }))) as {
      issues: Record<string, any>[];
    };
    expectValid(SONARQUBE_SCHEMA, data);
    expect(data.issues[0]).toMatchObject({
      ruleId: 'DL1000',
      severity: 'BLOCKER',
      type: 'BUG',
      primaryLocation: { filePath: 'x/Dockerfile', textRange: { startLine: 2, startColumn: 0 } },
    });
    expect(JSON.parse(formatReport('sonarqube', emptyInput()))).toEqual({ issues: [] });
  });
});

describe('paths in the code-quality formats', () => {
  it('GitLab, Code Climate and SonarQube get paths relative to the working directory (a third fresh-user trial: $CI_PROJECT_DIR/Dockerfile)', () => {
    const inside = finding({ file: '/work/repo/svc/Dockerfile', ruleId: 'DL3008', severity: 'warning', message: 'm', at: [1, 1, 1, 2] });
    const outside = finding({ file: '/elsewhere/Dockerfile', ruleId: 'DL3008', severity: 'warning', message: 'm', at: [1, 1, 1, 2] });
    const input = { ...emptyInput(), files: [{ file: inside.file, findings: [inside] }, { file: outside.file, findings: [outside] }] };
    const gitlab = JSON.parse(formatReport('gitlab_codeclimate', input)) as { location: { path: string } }[];
    expect(gitlab.map((i) => i.location.path)).toEqual(['svc/Dockerfile', '/elsewhere/Dockerfile']);
    const sonar = JSON.parse(formatReport('sonarqube', input)) as { issues: { primaryLocation: { filePath: string } }[] };
    expect(sonar.issues.map((i) => i.primaryLocation.filePath)).toEqual(['svc/Dockerfile', '/elsewhere/Dockerfile']);
    // --file-path-in-report still replaces the path.
    expect((JSON.parse(formatReport('gitlab_codeclimate', { ...input, filePathInReport: 'X' })) as { location: { path: string } }[])[0].location.path).toBe('X');
  });
});
