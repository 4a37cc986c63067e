/**
 * `npm run corpus` — lints every Dockerfile of the shared corpus (../shared/corpus: files/, templated/,
 * bulk/) in this process, with every rule on and no build context, and prints per set: files,
 * findings per rule, parse failures (DL1000) by message, rule crashes, files/s and peak memory.
 * Exits 1 if any rule threw or the engine raised an exception; parse failures of templated or broken
 * files are expected and only counted.
 *
 * Options: `--set files|templated|bulk` (repeatable; default all), `--limit N`, `--json` (machine
 * summary), `--markdown` (the README table for the curated set), `--fix-check` (prove the fixes:
 * scripts/fix-check.ts; curated and bulk sets by default).
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { useNodeGrammar } from '../src/cli/grammar-node.js';
import { decodeFile } from '../src/cli/input.js';
import { lint } from '../src/engine/lint.js';
import { defaultRules } from '../src/rules/registry.js';
import { defaultConfig } from '../src/engine/types.js';
import { fixCheck, printFixCheck } from './fix-check.js';
import { corpusFiles, CORPUS } from './corpus-files.js';

const SETS = ['files', 'templated', 'bulk'] as const;

interface SetSummary {
  set: string;
  files: number;
  unreadable: number;
  findings: number;
  byRule: Record<string, number>;
  parseFailures: number;
  parseMessages: Record<string, number>;
  crashes: { file: string; rule: string; message: string }[];
  seconds: number;
  filesPerSecond: number;
}

async function runSet(set: (typeof SETS)[number], limit: number): Promise<SetSummary> {
  const files = corpusFiles(set).slice(0, limit);
  const config = defaultConfig();
  const summary: SetSummary = { set, files: files.length, unreadable: 0, findings: 0, byRule: {}, parseFailures: 0, parseMessages: {}, crashes: [], seconds: 0, filesPerSecond: 0 };
  const t0 = performance.now();
  for (const f of files) {
    let text: string;
    try {
      text = decodeFile(readFileSync(f));
    } catch {
      summary.unreadable++;
      continue;
    }
    const result = await lint(text, { rules: await defaultRules(), config, context: null });
    for (const e of result.internalErrors) summary.crashes.push({ file: f.slice(CORPUS.length + 1), rule: e.ruleId, message: e.message });
    for (const finding of result.findings) {
      summary.findings++;
      summary.byRule[finding.ruleId] = (summary.byRule[finding.ruleId] ?? 0) + 1;
      if (finding.ruleId === 'DL1000') {
        summary.parseFailures++;
        const key = finding.message.replace(/\d+/g, 'N').replace(/"[^"]*"|'[^']*'/g, '…').slice(0, 80);
        summary.parseMessages[key] = (summary.parseMessages[key] ?? 0) + 1;
      }
    }
  }
  summary.seconds = (performance.now() - t0) / 1000;
  summary.filesPerSecond = summary.files / summary.seconds;
  return summary;
}

function printSummary(s: SetSummary): void {
  console.log(`\n== ${s.set}: ${s.files} files, ${s.findings} findings, ${s.parseFailures} parse failures (DL1000), ${s.crashes.length} rule crashes, ${s.seconds.toFixed(1)} s (${s.filesPerSecond.toFixed(0)} files/s)`);
  if (s.unreadable) console.log(`   unreadable (binary or not UTF-8): ${s.unreadable}`);
  const rules = Object.entries(s.byRule).sort((a, b) => b[1] - a[1]);
  console.log('   findings per rule:');
  for (const [id, n] of rules) console.log(`     ${id.padEnd(34)} ${String(n).padStart(7)}`);
  if (s.parseFailures) {
    console.log('   parse failures by message:');
    for (const [m, n] of Object.entries(s.parseMessages).sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log(`     ${String(n).padStart(6)}  ${m}`);
  }
  for (const c of s.crashes.slice(0, 20)) console.log(`   CRASH ${c.rule} on ${c.file}: ${c.message}`);
}

function markdown(s: SetSummary, rssMb: number): string {
  const lines = [
    `Curated corpus (\`../shared/corpus/files\`, ${s.files} Dockerfiles): ${s.findings} findings, ${s.parseFailures} files that do not parse (DL1000), ${s.crashes.length} rule crashes; ${s.seconds.toFixed(1)} s in one process (${s.filesPerSecond.toFixed(0)} files/s), peak RSS ${rssMb.toFixed(0)} MB.`,
    '',
    '| rule | findings |',
    '|---|---:|',
  ];
  for (const [id, n] of Object.entries(s.byRule).sort((a, b) => b[1] - a[1])) lines.push(`| ${id} | ${n} |`);
  return lines.join('\n');
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const sets = args.flatMap((a, i) => (args[i - 1] === '--set' ? [a] : [])) as (typeof SETS)[number][];
  const limitArg = args.indexOf('--limit');
  const limit = limitArg >= 0 ? Number(args[limitArg + 1]) : Infinity;
  useNodeGrammar();
  await defaultRules();
  if (args.includes('--fix-check')) {
    const files = (sets.length ? sets : (['files', 'bulk'] as const)).flatMap((set) => corpusFiles(set).slice(0, limit));
    let failed = false;
    for (const level of ['safe', 'unsafe'] as const) {
      const s = await fixCheck(files, level, CORPUS);
      printFixCheck(s);
      failed ||= s.parseWorse.length > 0 || s.notIdempotent.length > 0 || s.discardedRounds.length > 0;
    }
    if (failed) process.exitCode = 1;
    return;
  }
  let peak = 0;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  const summaries: SetSummary[] = [];
  for (const set of sets.length ? sets : SETS) {
    try {
      statSync(join(CORPUS, set));
    } catch {
      console.log(`(skipping ${set}: not found)`);
      continue;
    }
    const s = await runSet(set, limit);
    summaries.push(s);
    peak = Math.max(peak, process.memoryUsage().rss);
    if (!args.includes('--json')) printSummary(s);
  }
  clearInterval(timer);
  const rssMb = peak / 1024 / 1024;
  if (args.includes('--json')) console.log(JSON.stringify({ summaries, peakRssMb: rssMb }, null, 2));
  else console.log(`\npeak RSS: ${rssMb.toFixed(0)} MB`);
  if (args.includes('--markdown')) {
    const curated = summaries.find((s) => s.set === 'files');
    if (curated) console.log('\n' + markdown(curated, rssMb));
  }
  if (summaries.some((s) => s.crashes.length > 0)) process.exitCode = 1;
}

await main();
