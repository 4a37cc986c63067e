/**
 * `npm run corpus -- --fix-check`: proves the fixes on real input. Every curated and bulk corpus file is
 * copied to a temporary directory and fixed there (written atomically as `--fix` writes), first with
 * safe fixes, then — on a second copy — with unsafe fixes too. Reports, per level: files changed,
 * findings before/after per rule, the share fixed, files whose fix made parsing worse (must be 0), files
 * where a second fix run changes anything (must be 0: fixing is idempotent), fix rounds discarded as
 * internal errors, and time.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { decodeFile } from '../src/cli/input.js';
import { writeAtomic } from '../src/cli/write.js';
import { fixText } from '../src/fix/fixer.js';
import { defaultRules } from '../src/rules/registry.js';
import { defaultConfig, type Applicability } from '../src/engine/types.js';

export interface FixCheckSummary {
  level: Applicability;
  files: number;
  changed: number;
  before: Record<string, number>;
  after: Record<string, number>;
  parseWorse: string[];
  notIdempotent: string[];
  discardedRounds: { file: string; rules: string[]; message: string }[];
  seconds: number;
}

/** Runs the fix check over `files` (absolute paths) at one level. */
export async function fixCheck(files: string[], level: Applicability, corpusRoot: string): Promise<FixCheckSummary> {
  const work = mkdtempSync(join(tmpdir(), `shipshape-fixcheck-${level}-`));
  const config = defaultConfig();
  const s: FixCheckSummary = { level, files: 0, changed: 0, before: {}, after: {}, parseWorse: [], notIdempotent: [], discardedRounds: [], seconds: 0 };
  const t0 = performance.now();
  try {
    for (const f of files) {
      let text: string;
      try {
        text = decodeFile(readFileSync(f));
      } catch {
        continue;
      }
      s.files++;
      const rel = f.slice(corpusRoot.length + 1);
      const copy = join(work, rel.replace(/[\\/]/g, '__'));
      mkdirSync(dirname(copy), { recursive: true });
      writeFileSync(copy, text);
      const first = await fixText(text, { rules: await defaultRules(), config, context: null, level });
      for (const x of first.before) s.before[x.ruleId] = (s.before[x.ruleId] ?? 0) + 1;
      for (const x of first.after.findings) s.after[x.ruleId] = (s.after[x.ruleId] ?? 0) + 1;
      for (const e of first.errors) s.discardedRounds.push({ file: rel, ...e });
      const beforeErrors = first.before.some((x) => x.ruleId === 'DL1000');
      const afterErrors = first.after.findings.some((x) => x.ruleId === 'DL1000');
      if (afterErrors && !beforeErrors) s.parseWorse.push(rel);
      if (first.output !== text) {
        s.changed++;
        writeAtomic(copy, first.output);
        const written = readFileSync(copy, 'utf8');
        const second = await fixText(written, { rules: await defaultRules(), config, context: null, level });
        if (second.output !== written) s.notIdempotent.push(rel);
      }
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  s.seconds = (performance.now() - t0) / 1000;
  return s;
}

/** Prints a fix-check summary. */
export function printFixCheck(s: FixCheckSummary): void {
  const total = (r: Record<string, number>): number => Object.values(r).reduce((a, b) => a + b, 0);
  const b = total(s.before);
  const a = total(s.after);
  console.log(`\n== fix check (${s.level} fixes): ${s.files} files, ${s.changed} changed, findings ${b} → ${a} (${b ? (((b - a) / b) * 100).toFixed(1) : '0'}% fixed), parse worse: ${s.parseWorse.length}, not idempotent: ${s.notIdempotent.length}, discarded rounds: ${s.discardedRounds.length}, ${s.seconds.toFixed(1)} s`);
  const ids = [...new Set([...Object.keys(s.before), ...Object.keys(s.after)])].filter((id) => (s.before[id] ?? 0) !== (s.after[id] ?? 0));
  ids.sort((x, y) => (s.before[y] ?? 0) - (s.after[y] ?? 0) - ((s.before[x] ?? 0) - (s.after[x] ?? 0)));
  console.log('   rule                               before    after');
  for (const id of ids) console.log(`   ${id.padEnd(34)} ${String(s.before[id] ?? 0).padStart(7)} ${String(s.after[id] ?? 0).padStart(8)}`);
  for (const f of s.parseWorse.slice(0, 10)) console.log(`   PARSE WORSE: ${f}`);
  for (const f of s.notIdempotent.slice(0, 10)) console.log(`   NOT IDEMPOTENT: ${f}`);
  for (const d of s.discardedRounds.slice(0, 10)) console.log(`   DISCARDED ROUND (${d.rules.join(', ')}) ${d.file}: ${d.message}`);
}
