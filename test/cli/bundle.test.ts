/**
 * The real binary (`bin/shipshape.mjs` → the esbuild bundle in dist/, built by `npm ci`'s prepare):
 * bugs that only the bundle had — `__filename` missing in ESM broke `--fix`; a closed pipe printed a
 * stack trace.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = join(__dirname, '../..');
const bin = join(root, 'bin/shipshape.mjs');
const dir = mkdtempSync(join(tmpdir(), 'shipshape-bundle-'));

beforeAll(() => {
  // The bundle is built by `npm ci` (prepare); build it when a checkout has not.
  if (!existsSync(join(root, 'dist/cli.mjs'))) spawnSync(process.execPath, [join(root, 'scripts/build.mjs')], { cwd: root, stdio: 'inherit' });
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
  it('prints the version of package.json', () => {
    expect(String(run(['--version']).stdout).trim()).toBe(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version);
  });
});
