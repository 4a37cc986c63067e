/**
 * Vite configuration of the browser playground (`npm run playground` serves it, `npm run
 * playground:build` writes the static site to dist/playground). The page runs the same engine as the
 * CLI (src/parse, shell, rules, engine, fix), in the browser, with no server behind it.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root: here,
  // Relative asset URLs: the built page works from any folder (a GitHub Pages project site, file server).
  base: './',
  build: {
    outDir: fileURLToPath(new URL('../dist/playground', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    // The wasm files are loaded by URL; keep them as files rather than inlining them.
    assetsInlineLimit: 0,
  },
  resolve: {
    // @balena/dockerignore (the .dockerignore matcher of src/context) calls Node's `path` (POSIX
    // behaviour is what Docker's matcher wants); the browser gets the same functions from path-browserify.
    alias: { path: 'path-browserify' },
  },
  server: { fs: { allow: [fileURLToPath(new URL('..', import.meta.url))] } },
  logLevel: 'warn',
});
