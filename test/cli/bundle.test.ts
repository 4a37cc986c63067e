/**
 * The real binary (`bin/shipshape.cjs` → the esbuild bundle in dist/, built by `npm ci`'s prepare):
 * bugs that only the bundle had — `__filename` missing in ESM broke `--fix`; a closed pipe printed a
 * stack trace.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN as bin, ensureBundle, ROOT as root } from '../helpers/bundle.js';

const dir = mkdtempSync(join(tmpdir(), 'shipshape-bundle-'));

beforeAll(() => {
  // The bundle is built by `npm ci` (prepare); build it when a checkout has not.
  ensureBundle();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const run = (args: string[], input?: string): ReturnType<typeof spawnSync> =>
  spawnSync(process.execPath, [bin, ...args], { cwd: dir, encoding: 'utf8', input, env: { ...process.env, NO_COLOR: '1' } });

describe('the bundled binary', () => {
  it('--unsafe-fixes writes the fixed file', () => {
    writeFileSync(join(dir, 'Dockerfile'), 'FROM busybox:1.36.1\nENV DEBUG=1\nUSER 1000\n');
    const r = run(['lint', '--unsafe-fixes', 'Dockerfile']);
    expect(r.stderr).not.toContain('cannot write');
    expect(readFileSync(join(dir, 'Dockerfile'), 'utf8')).toBe('FROM busybox:1.36.1\nENV DEBUG=False\nUSER 1000\n');
  });
  it('ends quietly when the reader closes the pipe early', () => {
    const r = spawnSync('sh', ['-c', `"${process.execPath}" "${bin}" rules | head -1`], { encoding: 'utf8' });
    expect(r.stdout.split('\n').filter(Boolean)).toHaveLength(1);
    expect(r.stderr).not.toContain('EPIPE');
  });
  it("the package's bin is the CommonJS entry, and the old ES module entry still runs the same CLI", () => {
    // An ES module entry costs every run Node's ESM loader (~7 ms, docs/performance.md).
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { bin: Record<string, string> };
    expect(pkg.bin.shipshape).toBe('bin/shipshape.cjs');
    writeFileSync(join(dir, 'Dockerfile'), 'FROM debian:12\nRUN cd /tmp && echo hi\n');
    const viaCjs = run(['lint', '-f', 'json', '--no-cache', 'Dockerfile']);
    const viaMjs = spawnSync(process.execPath, [join(root, 'bin/shipshape.mjs'), 'lint', '-f', 'json', '--no-cache', 'Dockerfile'], { cwd: dir, encoding: 'utf8' });
    expect(viaCjs.status).toBe(1);
    expect(JSON.parse(String(viaCjs.stdout)).map((f: { code: string }) => f.code)).toContain('DL3003');
    expect(viaMjs.stdout).toBe(viaCjs.stdout);
  });
  it('does not load packages from node_modules that a lint does not use', () => {
    // fdir's optional `require("picomatch")` (outside the bundle) cost a one-file run ~4 ms; only
    // tree-sitter-bash's wasm is found in node_modules at run time.
    writeFileSync(join(dir, 'Dockerfile'), 'FROM debian:12\nRUN echo hi\n');
    const hook = join(dir, 'trace.cjs');
    writeFileSync(hook, "const M = require('module'); const orig = M._load; M._load = function (req, parent, isMain) { const r = orig.apply(this, arguments); if (!M.isBuiltin(req) && !req.startsWith('/') && !req.startsWith('.')) process.stderr.write('required ' + req + '\\n'); return r; };\n");
    // No code cache: `--require` is part of the cache's name, and this run would leave one behind.
    const r = spawnSync(process.execPath, ['--require', hook, bin, 'lint', '-f', 'json', '--no-cache', 'Dockerfile'], { cwd: dir, encoding: 'utf8', env: { ...process.env, SHIPSHAPE_NO_CODE_CACHE: '1' } });
    expect(r.status).toBe(1);
    expect(String(r.stderr).match(/^required .*/gm) ?? []).toEqual([]);
  });
  it('the loader reads the bundle as Latin-1 only when it is pure ASCII', () => {
    const encoding = /readFileSync\(bundle, '(\w+)'\)/.exec(readFileSync(join(root, 'dist/loader.cjs'), 'utf8'))?.[1];
    const ascii = !readFileSync(join(root, 'dist/cli.cjs')).some((b) => b > 0x7f);
    expect(encoding).toBe(ascii ? 'latin1' : 'utf8');
  });
  it('prints the version of package.json', () => {
    expect(String(run(['--version']).stdout).trim()).toBe(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version);
  });
});
