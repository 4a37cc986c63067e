/**
 * `ruleTable(rule, table)`: one table of cases per rule, run through the real engine.
 *
 * - `silent`: inputs on which the rule must not report.
 * - `fires`: inputs on which it must report; optionally the 1-based `line` (and `column`) of the first
 *   finding, the exact `count`, a `message` pattern, and — for fixable rules — the `fixed` text after
 *   applying its fixes with the real fixer (`unsafeFixed` with `--unsafe-fixes`).
 * Each case may carry build-context `files` and `config` (`.hadolint.yaml` keys).
 */
import { describe, expect, it } from 'vitest';
import { lint } from '../../src/engine/lint.js';
import { mergeConfig, validateConfig } from '../../src/engine/config.js';
import { memoryContext } from '../../src/context/memory.js';
import type { Finding, Rule } from '../../src/engine/types.js';
import { fixText } from '../../src/fix/fixer.js';

export interface TableCase {
  input: string;
  /** Build-context files (path → content); the context is empty but present when omitted. */
  files?: Record<string, string>;
  /** `.hadolint.yaml` keys. */
  config?: Record<string, unknown>;
  /** Run without any build context (as for standard input). */
  noContext?: boolean;
  line?: number;
  column?: number;
  count?: number;
  message?: RegExp | string;
  /** Expected text after `--fix` (safe fixes of this rule). */
  fixed?: string;
  /** Expected text after `--unsafe-fixes`. */
  unsafeFixed?: string;
  /**
   * Expected build-context files changed by the fixes (path → new content), after `--fix` for a rule
   * declaring `fix: 'safe'`, after `--fix --unsafe-fixes` otherwise.
   */
  fixedFiles?: Record<string, string>;
  name?: string;
}

/** Lints `c.input` with only `rule` and returns its findings. */
export async function findingsOf(rule: Rule, c: TableCase): Promise<Finding[]> {
  const config = mergeConfig([validateConfig(c.config ?? {}, 'test config')]);
  const context = c.noContext ? null : memoryContext(c.files ?? {});
  const result = await lint(c.input, { rules: [rule], config, context });
  if (result.internalErrors.length) throw new Error(`rule threw: ${result.internalErrors[0].message}`);
  return result.findings.filter((f) => f.ruleId === rule.id);
}

/**
 * The text `--fix` (level `safe`) or `--fix --unsafe-fixes` (level `unsafe`) makes of `c.input` with only
 * `rule` enabled: the real fixer (src/fix/fixer.ts) with its re-lint loop, overlap rule and line-ending
 * handling. A round the fixer discards (a fix that breaks its guarantees) fails the test.
 */
export async function fixedText(rule: Rule, c: TableCase, level: 'safe' | 'unsafe'): Promise<string> {
  return (await fixed(rule, c, level)).output;
}

/** Like {@link fixedText}, with the changed build-context files. */
export async function fixed(rule: Rule, c: TableCase, level: 'safe' | 'unsafe'): Promise<{ output: string; files: Record<string, string> }> {
  const config = mergeConfig([validateConfig(c.config ?? {}, 'test config')]);
  const context = c.noContext ? null : memoryContext(c.files ?? {});
  const result = await fixText(c.input, { rules: [rule], config, context, level });
  if (result.errors.length) throw new Error(`fix round discarded: ${result.errors[0].message}`);
  if (result.after.internalErrors.length) throw new Error(`rule threw: ${result.after.internalErrors[0].message}`);
  return { output: result.output, files: Object.fromEntries(result.files) };
}

const label = (c: TableCase | string, i: number): string => {
  const text = typeof c === 'string' ? c : c.name ?? c.input;
  return `#${i + 1} ${JSON.stringify(text.length > 70 ? text.slice(0, 67) + '...' : text)}`;
};

/** Declares the vitest suite of one rule. */
export function ruleTable(rule: Rule, table: { silent: (string | TableCase)[]; fires: TableCase[] }): void {
  describe(rule.id, () => {
    describe('silent', () => {
      table.silent.forEach((s, i) => {
        const c: TableCase = typeof s === 'string' ? { input: s } : s;
        it(label(s, i), async () => {
          const found = await findingsOf(rule, c);
          expect(found.map((f) => `${f.range.start.line}: ${f.message}`)).toEqual([]);
        });
      });
    });
    describe('fires', () => {
      table.fires.forEach((c, i) => {
        it(label(c, i), async () => {
          const found = await findingsOf(rule, c);
          expect(found.length).toBeGreaterThan(0);
          if (c.count !== undefined) expect(found.length).toBe(c.count);
          if (c.line !== undefined) expect(found[0].range.start.line).toBe(c.line);
          if (c.column !== undefined) expect(found[0].range.start.column).toBe(c.column);
          if (c.message !== undefined) expect(found[0].message).toMatch(c.message);
          if (c.fixed !== undefined) expect(await fixedText(rule, c, 'safe')).toBe(c.fixed);
          if (c.unsafeFixed !== undefined) expect(await fixedText(rule, c, 'unsafe')).toBe(c.unsafeFixed);
          if (c.fixedFiles !== undefined) expect((await fixed(rule, c, rule.fix === 'safe' ? 'safe' : 'unsafe')).files).toEqual(c.fixedFiles);
        });
      });
    });
  });
}
