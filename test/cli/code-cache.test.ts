/**
 * The V8 code cache of the bundle (scripts/bundle-loader.cjs → dist/loader.cjs): written by the first
 * `lint` run, used (not rewritten) by the next, and never a failure — a damaged, truncated or foreign
 * file, or a directory that cannot be written, gives the same report, no message and exit code.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { BIN as bin, ensureBundle, ROOT as root } from '../helpers/bundle.js';

vi.setConfig({ testTimeout: 300_000, hookTimeout: 300_000 });

const dir = mkdtempSync(join(tmpdir(), 'shipshape-code-cache-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
beforeAll(() => {
  ensureBundle();
  mkdirSync(join(dir, 'project'));
  writeFileSync(join(dir, 'project/Dockerfile'), 'FROM debian:12\nRUN apt-get update && apt-get install -y curl\nCMD ["curl", "--version"]\n');
});

let n = 0;
/** A fresh XDG_CACHE_HOME. */
const freshHome = (): string => {
  const d = join(dir, `xdg-${n++}`);
  mkdirSync(d);
  return d;
};

function lint(xdg: string, extra: string[] = [], env: NodeJS.ProcessEnv = {}): { status: number | null; stdout: string; stderr: string } {
  // No PATH entry for shellcheck is needed: the report is compared with itself.
  const r = spawnSync(process.execPath, [bin, 'lint', '-f', 'json', '--no-cache', ...extra, 'Dockerfile'], {
    cwd: join(dir, 'project'),
    encoding: 'utf8',
    env: { PATH: process.env.PATH, HOME: join(dir, 'no-home'), XDG_CACHE_HOME: xdg, NO_COLOR: '1', ...env },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The code cache files under a cache directory. */
const codeFiles = (cacheDir: string): string[] => {
  const d = join(cacheDir, 'v1/code');
  return existsSync(d) ? readdirSync(d).map((f) => join(d, f)) : [];
};

describe('the code cache of the bundle', () => {
  let expected: ReturnType<typeof lint>;
  beforeAll(() => {
    expected = lint(freshHome(), [], { SHIPSHAPE_NO_CODE_CACHE: '1' });
    expect(expected.stdout).toContain('DL3008');
  });

  it('is written by the first lint run and used, not rewritten, by the next', () => {
    const xdg = freshHome();
    expect(lint(xdg)).toEqual(expected);
    const [file, ...others] = codeFiles(join(xdg, 'shipshape'));
    expect(others).toEqual([]);
    expect(file).toMatch(/node\d+\.\d+\.\d+-\w+\.bin$/);
    const before = statSync(file);
    expect(before.size).toBeGreaterThan(100_000);
    expect(lint(xdg)).toEqual(expected);
    // A rejected cache would have been written again.
    expect(statSync(file).mtimeMs).toBe(before.mtimeMs);
    expect(statSync(file).ino).toBe(before.ino);
  });

  it.each([
    ['damaged in the middle', (b: Buffer) => Buffer.concat([b.subarray(0, b.length >> 1), Buffer.alloc(4096, 0x5a), b.subarray((b.length >> 1) + 4096)])],
    ['truncated', (b: Buffer) => b.subarray(0, b.length >> 1)],
    ['not a cache at all', () => Buffer.from('hello\n')],
  ])('a cache file %s is not used, gives the same report, and is replaced', (_what, damage) => {
    const xdg = freshHome();
    lint(xdg);
    const [file] = codeFiles(join(xdg, 'shipshape'));
    const good = readFileSync(file);
    const bad = damage(good);
    writeFileSync(file, bad);
    expect(lint(xdg)).toEqual(expected);
    const now = readFileSync(file);
    expect(now.equals(bad)).toBe(false);
    expect(now.length).toBeGreaterThan(100_000);
    expect(lint(xdg)).toEqual(expected);
  });

  it('a cache directory that cannot be written: the same report, no message', () => {
    const xdg = freshHome();
    writeFileSync(join(xdg, 'shipshape'), 'a regular file where the directory should be');
    expect(lint(xdg)).toEqual(expected);
    expect(lint(xdg)).toEqual(expected);
  });

  it('follows --cache-location; SHIPSHAPE_NO_CODE_CACHE=1 writes none; other commands write none', () => {
    const xdg = freshHome();
    const location = join(xdg, 'elsewhere');
    const r = lint(xdg, ['--cache-location', location]);
    expect(r.stdout).toBe(expected.stdout);
    expect(codeFiles(location)).toHaveLength(1);
    expect(codeFiles(join(xdg, 'shipshape'))).toEqual([]);
    lint(xdg, [], { SHIPSHAPE_NO_CODE_CACHE: '1' });
    spawnSync(process.execPath, [bin, '--version'], { env: { PATH: process.env.PATH, XDG_CACHE_HOME: xdg } });
    expect(codeFiles(join(xdg, 'shipshape'))).toEqual([]);
  });
});
