/**
 * docs/writing-rules.md cannot drift from the API: its ```ts file=PATH blocks (the example rule and its
 * test table) are type-checked as if they were those files of the repository, and the example rule is
 * loaded and held to its own documented examples and table.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';
import { lint } from '../../src/engine/lint.js';
import { fixText } from '../../src/fix/fixer.js';
import type { Rule } from '../../src/engine/types.js';

const root = join(__dirname, '../..');
const doc = readFileSync(join(root, 'docs/writing-rules.md'), 'utf8');
const blocks = [...doc.matchAll(/```ts file=(\S+)\n([\s\S]*?)```/g)].map((m) => ({ path: m[1], code: m[2] }));
const ruleBlock = blocks.find((b) => b.path.startsWith('src/rules/'));
const work = mkdtempSync(join(tmpdir(), 'shipshape-writing-rules-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('docs/writing-rules.md', () => {
  it('has the example rule and its table', () => {
    expect(blocks.map((b) => b.path)).toEqual(['src/rules/shipshape/npm-ci-omit-dev.ts', 'test/rules/npm-ci-omit-dev.test.ts']);
  });

  it('examples type-check against the real API', () => {
    const config = ts.getParsedCommandLineOfConfigFile(join(root, 'tsconfig.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} })!;
    const virtual = new Map(blocks.map((b) => [join(root, b.path), b.code]));
    const host = ts.createCompilerHost(config.options);
    const getSourceFile = host.getSourceFile.bind(host);
    host.getSourceFile = (name, lang, onError, create) => (virtual.has(name) ? ts.createSourceFile(name, virtual.get(name)!, lang) : getSourceFile(name, lang, onError, create));
    const fileExists = host.fileExists.bind(host);
    host.fileExists = (name) => virtual.has(name) || fileExists(name);
    const readFile = host.readFile.bind(host);
    host.readFile = (name) => virtual.get(name) ?? readFile(name);
    const program = ts.createProgram([...virtual.keys()], { ...config.options, noEmit: true }, host);
    const diagnostics = ts.getPreEmitDiagnostics(program).map((d) => `${d.file?.fileName ?? ''}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
    expect(diagnostics).toEqual([]);
  }, 60_000);

  it('the example rule behaves as documented', async () => {
    // The rule with its relative imports pointing at the real modules, loaded from a temporary file.
    const code = ruleBlock!.code.replace(/from '(\.\.\/[^']+)'/g, (_, p: string) => `from ${JSON.stringify(join(root, 'src/rules/shipshape', p).replace(/\.js$/, '.ts'))}`);
    const file = join(work, 'npm-ci-omit-dev.ts');
    writeFileSync(file, code);
    const rule = ((await import(file)) as { default: Rule }).default;
    const ids = async (text: string): Promise<string[]> => (await lint(text, { rules: [rule] })).findings.map((f) => f.ruleId);
    expect(await ids(rule.docs.bad)).toEqual(['npm-ci-omit-dev']);
    expect(await ids(rule.docs.good)).toEqual([]);
    expect(await ids('FROM node:22.4.0 AS build\nRUN npm ci\nFROM nginx:1.27.0\nCOPY --from=build /app/dist /usr/share/nginx/html\n')).toEqual([]);
    const fixed = await fixText('FROM node:22.4.0-slim\nRUN npm ci && npm cache clean --force\n', { rules: [rule], level: 'unsafe' });
    expect(fixed.output).toBe('FROM node:22.4.0-slim\nRUN npm ci --omit=dev && npm cache clean --force\n');
    const safe = await fixText('FROM node:22.4.0-slim\nRUN npm ci\n', { rules: [rule], level: 'safe' });
    expect(safe.output).toBe('FROM node:22.4.0-slim\nRUN npm ci\n');
  });
});
