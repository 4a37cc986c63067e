/**
 * The worker side of src/cli/pool.ts: lints the chunks of files it is sent and answers with plain data.
 */
import { defaultRules } from '../rules/registry.js';
import { ResultCache } from './cache.js';
import { cachedLintFile } from './file-cache.js';
import { useNodeGrammar } from './grammar-node.js';
import { ContextCache, lintFile } from './lint-file.js';
import type { WorkerRequest, WorkerResponse, WorkerSetup } from './pool.js';
import { shellcheckAnalyzer, useShellcheckTempRoot } from './shellcheck.js';

/**
 * Runs the worker loop in a worker thread started by `lintInWorkers`.
 * @returns false (and does nothing) outside a worker thread.
 */
export async function runWorker(): Promise<boolean> {
  const { parentPort, workerData } = await import('node:worker_threads');
  const port = parentPort;
  if (!port) return false;
  useNodeGrammar();
  const setup = workerData as WorkerSetup;
  const { config } = setup;
  useShellcheckTempRoot(setup.scTempRoot);
  let warnings: string[] = [];
  const cache = setup.cacheDir ? new ResultCache(setup.cacheDir, (m) => warnings.push(m)) : null;
  // The main thread reports a missing ShellCheck once; workers stay silent.
  const shellcheck = shellcheckAnalyzer({ batch: true, cache });
  const contexts = new ContextCache();
  const ready = defaultRules();
  port.on('message', async (m: WorkerRequest) => {
    await ready;
    const outcomes = await Promise.all(
      m.jobs.map((job) => (cache ? cachedLintFile(job, config, shellcheck, contexts, cache, setup.scIdentity) : lintFile(job, config, shellcheck, contexts))),
    );
    port.postMessage({
      chunk: m.chunk,
      outcomes: outcomes.map((o) => (o.ok ? o : { ok: false, error: plainError(o.error) })),
      warnings: warnings.length ? warnings : undefined,
    } satisfies WorkerResponse);
    warnings = [];
  });
  return true;
}

function plainError(e: unknown): { message: string; code?: string; name?: string } {
  if (e instanceof Error) return { message: e.message, code: (e as NodeJS.ErrnoException).code, name: e.name };
  return { message: String(e) };
}
