/**
 * An in-memory build context: for tests, the playground and the conformance cases.
 */
import type { BuildContext } from '../engine/types.js';

/**
 * Creates a context from a map of relative `/`-separated paths to contents.
 * @param dockerfileName the Dockerfile's name, for `<name>.dockerignore` lookup (BuildKit ≥ 1.5 reads
 *   `Dockerfile.dockerignore`-style files next to the Dockerfile before `.dockerignore`).
 */
export function memoryContext(files: Record<string, string>, dockerfileName = 'Dockerfile'): BuildContext {
  const paths = Object.keys(files).map(normalise);
  const byPath = new Map(Object.entries(files).map(([k, v]) => [normalise(k), v]));
  const dirs = new Set<string>();
  for (const p of paths) {
    const parts = p.split('/');
    for (let i = 1; i < parts.length; i++) dirs.add(parts.slice(0, i).join('/'));
  }
  return {
    listFiles: () => [...paths].sort(),
    readFile: (p) => byPath.get(normalise(p)) ?? null,
    exists: (p) => byPath.has(normalise(p)) || dirs.has(normalise(p)) || normalise(p) === '',
    dockerignore: () => {
      for (const name of [`${dockerfileName}.dockerignore`, '.dockerignore']) {
        const c = byPath.get(name);
        if (c !== undefined) return { path: name, content: c };
      }
      return null;
    },
  };
}

function normalise(p: string): string {
  return p.replace(/\\/g, '/').replace(/^\.\/+/, '').replace(/^\/+/, '').replace(/\/+$/, '');
}
