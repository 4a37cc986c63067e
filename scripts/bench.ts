/**
 * `npm run bench` — how fast shipshape is, end to end, in one table (docs/performance.md explains it).
 *
 * Measures, each several times (median; min..max shown):
 * - the CLI as one process (`node bin/shipshape.mjs lint -f json …`, worker threads inside) over the
 *   curated corpus and over curated + bulk (~21,976 files): files/s, ms per file, peak RSS;
 * - the CLI on one typical Dockerfile as a fresh process, against `node -e 0`;
 * - tally (`@wharflab/tally-linux-x64`, if installed with `npm i --no-save`) on the same inputs;
 * - growth: 1k / 5k / 20k files through the CLI, and one Dockerfile 10x longer (in-process `lint`).
 * Every run has every rule on (rules that are off by default are switched on by a config file). Runs
 * are made with ShellCheck (when installed) and without it (a PATH without `shellcheck`).
 *
 * Options: `--runs N` (corpus runs, default 3), `--start-runs N` (fresh-process runs, default 15),
 * `--big-runs N` (runs over all files and for growth, default = --runs), `--quick` (curated corpus and
 * one file only), `--no-shellcheck-corpus` (skip the corpus runs with ShellCheck), `--no-shellcheck-all`
 * (skip only the all-files run with ShellCheck), `--json FILE` (write the raw numbers). Needs `npm run build` first (it runs it).
 * The corpus is read from ../shared/corpus; a missing set is skipped.
 */
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { useNodeGrammar } from '../src/cli/grammar-node.js';
import { decodeFile } from '../src/cli/input.js';
import { lint } from '../src/engine/lint.js';
import { defaultRules } from '../src/rules/registry.js';
import { defaultConfig, type LintConfig } from '../src/engine/types.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const CORPUS = join(root, '../shared/corpus');
const BIN = join(root, 'bin/shipshape.mjs');
const TALLY = join(root, 'node_modules/@wharflab/tally-linux-x64/bin/tally');
const NODE = process.execPath;

const args = process.argv.slice(2);
const opt = (name: string, def: number): number => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : def;
};
const RUNS = opt('--runs', 3);
const START_RUNS = opt('--start-runs', 15);
const BIG_RUNS = opt('--big-runs', RUNS);
const QUICK = args.includes('--quick');
const jsonOut = args.includes('--json') ? args[args.indexOf('--json') + 1] : null;

// ---------------------------------------------------------------------------------------------------
// Inputs

function walk(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...walk(p));
    else out.push(p);
  }
  return out;
}

function corpusSet(set: string): string[] {
  const dir = join(CORPUS, set);
  if (!existsSync(dir)) return [];
  return walk(dir)
    .filter((p) => !/\.dockerignore$|(^|[\\/_])\.?dockerignore$/.test(p))
    .sort();
}

/** The curated file of median size among those with a RUN: "one typical Dockerfile". */
function typicalFile(files: string[]): string {
  const withRun = files
    .map((f) => ({ f, size: statSync(f).size }))
    .filter(({ f }) => /^\s*RUN\s/im.test(readFileSync(f, 'utf8')))
    .sort((a, b) => a.size - b.size || a.f.localeCompare(b.f));
  return withRun[Math.floor(withRun.length / 2)].f;
}

// ---------------------------------------------------------------------------------------------------
// Running and measuring a process

interface Sample {
  ms: number;
  rssMb: number;
  code: number | null;
}

const HAS_GNU_TIME = existsSync('/usr/bin/time');

/** Runs a command; wall time, peak RSS (GNU time's %M, else the VmHWM of the process polled). */
function measure(cmd: string, argv: string[], env: NodeJS.ProcessEnv = process.env): Promise<Sample> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = HAS_GNU_TIME
      ? spawn('/usr/bin/time', ['-f', '%M', cmd, ...argv], { env, stdio: ['ignore', 'ignore', 'pipe'] })
      : spawn(cmd, argv, { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    let hwm = 0;
    const poll = HAS_GNU_TIME
      ? null
      : setInterval(() => {
          try {
            const m = /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
            if (m) hwm = Math.max(hwm, Number(m[1]));
          } catch {
            /* exited */
          }
        }, 20);
    child.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = performance.now() - t0;
      if (poll) clearInterval(poll);
      let kb = hwm;
      if (HAS_GNU_TIME) {
        const lines = err.trim().split('\n');
        kb = Number(lines[lines.length - 1]); // GNU time exits with the command's status
      }
      resolve({ ms, rssMb: kb / 1024, code });
    });
  });
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

interface Row {
  what: string;
  files: number;
  runs: number;
  medianMs: number;
  minMs: number;
  maxMs: number;
  filesPerSecond: number;
  msPerFile: number;
  peakRssMb: number;
  note?: string;
}

const rows: Row[] = [];

/** Exit codes of a corpus run that still count: the bulk set holds files that are not UTF-8, which the CLI reports with exit code 2 while linting the others. */
const CORPUS_CODES = [0, 1, 2];

async function bench(what: string, files: number, runs: number, cmd: string, argv: string[], env?: NodeJS.ProcessEnv, okCodes = [0, 1]): Promise<Row | null> {
  const samples: Sample[] = [];
  for (let i = 0; i < runs; i++) {
    const s = await measure(cmd, argv, env);
    if (s.code === null || !okCodes.includes(s.code)) {
      console.error(`  ${what}: exit code ${s.code}; not counted`);
      return null;
    }
    samples.push(s);
  }
  const ms = samples.map((s) => s.ms);
  const row: Row = {
    what,
    files,
    runs,
    medianMs: median(ms),
    minMs: Math.min(...ms),
    maxMs: Math.max(...ms),
    filesPerSecond: files / (median(ms) / 1000),
    msPerFile: median(ms) / files,
    peakRssMb: Math.max(...samples.map((s) => s.rssMb)),
  };
  rows.push(row);
  console.error(`  ${what}: ${fmt(row.medianMs)} ms (${fmt(row.minMs)}..${fmt(row.maxMs)}), ${row.peakRssMb.toFixed(0)} MB`);
  return row;
}

const fmt = (n: number, d = 0): string => n.toFixed(d);

// ---------------------------------------------------------------------------------------------------
// Configuration: every rule on; a PATH without shellcheck

async function setup(dir: string): Promise<{ config: string; noShellcheckEnv: NodeJS.ProcessEnv; emptyContext: string; allOn: LintConfig }> {
  const rules = await defaultRules();
  const off = rules.filter((r) => r.severity === 'off').map((r) => r.id);
  const config = join(dir, 'all-rules.yaml');
  writeFileSync(config, off.length ? `override:\n  warning:\n${off.map((id) => `    - ${id}\n`).join('')}` : 'ignored: []\n');
  const allOn = defaultConfig();
  for (const id of off) allOn.override[id] = 'warning';
  const bin = join(dir, 'bin');
  mkdirSync(bin);
  symlinkSync(NODE, join(bin, 'node'));
  const emptyContext = join(dir, 'context');
  mkdirSync(emptyContext);
  return { config, noShellcheckEnv: { ...process.env, PATH: bin }, emptyContext, allOn };
}

function shellcheckInstalled(): boolean {
  try {
    return spawnSync('shellcheck', ['--version']).status === 0;
  } catch {
    return false;
  }
}

// ---------------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  console.error('building dist/cli.mjs …');
  spawnSync(NODE, [join(root, 'scripts/build.mjs')], { stdio: 'inherit', cwd: root });
  useNodeGrammar();
  const dir = mkdtempSync(join(tmpdir(), 'shipshape-bench-'));
  try {
    const { config, noShellcheckEnv, emptyContext, allOn } = await setup(dir);
    // Copies named `NNNNN.Dockerfile`: tally only accepts Dockerfile-like names, and both tools then
    // lint the very same files.
    const copy = (files: string[], sub: string): string[] => {
      mkdirSync(join(dir, sub));
      return files.map((f, i) => {
        const to = join(dir, sub, `${String(i).padStart(5, '0')}.Dockerfile`);
        copyFileSync(f, to);
        return to;
      });
    };
    const curatedSrc = corpusSet('files');
    if (curatedSrc.length === 0) throw new Error(`no corpus at ${CORPUS}`);
    const typicalSrc = typicalFile(curatedSrc);
    const curated = copy(curatedSrc, 'curated');
    const bulk = QUICK ? [] : copy(corpusSet('bulk'), 'bulk');
    const all = [...curated, ...bulk];
    // The one-file runs lint a copy alone in its directory (a small build context, as usual).
    mkdirSync(join(dir, 'one'));
    const typical = join(dir, 'one', 'Dockerfile');
    copyFileSync(typicalSrc, typical);
    const hasSc = shellcheckInstalled();
    const hasTally = existsSync(TALLY);
    const load0 = loadavg();
    console.error(`machine: ${cpus().length} × ${cpus()[0]?.model}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB; node ${process.version}; load ${load0.map((x) => x.toFixed(2)).join(' ')}`);
    console.error(`typical file: ${typicalSrc.slice(CORPUS.length + 1)} (${readFileSync(typical, 'utf8').split('\n').length} lines)`);
    if (!hasSc) console.error('shellcheck is not installed: runs "with ShellCheck" are skipped');
    if (!hasTally) console.error('tally is not installed (npm i --no-save @wharflab/tally-linux-x64): tally rows are skipped');

    // A list file would be nicer, but the CLI takes paths as arguments; 22k paths fit in ARG_MAX.
    const cli = (files: string[]): string[] => [BIN, 'lint', '-f', 'json', '--no-fail', '-c', config, '--context', emptyContext, ...files];
    const tally = (files: string[]): string[] => ['lint', '--slow-checks', 'off', '--format', 'json', '--no-config', ...files];

    // 1. One file, fresh process.
    console.error('\none Dockerfile, fresh process');
    const nodeRow = await bench('node -e 0', 1, START_RUNS, NODE, ['-e', '0']);
    const one = await bench('shipshape, one file, no ShellCheck', 1, START_RUNS, NODE, [BIN, 'lint', '-f', 'json', '-c', config, typical], noShellcheckEnv);
    const oneSc = hasSc ? await bench('shipshape, one file, with ShellCheck', 1, START_RUNS, NODE, [BIN, 'lint', '-f', 'json', '-c', config, typical]) : null;
    const scAlone = hasSc ? await bench('shellcheck --version (its start-up)', 1, START_RUNS, 'shellcheck', ['--version']) : null;
    const tallyOne = hasTally ? await bench('tally, one file', 1, START_RUNS, TALLY, tally([typical])) : null;

    // 2. Curated corpus, one CLI process.
    console.error('\ncurated corpus, one process');
    const cur = await bench(`shipshape, curated (${curated.length}), no ShellCheck`, curated.length, RUNS, NODE, cli(curated), noShellcheckEnv);
    const curSc = hasSc && !args.includes('--no-shellcheck-corpus') ? await bench(`shipshape, curated (${curated.length}), with ShellCheck`, curated.length, RUNS, NODE, cli(curated)) : null;
    const tallyCur = hasTally ? await bench(`tally, curated (${curated.length})`, curated.length, RUNS, TALLY, tally(curated), process.env, [0, 1, 2]) : null;

    // 3. All files, and growth.
    let allRow: Row | null = null;
    let allSc: Row | null = null;
    const growth: Row[] = [];
    if (!QUICK && bulk.length > 0) {
      console.error('\nall files (curated + bulk), one process');
      allRow = await bench(`shipshape, all (${all.length}), no ShellCheck`, all.length, BIG_RUNS, NODE, cli(all), noShellcheckEnv, CORPUS_CODES);
      if (hasSc && !args.includes('--no-shellcheck-corpus') && !args.includes('--no-shellcheck-all')) allSc = await bench(`shipshape, all (${all.length}), with ShellCheck`, all.length, 1, NODE, cli(all), process.env, CORPUS_CODES);
      console.error('\ngrowth (first N of curated + bulk, no ShellCheck)');
      for (const n of [1000, 5000, 20000]) {
        const r = await bench(`shipshape, ${n} files`, n, BIG_RUNS, NODE, cli(all.slice(0, n)), noShellcheckEnv, CORPUS_CODES);
        if (r) growth.push(r);
      }
    }

    // 4. A 10x longer Dockerfile (in-process lint, start-up excluded).
    const text = decodeFile(readFileSync(typical));
    const body = text.replace(/^\uFEFF/, '');
    const long = text + ('\n' + body).repeat(9);
    const timeLint = async (t: string): Promise<number> => {
      await lint(t, { rules: await defaultRules(), config: allOn });
      const xs: number[] = [];
      for (let i = 0; i < 7; i++) {
        const t0 = performance.now();
        await lint(t, { rules: await defaultRules(), config: allOn });
        xs.push(performance.now() - t0);
      }
      return median(xs);
    };
    const t1 = await timeLint(text);
    const t10 = await timeLint(long);

    // 5. Report.
    const load1 = loadavg();
    const table = [
      '| measurement | files | runs | median ms (min..max) | files/s | ms/file | peak RSS MB |',
      '|---|---:|---:|---|---:|---:|---:|',
      ...rows.map((r) => `| ${r.what} | ${r.files} | ${r.runs} | ${fmt(r.medianMs)} (${fmt(r.minMs)}..${fmt(r.maxMs)}) | ${fmt(r.filesPerSecond, r.filesPerSecond < 100 ? 1 : 0)} | ${fmt(r.msPerFile, 2)} | ${fmt(r.peakRssMb)} |`),
    ];
    const lines: string[] = [];
    const ratio = (a: Row | null, b: Row | null, label: string, how: (a: Row, b: Row) => number): void => {
      if (a && b) lines.push(`${label}: ${how(a, b).toFixed(2)}`);
      else lines.push(`${label}: n/a (a run is missing: peer not installed, or a run failed)`);
    };
    ratio(one, nodeRow, 'one file / node -e 0 (no ShellCheck; target ≤ 2)', (a, b) => a.medianMs / b.medianMs);
    ratio(oneSc, nodeRow, 'one file / node -e 0 (with ShellCheck)', (a, b) => a.medianMs / b.medianMs);
    ratio(tallyCur, cur, 'curated throughput shipshape / tally (no ShellCheck; target ≥ 30)', (t, s) => s.filesPerSecond / t.filesPerSecond);
    ratio(tallyCur, curSc, 'curated throughput shipshape / tally (with ShellCheck)', (t, s) => s.filesPerSecond / t.filesPerSecond);
    ratio(tallyOne, one, 'one file: tally ms / shipshape ms (no ShellCheck)', (t, s) => t.medianMs / s.medianMs);
    if (allRow) lines.push(`all ${allRow.files} files: ${(allRow.medianMs / 1000).toFixed(1)} s, peak ${allRow.peakRssMb.toFixed(0)} MB (target ≤ 60 s, ≤ 300 MB)`);
    if (allSc) lines.push(`all ${allSc.files} files with ShellCheck: ${(allSc.medianMs / 1000).toFixed(1)} s, peak ${allSc.peakRssMb.toFixed(0)} MB`);
    if (growth.length) lines.push(`growth: ${growth.map((g) => `${g.files} files ${fmt(g.msPerFile, 2)} ms/file`).join(', ')} (linear: ms/file constant)`);
    lines.push(`10x longer Dockerfile, in-process lint: ${t1.toFixed(1)} ms → ${t10.toFixed(1)} ms (${(t10 / t1).toFixed(1)}x; linear ≈ 10x)`);
    if (scAlone) lines.push(`shellcheck's own start-up (shellcheck --version): ${fmt(scAlone.medianMs)} ms`);
    const header = `${new Date().toISOString()} · ${cpus().length} × ${cpus()[0]?.model} · node ${process.version} · load average before ${load0.map((x) => x.toFixed(2)).join(' ')}, after ${load1.map((x) => x.toFixed(2)).join(' ')} · typical file ${typicalSrc.slice(CORPUS.length + 1)}`;
    console.log(['', header, '', ...table, '', ...lines.map((l) => `- ${l}`)].join('\n'));
    if (jsonOut) writeFileSync(jsonOut, JSON.stringify({ header, rows, lines, load0, load1, t1, t10 }, null, 2));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
