/**
 * The ShellCheck pass, as hadolint runs it (hadolint `Hadolint.Shell`): every shell-form RUN script
 * run by a POSIX shell is checked by the `shellcheck` program, with
 * - a `#!<shell>` line from SHELL / `# hadolint shell=` (default `/bin/sh`), so the dialect matches,
 * - one `export NAME=1` line per variable the RUN can see (ARG and ENV names in scope, plus the proxy
 *   variables Docker passes to RUN), so ShellCheck does not call them unassigned,
 * - hadolint's exclusions SC2187, SC1090, SC1091,
 * - identical (code, message) findings of one RUN reported once.
 * Unlike hadolint, findings keep ShellCheck's exact position, mapped back into the Dockerfile.
 *
 * Every option is passed explicitly: `--norc` and an environment without `SHELLCHECK_OPTS`, so neither
 * a `.shellcheckrc` (in the project, the home directory or any parent of the temporary directory) nor
 * the environment changes the results. Configure SC codes with shipshape's configuration instead.
 *
 * Cost and safety:
 * - One run never checks the same script text twice (the input ShellCheck sees, header included, is
 *   the key); with a {@link ResultCache}, results survive the run, keyed by that text, the options and
 *   the identity of the `shellcheck` binary.
 * - Scripts are written to files in a private (0700) directory under the temporary directory, removed
 *   as soon as the process ends; SIGINT, SIGTERM and SIGHUP remove them too and kill the running
 *   `shellcheck` processes before the CLI exits (the files hold RUN lines, which may hold tokens).
 * - Each process has a CPU-time limit and a memory cap (RLIMIT_CPU and RLIMIT_DATA through `ulimit`;
 *   ShellCheck's binary does not accept `+RTS -M`), so a loaded machine does not make a normal batch
 *   look stuck; a wall-clock limit of ten times the CPU limit catches a process that waits. A batch that hits one is re-run script by script; a script that
 *   hits one alone is reported as one `shellcheck-skipped` info finding on its RUN.
 * When the program is missing, `onMissing` says so once and the pass continues without SC findings.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, realpathSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, isAbsolute, join } from 'node:path';
import type { ScriptAnalyzer, ScriptJob } from '../engine/lint.js';
import type { Finding, Severity } from '../engine/types.js';
import { mapOffset, positionAt } from '../shell/positions.js';
import { cacheKey, type ResultCache } from './cache.js';
import { editDistance } from '../parse/edit-distance.js';
import { engineFindingUrl } from '../engine/rule-ids.js';

/** Codes hadolint excludes from the ShellCheck pass. */
export const EXCLUDED_CODES = ['SC2187', 'SC1090', 'SC1091'];
/** The rule id of the finding that says ShellCheck was stopped on a script. */
export const SKIPPED_ID = 'shellcheck-skipped';
/** Default limits per `shellcheck` process. */
export const DEFAULT_TIMEOUT_MS = 30_000;
export const DEFAULT_MEMORY_MB = 2048;
/** Variables Docker passes to RUN without a declaration. */
const PROXY_VARIABLES = ['HTTP_PROXY', 'http_proxy', 'HTTPS_PROXY', 'https_proxy', 'FTP_PROXY', 'ftp_proxy', 'NO_PROXY', 'no_proxy'];
/** Shells ShellCheck knows; others are checked as `sh`. */
const DIALECTS = new Set(['sh', 'bash', 'dash', 'ksh', 'ash', 'busybox']);
/** The options of every run (the files follow). */
const ARGS = ['--norc', '-f', 'json1', '-S', 'style', '-e', EXCLUDED_CODES.map((c) => c.slice(2)).join(',')];

let available: boolean | null = null;

/**
 * True when the `shellcheck` program is on PATH (checked once per process, without starting it).
 */
export function shellcheckAvailable(program = 'shellcheck', env: NodeJS.ProcessEnv = process.env): boolean {
  if (program !== 'shellcheck') return findProgram(program, env) !== null;
  available ??= findProgram(program, env) !== null;
  return available;
}

/** The executable `program` resolves to through PATH, or null. */
function findProgram(program: string, env: NodeJS.ProcessEnv): string | null {
  const dirs = isAbsolute(program) || program.includes('/') ? [''] : (env.PATH ?? env.Path ?? '').split(delimiter).filter(Boolean);
  // Windows finds `shellcheck.exe` for `shellcheck` (PATHEXT).
  const exts = process.platform === 'win32' ? ['', ...(env.PATHEXT ?? '.EXE;.CMD;.BAT').split(';')] : [''];
  const candidates = dirs.flatMap((d) => exts.map((e) => (d ? join(d, program + e) : program + e)));
  for (const c of candidates) {
    try {
      if (statSync(c).isFile()) return c;
    } catch {
      /* next */
    }
  }
  return null;
}

/**
 * What identifies the ShellCheck that produced a result, for cache keys: the real path, size and
 * modification time of the binary (a new version is a new file), without starting it. Null when absent.
 */
export function shellcheckIdentity(program = 'shellcheck', env: NodeJS.ProcessEnv = process.env): string | null {
  const found = findProgram(program, env);
  if (!found) return null;
  try {
    const real = realpathSync(found);
    const s = statSync(real);
    return `${real}:${s.size}:${s.mtimeMs}`;
  } catch {
    return null;
  }
}

interface Json1Comment {
  file: string;
  line: number;
  endLine: number;
  column: number;
  endColumn: number;
  level: string;
  code: number;
  message: string;
}

/** ShellCheck's answer for one input text (its comments without the file name), or why there is none. */
interface ScriptResult {
  comments: Omit<Json1Comment, 'file'>[];
  skipped?: 'time' | 'memory';
}

const LEVELS: Record<string, Severity> = { error: 'error', warning: 'warning', info: 'info', style: 'style' };

/** The text ShellCheck receives for one job, and how many lines precede the script. */
export function shellcheckInput(job: ScriptJob): { text: string; headerLines: number } {
  const words = job.shell.trim().split(/\s+/);
  // `/usr/bin/env bash` names its shell in the second word.
  let program = words[0] || '/bin/sh';
  if (/(^|\/)env$/.test(program) && words[1]) program = words[1];
  const base = program.replace(/^.*\//, '');
  // A bare name (`# hadolint shell=bash`) gets a path: ShellCheck reports `#!bash` (SC2239).
  const shebang = DIALECTS.has(base) ? `#!${program.startsWith('/') ? program : `/bin/${base}`}` : '#!/bin/sh';
  // Only names ShellCheck could relate to the script (see mayMatter): each export line costs
  // ShellCheck time (the 8 proxy variables and the ARG/ENV names in scope made ~40% of its CPU on
  // the 200-file sample; docs/performance.md).
  const text = job.script.source.text;
  const scriptWords = new Set((text.match(/[A-Za-z_][A-Za-z0-9_]*/g) ?? []).map((w) => w.toLowerCase()));
  const names = [...new Set([...PROXY_VARIABLES, ...job.variables])].filter((n) => /^[A-Za-z_][A-Za-z0-9_]*$/.test(n) && mayMatter(n, scriptWords));
  const header = [shebang, ...names.map((n) => `export ${n}=1`)];
  return { text: header.join('\n') + '\n' + text + '\n', headerLines: header.length };
}

/**
 * Whether exporting `name` in the header can change what ShellCheck says about a script whose words
 * (identifier-like tokens, lower-cased) are `words`. A name assigned before the script matters for the
 * script's references to it (no SC2154) and for its spelling check: an unassigned reference is reported
 * as SC2153 "possible misspelling" when an assigned name is within edit distance 2 of it, a difference
 * of case counting 1 (ShellCheck's Analytics `getBestMatch`). So a name is kept when a word of the
 * script is within distance 2 of it ignoring case (a superset of both); other names only cost time.
 */
function mayMatter(name: string, words: ReadonlySet<string>): boolean {
  const n = name.toLowerCase();
  if (words.has(n)) return true;
  for (const w of words) if (Math.abs(w.length - n.length) <= 2 && editDistance(w, n, { transpositions: true, max: 2 }) <= 2) return true;
  return false;
}


/** Options of {@link shellcheckAnalyzer}. */
export interface ShellcheckOptions {
  /** The program (default `shellcheck` on PATH). */
  program?: string;
  /** Called once per analyser when the program is not installed. */
  onMissing?: () => void;
  /** Batch the scripts of concurrent `lint` calls into one process (see {@link shellcheckAnalyzer}). */
  batch?: boolean;
  /** CPU-time limit per process, ms (default {@link DEFAULT_TIMEOUT_MS}; rounded up to whole seconds). */
  timeoutMs?: number;
  /** Memory cap per process, MiB of data segment (default {@link DEFAULT_MEMORY_MB}). */
  memoryMb?: number;
  /** Results kept across runs (src/cli/cache.ts); none by default. */
  cache?: ResultCache | null;
}

/**
 * A script analyser that runs ShellCheck. There is no `--version` probe: a missing program shows on
 * the first real run, which saves one process start per lint run.
 *
 * With `batch`, the scripts of all `lint` calls that reach the analyser in the same turn of the event
 * loop (several files linted concurrently, as the CLI's workers do) go to one `shellcheck` process,
 * so its start-up is paid once per batch instead of once per Dockerfile.
 */
export function shellcheckAnalyzer(options: ShellcheckOptions = {}): ScriptAnalyzer {
  const program = options.program ?? 'shellcheck';
  const limits = { timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS, memoryMb: options.memoryMb ?? DEFAULT_MEMORY_MB };
  const cache = options.cache ?? null;
  let identity: string | null | undefined;
  let warned = false;
  let missing = false;
  /** Results by input text, for this analyser's lifetime (one CLI run). */
  const memo = new Map<string, Promise<ScriptResult>>();

  const tellMissing = (): void => {
    if (!warned) {
      warned = true;
      options.onMissing?.();
    }
  };

  const check = async (jobs: ScriptJob[]): Promise<Finding[][]> => {
    if (missing || (program === 'shellcheck' && !shellcheckAvailable())) {
      tellMissing();
      return jobs.map(() => []);
    }
    const inputs = jobs.map((job) => ({ job, ...shellcheckInput(job) }));
    const fresh: { text: string; key: string | null; resolve: (r: ScriptResult) => void; reject: (e: unknown) => void }[] = [];
    if (cache && identity === undefined) identity = shellcheckIdentity(program);
    for (const { text } of inputs) {
      if (memo.has(text)) continue;
      const key = cache && identity ? cacheKey(['shellcheck', identity, ARGS.join(' '), text]) : null;
      const stored = key ? cache!.get<ScriptResult>('sc', key) : undefined;
      if (stored && Array.isArray(stored.comments)) {
        memo.set(text, Promise.resolve(stored));
        continue;
      }
      let resolve!: (r: ScriptResult) => void;
      let reject!: (e: unknown) => void;
      const p = new Promise<ScriptResult>((res, rej) => ((resolve = res), (reject = rej)));
      p.catch(() => undefined);
      memo.set(text, p);
      fresh.push({ text, key, resolve, reject });
    }
    if (fresh.length > 0) {
      try {
        const results = await runLimited(program, fresh.map((f) => f.text), limits);
        fresh.forEach((f, i) => {
          f.resolve(results[i]);
          // A stop may come from a loaded machine: only complete answers are kept.
          if (f.key && !results[i].skipped) cache!.set('sc', f.key, results[i]);
        });
      } catch (e) {
        for (const f of fresh) {
          memo.delete(f.text);
          f.reject(e);
        }
        if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
        missing = true;
        if (program === 'shellcheck') available = false;
        return check(jobs);
      }
    }
    const out: Finding[][] = [];
    for (const input of inputs) {
      const result = await memo.get(input.text)!;
      out.push(findingsOf(result, input.job, input.headerLines, limits));
    }
    return out;
  };
  if (!options.batch) return async (jobs) => (await check(jobs)).flat();

  let pending: { jobs: ScriptJob[]; resolve: (f: Finding[]) => void; reject: (e: unknown) => void }[] = [];
  const flush = async (): Promise<void> => {
    const calls = pending;
    pending = [];
    for (let start = 0; start < calls.length; ) {
      // At most ~MAX_BATCH scripts per process (command-line length); whole calls only.
      let end = start;
      let n = 0;
      while (end < calls.length && (end === start || n + calls[end].jobs.length <= MAX_BATCH)) n += calls[end++].jobs.length;
      const group = calls.slice(start, end);
      start = end;
      try {
        const perJob = await check(group.flatMap((c) => c.jobs));
        let k = 0;
        for (const c of group) {
          c.resolve(perJob.slice(k, k + c.jobs.length).flat());
          k += c.jobs.length;
        }
      } catch (e) {
        for (const c of group) c.reject(e);
      }
    }
  };
  return (jobs) =>
    new Promise<Finding[]>((resolve, reject) => {
      if (pending.length === 0) setImmediate(() => void flush());
      pending.push({ jobs, resolve, reject });
    });
}

/** Scripts per `shellcheck` process in batch mode. */
const MAX_BATCH = 400;

/** The findings of one job from ShellCheck's answer for its input. */
function findingsOf(result: ScriptResult, job: ScriptJob, headerLines: number, limits: { timeoutMs: number; memoryMb: number }): Finding[] {
  if (result.skipped) {
    const why = result.skipped === 'time' ? `used more than ${Math.ceil(limits.timeoutMs / 1000)} s of CPU time` : `needed more than ${limits.memoryMb} MiB of memory`;
    return [
      {
        ruleId: SKIPPED_ID,
        severity: 'info',
        message: `ShellCheck ${why} on this RUN script and was stopped: its SC findings are missing`,
        range: job.instruction.range,
        instruction: job.instruction,
        url: engineFindingUrl(SKIPPED_ID),
      },
    ];
  }
  const out: Finding[] = [];
  const seen = new Set<string>();
  for (const c of result.comments) {
    // Findings about the lines shipshape added (shebang, exports) are not the Dockerfile's.
    if (c.line <= headerLines) continue;
    // Same code and message at another place is another finding (`echo $HOME $PATH`: two SC2086).
    const key = `${c.line}:${c.column}-${c.endLine}:${c.endColumn}|${c.code}|${c.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(toFinding(c, job, headerLines));
  }
  return out;
}

/**
 * ShellCheck's answers for `texts`, in order, in one process; when that process hits a limit, each
 * text again in a process of its own, so that only the scripts that hit it alone are skipped.
 */
async function runLimited(program: string, texts: string[], limits: { timeoutMs: number; memoryMb: number }): Promise<ScriptResult[]> {
  const batch = await runShellcheck(program, texts, limits);
  if (!('stopped' in batch)) return batch;
  if (texts.length === 1) return [{ comments: [], skipped: batch.stopped }];
  const out: ScriptResult[] = [];
  for (const t of texts) out.push(...(await runLimited(program, [t], limits)));
  return out;
}

/** Runs one `shellcheck` process over `texts`: the comments of each, or which limit stopped it. */
async function runShellcheck(program: string, texts: string[], limits: { timeoutMs: number; memoryMb: number }): Promise<ScriptResult[] | { stopped: 'time' | 'memory' }> {
  const dir = privateDir();
  try {
    const paths = texts.map((text, i) => {
      const path = join(dir, `run-${i}.sh`);
      writeFileSync(path, text, { mode: 0o600 });
      return path;
    });
    const r = await run(program, [...ARGS, ...paths], limits);
    if ('stopped' in r) return r;
    const byPath = new Map(paths.map((p, i) => [p, i]));
    const parsed = JSON.parse(r.stdout || '{"comments":[]}') as { comments: Json1Comment[] };
    const out: ScriptResult[] = texts.map(() => ({ comments: [] }));
    for (const { file, ...c } of parsed.comments) {
      const i = byPath.get(file);
      if (i !== undefined) out[i].comments.push(c);
    }
    return out;
  } finally {
    removeDir(dir);
  }
}

function toFinding(c: Omit<Json1Comment, 'file'>, job: ScriptJob, headerLines: number): Finding {
  const script = job.script.source;
  const lineStarts = [0];
  for (let i = script.text.indexOf('\n'); i !== -1; i = script.text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  const scriptOffset = (line: number, column: number): number => {
    const l = Math.min(Math.max(line - headerLines, 1), lineStarts.length);
    return Math.min((lineStarts[l - 1] ?? 0) + Math.max(column - 1, 0), script.text.length);
  };
  const startSrc = mapOffset(script, scriptOffset(c.line, c.column));
  const endSrc = Math.max(startSrc, mapOffset(script, scriptOffset(c.endLine, c.endColumn), true));
  const { text, lineStarts: fileLines } = job.file;
  return {
    ruleId: `SC${c.code}`,
    severity: LEVELS[c.level] ?? 'info',
    message: c.message,
    range: { start: positionAt(text, fileLines, startSrc), end: positionAt(text, fileLines, endSrc) },
    instruction: job.instruction,
    url: `https://www.shellcheck.net/wiki/SC${c.code}`,
  };
}

// ---------------------------------------------------------------------------------------------------
// Processes and temporary files, cleaned up on signals

/** `shellcheck` processes running in this thread. */
const children = new Set<ChildProcess>();
/** Temporary directories of this thread that still exist. */
const liveDirs = new Set<string>();
/** Where this thread makes its directories (a worker gets its parent's, see `useShellcheckTempRoot`). */
let tempParent: string | null = null;
let handlersInstalled = false;
/** True in a lint worker thread: signals reach the main thread only, which cleans up for it. */
let inWorker = false;

/**
 * The directory under which worker threads should make theirs: created once in the main thread and
 * removed by its signal and exit handlers, so that a worker's files go even when the worker cannot run.
 */
export function shellcheckTempRoot(): string {
  if (tempParent) return tempParent;
  const dir = mkdtempSync(join(tmpdir(), 'shipshape-sc-'));
  liveDirs.add(dir);
  installHandlers();
  tempParent = dir;
  return dir;
}

/** In a worker thread: make temporary directories under `dir` (from {@link shellcheckTempRoot}). */
export function useShellcheckTempRoot(dir: string): void {
  tempParent = dir;
  inWorker = true;
}

function privateDir(): string {
  // mkdtemp makes the directory 0700: other users cannot read the scripts.
  const dir = mkdtempSync(join(tempParent ?? tmpdir(), 'shipshape-sc-'));
  liveDirs.add(dir);
  installHandlers();
  return dir;
}

function removeDir(dir: string): void {
  try {
    // A worker thread may still add a file while the main thread removes its directories on a
    // signal (ENOTEMPTY): retry, and keep the directory listed for the exit handler otherwise.
    rmSync(dir, { recursive: true, force: true, maxRetries: 3, retryDelay: 5 });
    liveDirs.delete(dir);
  } catch {
    /* best effort */
  }
}

const SIGNALS: Record<string, number> = { SIGINT: 2, SIGTERM: 15, SIGHUP: 1 };

function installHandlers(): void {
  // Signals reach only the main thread; it cleans up for its workers too (see killChildren).
  if (handlersInstalled || inWorker) return;
  handlersInstalled = true;
  process.on('exit', cleanUp);
  for (const [signal, number] of Object.entries(SIGNALS)) {
    process.once(signal, () => {
      cleanUp();
      // The conventional status of a process ended by a signal.
      process.exit(128 + number);
    });
  }
}

/** Kills every `shellcheck` process of this process and removes every temporary directory. */
function cleanUp(): void {
  killChildren();
  for (const dir of [...liveDirs]) removeDir(dir);
}

function killChildren(): void {
  for (const c of children) c.kill('SIGKILL');
  // Processes started by worker threads: on Linux, /proc lists the children of each thread. Only our
  // own `shellcheck` runs are killed (recognised by their arguments).
  let tasks: string[] = [];
  try {
    tasks = readdirSync('/proc/self/task');
  } catch {
    return;
  }
  for (const t of tasks) {
    let pids: string[] = [];
    try {
      pids = readFileSync(`/proc/self/task/${t}/children`, 'utf8').trim().split(/\s+/).filter(Boolean);
    } catch {
      continue;
    }
    for (const pid of pids) {
      try {
        const argv = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
        if (argv.includes('--norc') && argv.includes('json1')) process.kill(Number(pid), 'SIGKILL');
      } catch {
        /* gone */
      }
    }
  }
}

/**
 * Runs `program args` with the limits: stdout, or which limit stopped it. ENOENT (as an error with
 * that code) when the program does not exist.
 */
function run(program: string, args: string[], limits: { timeoutMs: number; memoryMb: number }): Promise<{ stdout: string } | { stopped: 'time' | 'memory' }> {
  return new Promise((resolve, reject) => {
    const env = { ...process.env };
    delete env.SHELLCHECK_OPTS;
    // The memory cap: RLIMIT_DATA, which GHC's allocator respects (its address-space reservation does
    // not count), set by a shell that then becomes the program.
    const capped = process.platform !== 'win32';
    const cpuSeconds = Math.max(1, Math.ceil(limits.timeoutMs / 1000));
    const child = capped
      ? spawn('/bin/sh', ['-c', `ulimit -d ${limits.memoryMb * 1024} 2>/dev/null; ulimit -t ${cpuSeconds} 2>/dev/null; exec "$0" "$@"`, program, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env })
      : spawn(program, args, { stdio: ['ignore', 'pipe', 'pipe'], env });
    children.add(child);
    let out = '';
    let err = '';
    let timedOut = false;
    // Without `ulimit` (Windows) the wall clock is the only limit.
    const timer = setTimeout(
      () => {
        timedOut = true;
        child.kill('SIGKILL');
      },
      capped ? cpuSeconds * 10_000 : limits.timeoutMs,
    );
    child.stdout!.setEncoding('utf8').on('data', (d: string) => (out += d));
    child.stderr!.setEncoding('utf8').on('data', (d: string) => (err += d));
    child.on('error', (e) => {
      clearTimeout(timer);
      children.delete(child);
      reject(e);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      children.delete(child);
      // RLIMIT_CPU: SIGXCPU at the soft limit (SIGKILL at a lower hard limit).
      if (timedOut || signal === 'SIGXCPU' || (capped && signal === 'SIGKILL')) return resolve({ stopped: 'time' });
      // ShellCheck exits 1 when it found something; other codes are failures.
      if (code === 0 || code === 1) return resolve({ stdout: out });
      // The shell could not find the program: as spawn's ENOENT.
      if (capped && code === 127) return reject(Object.assign(new Error(`${program}: not found`), { code: 'ENOENT' }));
      if (signal === 'SIGABRT' || signal === 'SIGSEGV' || /memory|heap/i.test(err)) return resolve({ stopped: 'memory' });
      reject(new Error(`shellcheck exited with ${code ?? signal}: ${err.trim().split('\n')[0]}`));
    });
  });
}
