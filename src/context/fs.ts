/**
 * A build context on disk: the directory the builder would receive.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative, sep } from 'node:path';
import type { BuildContext } from '../engine/types.js';

/** Directories never descended into when listing (they are large and never part of an image's intent). */
const SKIP_DIRS = new Set(['node_modules']);
/** Upper bound on listed files, so a context such as `/` cannot stall a lint run. */
const MAX_FILES = 50_000;

/**
 * Creates a context rooted at `root`. Listing is lazy (on first `listFiles`) and cached.
 * `node_modules` directories are reported as one entry `node_modules/` rather than walked.
 * @param dockerfilePath the Dockerfile, for `<Dockerfile>.dockerignore` lookup.
 */
export function fsContext(root: string, dockerfilePath?: string): BuildContext {
  let listed: string[] | null = null;
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
        if (out.length >= MAX_FILES) return;
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
    try {
      const full = join(root, p);
      if (!statSync(full).isFile()) return null;
      return readFileSync(full, 'utf8');
    } catch {
      return null;
    }
  };
  return {
    listFiles: list,
    readFile: read,
    exists: (p) => {
      try {
        statSync(join(root, p));
        return true;
      } catch {
        return false;
      }
    },
    dockerignore: () => {
      const names = dockerfilePath ? [`${basename(dockerfilePath)}.dockerignore`, '.dockerignore'] : ['.dockerignore'];
      for (const name of names) {
        const c = read(name);
        if (c !== null) return { path: name, content: c };
      }
      return null;
    },
  };
}
