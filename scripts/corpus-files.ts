/** The shared corpus (../shared/corpus beside the repository) and the Dockerfiles of each of its sets. */
import { readdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Absolute path of the shared corpus. */
export const CORPUS = join(root, '../shared/corpus');

function walk(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...walk(p));
    else out.push(p);
  }
  return out;
}

/**
 * Absolute paths of the Dockerfiles of one corpus set (`files`: curated, `templated`, `bulk`), sorted;
 * the curated set also holds .dockerignore files, which are left out.
 */
export function corpusFiles(set: 'files' | 'templated' | 'bulk'): string[] {
  const dir = join(CORPUS, set);
  return walk(dir)
    .filter((p) => !/\.dockerignore$|(^|[\\/_])\.?dockerignore$/.test(p))
    .sort();
}
