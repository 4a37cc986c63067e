import type * as Sarif from 'sarif';
import { describe, expect, it } from 'vitest';
import { formatReport } from '../../src/report/index.js';
import { emptyInput, finding, parseErrorInput, sampleInput } from './helpers.js';
import { expectInvalid, expectValid, SARIF_SCHEMA } from './schemas.js';

function sarif(text: string): Sarif.Log {
  const log = JSON.parse(text) as Sarif.Log;
  expectValid(SARIF_SCHEMA, log);
  return log;
}

describe('sarif', () => {
  it('is valid SARIF 2.1.0 with a shipshape driver and a rules array', () => {
    const log = sarif(formatReport('sarif', sampleInput({ rules: { DL3008: { summary: 'Pin versions in apt get install' } } })));
    expect(log.version).toBe('2.1.0');
    expect(log.runs).toHaveLength(1);
    const run = log.runs[0];
    expect(run.tool.driver.name).toBe('shipshape');
    expect(run.tool.driver.version).toBe('0.1.0');
    expect(run.columnKind).toBe('utf16CodeUnits');
    const rules = run.tool.driver.rules ?? [];
    expect(rules.map((r) => r.id)).toEqual(['DL3002', 'DL3008', 'DL3015', 'DL3048', 'DL4000', 'SC2086']);
    expect(rules[1]).toEqual({
      id: 'DL3008',
      shortDescription: { text: 'Pin versions in apt get install' },
      helpUri: 'https://example.test/DL3008',
    });
    for (const result of run.results ?? []) {
      expect(rules[result.ruleIndex ?? -1].id).toBe(result.ruleId);
    }
  });

  it('results carry levels, messages and real regions', () => {
    const run = sarif(formatReport('sarif', sampleInput())).runs[0];
    const results = run.results ?? [];
    expect(results.map((r) => r.level)).toEqual(['error', 'warning', 'note', 'note', 'note', 'warning']);
    expect(results[1].locations?.[0].physicalLocation).toEqual({
      artifactLocation: { uri: 'Dockerfile', uriBaseId: '%SRCROOT%' },
      region: { startLine: 2, startColumn: 5, endLine: 3, endColumn: 28, sourceLanguage: 'dockerfile' },
    });
    expect(results[3].locations?.[0].physicalLocation?.region?.sourceLanguage).toBe('sh');
    expect(run.originalUriBaseIds).toEqual({ '%SRCROOT%': { uri: 'file:///work/repo/' } });
  });

  it('artifact URIs are relative to cwd, /-separated and percent-encoded', () => {
    const input = sampleInput();
    input.files = [
      { file: '/work/repo/svc/a b/Dockerfile', findings: [finding({ file: '/work/repo/svc/a b/Dockerfile', ruleId: 'DL3000', severity: 'error', message: 'm', at: [1, 1, 1, 2] })] },
      { file: './Dockerfile.dev', findings: [finding({ file: './Dockerfile.dev', ruleId: 'DL3000', severity: 'error', message: 'm', at: [1, 1, 1, 2] })] },
      { file: '/elsewhere/Dockerfile', findings: [finding({ file: '/elsewhere/Dockerfile', ruleId: 'DL3000', severity: 'error', message: 'm', at: [1, 1, 1, 2] })] },
    ];
    const results = sarif(formatReport('sarif', input)).runs[0].results ?? [];
    expect(results.map((r) => r.locations?.[0].physicalLocation?.artifactLocation)).toEqual([
      { uri: 'svc/a%20b/Dockerfile', uriBaseId: '%SRCROOT%' },
      { uri: 'Dockerfile.dev', uriBaseId: '%SRCROOT%' },
      { uri: 'file:///elsewhere/Dockerfile' },
    ]);
  });

  it('rules get default levels from input.rules; fixes become SARIF fixes by character offset', () => {
    const source = 'FROM debian:12.6\nRUN apt-get install -y curl\n';
    const input = sampleInput({ rules: { DL3015: { summary: 'Avoid additional packages', severity: 'info' } } });
    const f = finding({ ruleId: 'DL3015', severity: 'info', message: 'm', at: [2, 5, 2, 28] }, source);
    f.fix = {
      applicability: 'safe',
      description: 'Add --no-install-recommends',
      edits: [{ start: 24, end: 24, text: ' --no-install-recommends' }],
      files: [{ path: '.dockerignore', create: true, edits: [{ start: 0, end: 0, text: '.git\n' }] }],
    };
    input.files = [{ file: 'Dockerfile', source, findings: [f] }];
    const run = sarif(formatReport('sarif', input)).runs[0];
    expect(run.tool.driver.rules?.[0]).toEqual({
      id: 'DL3015',
      shortDescription: { text: 'Avoid additional packages' },
      defaultConfiguration: { level: 'note' },
    });
    expect(run.results?.[0].fixes).toEqual([
      {
        description: { text: 'Add --no-install-recommends (safe)' },
        artifactChanges: [
          {
            artifactLocation: { uri: 'Dockerfile', uriBaseId: '%SRCROOT%' },
            replacements: [{ deletedRegion: { charOffset: 24, charLength: 0 }, insertedContent: { text: ' --no-install-recommends' } }],
          },
        ],
      },
    ]);
    // a fix without Dockerfile edits (DL4000 in the sample) is left out
    const [withoutEdits] = sarif(formatReport('sarif', sampleInput())).runs[0].results ?? [];
    expect(withoutEdits.ruleId).toBe('DL4000');
    expect(withoutEdits.fixes).toBeUndefined();
  });

  it('parse errors are DL1000 errors with their real position', () => {
    const results = sarif(formatReport('sarif', parseErrorInput())).runs[0].results ?? [];
    expect(results).toHaveLength(1);
    expect(results[0]).toMatchObject({
      ruleId: 'DL1000',
      level: 'error',
      message: { text: "unexpected 'F'\nexpecting a new line followed by the next instruction" },
    });
    expect(results[0].locations?.[0].physicalLocation?.region).toMatchObject({ startLine: 2, startColumn: 1 });
  });

  it('empty report is a valid log with no results and no rules', () => {
    const log = sarif(formatReport('sarif', emptyInput()));
    expect(log.runs[0].results).toEqual([]);
    expect(log.runs[0].tool.driver.rules).toEqual([]);
  });

  it('the hand-encoded schema rejects invalid logs', () => {
    const good = JSON.parse(formatReport('sarif', sampleInput())) as any;
    const clone = (): any => JSON.parse(JSON.stringify(good));
    const badLevel = clone();
    badLevel.runs[0].results[0].level = 'info';
    expectInvalid(SARIF_SCHEMA, badLevel);
    const badColumn = clone();
    badColumn.runs[0].results[0].locations[0].physicalLocation.region.startColumn = 0;
    expectInvalid(SARIF_SCHEMA, badColumn);
    const badKey = clone();
    badKey.runs[0].results[0].severity = 'error';
    expectInvalid(SARIF_SCHEMA, badKey);
    const noMessage = clone();
    noMessage.runs[0].results[0].message = {};
    expectInvalid(SARIF_SCHEMA, noMessage);
    const badVersion = clone();
    badVersion.version = '2.0.0';
    expectInvalid(SARIF_SCHEMA, badVersion);
  });
});
