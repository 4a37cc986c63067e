/**
 * Finding Dockerfiles in a directory: `Dockerfile`, `Dockerfile.*`, `*.Dockerfile`, `*.dockerfile`,
 * `Containerfile` and `Containerfile.*`, skipping `.git` and `node_modules`, and skipping
 * `*.dockerignore` files that share the prefix.
 */
import { globSync } from 'tinyglobby';

const PATTERNS = ['**/Dockerfile', '**/Dockerfile.*', '**/*.Dockerfile', '**/*.dockerfile', '**/Containerfile', '**/Containerfile.*'];

/** Absolute paths of the Dockerfiles under `dir`, sorted. */
export function discoverDockerfiles(dir: string): string[] {
  const found = globSync(PATTERNS, {
    cwd: dir,
    absolute: true,
    dot: true,
    onlyFiles: true,
    ignore: ['**/node_modules/**', '**/.git/**', '**/*.dockerignore'],
  });
  return [...new Set(found)].sort();
}
