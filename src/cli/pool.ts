/**
 * Linting many files on worker threads: `os.availableParallelism()` workers (or `SHIPSHAPE_JOBS`),
 * each running the same bundle (dist/loader.cjs, the loader of dist/cli.cjs) in worker mode. Files are handed out in small chunks
 * as workers become free; results come back by index, so the report's order does not depend on
 * timing. Each worker lints its chunk concurrently, which lets the ShellCheck pass batch the chunk's
 * scripts into one `shellcheck` process.
 */
import { availableParallelism } from 'node:os';
import type { LintConfig } from '../engine/types.js';
import type { FileJob, FileOutcome } from './lint-file.js';
import { shellcheckIdentity, shellcheckTempRoot } from './shellcheck.js';

/**
 * The argument that marks a lint worker (src/cli/main.ts starts the worker loop when it sees it in
 * `process.argv`): an argument rather than `workerData`, so that a normal run never loads
 * `node:worker_threads` (~10 ms of start-up).
 */
export const WORKER_ARG = '--shipshape-lint-worker';

/** What the main thread sends a worker. */
export interface WorkerRequest {
  chunk: number;
  jobs: FileJob[];
}

/** What a worker answers. An `error` outcome carries the message and errno code of the read error. */
export interface WorkerResponse {
  chunk: number;
  outcomes: (FileOutcome | { ok: false; error: { message: string; code?: string; name?: string } })[];
  /** Warnings of the worker's results cache (at most one per worker). */
  warnings?: string[];
}

/** What a worker is started with. */
export interface WorkerSetup {
  config: LintConfig;
  /** Where the worker makes ShellCheck's temporary files (removed by this thread on signals). */
  scTempRoot: string;
  /** The results cache directory, or null for none. */
  cacheDir: string | null;
  /** The ShellCheck binary's identity (cache keys), null when absent. */
  scIdentity: string | null;
}

/** Options of {@link lintInWorkers}. */
export interface PoolOptions {
  /** The results cache directory (src/cli/cache.ts), or null/absent for none. */
  cacheDir?: string | null;
  /** Called once with the first warning of any worker's cache. */
  onWarning?: (message: string) => void;
  /**
   * Called with each file's outcome in the order of `jobs`, as soon as it and every file before it are
   * done; the outcomes are then not kept (the returned array is empty).
   */
  onOutcome?: (index: number, outcome: FileOutcome) => void;
}

/**
 * Chunks a worker holds at once: while it waits for ShellCheck on one, it lints the next, so both the
 * workers and the `shellcheck` processes keep the cores busy.
 */
const IN_FLIGHT = 2;

/** Files per message. */
const CHUNK = 16;

/**
 * How many workers to use for `files` files: none (lint in this thread) for few files, on a
 * single-core machine, or when this code does not run from the bundle (tsx, vitest: a worker could not
 * load TypeScript). `SHIPSHAPE_JOBS=N` overrides (`1` or `0`: no workers).
 */
export function workerCount(files: number, env: NodeJS.ProcessEnv, bundled = !import.meta.url.endsWith('.ts')): number {
  if (!bundled) return 0;
  const forced = env.SHIPSHAPE_JOBS === undefined ? NaN : Number(env.SHIPSHAPE_JOBS);
  const n = Number.isInteger(forced) && forced >= 0 ? forced : availableParallelism();
  if (n <= 1 || files < 2 * CHUNK) return 0;
  return Math.min(n, Math.ceil(files / CHUNK));
}

/**
 * Lints `jobs` on `n` workers. Outcomes are returned in the order of `jobs` (or handed to
 * `options.onOutcome` in that order); `onDone` is called with the number finished so far (progress).
 */
export async function lintInWorkers(jobs: FileJob[], config: LintConfig, n: number, onDone?: (finished: number) => void, options: PoolOptions = {}): Promise<FileOutcome[]> {
  const { Worker } = await import('node:worker_threads');
  // Workers' heaps, set before they start (V8 reads these when it makes an isolate): a young generation
  // of at most 4 MB per semi-space (default 16) and a heap that grows by 25% per major GC (default:
  // up to 4x) hold a 4,000-file batch at ~240 MB instead of ~390 MB for the same CPU time
  // (docs/performance.md). The main thread only gathers results meanwhile.
  const { setFlagsFromString } = await import('node:v8');
  setFlagsFromString('--max-semi-space-size=4');
  setFlagsFromString('--heap-growing-percent=25');
  const script = new URL(import.meta.url);
  const { onOutcome } = options;
  const outcomes: FileOutcome[] = onOutcome ? [] : new Array(jobs.length);
  const arrived = new Map<number, FileOutcome[]>();
  let emitted = 0;
  const chunks: number[] = [];
  for (let start = 0; start < jobs.length; start += CHUNK) chunks.push(start);
  const setup: WorkerSetup = {
    config,
    scTempRoot: shellcheckTempRoot(),
    cacheDir: options.cacheDir ?? null,
    scIdentity: options.cacheDir ? shellcheckIdentity() : null,
  };
  let next = 0;
  let finished = 0;
  let running = 0;
  let warned = false;
  type Worker = InstanceType<typeof import('node:worker_threads').Worker>;
  return new Promise((resolve, reject) => {
    const workers: Worker[] = [];
    const inFlight = new Map<Worker, number>();
    let failed = false;
    const fail = (e: unknown): void => {
      if (failed) return;
      failed = true;
      for (const w of workers) void w.terminate();
      reject(e instanceof Error ? e : new Error(String(e)));
    };
    const feed = (w: Worker): void => {
      while (next < chunks.length && (inFlight.get(w) ?? 0) < IN_FLIGHT) {
        const start = chunks[next++];
        inFlight.set(w, (inFlight.get(w) ?? 0) + 1);
        w.postMessage({ chunk: start, jobs: jobs.slice(start, start + CHUNK) } satisfies WorkerRequest);
      }
      if ((inFlight.get(w) ?? 0) === 0) {
        void w.terminate();
        if (--running === 0 && !failed) resolve(outcomes);
      }
    };
    for (let k = 0; k < n; k++) {
      const w = new Worker(script, { argv: [WORKER_ARG], workerData: setup });
      workers.push(w);
      running++;
      w.on('message', (m: WorkerResponse) => {
        if (onOutcome) {
          // Chunks are handed out in order and each worker holds at most IN_FLIGHT: few wait here.
          arrived.set(m.chunk, m.outcomes as FileOutcome[]);
          for (let ready = arrived.get(chunks[emitted]); ready; ready = arrived.get(chunks[emitted])) {
            const start = chunks[emitted++];
            arrived.delete(start);
            ready.forEach((o, i) => onOutcome(start + i, o));
          }
        } else m.outcomes.forEach((o, i) => (outcomes[m.chunk + i] = o as FileOutcome));
        finished += m.outcomes.length;
        if (m.warnings?.length && !warned) {
          warned = true;
          options.onWarning?.(m.warnings[0]);
        }
        onDone?.(finished);
        inFlight.set(w, (inFlight.get(w) ?? 1) - 1);
        feed(w);
      });
      w.on('error', fail);
      w.on('exit', (code) => {
        if (code !== 0 && !failed && next < chunks.length) fail(new Error(`a lint worker exited with code ${code}`));
      });
      feed(w);
    }
  });
}
