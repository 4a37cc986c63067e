/**
 * `tsx scripts/snapshot-corpus.ts record|compare DIR [--set files|templated|bulk]... [--limit N]`
 *
 * Proof for refactorings that must not change behaviour: records, for every Dockerfile of the shared
 * corpus (../shared/corpus: curated `files`, `templated`, `bulk`, walked as scripts/corpus.ts walks
 * them), the findings as the `json` format writes them (plus each fix's description) and the text
 * `--fix --unsafe-fixes` produces, in process, with every rule on, no build context and no ShellCheck.
 *
 * - `record DIR` writes DIR/<set>.jsonl (one line per file: name, findings, fixed text or null when
 *   unchanged, rule crashes, discarded fix rounds).
 * - `compare DIR` computes the same and compares line by line with DIR/<set>.jsonl; prints per set the
 *   number of files compared, identical and different (the first differences in full; all of them, as
 *   pairs of baseline and current lines, in DIR/<set>.different.jsonl), and exits 1 when anything differs.
 *
 * DIR should be outside the repository (e.g. ../vocab-baseline). The bulk set takes minutes: run it with
 * `nice` on a shared machine.
 */
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { useNodeGrammar } from '../src/cli/grammar-node.js';
import { decodeFile } from '../src/cli/input.js';
import { defaultRules } from '../src/rules/registry.js';
import { defaultConfig, type Finding } from '../src/engine/types.js';
import { fixText } from '../src/fix/fixer.js';
import { formatJson } from '../src/report/json.js';
import { corpusFiles, CORPUS } from './corpus-files.js';

const SETS = ['files', 'templated', 'bulk'] as const;
type SetName = (typeof SETS)[number];

/** What is recorded for one corpus file. */
interface FileRecord {
  file: string;
  unreadable?: true;
  findings?: unknown[];
  fixes?: (string | null)[];
  fixed?: string | null;
  internalErrors?: { ruleId: string; message: string }[];
  fixErrors?: { rules: string[]; message: string }[];
}

async function snapshotFile(path: string): Promise<FileRecord> {
  const file = path.slice(CORPUS.length + 1);
  let text: string;
  try {
    text = decodeFile(readFileSync(path));
  } catch {
    return { file, unreadable: true };
  }
  const result = await fixText(text, { rules: await defaultRules(), config: defaultConfig(), context: null, level: 'unsafe' });
  const sorted: Finding[] = result.before;
  const json = JSON.parse(formatJson({ files: [{ file: 'Dockerfile', source: text, findings: sorted.map((f) => ({ ...f, file: 'Dockerfile' })) }], color: false, toolVersion: '0' })) as unknown[];
  return {
    file,
    findings: json,
    fixes: sorted.map((f) => (f.fix ? `${f.fix.applicability}: ${f.fix.description}` : null)),
    fixed: result.output === text ? null : result.output,
    internalErrors: result.after.internalErrors,
    fixErrors: result.errors,
  };
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const mode = args[0];
  const dirArg = args[1];
  if ((mode !== 'record' && mode !== 'compare') || !dirArg) {
    console.error('usage: tsx scripts/snapshot-corpus.ts record|compare DIR [--set files|templated|bulk]... [--limit N]');
    process.exitCode = 2;
    return;
  }
  const dir = resolve(dirArg);
  const sets = args.flatMap((a, i) => (args[i - 1] === '--set' ? [a] : [])) as SetName[];
  const limitArg = args.indexOf('--limit');
  const limit = limitArg >= 0 ? Number(args[limitArg + 1]) : Infinity;
  useNodeGrammar();
  await defaultRules();
  mkdirSync(dir, { recursive: true });
  let differs = false;
  for (const set of sets.length ? sets : SETS) {
    const files = corpusFiles(set).slice(0, limit);
    const t0 = performance.now();
    const lines: string[] = [];
    for (const f of files) lines.push(JSON.stringify(await snapshotFile(f)));
    const seconds = ((performance.now() - t0) / 1000).toFixed(1);
    const target = join(dir, `${set}.jsonl`);
    if (mode === 'record') {
      writeFileSync(target, lines.join('\n') + '\n');
      console.log(`${set}: recorded ${lines.length} files in ${seconds} s → ${target}`);
      continue;
    }
    if (!existsSync(target)) {
      console.log(`${set}: no baseline at ${target}`);
      differs = true;
      continue;
    }
    const base = new Map<string, string>();
    for (const l of readFileSync(target, 'utf8').split('\n')) if (l) base.set((JSON.parse(l) as FileRecord).file, l);
    let same = 0;
    const different: string[] = [];
    for (const l of lines) {
      const rec = JSON.parse(l) as FileRecord;
      if (base.get(rec.file) === l) same++;
      else different.push(rec.file);
    }
    console.log(`${set}: ${lines.length} files compared, ${same} identical, ${different.length} different (${seconds} s)`);
    if (different.length > 0) {
      const out = join(dir, `${set}.different.jsonl`);
      const now = new Map(lines.map((l) => [(JSON.parse(l) as FileRecord).file, l]));
      writeFileSync(out, different.map((f) => `${base.get(f) ?? ''}\n${now.get(f)}`).join('\n') + '\n');
      console.log(`  baseline and current records of the different files (pairs of lines): ${out}`);
    }
    for (const f of different.slice(0, 5)) {
      console.log(`  DIFF ${f}\n    baseline: ${base.get(f)?.slice(0, 2000)}\n    now:      ${lines.find((l) => l.startsWith(`{"file":${JSON.stringify(f)},`))?.slice(0, 2000)}`);
    }
    if (different.length > 0 || lines.length !== base.size) differs = true;
  }
  if (differs) process.exitCode = 1;
}

await main();
