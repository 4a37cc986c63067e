/**
 * The results cache (src/cli/cache.ts, src/cli/file-cache.ts) through the real CLI bundle and a
 * `shellcheck` stand-in on PATH that logs each run and then runs the real program: hits, a miss for
 * each part of the key, a damaged cache, a cache that cannot be written, two runs at once. Every run
 * through the cache must print exactly what a run without it prints.
 */
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ResultCache, cacheDirFor, defaultCacheDir } from '../../src/cli/cache.js';
import { cachedLintFile } from '../../src/cli/file-cache.js';
import { ContextCache } from '../../src/cli/lint-file.js';
import { defaultConfig } from '../../src/engine/types.js';
import { BIN as bin, ensureBundle, ROOT as root } from '../helpers/bundle.js';

// Each test runs the CLI several times; on a loaded shared machine that takes minutes, not seconds.
vi.setConfig({ testTimeout: 600_000, hookTimeout: 600_000 });

const dir = mkdtempSync(join(tmpdir(), 'shipshape-cache-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
beforeAll(() => {
  ensureBundle();
});

const realShellcheck = spawnSync('sh', ['-c', 'command -v shellcheck'], { encoding: 'utf8' }).stdout.trim();

let n = 0;
const fresh = (name: string): string => {
  const d = join(dir, `${name}-${n++}`);
  mkdirSync(d, { recursive: true });
  return d;
};

/** Every file under `d` (relative paths). */
function files(d: string): string[] {
  if (!existsSync(d)) return [];
  return readdirSync(d, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name));
}

interface Spy {
  env: NodeJS.ProcessEnv;
  program: string;
  /** The number of `shellcheck` runs so far. */
  runs: () => number;
}

function spy(): Spy {
  const d = fresh('spy');
  const log = join(d, 'calls.log');
  const program = join(d, 'shellcheck');
  writeFileSync(program, `#!/bin/sh\necho "$*" >> '${log}'\nexec '${realShellcheck}' "$@"\n`);
  chmodSync(program, 0o755);
  return {
    env: { ...process.env, PATH: `${d}:${process.env.PATH}`, NO_COLOR: '1' },
    program,
    runs: () => (existsSync(log) ? readFileSync(log, 'utf8').split('\n').filter(Boolean).length : 0),
  };
}

const lintRun = (cwd: string, args: string[], env: NodeJS.ProcessEnv) =>
  spawnSync(process.execPath, [bin, 'lint', '-f', 'json', ...args], { cwd, env, encoding: 'utf8', timeout: 300_000 });

/** A project of `count` directories with a Dockerfile each (40: the CLI lints on worker threads). */
function project(count: number): string {
  const p = fresh('project');
  for (let i = 0; i < count; i++) {
    mkdirSync(join(p, `d${i}`));
    // Four different RUN scripts; every file different.
    writeFileSync(join(p, `d${i}`, 'Dockerfile'), `# service ${i}\nFROM python:3.12.1-slim\nCOPY . /app\nRUN echo $foo${i % 4} && cd /srv\n`);
  }
  return p;
}

describe.skipIf(!realShellcheck)('results cache', () => {
  describe.each([
    ['one file, in the main thread', 1],
    ['40 files on worker threads', 40],
  ])('%s', (_what, count) => {
    it('a second run is served from the cache and prints the same', () => {
      const s = spy();
      const p = project(count);
      const cache = join(p, '.cache');
      const plain = lintRun(p, ['--no-cache', '.'], s.env);
      const withoutCache = s.runs();
      expect(withoutCache).toBeGreaterThan(0);
      const first = lintRun(p, ['--cache-location', cache, '.'], s.env);
      const afterFirst = s.runs();
      expect(afterFirst).toBeGreaterThan(withoutCache);
      const second = lintRun(p, ['--cache-location', cache, '.'], s.env);
      expect(s.runs()).toBe(afterFirst); // no shellcheck at all
      for (const r of [first, second]) {
        expect(r.stderr).toBe('');
        expect(r.status).toBe(plain.status);
        expect(r.stdout).toBe(plain.stdout);
      }
      // Whole files are cached in both paths (the main thread's since this round).
      expect(files(join(cache, 'v1/file')).length).toBe(count);
    });

    it('misses when the file, the build context, the configuration or ShellCheck changes', () => {
      const s = spy();
      const p = project(count);
      const cache = join(p, '.cache');
      const run = (args: string[] = []) => lintRun(p, ['--cache-location', cache, ...args, '.'], s.env);
      /** A run through the cache: the shellcheck runs it made; and it prints what a run without the cache prints. */
      const check = (args: string[] = []): number => {
        const before = s.runs();
        const cached = run(args);
        const runs = s.runs() - before;
        const plain = lintRun(p, ['--no-cache', ...args, '.'], s.env);
        expect(cached.stdout).toBe(plain.stdout);
        expect(cached.stderr).toBe('');
        return runs;
      };
      run();
      const entries = files(cache).length;
      // The file: a changed RUN is checked again (one new script).
      writeFileSync(join(p, 'd0/Dockerfile'), 'FROM python:3.12.1-slim\nCOPY . /app\nRUN echo $bar\n');
      expect(check()).toBe(1);
      // The build context: a .dockerignore removes require-dockerignore from d0 only.
      writeFileSync(join(p, 'd0/.dockerignore'), '.git\n');
      const out = JSON.parse(run().stdout) as { code: string; file: string }[];
      expect(out.filter((f) => f.code === 'require-dockerignore').map((f) => f.file)).not.toContain('d0/Dockerfile');
      expect(check()).toBe(0);
      // The configuration: another severity for a rule changes the report (no new ShellCheck run:
      // its answers do not depend on the configuration).
      writeFileSync(join(p, 'conf.yaml'), 'override:\n  error:\n    - DL3003\n');
      const fileEntries = files(join(cache, 'v1/file')).length;
      expect(check(['-c', 'conf.yaml'])).toBe(0);
      expect(files(join(cache, 'v1/file')).length).toBe(fileEntries + count);
      expect(files(cache).length).toBeGreaterThan(entries);
      // ShellCheck: a new binary (here: a new modification time) is run again.
      expect(check()).toBe(0);
      utimesSync(s.program, new Date(), new Date(Date.now() + 5000));
      expect(check()).toBeGreaterThan(0);
    });
  });

  it('a new shipshape build misses (whole-file entries are keyed by the build)', async () => {
    const p = project(1);
    const cache = new ResultCache(join(p, '.cache'), (m) => {
      throw new Error(m);
    });
    const job = { path: join(p, 'd0/Dockerfile'), contextDir: join(p, 'd0') };
    const contexts = new ContextCache();
    const config = defaultConfig();
    const a = await cachedLintFile(job, config, undefined, contexts, cache, null, '1.0.0+aaaa');
    const b = await cachedLintFile(job, config, undefined, contexts, cache, null, '1.0.0+aaaa');
    const c = await cachedLintFile(job, config, undefined, contexts, cache, null, '1.0.1+bbbb');
    expect([a, b, c].map((o) => o.ok && Boolean(o.cached))).toEqual([false, true, false]);
    expect(b.ok && b.findings).toEqual(a.ok && a.findings);
  });

  it('a damaged cache: one warning, the same report, entries rewritten', () => {
    const s = spy();
    const p = project(40);
    const cache = join(p, '.cache');
    const plain = lintRun(p, ['--no-cache', '.'], s.env);
    lintRun(p, ['--cache-location', cache, '.'], s.env);
    const entries = files(cache);
    entries.forEach((f, i) => writeFileSync(f, i % 2 ? '{"key":"' : 'not json at all'));
    const damaged = lintRun(p, ['--cache-location', cache, '.'], s.env);
    expect(damaged.stdout).toBe(plain.stdout);
    expect(damaged.status).toBe(plain.status);
    expect(damaged.stderr.match(/warning: cache/g)).toHaveLength(1);
    expect(damaged.stderr).toMatch(/damaged entry/);
    const again = lintRun(p, ['--cache-location', cache, '.'], s.env);
    expect(again.stderr).toBe('');
    expect(again.stdout).toBe(plain.stdout);
  });

  it.each([
    ['a path below a regular file', (p: string) => (writeFileSync(join(p, 'plain'), ''), join(p, 'plain/cache'))],
    ['a read-only directory', (p: string) => (mkdirSync(join(p, 'ro')), chmodSync(join(p, 'ro'), 0o555), join(p, 'ro'))],
  ])('a cache that cannot be written (%s): one warning, the same report', (what, make) => {
    // root writes into a read-only directory anyway: run as `nobody` then.
    const asNobody = what === 'a read-only directory' && process.getuid?.() === 0;
    if (asNobody) chmodSync(dir, 0o755);
    for (const count of [1, 40]) {
      const p = project(count);
      if (asNobody) chmodSync(p, 0o755);
      const env = { PATH: process.env.PATH, HOME: p, NO_COLOR: '1' };
      const as = asNobody ? { uid: 65534, gid: 65534 } : {};
      const go = (args: string[]) => spawnSync(process.execPath, [bin, 'lint', '-f', 'json', ...args, '.'], { cwd: p, env, encoding: 'utf8', timeout: 300_000, ...as });
      const plain = go(['--no-cache']);
      if (plain.error || /EACCES|Cannot find module/.test(plain.stderr)) return; // the checkout is not readable by nobody
      const r = go(['--cache-location', make(p)]);
      expect(r.stdout).toBe(plain.stdout);
      expect(r.status).toBe(plain.status);
      expect(r.stderr.match(/warning: cache .*cannot write/g)).toHaveLength(1);
    }
  });

  it('two runs at once share the cache: both complete and print the same', async () => {
    const s = spy();
    const p = project(40);
    const cache = join(p, '.cache');
    const plain = lintRun(p, ['--no-cache', '.'], s.env);
    const both = await Promise.all(
      [0, 1].map(
        () =>
          new Promise<{ code: number | null; out: string; err: string }>((done) => {
            const c = spawn(process.execPath, [bin, 'lint', '-f', 'json', '--cache-location', cache, '.'], { cwd: p, env: s.env });
            let out = '';
            let err = '';
            c.stdout.on('data', (d) => (out += d));
            c.stderr.on('data', (d) => (err += d));
            c.on('close', (code) => done({ code, out, err }));
          }),
      ),
    );
    for (const r of both) expect(r).toEqual({ code: plain.status, out: plain.stdout, err: '' });
    expect(files(cache).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    const runs = s.runs();
    expect(lintRun(p, ['--cache-location', cache, '.'], s.env).stdout).toBe(plain.stdout);
    expect(s.runs()).toBe(runs);
  });

  it('the default location follows XDG_CACHE_HOME, then ~/.cache; --no-cache and sources-only runs have none', () => {
    expect(defaultCacheDir({ XDG_CACHE_HOME: '/x/cache', HOME: '/home/u' })).toBe('/x/cache/shipshape');
    expect(defaultCacheDir({ XDG_CACHE_HOME: 'relative', HOME: '/home/u' })).toBe('/home/u/.cache/shipshape');
    expect(defaultCacheDir({ HOME: '/home/u' })).toBe('/home/u/.cache/shipshape');
    expect(cacheDirFor({ cache: false, cacheLocation: 'c' }, '/w', {})).toBeNull();
    expect(cacheDirFor({ cacheLocation: 'c' }, '/w', {})).toBe('/w/c');
    // vitest runs the TypeScript sources: no default cache (an edited rule would not change the key)
    expect(cacheDirFor({}, '/w', { HOME: '/home/u' })).toBeNull();
  });

  it('the bundle uses $XDG_CACHE_HOME/shipshape by default', () => {
    const s = spy();
    const p = project(1);
    const xdg = join(p, 'xdg');
    lintRun(p, ['.'], { ...s.env, XDG_CACHE_HOME: xdg });
    expect(files(join(xdg, 'shipshape/v1/sc')).length).toBe(1);
  });
});
