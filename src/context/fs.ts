/**
 * A build context on disk: the directory the builder would receive.
 *
 * Nothing outside the context is ever read, stat'ed or listed. Paths are resolved the way BuildKit
 * resolves context paths (its `FollowSymlinkInScope` over the context root): `..` never climbs above
 * the root, and a symlink is followed as if the root were `/` — `requirements.txt -> /etc/passwd` names
 * `<root>/etc/passwd`, and `-> ../../x` stops at the root. Only regular files are read (never a FIFO,
 * socket or device), up to MAX_READ bytes.
 */
import { closeSync, constants, fstatSync, lstatSync, openSync, readdirSync, readlinkSync, readSync, type Stats } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { BuildContext } from '../engine/types.js';

/** Directories never descended into when listing (they are large and never part of an image's intent). */
const SKIP_DIRS = new Set(['node_modules']);
/** Default upper bound on listed files, so a context such as `/` cannot stall a lint run. */
export const MAX_FILES = 50_000;
/** Larger context files are not read (treated as unreadable): rules read manifests and small secrets. */
const MAX_READ = 16 * 1024 * 1024;
/** Symlinks followed while resolving one path (Linux's own limit is 40). */
const MAX_LINKS = 40;

/** A build context on disk; `truncated()` says whether the listing stopped at MAX_FILES. */
export interface FsBuildContext extends BuildContext {
  /** True once `listFiles` has stopped at its limit (context rules then see only part of the context). */
  truncated(): boolean;
}

/**
 * Resolves a context path to an absolute path inside `root`, following symlinks in the scope of the
 * root (BuildKit's `FollowSymlinkInScope`).
 * @param rel a `/`-separated path relative to the context (a leading `/` or `..` is clamped to the root)
 * @returns the absolute path and its lstat (null when it does not exist), or null on a symlink loop
 *   or an error other than "does not exist"
 * @param absent tells, without an lstat, that a directory holds no entry of that name (true only when
 *   sure; the default never is)
 * @param wantPath false when only `stat` is used: the path of a missing entry is then not built ('')
 */
function resolveInContext(root: string, rel: string, absent: (dir: string, name: string) => boolean = () => false, wantPath = true): { path: string; stat: Stats | null } | null {
  const pending = rel.split(/[\\/]+/).filter((p) => p !== '' && p !== '.').reverse();
  const done: string[] = [];
  // `join(root, ...done)`, kept up to date instead of joined again for every part (a COPY of 2,000,000
  // sources spent more time in path.join than in lstat).
  let dir = join(root);
  let links = 0;
  while (pending.length > 0) {
    const part = pending.pop()!;
    if (part === '..') {
      done.pop();
      dir = join(root, ...done);
      continue;
    }
    let st: Stats | undefined;
    let full: string | null = null;
    try {
      // A missing entry gives undefined, not a thrown error: a COPY of 100,000 missing sources made
      // 100,000 ENOENT errors, stack traces included, which cost far more than the lstat calls.
      st = absent(dir, part) ? undefined : lstatSync((full = join(dir, part)), { throwIfNoEntry: false });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT' && (e as NodeJS.ErrnoException).code !== 'ENOTDIR') return null;
      st = undefined;
    }
    if (st === undefined) {
      // Does not exist: the rest of the path cannot exist either.
      return { path: wantPath ? join(dir, part, ...pending.reverse().filter((p) => p !== '..')) : '', stat: null };
    }
    full ??= join(dir, part);
    if (st.isSymbolicLink()) {
      if (++links > MAX_LINKS) return null;
      let target: string;
      try {
        target = readlinkSync(full);
      } catch {
        return null;
      }
      if (target.startsWith('/')) {
        done.length = 0;
        dir = join(root);
      }
      pending.push(...target.split('/').filter((p) => p !== '' && p !== '.').reverse());
      continue;
    }
    if (pending.length > 0 && !st.isDirectory()) return { path: wantPath ? join(dir, part, ...pending) : '', stat: null };
    done.push(part);
    dir = full;
  }
  const path = join(root, ...done);
  try {
    return { path, stat: lstatSync(path, { throwIfNoEntry: false }) ?? null };
  } catch {
    return { path, stat: null };
  }
}

/**
 * Reads a regular file without following a symlink at its last component (it was resolved before),
 * refusing anything that is not a regular file or is larger than `limit` bytes.
 * @returns the bytes, or null
 */
function readRegularFile(path: string, limit = MAX_READ): Buffer | null {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch {
    return null;
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile() || st.size > limit) return null;
    const buf = Buffer.alloc(st.size);
    let off = 0;
    while (off < st.size) {
      const n = readSync(fd, buf, off, st.size - off, off);
      if (n === 0) break;
      off += n;
    }
    return buf.subarray(0, off);
  } catch {
    return null;
  } finally {
    closeSync(fd);
  }
}

/**
 * Creates a context rooted at `root`. Listing is lazy (on first `listFiles`) and cached.
 * `node_modules` directories are reported as one entry `node_modules/` rather than walked; symlinks are
 * listed as entries and never descended into.
 * @param dockerfilePath the Dockerfile (absolute, or relative to the working directory), for the lookup of
 *   `<Dockerfile path>.dockerignore` beside it
 * @param maxFiles the listing stops after this many entries (`truncated()` then says so)
 */
export function fsContext(root: string, dockerfilePath?: string, maxFiles = MAX_FILES): FsBuildContext {
  // A directory asked about many times (a COPY of 100,000 sources) is read once: a name it does not
  // hold, in any case or Unicode normalisation (case-insensitive file systems), is missing without an
  // lstat. Any other name is still looked up, so results are those of lstat alone.
  const PROBES_BEFORE_LISTING = 64;
  const probes = new Map<string, number>();
  const listings = new Map<string, Set<string> | null>();
  const fold = (name: string): string => name.normalize('NFC').toLowerCase();
  const absent = (dir: string, name: string): boolean => {
    let names = listings.get(dir);
    if (names === undefined) {
      const n = (probes.get(dir) ?? 0) + 1;
      probes.set(dir, n);
      if (n < PROBES_BEFORE_LISTING) return false;
      try {
        names = new Set(readdirSync(dir).map(fold));
      } catch {
        names = null;
      }
      listings.set(dir, names);
    }
    return names !== null && !names.has(fold(name));
  };
  let listed: string[] | null = null;
  let truncated = false;
  const list = (): string[] => {
    if (listed) return listed;
    const out: string[] = [];
    const walk = (dir: string): void => {
      let entries;
      try {
        entries = readdirSync(dir, { withFileTypes: true });
      } catch {
        return;
      }
      for (const e of entries) {
        if (out.length >= maxFiles) {
          truncated = true;
          return;
        }
        const full = join(dir, e.name);
        const rel = relative(root, full).split(sep).join('/');
        if (e.isDirectory()) {
          if (SKIP_DIRS.has(e.name)) out.push(rel + '/');
          else walk(full);
        } else out.push(rel);
      }
    };
    walk(root);
    listed = out.sort();
    return listed;
  };
  const read = (p: string): string | null => {
    const r = resolveInContext(root, p, absent);
    if (!r || !r.stat?.isFile()) return null;
    return readRegularFile(r.path)?.toString('utf8') ?? null;
  };
  /** The ignore file BuildKit applies (see `BuildContext.dockerignore`). */
  const findIgnoreFile = (): { path: string; content: string } | null => {
    if (dockerfilePath) {
      // BuildKit (dockerui) reads `<Dockerfile path>.dockerignore` next to the Dockerfile first, from the
      // Dockerfile's own folder: `docker build -f docker/prod.Dockerfile .` reads
      // docker/prod.Dockerfile.dockerignore, not ./prod.Dockerfile.dockerignore.
      const own = resolve(dockerfilePath) + '.dockerignore';
      const rel = relative(root, own).split(sep).join('/');
      if (!rel.startsWith('../') && !isAbsolute(rel)) {
        const c = read(rel);
        if (c !== null) return { path: rel, content: c };
      } else {
        // A Dockerfile outside the context (`-f ../x/Dockerfile`): its ignore file is beside it, read as
        // a regular file (never through a symlink).
        const c = readRegularFile(own)?.toString('utf8') ?? null;
        if (c !== null) return { path: rel, content: c };
      }
    }
    const c = read('.dockerignore');
    return c === null ? null : { path: '.dockerignore', content: c };
  };
  // Read once, like the listing: rules, fixes and the results cache's check each ask for it.
  let ignoreFile: { path: string; content: string } | null | undefined;
  return {
    listFiles: list,
    truncated: () => truncated,
    readFile: read,
    exists: (p) => Boolean(resolveInContext(root, p, absent, false)?.stat),
    dockerignore: () => (ignoreFile === undefined ? (ignoreFile = findIgnoreFile()) : ignoreFile),
  };
}
