// dist/loader.cjs (written by scripts/build.mjs from this file): starts the CommonJS bundle dist/cli.cjs
// with a V8 code cache, so that a short run does not pay for parsing and compiling 2 MB of JavaScript.
// bin/shipshape.cjs requires it; it is CommonJS itself because an ES module entry costs a one-file run
// ~7 ms of Node's ESM loader (docs/performance.md). Worker threads start this file too.
//
// - The bundle is compiled with `vm.Script` and `cachedData`: functions compiled by an earlier `lint`
//   run (top level and every function that run called) are deserialised instead of compiled.
//   Node 20 has no `module.enableCompileCache()` (Node 22), and `vm.Script` is the only code-cache API
//   it has for code that is not a CommonJS module loaded by `require`.
// - The cache lives in `<cache dir>/v1/code/` (`--cache-location DIR`, else `$XDG_CACHE_HOME/shipshape`,
//   else `~/.cache/shipshape`), one file named by the build, the Node.js version, the architecture and
//   the process's V8 options (V8 rejects a cache made under other flags). `--no-cache` does not turn it
//   off (it is about results); `SHIPSHAPE_NO_CODE_CACHE=1` does.
// - Never a failure: a cache that is missing, unreadable, of another build or damaged is not used (V8
//   verifies its checksum: `--verify-snapshot-checksum`; without it a damaged cache crashes V8), and the
//   main thread of a `lint` run then writes a new one when it exits (atomically: a temporary name, then
//   rename). Errors of reading or writing it are ignored silently: it only saves time.
// - `--liftoff-only`: V8 compiles WebAssembly with its baseline compiler only. The optimising tier
//   cost a short run ~0.4 s (tree-sitter-bash's 1.36 MB grammar, compiled in background threads that
//   Node waits for at exit) and gave batches nothing measurable (docs/performance.md). Set before the
//   bundle compiles the wasm; worker threads share the process's flags. A `--liftoff…` or `--wasm…`
//   option on Node's command line (the bench's "default tiers" row) leaves the tiers alone.
'use strict';
const { mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } = require('node:fs');
const { createRequire } = require('node:module');
const { homedir } = require('node:os');
const { dirname, join, resolve } = require('node:path');
const { pathToFileURL } = require('node:url');
const { setFlagsFromString } = require('node:v8');
const { Script } = require('node:vm');

const BUILD_ID = '__SHIPSHAPE_BUILD_ID__';

if (!process.execArgv.some((a) => /^--(no-)?(liftoff|wasm)/.test(a))) setFlagsFromString('--liftoff-only');
// `--no-regexp-tier-up`: V8 compiles a regular expression to machine code at its first use instead of
// interpreting it once and compiling it at the second; a one-file run compiles ~160 of them twice
// otherwise (secretlint's scanners rebuild theirs on each scan). 3.6 ms less for the typical file
// (60 alternating runs); batches unchanged within noise (docs/performance.md).
if (!process.execArgv.some((a) => /^--(no-)?regexp/.test(a))) setFlagsFromString('--no-regexp-tier-up');
setFlagsFromString('--verify-snapshot-checksum');

const bundle = join(__dirname, 'cli.cjs');

/** The code cache file of this build, Node.js and V8 options, or null when there is none to use. */
function codeCacheFile() {
  if (process.env.SHIPSHAPE_NO_CODE_CACHE) return null;
  const argv = process.argv;
  let dir = null;
  for (let i = 2; i < argv.length; i++) {
    if (argv[i] === '--') break;
    if (argv[i] === '--cache-location' && i + 1 < argv.length) dir = resolve(argv[i + 1]);
    else if (argv[i].startsWith('--cache-location=')) dir = resolve(argv[i].slice('--cache-location='.length));
  }
  if (dir === null) {
    const xdg = process.env.XDG_CACHE_HOME;
    dir = join(xdg && xdg.startsWith('/') ? xdg : join(process.env.HOME || homedir(), '.cache'), 'shipshape');
  }
  const flags = process.execArgv.join(' ').replace(/[^\w.=-]+/g, '_').slice(0, 80);
  return join(dir, 'v1', 'code', `${BUILD_ID}-node${process.versions.node}-${process.arch}${flags ? `-${flags}` : ''}.bin`);
}

const cacheFile = codeCacheFile();
let cachedData;
if (cacheFile) {
  try {
    cachedData = readFileSync(cacheFile);
  } catch {
    /* none yet */
  }
}
// 'latin1' when the build found the bundle pure ASCII: the same string as UTF-8, without decoding
// (~1.5 ms less for 1.7 MB); else 'utf8'.
const source = readFileSync(bundle, '__SHIPSHAPE_BUNDLE_ENCODING__');
const script = new Script(`(function (exports, require, module, __filename, __dirname, __shipshapeModuleUrl) {${source}\n})`, {
  filename: bundle,
  cachedData,
});

// The main thread of a `lint` run writes the cache when it exits: by then it holds what linting compiled.
const isMain = !process.argv.includes('--shipshape-lint-worker');
if (cacheFile && isMain && (cachedData === undefined || script.cachedDataRejected) && process.argv[2] === 'lint') {
  process.once('exit', () => {
    try {
      const data = script.createCachedData();
      const dir = dirname(cacheFile);
      mkdirSync(dir, { recursive: true, mode: 0o700 });
      // Caches of other builds and Node.js versions pile up (~1.5 MB each): those not written for a
      // week go (one in use is simply written again by its next run).
      const weekAgo = Date.now() - 7 * 24 * 3600 * 1000;
      for (const f of readdirSync(dir)) {
        const p = join(dir, f);
        if (statSync(p).mtimeMs < weekAgo) rmSync(p, { force: true });
      }
      const tmp = `${cacheFile}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
      writeFileSync(tmp, data, { mode: 0o600 });
      renameSync(tmp, cacheFile);
    } catch {
      /* a cache that cannot be written only costs time */
    }
  });
}

// The bundle's `import.meta.url` is this file's URL: worker threads start it, and packages resolve
// from dist/.
const bundleModule = { exports: {} };
script.runInThisContext()(bundleModule.exports, createRequire(bundle), bundleModule, bundle, dirname(bundle), pathToFileURL(__filename).href);
