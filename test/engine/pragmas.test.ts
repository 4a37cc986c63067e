/**
 * Suppression: hadolint pragmas (and the `shipshape` spelling), BuildKit `# check=` options, config.
 * Uses the no-debug-mode rule as the probe.
 */
import { describe, expect, it } from 'vitest';
import { lint } from '../../src/engine/lint.js';
import { mergeConfig, validateConfig } from '../../src/engine/config.js';
import { parseCheckValue, isSkipped } from '../../src/engine/check-directive.js';
import { parsePragma } from '../../src/engine/pragmas.js';
import rule from '../../src/rules/shipshape/no-debug-mode.js';
import type { Comment } from '../../src/parse/types.js';

async function lines(text: string, config: Record<string, unknown> = {}): Promise<number[]> {
  const r = await lint(text, { rules: [rule], config: mergeConfig([validateConfig(config, 'test')]) });
  return r.findings.map((f) => f.range.start.line);
}

const comment = (text: string): Comment => ({ text, inContinuation: false, range: { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } } });

describe('pragma grammar', () => {
  it('reads hadolint and shipshape ignore pragmas', () => {
    expect(parsePragma(comment(' hadolint ignore=DL3008,SC2086'))).toMatchObject({ kind: 'ignore', scope: 'next', rules: ['DL3008', 'SC2086'] });
    expect(parsePragma(comment('hadolint global ignore = DL3023 , DL3021'))).toMatchObject({ scope: 'global', rules: ['DL3023', 'DL3021'] });
    expect(parsePragma(comment(' shipshape stage ignore=no-debug-mode # why'))).toMatchObject({ scope: 'stage', rules: ['no-debug-mode'], tool: 'shipshape' });
    expect(parsePragma(comment(' hadolint shell=powershell'))).toMatchObject({ kind: 'shell', shell: 'powershell' });
  });
  it('ignores malformed pragmas entirely', () => {
    expect(parsePragma(comment(' hadolint ignroe=DL3008'))).toBeNull();
    expect(parsePragma(comment(' hadolint ignore=DL3008;'))).toBeNull();
    expect(parsePragma(comment(' just a comment'))).toBeNull();
  });
});

describe('pragma scopes', () => {
  it('ignore= covers only the instruction on the next line', async () => {
    expect(await lines('FROM a:1\n# hadolint ignore=no-debug-mode\nENV DEBUG=1\nENV DEBUG=1\n')).toEqual([4]);
    expect(await lines('FROM a:1\n# hadolint ignore=no-debug-mode\n\nENV DEBUG=1\n')).toEqual([4]);
  });
  it('covers the whole instruction even when the finding is on a continuation line', async () => {
    expect(await lines('FROM a:1\n# shipshape ignore=no-debug-mode\nENV A=1 \\\n  DEBUG=1\n')).toEqual([]);
  });
  it('global ignore= covers the file wherever it is', async () => {
    expect(await lines('FROM a:1\nENV DEBUG=1\n# hadolint global ignore=no-debug-mode\n')).toEqual([]);
  });
  it('stage ignore= covers the rest of the stage up to the next FROM', async () => {
    const text = 'FROM a:1\n# hadolint stage ignore=no-debug-mode\nRUN x\nENV DEBUG=1\nFROM b:1\nENV DEBUG=1\n';
    expect(await lines(text)).toEqual([6]);
  });
  it('disable-ignore-pragma turns pragmas off', async () => {
    expect(await lines('FROM a:1\n# hadolint ignore=no-debug-mode\nENV DEBUG=1\n', { 'disable-ignore-pragma': true })).toEqual([3]);
  });
  it('config ignored and overrides apply', async () => {
    expect(await lines('FROM a:1\nENV DEBUG=1\n', { ignored: ['no-debug-mode'] })).toEqual([]);
    const r = await lint('FROM a:1\nENV DEBUG=1\n', { rules: [rule], config: mergeConfig([validateConfig({ override: { error: ['no-debug-mode'], style: ['no-debug-mode'] } }, 't')]) });
    expect(r.findings[0].severity).toBe('error');
  });
});

describe('# check= options', () => {
  it('parses skip, experimental and error like BuildKit', () => {
    const o = parseCheckValue('skip=A,B;error=true ignored');
    expect('error' in o && typeof o.error === 'string').toBe(false);
    const opts = o as Exclude<typeof o, { error: string }>;
    expect(isSkipped(opts, 'A', false)).toBe(true);
    expect(isSkipped(opts, 'C', false)).toBe(false);
    expect(opts.error).toBe(true);
    expect(isSkipped(parseCheckValue('skip=all') as typeof opts, 'X', false)).toBe(true);
    expect(isSkipped(parseCheckValue('skip=all') as typeof opts, 'X', true)).toBe(true);
    expect(isSkipped(parseCheckValue('experimental=X') as typeof opts, 'X', true)).toBe(false);
  });
  it('only the text before the first space counts', () => {
    const o = parseCheckValue('skip=A, B') as { skip: Set<string> };
    expect([...o.skip]).toEqual(['A']);
  });
  it('rejects unknown keys, missing = and bad booleans', () => {
    expect(parseCheckValue('skip')).toHaveProperty('error');
    expect(parseCheckValue('foo=bar')).toHaveProperty('error');
    expect(parseCheckValue('error=yes')).toHaveProperty('error');
    expect(parseCheckValue('error=T')).toMatchObject({ error: true });
  });
});

describe('# check= comments above an instruction', () => {
  it('enable an experimental check for that instruction; skip does not disable experimental checks', async () => {
    const { RULES } = await import('../../src/rules/index.js');
    const idd = RULES.find((r) => r.id === 'InvalidDefinitionDescription');
    if (!idd) throw new Error('InvalidDefinitionDescription missing');
    const lines = async (t: string): Promise<number[]> => (await lint(t, { rules: [idd] })).findings.map((f) => f.range.start.line);
    expect(await lines('FROM alpine:3.20 AS base\n# wrong description\nFROM alpine:3.20 AS b\n')).toEqual([]);
    expect(await lines('FROM alpine:3.20 AS base\n# check=experimental=InvalidDefinitionDescription\nFROM alpine:3.20 AS b\n')).toEqual([2]);
    const directive = '# check=experimental=InvalidDefinitionDescription\n\nFROM alpine:3.20 AS base\n# check=skip=InvalidDefinitionDescription\nFROM alpine:3.20 AS b\n';
    expect(await lines(directive)).toEqual([4]);
  });
});
