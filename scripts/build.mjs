// Bundles the CLI into one CommonJS file, dist/cli.cjs, started by dist/cli.mjs (a copy of
// scripts/bundle-loader.mjs) with a V8 code cache: a one-file run then deserialises the functions it
// needs instead of parsing and compiling 2 MB of JavaScript (docs/performance.md). CommonJS rather than
// ESM because Node 20 can only cache code it compiles through `vm.Script`; one file because code
// reached through a dynamic import (the language server, `image`, `pin`, the rule registry) is
// bundled as a lazily initialised module and costs only the bytes it occupies until it is used.
// Runs from `npm ci` (prepare) and `npm run build`.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(import.meta.url);

// The build's identity for the results cache (src/cli/cache.ts) and the code cache: a hash of the
// sources, the loader and the locked dependencies, so a rebuilt bundle never reads results or compiled
// code of a different build with the same version.
const hash = createHash('sha256');
for (const f of readdirSync(join(root, 'src'), { recursive: true }).map(String).sort()) {
  if (f.endsWith('.ts')) hash.update(f).update(readFileSync(join(root, 'src', f)));
}
const loader = readFileSync(join(root, 'scripts/bundle-loader.mjs'), 'utf8');
hash.update(loader);
hash.update(readFileSync(join(root, 'package-lock.json')));
const buildId = hash.digest('hex').slice(0, 16);

// web-tree-sitter is bundled from its CommonJS build (its ESM build awaits at top level, which a
// CommonJS bundle cannot do); it finds its wasm through the path src/cli/grammar-node.ts passes.
// tree-sitter-bash stays outside: only its wasm file is used, found by require.resolve.
const webTreeSitterCjs = {
  name: 'web-tree-sitter-cjs',
  setup(b) {
    b.onResolve({ filter: /^web-tree-sitter$/ }, () => ({ path: require.resolve('web-tree-sitter') }));
  },
};

mkdirSync(join(root, 'dist'), { recursive: true });
for (const f of readdirSync(join(root, 'dist'), { withFileTypes: true }).filter((e) => e.isFile())) {
  // Chunks of the earlier ESM build (and old bundles) must not linger beside the new one.
  if (/^(chunk-|cli\.)/.test(f.name)) rmSync(join(root, 'dist', f.name));
}

await build({
  entryPoints: ['src/cli/main.ts'],
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  outfile: 'dist/cli.cjs',
  sourcemap: 'linked',
  // `import()` becomes `require()`: a script compiled by vm.Script cannot import without
  // --experimental-vm-modules.
  supported: { 'dynamic-import': false },
  external: ['tree-sitter-bash'],
  plugins: [webTreeSitterCjs],
  define: {
    SHIPSHAPE_BUILD_ID: JSON.stringify(buildId),
    // The loader's URL (dist/cli.mjs): worker threads start it, and packages resolve from dist/.
    'import.meta.url': '__shipshapeModuleUrl',
  },
  logLevel: 'warning',
});

// Node.js modules that a one-file `lint` rarely or never uses but that bundled code requires when it
// is evaluated (commander: child_process; the results cache and write-file-atomic: crypto; `image`:
// zlib and streams): each becomes a stand-in that loads the module on first use. Loading them all
// cost a short run ~15 ms of CPU. A namespace import (`__toESM(require(…))`) still loads at once.
const LAZY = ['child_process', 'crypto', 'zlib', 'stream', 'stream/promises', 'net', 'worker_threads', 'fs/promises', 'readline'];
const lazyRequire = new RegExp(`(?<![\\w$.]|__toESM2?\\()require\\("((?:node:)?(?:${LAZY.join('|').replace('/', '\\/')}))"\\)`, 'g');
const bundlePath = join(root, 'dist/cli.cjs');
const bundled = readFileSync(bundlePath, 'utf8');
const lazyHelper = [
  'var __shipshapeLazy = (id) => {',
  '  let m;',
  '  const load = () => (m ??= require(id));',
  '  return new Proxy({}, {',
  '    get: (_, k) => load()[k],',
  '    set: (_, k, v) => ((load()[k] = v), true),',
  '    has: (_, k) => k in load(),',
  '    ownKeys: () => Reflect.ownKeys(load()),',
  '    getOwnPropertyDescriptor: (_, k) => { const d = Reflect.getOwnPropertyDescriptor(load(), k); return d && { ...d, configurable: true }; },',
  '  });',
  '};',
].join(' ');
let lazyCount = 0;
const rewritten = bundled.replace(lazyRequire, (_, id) => (lazyCount++, `__shipshapeLazy(${JSON.stringify(id)})`));
if (lazyCount === 0) throw new Error('build: no require() of a lazily loaded Node.js module found; check the pattern');
// After the "use strict" line, so that line numbers move by none (the source map stays right).
writeFileSync(bundlePath, rewritten.replace(/^("use strict";)\n/, `$1 ${lazyHelper}\n`));
writeFileSync(join(root, 'dist/cli.mjs'), loader.replace('__SHIPSHAPE_BUILD_ID__', buildId));
