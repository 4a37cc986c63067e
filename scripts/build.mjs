// Bundles the CLI into one CommonJS file, dist/cli.cjs, started by dist/loader.cjs (a copy of
// scripts/bundle-loader.cjs; dist/cli.mjs is an ES module that only loads it, for callers of the old
// path) with a V8 code cache: a one-file run then deserialises the functions it
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
const loader = readFileSync(join(root, 'scripts/bundle-loader.cjs'), 'utf8');
hash.update(loader);
// This script and its options shape the bundle too (a minified and a readable bundle differ).
hash.update(readFileSync(fileURLToPath(import.meta.url))).update(`minify=${process.env.MINIFY !== '0'}`);
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

// fdir (under tinyglobby) loads picomatch from node_modules, outside the bundle, when it is evaluated, in
// case a caller asks it for globbing; tinyglobby matches with its own bundled picomatch and never
// does. That require cost a one-file run ~4 ms (resolving and compiling five files): it goes.
const fdirWithoutPicomatch = {
  name: 'fdir-without-picomatch',
  setup(b) {
    b.onLoad({ filter: /[\\/]fdir[\\/]dist[\\/]index\.mjs$/ }, (args) => {
      const text = readFileSync(args.path, 'utf8');
      const optional = /__require\.resolve\("picomatch"\);\s*pm = __require\("picomatch"\);/;
      if (!optional.test(text)) throw new Error(`build: fdir's optional picomatch require not found in ${args.path}`);
      return { contents: text.replace(optional, ''), loader: 'js' };
    });
  },
};

mkdirSync(join(root, 'dist'), { recursive: true });
for (const f of readdirSync(join(root, 'dist'), { withFileTypes: true }).filter((e) => e.isFile())) {
  // Chunks of the earlier ESM build (and old bundles) must not linger beside the new one.
  if (/^(chunk-|cli\.|loader\.)/.test(f.name)) rmSync(join(root, 'dist', f.name));
}

await build({
  entryPoints: ['src/cli/main.ts'],
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  outfile: 'dist/cli.cjs',
  sourcemap: 'linked',
  // Less source to read, decode and scan for the functions the code cache does not hold (MINIFY=0
  // for a readable bundle). Identifiers keep their names: stack traces and `name`s stay readable.
  minifyWhitespace: process.env.MINIFY !== '0',
  minifySyntax: process.env.MINIFY !== '0',
  // `import()` becomes `require()`: a script compiled by vm.Script cannot import without
  // --experimental-vm-modules.
  supported: { 'dynamic-import': false },
  external: ['tree-sitter-bash'],
  plugins: [webTreeSitterCjs, fdirWithoutPicomatch],
  define: {
    SHIPSHAPE_BUILD_ID: JSON.stringify(buildId),
    // The loader's URL (dist/loader.cjs): worker threads start it, and packages resolve from dist/.
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
// A function declaration, hoisted: it goes after the code (before the source map comment) so that no
// line or column of the bundle moves and the source map stays right.
const lazyHelper = [
  'function __shipshapeLazy(id) {',
  '  let m;',
  '  const load = () => (m ??= require(id));',
  '  return new Proxy({}, {',
  '    get: (_, k) => load()[k],',
  '    set: (_, k, v) => ((load()[k] = v), true),',
  '    has: (_, k) => k in load(),',
  '    ownKeys: () => Reflect.ownKeys(load()),',
  '    getOwnPropertyDescriptor: (_, k) => { const d = Reflect.getOwnPropertyDescriptor(load(), k); return d && { ...d, configurable: true }; },',
  '  });',
  '}',
].join(' ');
let lazyCount = 0;
const rewritten = bundled.replace(lazyRequire, (_, id) => (lazyCount++, `__shipshapeLazy(${JSON.stringify(id)})`));
if (lazyCount === 0) throw new Error('build: no require() of a lazily loaded Node.js module found; check the pattern');
// The loader reads an ASCII bundle as Latin-1 (no UTF-8 decoding). esbuild escapes non-ASCII in code,
// but a kept comment (a readable build's, a licence) may have some: then the loader decodes UTF-8.
const bundleEncoding = /[^\x00-\x7f]/.test(rewritten) ? 'utf8' : 'latin1';
const mapComment = rewritten.lastIndexOf('\n//# sourceMappingURL=');
if (mapComment < 0) throw new Error('build: the bundle has no source map comment');
writeFileSync(bundlePath, `${rewritten.slice(0, mapComment)}\n${lazyHelper}${rewritten.slice(mapComment)}`);
writeFileSync(join(root, 'dist/loader.cjs'), loader.replace('__SHIPSHAPE_BUILD_ID__', buildId).replace('__SHIPSHAPE_BUNDLE_ENCODING__', bundleEncoding));
writeFileSync(join(root, 'dist/cli.mjs'), "// Loads the CLI's loader (dist/loader.cjs); bin/shipshape.cjs requires it directly.\nimport './loader.cjs';\n");
