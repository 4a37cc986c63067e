// Bundles the CLI into one ESM file (dist/cli.mjs) so that start-up loads a single module.
// Runs from `npm ci` (prepare) and `npm run build`.
import { build } from 'esbuild';

await build({
  entryPoints: ['src/cli/main.ts'],
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  outfile: 'dist/cli.mjs',
  sourcemap: 'linked',
  banner: { js: "import { createRequire as __shipshapeCreateRequire } from 'node:module'; const require = __shipshapeCreateRequire(import.meta.url);" },
  external: ['web-tree-sitter', 'tree-sitter-bash'],
  logLevel: 'warning',
});
