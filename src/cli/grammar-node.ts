/**
 * Node.js grammar source for the shell parser: resolves the wasm files of the installed
 * `web-tree-sitter` and `tree-sitter-bash` packages. Resolution starts at this module's URL, which
 * works both from `src/` (tsx, vitest) and from the esbuild bundle in `dist/` (both packages are kept
 * external, so they are found in the nearest `node_modules`).
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { setGrammarSource, type GrammarFiles } from '../shell/grammar.js';

/** Finds the wasm files of web-tree-sitter and tree-sitter-bash on disk. */
export function resolveNodeGrammarFiles(): GrammarFiles {
  const require = createRequire(import.meta.url);
  const bashWasm = require.resolve('tree-sitter-bash/tree-sitter-bash.wasm');
  // web-tree-sitter's package `exports` do not expose its wasm under the real file name, so take the
  // directory of its main module. 0.25 ships `tree-sitter.wasm`; later versions `web-tree-sitter.wasm`.
  const runtimeDir = dirname(require.resolve('web-tree-sitter'));
  const treeSitterWasm = ['tree-sitter.wasm', 'web-tree-sitter.wasm']
    .map((name) => join(runtimeDir, name))
    .find((path) => existsSync(path));
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
