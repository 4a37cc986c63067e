// Bundles the CLI into one ESM file (dist/cli.mjs) so that start-up loads a single module; code
// reached only through a dynamic import (the language server, `shipshape lsp`) goes to its own chunk
// files in dist/, loaded only when used. Runs from `npm ci` (prepare) and `npm run build`.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));

// The build's identity for the results cache (src/cli/cache.ts): a hash of the sources and the locked
// dependencies, so a rebuilt bundle never reads results of a different build with the same version.
const hash = createHash('sha256');
for (const f of readdirSync(join(root, 'src'), { recursive: true }).map(String).sort()) {
  if (f.endsWith('.ts')) hash.update(f).update(readFileSync(join(root, 'src', f)));
}
hash.update(readFileSync(join(root, 'package-lock.json')));

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
  define: { SHIPSHAPE_BUILD_ID: JSON.stringify(hash.digest('hex').slice(0, 16)) },
  logLevel: 'warning',
});
