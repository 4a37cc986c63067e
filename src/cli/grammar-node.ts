/**
 * Node.js grammar source for the shell parser: resolves the wasm files of the installed
 * `web-tree-sitter` and `tree-sitter-bash` packages. Resolution starts at this module's URL, which
 * works both from `src/` (tsx, vitest) and from the esbuild bundle in `dist/` (both packages are kept
 * external, so they are found in the nearest `node_modules`).
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setGrammarSource, type GrammarFiles } from '../shell/grammar.js';

/**
 * The first `node_modules/<pkg>/<file>` that exists in this module's folder or one above it: the
 * folders Node's `require` searches, looked up directly. `require.resolve` finds the same files but
 * reads each package's `exports` through Node's ES module resolver, which cost a one-file run ~3 ms.
 */
function findInNodeModules(pkg: string, files: string[]): string | undefined {
  for (let dir = dirname(fileURLToPath(import.meta.url)); ; ) {
    for (const file of files) {
      const path = join(dir, 'node_modules', pkg, file);
      if (existsSync(path)) return path;
    }
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/**
 * Finds the wasm files of web-tree-sitter and tree-sitter-bash on disk: in the nearest `node_modules`
 * that holds them, else where `require.resolve` says (a layout without `node_modules` folders).
 * Throws (from `require.resolve`) when tree-sitter-bash is not installed.
 */
export function resolveNodeGrammarFiles(): GrammarFiles {
  // web-tree-sitter 0.25 ships `tree-sitter.wasm`; later versions `web-tree-sitter.wasm`. Its package
  // `exports` do not expose the former, so the fallback takes the directory of its main module.
  const runtimeNames = ['tree-sitter.wasm', 'web-tree-sitter.wasm'];
  let bashWasm = findInNodeModules('tree-sitter-bash', ['tree-sitter-bash.wasm']);
  let treeSitterWasm = findInNodeModules('web-tree-sitter', runtimeNames);
  if (bashWasm === undefined || treeSitterWasm === undefined) {
    const require = createRequire(import.meta.url);
    bashWasm ??= require.resolve('tree-sitter-bash/tree-sitter-bash.wasm');
    const runtimeDir = dirname(require.resolve('web-tree-sitter'));
    treeSitterWasm ??= runtimeNames.map((name) => join(runtimeDir, name)).find((path) => existsSync(path));
  }
  return treeSitterWasm ? { treeSitterWasm, bashWasm } : { bashWasm };
}

/**
 * Registers the Node.js grammar source (idempotent). Call before `loadShellParser()`. The files are
 * handed over as bytes, read synchronously: web-tree-sitter would otherwise read them with
 * `node:fs/promises`, whose loading (with `readline`) costs a short run a few milliseconds.
 */
export function useNodeGrammar(): void {
  setGrammarSource(async () => {
    const { treeSitterWasm, bashWasm } = resolveNodeGrammarFiles();
    return { treeSitterWasm: typeof treeSitterWasm === 'string' ? readFileSync(treeSitterWasm) : treeSitterWasm, bashWasm: typeof bashWasm === 'string' ? readFileSync(bashWasm) : bashWasm };
  });
}
