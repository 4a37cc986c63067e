/**
 * Generated files (rule registry, rule docs, README rule table) must match the rule files, and every
 * rule's documented examples must behave as documented: `bad` fires, `good` does not.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectedFiles, staleDocPages } from '../scripts/generate.js';
import { RULES } from '../src/rules/index.js';
import { findingsOf } from './helpers/rule-table.js';

const root = join(__dirname, '..');

describe('generated files', () => {
  it('are up to date (run `npm run generate`)', async () => {
    const expected = await expectedFiles();
    const stale = [...expected].filter(([p, content]) => !existsSync(join(root, p)) || readFileSync(join(root, p), 'utf8') !== content).map(([p]) => p);
    expect([...stale, ...staleDocPages(expected)]).toEqual([]);
  });
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
