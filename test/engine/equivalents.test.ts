/**
 * One finding per problem (issue 16): equivalent rules of hadolint, BuildKit and shipshape merge into one
 * finding whose other ids are aliases; ignoring any of them silences it; JSON and SARIF list them.
 */
import { describe, expect, it } from 'vitest';
import { lint } from '../../src/engine/lint.js';
import { mergeConfig, validateConfig } from '../../src/engine/config.js';
import { fixText } from '../../src/fix/fixer.js';
import { formatReport } from '../../src/report/index.js';
import { defaultRules } from '../../src/rules/registry.js';

async function found(text: string, config: Record<string, unknown> = {}): Promise<{ id: string; aliases: string[]; line: number; severity: string }[]> {
  const r = await lint(text, { rules: await defaultRules(), config: mergeConfig([validateConfig(config, 'test')]) });
  return r.findings.map((f) => ({ id: f.ruleId, aliases: f.aliases ?? [], line: f.range.start.line, severity: f.severity }));
}

const only = <T extends { id: string; aliases: string[] }>(list: T[], ids: string[]): T[] => list.filter((f) => [f.id, ...f.aliases].some((i) => ids.includes(i)));

const CMD = 'FROM alpine:3.20.1\nUSER 10001\nCMD python app.py\n';

describe('merged findings', () => {
  it('a shell-form CMD: DL3025 shown, JSONArgsRecommended an alias', async () => {
    expect(only(await found(CMD), ['DL3025', 'JSONArgsRecommended'])).toEqual([{ id: 'DL3025', aliases: ['JSONArgsRecommended'], line: 3, severity: 'warning' }]);
  });
  it('MAINTAINER: DL4000 (error) shown, MaintainerDeprecated an alias', async () => {
    expect(only(await found('FROM alpine:3.20.1\nMAINTAINER me\n'), ['DL4000', 'MaintainerDeprecated'])).toEqual([{ id: 'DL4000', aliases: ['MaintainerDeprecated'], line: 2, severity: 'error' }]);
  });
  it('ENV SECRET_KEY=literal: the most severe (no-secrets-in-image, error) shown, then hadolint before BuildKit', async () => {
    expect(only(await found('FROM alpine:3.20.1\nENV SECRET_KEY=abc123def456\n'), ['DL3064', 'SecretsUsedInArgOrEnv', 'no-secrets-in-image'])).toEqual([
      { id: 'no-secrets-in-image', aliases: ['DL3064', 'SecretsUsedInArgOrEnv'], line: 2, severity: 'error' },
    ]);
  });
  it('two secrets in one ENV: two merged findings', async () => {
    const list = only(await found('FROM alpine:3.20.1\nENV SECRET_KEY=abc123def456 API_TOKEN=zyx987wvu654\n'), ['DL3064', 'SecretsUsedInArgOrEnv', 'no-secrets-in-image']);
    expect(list.map((f) => f.id)).toEqual(['no-secrets-in-image', 'no-secrets-in-image']);
    expect(list.every((f) => f.aliases.includes('DL3064') && f.aliases.includes('SecretsUsedInArgOrEnv'))).toBe(true);
  });
  it('ENV A=1 B=$A with no earlier A: DL3044 and UndefinedVar are one finding at $A; elsewhere each alone', async () => {
    const pair = ['DL3044', 'UndefinedVar'];
    const merged = only(await found('FROM alpine:3.20.1\nENV A=1 B=$A\n'), pair);
    expect(merged).toHaveLength(1);
    expect([merged[0].id, ...merged[0].aliases].sort()).toEqual(pair);
    // An earlier A: neither (hadolint's DL3044 also knows the earlier definition). An undefined $NOPE
    // before the self-reference: two findings, not paired by order.
    expect(only(await found('FROM alpine:3.20.1\nENV A=0\nENV A=1 B=$A\n'), pair)).toEqual([]);
    const two = only(await found('FROM alpine:3.20.1\nENV C=$NOPE A=1 B=$A\n'), pair);
    expect(two).toHaveLength(2);
    expect(two.map((f) => [f.id, ...f.aliases].sort().join('+'))).toEqual(['UndefinedVar', 'DL3044+UndefinedVar']);
  });
  it('a token variable with a literal token (ENV or ARG): no-inline-credentials and no-secrets-in-image are one finding per pair', async () => {
    const ids = ['DL3064', 'SecretsUsedInArgOrEnv', 'no-inline-credentials', 'no-secrets-in-image'];
    const token = 'ghp_abcdefghijklmnopqrstuvwxyz0123456789';
    const both = (list: { id: string; aliases: string[] }[]): string[] => list.map((f) => [f.id, ...f.aliases].filter((i) => i === 'no-inline-credentials' || i === 'no-secrets-in-image').sort().join('+'));
    for (const kw of ['ENV', 'ARG']) expect(both(only(await found(`FROM alpine:3.20.1\n${kw} GITHUB_TOKEN=${token}\n`), ids))).toEqual(['no-inline-credentials+no-secrets-in-image']);
    // Matched by pair, not by order: the password pair comes first and no-inline-credentials reports only the token pair.
    const two = only(await found(`FROM alpine:3.20.1\nENV OTHER_PASSWORD=hunter2xyz GITHUB_TOKEN=${token}\n`), ids);
    expect(both(two)).toEqual(['no-secrets-in-image', 'no-inline-credentials+no-secrets-in-image']);
    // A variable's value is no literal secret: no-inline-credentials alone (at the ARG and at the ENV).
    expect(both(only(await found('FROM alpine:3.20.1\nARG GITHUB_TOKEN\nENV GITHUB_TOKEN=${GITHUB_TOKEN}\n'), ids))).toEqual(['no-inline-credentials', 'no-inline-credentials']);
    // Outside a pair the two rules report different problems, even in one RUN.
    const run = only(await found(`FROM alpine:3.20.1\nARG T\nRUN git clone https://\${T}@github.com/a/b && echo ${token} > /t\n`), ids);
    expect(both(run).sort()).toEqual(['no-inline-credentials', 'no-secrets-in-image']);
  });
  it('a RUN that only updates apt: update-without-install shown (its advice also ends DL3009), DL3009 an alias; elsewhere DL3009 alone', async () => {
    const ids = ['DL3009', 'update-without-install'];
    const lone = only(await found('FROM debian:12.6-slim\nRUN apt-get update\nRUN apt-get install -y --no-install-recommends curl=7.88.1-10 && rm -rf /var/lib/apt/lists/*\n'), ids);
    expect(lone).toEqual([{ id: 'update-without-install', aliases: ['DL3009'], line: 2, severity: 'warning' }]);
    expect(only(await found('FROM debian:12.6-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl=7.88.1-10\n'), ids).map((f) => f.id)).toEqual(['DL3009']);
  });
  it('duplicate stage name: DL3024 shown, DuplicateStageName an alias', async () => {
    expect(only(await found('FROM alpine:3.20.1 AS a\nFROM alpine:3.20.1 AS a\n'), ['DL3024', 'DuplicateStageName'])).toEqual([{ id: 'DL3024', aliases: ['DuplicateStageName'], line: 2, severity: 'error' }]);
  });
  it('a severity override decides which is shown', async () => {
    expect(only(await found(CMD, { override: { error: ['JSONArgsRecommended'] } }), ['DL3025', 'JSONArgsRecommended'])).toEqual([{ id: 'JSONArgsRecommended', aliases: ['DL3025'], line: 3, severity: 'error' }]);
  });
  it('a rule that fires alone stays alone (HEALTHCHECK is not DL3025 territory: no merge needed)', async () => {
    expect(only(await found('FROM alpine:3.20.1\nUSER 10001\nCMD ["a"]\n'), ['DL3025', 'JSONArgsRecommended'])).toEqual([]);
  });
});

describe('ignoring any id silences the merged finding', () => {
  for (const [name, text, config] of [
    ['config ignored: alias', CMD, { ignored: ['JSONArgsRecommended'] }],
    ['config ignored: shown id', CMD, { ignored: ['DL3025'] }],
    ['hadolint pragma with the alias', 'FROM alpine:3.20.1\nUSER 10001\n# hadolint ignore=JSONArgsRecommended\nCMD python app.py\n', {}],
    ['BuildKit check=skip', '# check=skip=JSONArgsRecommended\nFROM alpine:3.20.1\nUSER 10001\nCMD python app.py\n', {}],
  ] as const) {
    it(name, async () => {
      expect(only(await found(text, config as Record<string, unknown>), ['DL3025', 'JSONArgsRecommended'])).toEqual([]);
    });
  }
});

describe('reports and fixes', () => {
  it('JSON and SARIF list the aliases', async () => {
    const r = await lint('FROM alpine:3.20.1\nMAINTAINER me\n', { rules: await defaultRules() });
    const files = [{ file: 'Dockerfile', source: r.file.text, findings: r.findings.map((f) => ({ ...f, file: 'Dockerfile' })) }];
    const json = JSON.parse(formatReport('json', { files, color: false, toolVersion: '0' })) as { code: string; aliases?: string[] }[];
    expect(json.find((f) => f.code === 'DL4000')?.aliases).toEqual(['MaintainerDeprecated']);
    const sarif = JSON.parse(formatReport('sarif', { files, color: false, toolVersion: '0' })) as { runs: { results: { ruleId: string; properties?: { aliases: string[] } }[] }[] };
    expect(sarif.runs[0].results.find((x) => x.ruleId === 'DL4000')?.properties?.aliases).toEqual(['MaintainerDeprecated']);
  });
  it('--fix-rule with an alias fixes the merged finding', async () => {
    const r = await fixText('FROM alpine:3.20.1\nMAINTAINER me\n', { rules: await defaultRules(), level: 'safe', onlyRules: ['MaintainerDeprecated'] });
    expect(r.output).toBe('FROM alpine:3.20.1\nLABEL org.opencontainers.image.authors="me"\n');
  });
});

describe('an ARG-given base image is reported once, at the first FROM that uses it', () => {
  it('DL3006', async () => {
    expect(only(await found('ARG BASE=python\nFROM ${BASE} AS a\nRUN echo\nFROM ${BASE}\nUSER 1000\nCMD ["a"]\n'), ['DL3006']).map((f) => f.line)).toEqual([2]);
  });
  it('pin-base-image-version', async () => {
    expect(only(await found('ARG BASE=python:3.12\nFROM ${BASE} AS a\nRUN echo\nFROM ${BASE}\nUSER 1000\nCMD ["a"]\n'), ['pin-base-image-version']).map((f) => f.line)).toEqual([2]);
  });
  it('InvalidDefaultArgInFrom (netbox-docker: `FROM ${FROM} AS builder` and `FROM ${FROM} AS main`)', async () => {
    expect(only(await found('ARG FROM\nFROM ${FROM} AS builder\nRUN echo\nFROM ${FROM} AS main\nUSER 1000\nCMD ["a"]\n'), ['InvalidDefaultArgInFrom']).map((f) => f.line)).toEqual([2]);
  });
  it('different images written alike are still reported each (a stage-local ARG default differs)', async () => {
    expect(only(await found('FROM python AS a\nRUN echo\nFROM python\nUSER 1000\nCMD ["a"]\n'), ['DL3006']).map((f) => f.line)).toEqual([1, 3]);
  });
});
