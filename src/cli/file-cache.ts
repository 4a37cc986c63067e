/**
 * Whole-file results in the results cache (src/cli/cache.ts): the findings of a Dockerfile are a pure
 * function of its text, the configuration, the code (shipshape build, ShellCheck binary) and what the
 * rules read from the build context. The first four are the key; the context reads are recorded while
 * linting (the listing, each file read, each existence test, the `.dockerignore`) and stored with the
 * entry, and a hit counts only when every one of them gives the same answer again. So a changed
 * `requirements.txt` or a new file in the context is a miss, while an unchanged tree is a hit.
 */
import type { BuildContext, LintConfig } from '../engine/types.js';
import type { ScriptAnalyzer } from '../engine/lint.js';
import { BUILD_ID, cacheKey, type ResultCache } from './cache.js';
import { lintFile, type ContextCache, type FileJob, type FileOutcome, type LintFileHooks } from './lint-file.js';

/** One recorded read of the build context and what it returned (hashed). */
type Dep = ['list', string] | ['read', string, string | null] | ['exists', string, boolean] | ['ignore', string | null];

interface Entry {
  deps: Dep[];
  findings: Extract<FileOutcome, { ok: true }>['findings'];
}

const listHashes = new WeakMap<string[], string>();
const hashList = (list: string[]): string => {
  let h = listHashes.get(list);
  if (!h) {
    h = cacheKey(list);
    listHashes.set(list, h);
  }
  return h;
};
const hashText = (t: string | null): string | null => (t === null ? null : cacheKey([t]));
const hashIgnore = (d: { path: string; content: string } | null): string | null => (d ? cacheKey([d.path, d.content]) : null);

/** A context that records what is asked of it into `deps` (each distinct question once). */
function recording(ctx: BuildContext, all: Dep[]): BuildContext {
  const seen = new Set<string>();
  const deps = {
    push(d: Dep): void {
      const k = JSON.stringify(d);
      if (!seen.has(k)) {
        seen.add(k);
        all.push(d);
      }
    },
  };
  return {
    listFiles: () => {
      const list = ctx.listFiles();
      deps.push(['list', hashList(list)]);
      return list;
    },
    readFile: (p) => {
      const c = ctx.readFile(p);
      deps.push(['read', p, hashText(c)]);
      return c;
    },
    exists: (p) => {
      const e = ctx.exists(p);
      deps.push(['exists', p, e]);
      return e;
    },
    dockerignore: () => {
      const d = ctx.dockerignore();
      deps.push(['ignore', hashIgnore(d)]);
      return d;
    },
  };
}

/** True when every recorded read gives the same answer in `ctx` now. */
function stillValid(deps: Dep[], ctx: BuildContext): boolean {
  for (const d of deps) {
    switch (d[0]) {
      case 'list':
        if (hashList(ctx.listFiles()) !== d[1]) return false;
        break;
      case 'read':
        if (hashText(ctx.readFile(d[1])) !== d[2]) return false;
        break;
      case 'exists':
        if (ctx.exists(d[1]) !== d[2]) return false;
        break;
      case 'ignore':
        if (hashIgnore(ctx.dockerignore()) !== d[1]) return false;
        break;
      default:
        return false;
    }
  }
  return true;
}

/**
 * `lintFile` through the cache. `scIdentity` identifies the ShellCheck in use (null: none installed,
 * or no analyser); `build` the code (default: this build); `hooks.parsed` as for `lintFile`. Results
 * with internal errors or a stopped ShellCheck are not stored.
 */
export async function cachedLintFile(
  job: FileJob,
  config: LintConfig,
  scriptAnalyzer: ScriptAnalyzer | undefined,
  contexts: ContextCache,
  cache: ResultCache,
  scIdentity: string | null,
  build: string = BUILD_ID,
  hooks: Pick<LintFileHooks, 'parsed'> = {},
): Promise<FileOutcome> {
  let key: string | null = null;
  const deps: Dep[] = [];
  const outcome = await lintFile(job, config, scriptAnalyzer, contexts, {
    ...hooks,
    lookup: (source) => {
      key = cacheKey(['file', build, scriptAnalyzer ? (scIdentity ?? 'none') : 'off', JSON.stringify(config), JSON.stringify({ buildArgs: job.buildArgs ?? null, target: job.target ?? null, buildContexts: job.buildContexts ?? null, contextDirs: job.contextDirs ?? null, doubtfulContext: job.doubtfulContext ?? false, maxContextFiles: job.maxContextFiles ?? null }), source]);
      const entry = cache.get<Entry>('file', key);
      if (entry && Array.isArray(entry.deps) && Array.isArray(entry.findings) && stillValid(entry.deps, contexts.get(job.contextDir, job.path, job.maxContextFiles))) return entry.findings;
      return undefined;
    },
    wrapContext: (ctx) => recording(ctx, deps),
  });
  // Reads of additional contexts are not recorded as dependencies: such results are not stored.
  if (outcome.ok && key && !job.contextDirs && !outcome.cached && !outcome.contextTruncated && outcome.internalErrors.length === 0 && !outcome.findings.some((f) => f.ruleId === 'shellcheck-skipped')) {
    cache.set('file', key, { deps, findings: outcome.findings } satisfies Entry);
  }
  return outcome;
}
