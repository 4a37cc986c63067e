/**
 * `npm run bench` — how fast shipshape is, end to end, in one table (docs/performance.md explains it).
 *
 * In one run, on the same files (copies named `NNNNN.Dockerfile`, every rule on):
 * - `node -e 0`; one typical Dockerfile as a fresh process, cold (`--no-cache`), without and with
 *   ShellCheck, warm (second run with the cache), without the bundle's code cache
 *   (`SHIPSHAPE_NO_CODE_CACHE=1`), and with V8's default wasm tiers (`node --no-liftoff-only
 *   dist/loader.cjs`: the loader then leaves out its `--liftoff-only`);
 * - a 200-file sample of the curated corpus and the whole curated corpus: ShellCheck on, cold (an empty
 *   cache directory each run) and warm (the cache the cold run left); tally on the same files;
 * - all corpus files (curated + bulk): cold without ShellCheck, cold with it (fills the cache), warm;
 * - ratios against the targets of issue 9, peak RSS (GNU time), and a check that every warm run prints
 *   byte for byte what the cold run printed (findings identical with and without the cache).
 *
 * Options: `--runs N` (corpus runs, default 3), `--start-runs N` (fresh-process runs, default 15),
 * `--big-runs N` (runs over all files, default 1), `--quick` (one file, the sample and curated only),
 * `--growth` (also 1k / 5k / 20k files without ShellCheck), `--tally-max N` (tally only on sets of at most
 * N files), `--json FILE` (write the raw numbers).
 * Builds dist/ first. The corpus is read from ../shared/corpus; tally rows need
 * `npm i --no-save @wharflab/tally-linux-x64`.
 */
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CORPUS, corpusFiles } from './corpus-files.js';
import { useNodeGrammar } from '../src/cli/grammar-node.js';
import { decodeFile } from '../src/cli/input.js';
import { lint } from '../src/engine/lint.js';
import { defaultRules } from '../src/rules/registry.js';
import { defaultConfig, type LintConfig } from '../src/engine/types.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// The shared corpus (scripts/corpus-files.ts).
const BIN = join(root, 'bin/shipshape.cjs');
const TALLY = join(root, 'node_modules/@wharflab/tally-linux-x64/bin/tally');
const NODE = process.execPath;

const args = process.argv.slice(2);
const opt = (name: string, def: number): number => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : def;
};
const RUNS = opt('--runs', 3);
const START_RUNS = opt('--start-runs', 15);
const BIG_RUNS = opt('--big-runs', 1);
const QUICK = args.includes('--quick');
/** Tally only on sets of at most this many files (it is the slowest row: ~10 min for the curated set on a loaded machine). */
const TALLY_MAX = opt('--tally-max', Infinity);
const jsonOut = args.includes('--json') ? args[args.indexOf('--json') + 1] : null;

// ---------------------------------------------------------------------------------------------------
// Inputs

/** The Dockerfiles of one corpus set (scripts/corpus-files.ts), or none when the set is not there. */
function corpusSet(set: 'files' | 'templated' | 'bulk'): string[] {
  return existsSync(join(CORPUS, set)) ? corpusFiles(set) : [];
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
  /** User + system CPU seconds of the process and the children it waited for (ShellCheck included); NaN without GNU time. */
  cpuS: number;
  code: number | null;
  /** The last lines of the process's standard error (shown when a run fails). */
  stderrTail: string;
}

const HAS_GNU_TIME = existsSync('/usr/bin/time');

/** Runs a command; wall time, peak RSS (GNU time's %M, else the VmHWM of the process polled). */
function measure(cmd: string, argv: string[], env: NodeJS.ProcessEnv = process.env, stdoutFile?: string): Promise<Sample> {
  return new Promise((resolve, reject) => {
    // Not 'ignore': Node opens /dev/null read-write for it, which the CLI takes for a closed standard
    // output (src/cli/main.ts) and exits 2. A write-only /dev/null is what `> /dev/null` gives.
    const out = openSync(stdoutFile ?? '/dev/null', 'w');
    const t0 = performance.now();
    const child = HAS_GNU_TIME
      ? spawn('/usr/bin/time', ['-f', '%M %U %S', cmd, ...argv], { env, stdio: ['ignore', out, 'pipe'] })
      : spawn(cmd, argv, { env, stdio: ['ignore', out, 'pipe'] });
    closeSync(out);
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
    child.stderr!.setEncoding('utf8').on('data', (d: string) => (err += d));
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = performance.now() - t0;
      if (poll) clearInterval(poll);
      let kb = hwm;
      let cpuS = NaN;
      if (HAS_GNU_TIME) {
        const lines = err.trim().split('\n');
        const [m, u, sys] = lines[lines.length - 1].split(' ').map(Number); // GNU time exits with the command's status
        kb = m;
        cpuS = u + sys;
      }
      resolve({ ms, rssMb: kb / 1024, cpuS, code, stderrTail: err.trim().split('\n').slice(HAS_GNU_TIME ? -4 : -3, HAS_GNU_TIME ? -1 : undefined).join('\n') });
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
  /** Median CPU seconds (user + system, children included): less distorted by a loaded machine than wall time. */
  cpuS: number;
  note?: string;
}

const rows: Row[] = [];

/** Exit codes of a corpus run that still count: the bulk set holds files that are not UTF-8, which the CLI reports with exit code 2 while linting the others. */
const CORPUS_CODES = [0, 1, 2];

/**
 * Runs a command `runs` times; a row of the table. `argv` may depend on the run's index (a fresh cache
 * directory per cold run); `stdoutFile` keeps the last run's output (the cache check compares them).
 */
async function bench(
  what: string,
  files: number,
  runs: number,
  cmd: string,
  argv: string[] | ((run: number) => string[]),
  env?: NodeJS.ProcessEnv,
  okCodes = [0, 1],
  stdoutFile?: string,
): Promise<Row | null> {
  const samples: Sample[] = [];
  for (let i = 0; i < runs; i++) {
    const s = await measure(cmd, typeof argv === 'function' ? argv(i) : argv, env, stdoutFile);
    if (s.code === null || !okCodes.includes(s.code)) {
      console.error(`  ${what}: exit code ${s.code}; not counted${s.stderrTail ? `\n    ${s.stderrTail.replace(/\n/g, '\n    ')}` : ''}`);
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
    cpuS: median(samples.map((s) => s.cpuS)),
  };
  rows.push(row);
  console.error(`  ${what}: ${fmt(row.medianMs)} ms (${fmt(row.minMs)}..${fmt(row.maxMs)}), ${row.cpuS.toFixed(2)} CPU s, ${row.peakRssMb.toFixed(0)} MB`);
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
  console.error('building dist/loader.cjs …');
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
    // The 200-file sample: evenly spaced through the (sorted) curated corpus.
    const sample = Array.from({ length: Math.min(200, curated.length) }, (_, i) => curated[Math.floor((i * curated.length) / Math.min(200, curated.length))]);
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
    const cli = (files: string[], cache: string[] = ['--no-cache']): string[] => [BIN, 'lint', '-f', 'json', '--no-fail', '-c', config, '--context', emptyContext, ...cache, ...files];
    const tally = (files: string[]): string[] => ['lint', '--slow-checks', 'off', '--format', 'json', '--no-config', ...files];
    let cacheRuns = 0;
    /** A fresh, empty cache directory for each cold run; the warm runs use the last one. */
    const newCache = (): string[] => ['--cache-location', join(dir, `cache-${cacheRuns++}`)];
    const lastCache = (): string[] => ['--cache-location', join(dir, `cache-${cacheRuns - 1}`)];
    const outputs: { what: string; same: boolean }[] = [];
    const out = (name: string): string => join(dir, `${name}.json`);
    const sameOutput = (what: string, a: string, b: string): void => {
      if (!existsSync(a) || !existsSync(b)) return;
      outputs.push({ what, same: readFileSync(a, 'utf8') === readFileSync(b, 'utf8') });
    };

    // 1. One file, fresh process.
    console.error('\none Dockerfile, fresh process');
    const nodeRow = await bench('node -e 0', 1, START_RUNS, NODE, ['-e', '0']);
    // "cold" is the results cache (--no-cache); the code cache of the bundle (dist/loader.cjs) is written
    // once per build by the first lint run, which this warm-up run is. It goes to a directory of its own
    // (--cache-location, which --no-cache leaves to the code cache): the cache holds what its first run
    // compiled, and one left in the user's cache directory by a run over other files (a 100k-line file)
    // made the typical file ~13 ms slower.
    const oneArgs = ['lint', '-f', 'json', '-c', config, '--cache-location', join(dir, 'code-one')];
    await measure(NODE, [BIN, ...oneArgs, '--no-cache', typical], noShellcheckEnv);
    const one = await bench('shipshape, one file, no ShellCheck, cold', 1, START_RUNS, NODE, [BIN, ...oneArgs, '--no-cache', typical], noShellcheckEnv);
    const oneSc = hasSc ? await bench('shipshape, one file, with ShellCheck, cold', 1, START_RUNS, NODE, [BIN, ...oneArgs, '--no-cache', typical]) : null;
    const oneCache = join(dir, 'cache-one');
    if (hasSc) await measure(NODE, [BIN, ...oneArgs, '--cache-location', oneCache, typical]);
    const oneWarm = hasSc ? await bench('shipshape, one file, with ShellCheck, warm', 1, START_RUNS, NODE, [BIN, ...oneArgs, '--cache-location', oneCache, typical]) : null;
    // The first run of each writes its code cache; those are warm-up runs, not counted.
    await measure(NODE, [BIN, ...oneArgs, '--no-cache', typical], noShellcheckEnv);
    await bench('shipshape, one file, no ShellCheck, no code cache (SHIPSHAPE_NO_CODE_CACHE=1)', 1, START_RUNS, NODE, [BIN, ...oneArgs, '--no-cache', typical], { ...noShellcheckEnv, SHIPSHAPE_NO_CODE_CACHE: '1' });
    await measure(NODE, ['--no-liftoff-only', join(root, 'dist/loader.cjs'), ...oneArgs, '--no-cache', typical], noShellcheckEnv);
    await bench('shipshape, one file, no ShellCheck, default wasm tiers (node --no-liftoff-only dist/loader.cjs)', 1, START_RUNS, NODE, ['--no-liftoff-only', join(root, 'dist/loader.cjs'), ...oneArgs, '--no-cache', typical], noShellcheckEnv);
    const scAlone = hasSc ? await bench('shellcheck --version (its start-up)', 1, START_RUNS, 'shellcheck', ['--version']) : null;
    const tallyOne = hasTally ? await bench('tally, one file', 1, START_RUNS, TALLY, tally([typical])) : null;

    // 2. The 200-file sample and the curated corpus, one CLI process each, ShellCheck on.
    const sets: { name: string; files: string[] }[] = [
      { name: 'sample', files: sample },
      { name: 'curated', files: curated },
    ];
    const setRows: Record<string, { cold: Row | null; warm: Row | null; noSc: Row | null; tally: Row | null }> = {};
    for (const set of sets) {
      const label = `${set.name} (${set.files.length})`;
      console.error(`\n${label}, one process`);
      const cold = await bench(`shipshape, ${label}, ShellCheck, cold`, set.files.length, RUNS, NODE, () => cli(set.files, newCache()), process.env, [0, 1], out(`${set.name}-cold`));
      const warm = await bench(`shipshape, ${label}, ShellCheck, warm`, set.files.length, RUNS, NODE, () => cli(set.files, lastCache()), process.env, [0, 1], out(`${set.name}-warm`));
      const noSc = await bench(`shipshape, ${label}, no ShellCheck, cold`, set.files.length, RUNS, NODE, cli(set.files), noShellcheckEnv);
      const tallyRow = hasTally && set.files.length <= TALLY_MAX ? await bench(`tally, ${label}`, set.files.length, RUNS, TALLY, tally(set.files), process.env, [0, 1, 2]) : null;
      sameOutput(label, out(`${set.name}-cold`), out(`${set.name}-warm`));
      setRows[set.name] = { cold, warm, noSc, tally: tallyRow };
    }

    // 3. All files.
    let allNoSc: Row | null = null;
    let allCold: Row | null = null;
    let allWarm: Row | null = null;
    const growth: Row[] = [];
    if (!QUICK && bulk.length > 0) {
      const label = `all (${all.length})`;
      console.error(`\n${label}, one process`);
      allNoSc = await bench(`shipshape, ${label}, no ShellCheck, cold`, all.length, BIG_RUNS, NODE, cli(all), noShellcheckEnv, CORPUS_CODES);
      if (hasSc) {
        allCold = await bench(`shipshape, ${label}, ShellCheck, cold`, all.length, 1, NODE, () => cli(all, newCache()), process.env, CORPUS_CODES, out('all-cold'));
        allWarm = await bench(`shipshape, ${label}, ShellCheck, warm`, all.length, BIG_RUNS, NODE, () => cli(all, lastCache()), process.env, CORPUS_CODES, out('all-warm'));
        sameOutput(label, out('all-cold'), out('all-warm'));
      }
      if (args.includes('--growth')) {
        console.error('\ngrowth (first N of curated + bulk, no ShellCheck)');
        for (const n of [1000, 5000, 20000]) {
          const r = await bench(`shipshape, ${n} files`, n, BIG_RUNS, NODE, cli(all.slice(0, n)), noShellcheckEnv, CORPUS_CODES);
          if (r) growth.push(r);
        }
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
      '| measurement | files | runs | median ms (min..max) | CPU s | files/s | ms/file | peak RSS MB |',
      '|---|---:|---:|---|---:|---:|---:|---:|',
      ...rows.map((r) => `| ${r.what} | ${r.files} | ${r.runs} | ${fmt(r.medianMs)} (${fmt(r.minMs)}..${fmt(r.maxMs)}) | ${fmt(r.cpuS, 2)} | ${fmt(r.filesPerSecond, r.filesPerSecond < 100 ? 1 : 0)} | ${fmt(r.msPerFile, 2)} | ${fmt(r.peakRssMb)} |`),
    ];
    const lines: string[] = [];
    const ratio = (a: Row | null, b: Row | null, label: string, how: (a: Row, b: Row) => number): void => {
      if (a && b) lines.push(`${label}: ${how(a, b).toFixed(2)}`);
      else lines.push(`${label}: n/a (a run is missing: peer not installed, or a run failed)`);
    };
    ratio(one, nodeRow, 'one file cold / node -e 0, no ShellCheck (target ≤ 2)', (a, b) => a.medianMs / b.medianMs);
    ratio(oneSc, nodeRow, 'one file cold / node -e 0, with ShellCheck (target ≤ 3)', (a, b) => a.medianMs / b.medianMs);
    ratio(one, nodeRow, 'the same by CPU time', (a, b) => a.cpuS / b.cpuS);
    ratio(oneSc, nodeRow, 'the same with ShellCheck, by CPU time', (a, b) => a.cpuS / b.cpuS);
    ratio(oneWarm, nodeRow, 'one file warm / node -e 0, with ShellCheck', (a, b) => a.medianMs / b.medianMs);
    ratio(tallyOne, one, 'one file: tally ms / shipshape ms (no ShellCheck)', (t, s) => t.medianMs / s.medianMs);
    for (const set of sets) {
      const r = setRows[set.name];
      ratio(r.tally, r.cold, `${set.name}: throughput shipshape / tally, ShellCheck on, cold (target ≥ 10)`, (t, s) => s.filesPerSecond / t.filesPerSecond);
      ratio(r.tally, r.warm, `${set.name}: throughput shipshape / tally, ShellCheck on, warm (target ≥ 30)`, (t, s) => s.filesPerSecond / t.filesPerSecond);
      ratio(r.tally, r.cold, `${set.name}: CPU time tally / shipshape, ShellCheck on, cold`, (t, s) => t.cpuS / s.cpuS);
      ratio(r.tally, r.warm, `${set.name}: CPU time tally / shipshape, ShellCheck on, warm`, (t, s) => t.cpuS / s.cpuS);
      ratio(r.tally, r.noSc, `${set.name}: throughput shipshape / tally, no ShellCheck`, (t, s) => s.filesPerSecond / t.filesPerSecond);
    }
    if (allNoSc) lines.push(`all ${allNoSc.files} files, no ShellCheck, cold: ${(allNoSc.medianMs / 1000).toFixed(1)} s, peak ${allNoSc.peakRssMb.toFixed(0)} MB (target ≤ 60 s, ≤ 300 MB)`);
    if (allWarm) lines.push(`all ${allWarm.files} files, ShellCheck, warm: ${(allWarm.medianMs / 1000).toFixed(1)} s, peak ${allWarm.peakRssMb.toFixed(0)} MB (target ≤ 90 s, ≤ 300 MB)`);
    if (allCold) lines.push(`all ${allCold.files} files, ShellCheck, cold: ${(allCold.medianMs / 1000).toFixed(1)} s, peak ${allCold.peakRssMb.toFixed(0)} MB`);
    for (const o of outputs) lines.push(`cache check, ${o.what}: the warm run's report is ${o.same ? 'byte-identical to' : 'DIFFERENT from'} the cold run's`);
    if (growth.length) lines.push(`growth: ${growth.map((g) => `${g.files} files ${fmt(g.msPerFile, 2)} ms/file`).join(', ')} (linear: ms/file constant)`);
    lines.push(`10x longer Dockerfile, in-process lint: ${t1.toFixed(1)} ms → ${t10.toFixed(1)} ms (${(t10 / t1).toFixed(1)}x; linear ≈ 10x)`);
    if (scAlone) lines.push(`shellcheck's own start-up (shellcheck --version): ${fmt(scAlone.medianMs)} ms`);
    const header = `${new Date().toISOString()} · ${cpus().length} × ${cpus()[0]?.model} · node ${process.version} · load average before ${load0.map((x) => x.toFixed(2)).join(' ')}, after ${load1.map((x) => x.toFixed(2)).join(' ')} · typical file ${typicalSrc.slice(CORPUS.length + 1)}`;
    console.log(['', header, '', ...table, '', ...lines.map((l) => `- ${l}`)].join('\n'));
    if (jsonOut) writeFileSync(jsonOut, JSON.stringify({ header, rows, lines, outputs, load0, load1, t1, t10 }, null, 2));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
