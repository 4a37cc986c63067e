/**
 * Lints DIR/Dockerfile in its build context with every rule enabled at its own severity (rules that are
 * off by default as info), BuildKit's experimental checks included, and ShellCheck when installed.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { lint } from '../../src/engine/lint.js';
import { defaultConfig } from '../../src/engine/types.js';
import { RULES } from '../../src/rules/index.js';
import { fsContext } from '../../src/context/fs.js';
import { shellcheckAnalyzer } from '../../src/cli/shellcheck.js';

/** @returns one `line: rule message` string per finding (empty when clean). */
export async function lintEverything(dir: string): Promise<string[]> {
  const config = defaultConfig();
  for (const r of RULES) config.override[r.id] = r.severity === 'off' ? 'info' : r.severity;
  const rules = RULES.map((r) => ({ ...r, experimental: false }));
  const file = join(dir, 'Dockerfile');
  const result = await lint(readFileSync(file, 'utf8'), { config, rules, context: fsContext(dir, file), scriptAnalyzer: shellcheckAnalyzer({}) });
  expect(result.internalErrors).toEqual([]);
  return result.findings.map((f) => `${f.range.start.line}: ${f.ruleId} ${f.message}`);
}
