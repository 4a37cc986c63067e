// Bundles the CLI into one ESM file (dist/cli.mjs) so that start-up loads a single module; code
// reached only through a dynamic import (the language server, `shipshape lsp`) goes to its own chunk
// files in dist/, loaded only when used. Runs from `npm ci` (prepare) and `npm run build`.
import { build } from 'esbuild';

await build({
  entryPoints: ['src/cli/main.ts'],
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  outdir: 'dist',
  entryNames: 'cli',
  chunkNames: 'chunk-[name]-[hash]',
  outExtension: { '.js': '.mjs' },
  splitting: true,
  sourcemap: 'linked',
  // CommonJS dependencies bundled into ESM expect `require`, `__filename` and `__dirname`
  // (write-file-atomic hashes `__filename` to name its temporary files).
  banner: {
    js: [
      "import { createRequire as __shipshapeCreateRequire } from 'node:module';",
      "import { fileURLToPath as __shipshapeFileURLToPath } from 'node:url';",
      "import { dirname as __shipshapeDirname } from 'node:path';",
      'const require = __shipshapeCreateRequire(import.meta.url);',
      'const __filename = __shipshapeFileURLToPath(import.meta.url);',
      'const __dirname = __shipshapeDirname(__filename);',
    ].join(' '),
  },
  external: ['web-tree-sitter', 'tree-sitter-bash'],
  logLevel: 'warning',
});
