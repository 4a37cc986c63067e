/**
 * Generated files (rule registry, rule docs, README rule table) must match the rule files, and every
 * rule's documented examples must behave as documented: `bad` fires, `good` does not.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectedFiles, staleDocPages } from '../scripts/generate.js';
import { RULES } from '../src/rules/index.js';
import { findingsOf } from './helpers/rule-table.js';
import type { Rule } from '../src/engine/types.js';

const root = join(__dirname, '..');

describe('generated files', () => {
  it('are up to date (run `npm run generate`)', async () => {
    const expected = await expectedFiles();
    const stale = [...expected].filter(([p, content]) => !existsSync(join(root, p)) || readFileSync(join(root, p), 'utf8') !== content).map(([p]) => p);
    expect([...stale, ...staleDocPages(expected)]).toEqual([]);
  });
});

describe('rule files', () => {
  const files = ['hadolint', 'buildkit', 'shipshape'].flatMap((origin) =>
    readdirSync(join(root, 'src/rules', origin)).filter((f) => f.endsWith('.ts')).map((f) => ({ origin, id: f.slice(0, -3) })),
  );
  it('every rule file is registered', () => {
    expect(files.map((f) => f.id).sort()).toEqual(RULES.map((r) => r.id).sort());
  });
  for (const { origin, id } of files) {
    it(`${origin}/${id}.ts: id is the file name, origin the folder`, async () => {
      const rule = ((await import(`../src/rules/${origin}/${id}.ts`)) as { default: Rule }).default;
      expect({ id: rule.id, origin: rule.origin }).toEqual({ id, origin });
    });
  }
  for (const rule of RULES.filter((r) => r.fix !== 'none')) {
    it(`${rule.id} declares fix '${rule.fix}': its table has a case with the exact fixed output`, () => {
      const path = join(root, 'test/rules', `${rule.id}.test.ts`);
      const table = existsSync(path) ? readFileSync(path, 'utf8') : '';
      // `fixed:` is the text after `--fix`, `unsafeFixed:` after `--fix --unsafe-fixes`, `fixedFiles:` the
      // build-context files a fix changes (`.dockerignore`).
      expect(rule.fix === 'safe' ? /\b(fixed|fixedFiles):/.test(table) : /\b(fixed|unsafeFixed|fixedFiles):/.test(table)).toBe(true);
    });
  }
});

describe('rule metadata', () => {
  it('ids are unique, aliases do not collide', () => {
    const ids = RULES.flatMap((r) => [r.id, ...(r.aliases ?? [])]);
    expect(ids.length).toBe(new Set(ids).size);
  });
  for (const rule of RULES) {
    describe(rule.id, () => {
      it('has complete docs', () => {
        for (const k of ['description', 'why', 'bad', 'good'] as const) expect(rule.docs[k].trim().length, k).toBeGreaterThan(0);
        expect(rule.summary.trim().length).toBeGreaterThan(0);
      });
      it('documented bad example fires', async () => {
        const config = { ...(rule.docs.config ?? {}), ...(rule.severity === 'off' ? { override: { warning: [rule.id] } } : {}) };
        const found = await findingsOf(rule, { input: rule.docs.bad, files: rule.docs.files, config });
        expect(found.length).toBeGreaterThan(0);
      });
      it('documented good example is silent', async () => {
        const config = { ...(rule.docs.config ?? {}), ...(rule.severity === 'off' ? { override: { warning: [rule.id] } } : {}) };
        const found = await findingsOf(rule, { input: rule.docs.good, files: rule.docs.files, config });
        expect(found.map((f) => f.message)).toEqual([]);
      });
    });
  }
});
