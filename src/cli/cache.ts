/**
 * The results cache on disk, as ruff and ESLint keep one: lint results that are a pure function of
 * their inputs are stored under a hash of those inputs, so a second run over unchanged files does
 * almost no work.
 *
 * Layout: `<dir>/v1/<kind>/<first 2 hex>/<sha256 hex>.json`, one small JSON file per entry. `dir` is
 * `--cache-location`, else `$XDG_CACHE_HOME/shipshape`, else `~/.cache/shipshape`.
 *
 * - Every entry is written to a unique temporary name in its final directory and renamed into place
 *   (rename(2) is atomic on POSIX file systems), so concurrent runs sharing the cache never read half
 *   an entry; two runs writing the same entry write the same bytes.
 * - A damaged entry (not JSON, wrong shape, wrong key) is a miss; an entry that cannot be read or
 *   written makes the cache warn once (through `warn`) and carry on without it. The cache never fails a
 *   run.
 * - Entries are never pruned by shipshape; deleting the directory is always safe.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { VERSION } from './version.js';

declare const SHIPSHAPE_BUILD_ID: string | undefined;

/**
 * What identifies the code that made a result: the version plus, in the bundle, a hash of the sources
 * it was built from (scripts/build.mjs), so a rebuilt development version never reads the results of
 * an older build with the same version number.
 */
export const BUILD_ID = `${VERSION}+${typeof SHIPSHAPE_BUILD_ID === 'string' ? SHIPSHAPE_BUILD_ID : 'unbundled'}`;

/** The default cache directory for an environment (XDG base directory specification). */
export function defaultCacheDir(env: NodeJS.ProcessEnv): string {
  const xdg = env.XDG_CACHE_HOME;
  // The XDG spec: a relative XDG_CACHE_HOME is invalid and is ignored.
  const base = xdg && xdg.startsWith('/') ? xdg : join(env.HOME || homedir(), '.cache');
  return join(base, 'shipshape');
}

/**
 * The cache directory of a run: none with `--no-cache`; `--cache-location` (relative to `cwd`); else
 * the default, except when running from the TypeScript sources (tsx, tests), whose build identity
 * cannot tell an edited rule from the old one.
 */
export function cacheDirFor(opts: { cache?: boolean; cacheLocation?: string }, cwd: string, env: NodeJS.ProcessEnv): string | null {
  if (opts.cache === false) return null;
  if (opts.cacheLocation) return resolve(cwd, opts.cacheLocation);
  return BUILD_ID.endsWith('+unbundled') ? null : defaultCacheDir(env);
}

/** sha256 hex of the parts, each length-prefixed so that no two different lists hash alike. */
export function cacheKey(parts: readonly string[]): string {
  const h = createHash('sha256');
  for (const p of parts) h.update(`${p.length}:`).update(p).update('\0');
  return h.digest('hex');
}

/** Plain-JSON store of results by key; see the module comment for the layout and guarantees. */
export class ResultCache {
  private readonly root: string;
  private warned = false;
  private writable = true;
  private readonly made = new Set<string>();
  /** Entries read (hits) and written in this process; for tests and `--verbose`. */
  readonly stats = { hits: 0, misses: 0, writes: 0 };

  /**
   * @param dir the cache directory (created on first write).
   * @param warn called at most once, with a one-line message, when the cache cannot be used.
   */
  constructor(
    readonly dir: string,
    private readonly warn: (message: string) => void,
  ) {
    this.root = join(dir, 'v1');
  }

  private path(kind: string, key: string): string {
    return join(this.root, kind, key.slice(0, 2), `${key}.json`);
  }

  private problem(what: string, e: unknown): void {
    if (this.warned) return;
    this.warned = true;
    const code = (e as NodeJS.ErrnoException | null)?.code;
    this.warn(`cache ${this.dir}: ${what} (${code ?? (e instanceof Error ? e.message : String(e))}); continuing without it`);
  }

  /** The value stored under `key`, or undefined (missing, damaged, or unreadable). */
  get<T>(kind: string, key: string): T | undefined {
    let text: string;
    try {
      text = readFileSync(this.path(kind, key), 'utf8');
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT' && code !== 'ENOTDIR') this.problem('cannot read an entry', e);
      this.stats.misses++;
      return undefined;
    }
    try {
      const entry = JSON.parse(text) as { key?: unknown; value?: unknown };
      if (entry && entry.key === key && 'value' in entry) {
        this.stats.hits++;
        return entry.value as T;
      }
    } catch {
      /* damaged: a miss, rewritten below by the caller's set() */
    }
    this.problem('a damaged entry was ignored', new Error('not a cache entry'));
    this.stats.misses++;
    return undefined;
  }

  /** Stores `value` (plain JSON) under `key`; never throws. */
  set(kind: string, key: string, value: unknown): void {
    if (!this.writable) return;
    const final = this.path(kind, key);
    const dir = join(this.root, kind, key.slice(0, 2));
    const tmp = `${final}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
    try {
      if (!this.made.has(dir)) {
        mkdirSync(dir, { recursive: true });
        this.made.add(dir);
      }
      writeFileSync(tmp, JSON.stringify({ key, value }));
      renameSync(tmp, final);
      this.stats.writes++;
    } catch (e) {
      this.writable = false;
      try {
        rmSync(tmp, { force: true });
      } catch {
        /* never created */
      }
      this.problem('cannot write', e);
    }
  }
}
