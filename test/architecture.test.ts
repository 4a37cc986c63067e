/**
 * Layering: the model, shell, rules, engine and fix code must run in a browser or language server, so
 * they import nothing from `node:` (nor Node built-ins by bare name), and nothing from src/cli or
 * src/report. Also: the CLI's version equals package.json's.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { VERSION } from '../src/cli/version.js';

const root = join(__dirname, '..');
const PURE_DIRS = ['src/parse', 'src/shell', 'src/rules', 'src/engine', 'src/fix'];
const BUILTINS = /^(fs|path|os|child_process|crypto|url|util|module|process|stream|worker_threads)(\/|$)/;

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? tsFiles(p) : p.endsWith('.ts') ? [p] : [];
  });
}

describe('layering', () => {
  for (const dir of PURE_DIRS) {
    it(`${dir} imports no Node.js modules, CLI or reporters`, () => {
      const offenders: string[] = [];
      for (const file of tsFiles(join(root, dir))) {
        const text = readFileSync(file, 'utf8');
        for (const m of text.matchAll(/(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)) {
          const spec = m[1] ?? m[2];
          if (spec.startsWith('node:') || BUILTINS.test(spec) || /\/(cli|report)\//.test(spec)) offenders.push(`${file.slice(root.length + 1)}: ${spec}`);
        }
      }
      expect(offenders).toEqual([]);
    });
  }
});

describe('engine', () => {
  it('imports no rule: rules are passed in (src/rules/registry.ts has the default set)', () => {
    const offenders: string[] = [];
    for (const file of tsFiles(join(root, 'src/engine'))) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)) {
        const spec = m[1] ?? m[2];
        if (/\/rules\//.test(spec)) offenders.push(`${file.slice(root.length + 1)}: ${spec}`);
      }
    }
    expect(offenders).toEqual([]);
  });
});

describe('version', () => {
  it('matches package.json', () => {
    expect(VERSION).toBe(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version);
  });
});
