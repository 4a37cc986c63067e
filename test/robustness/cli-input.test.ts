/**
 * Bad input on the command line (extends test/cli/cli.test.ts, which covers a missing file, binary and
 * invalid UTF-8 files, empty and comment-only files one by one): every problem gets one clear line,
 * I/O problems exit 2, the other files are still linted, and no stack trace is printed without
 * --debug — in this process, through the real binary, and through its worker threads.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runShipshape, tempFolder } from '../helpers/cli.js';

const ROOT = join(import.meta.dirname, '../..');
const BIN = join(ROOT, 'bin/shipshape.cjs');
const { dir, write } = tempFolder('shipshape-badinput-');

const DEBUG = 'FROM busybox:1.36.1\nENV DEBUG=1\nUSER 1000\nCMD ["true"]\n';
const NO_STACK = /\n\s+at [^\n]*:\d+:\d+/;

beforeAll(() => {
  write('good/Dockerfile', DEBUG);
  write('bad/binary.Dockerfile', Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x00, 0x02]));
  write('bad/latin1.Dockerfile', Buffer.from('FROM alpine\nLABEL a="caf\xe9"\n', 'latin1'));
  write('bad/empty.Dockerfile', '');
  write('bad/comments.Dockerfile', '# only\n# comments\n');
  mkdirSync(join(dir, 'nothing-here/sub'), { recursive: true });
  write('nothing-here/README.md', 'no Dockerfile\n');
  // The binary and its worker threads run from the bundle: build it from the current sources.
  const b = spawnSync(process.execPath, [join(ROOT, 'scripts/build.mjs')], { cwd: ROOT, encoding: 'utf8' });
  if (b.status !== 0) throw new Error(`build failed: ${b.stderr}`);
});

const ALL = ['missing/Dockerfile', 'bad/binary.Dockerfile', 'bad/latin1.Dockerfile', 'bad/empty.Dockerfile', 'bad/comments.Dockerfile', 'nothing-here', 'good/Dockerfile'];

function expectClearErrors(code: number, stdout: string, stderr: string): void {
  expect(code).toBe(2);
  expect(stderr).toContain('missing/Dockerfile: no such file or directory');
  expect(stderr).toContain('bad/binary.Dockerfile: binary file');
  // Not UTF-8 but text: linted (issue 16), with the encoding as an info finding, not an input error.
  expect(stderr).not.toContain('bad/latin1.Dockerfile');
  expect(stderr).toContain('no Dockerfile found in nothing-here');
  expect(stderr).not.toMatch(NO_STACK);
  const findings = JSON.parse(stdout) as { file: string; code: string }[];
  // The good file is linted; empty and comment-only files are parse errors (DL1000), not crashes.
  expect(findings.some((f) => f.file === 'good/Dockerfile' && f.code === 'no-debug-mode')).toBe(true);
  expect(findings.filter((f) => f.file.startsWith('bad/') && f.file !== 'bad/latin1.Dockerfile').map((f) => `${f.file} ${f.code}`)).toEqual(['bad/empty.Dockerfile DL1000', 'bad/comments.Dockerfile DL1000']);
  expect(findings.filter((f) => f.file === 'bad/latin1.Dockerfile').map((f) => f.code)).toContain('file-encoding');
}

describe('bad input', () => {
  it('in-process: every problem reported, exit 2, the good file still linted, no stack trace', async () => {
    const r = await runShipshape(['lint', '-f', 'json', ...ALL], dir);
    expectClearErrors(r.code, r.stdout, r.stderr);
  });

  it('a directory with no Dockerfile alone is exit 2 with a clear message', async () => {
    const r = await runShipshape(['lint', 'nothing-here'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('shipshape: no Dockerfile found in nothing-here\n');
  });

  it('the binary: same messages and exit code; worker threads give the same report as one thread', () => {
    const many = [...ALL];
    for (let i = 0; i < 40; i++) many.push(write(`many/${i}.Dockerfile`, i % 7 === 0 ? Buffer.from([0, 1, 2]) : `${DEBUG}RUN echo ${i}\n`));
    const run = (jobs: string) => spawnSync(process.execPath, [BIN, 'lint', '-f', 'json', ...many], { cwd: dir, encoding: 'utf8', env: { ...process.env, HOME: dir, SHIPSHAPE_JOBS: jobs } });
    const seq = run('0');
    const pooled = run('2');
    for (const r of [seq, pooled]) {
      expectClearErrors(r.status ?? -1, r.stdout, r.stderr);
      expect(r.stderr).toContain('many/0.Dockerfile: binary file');
    }
    expect(pooled.stdout).toBe(seq.stdout);
    expect(pooled.stderr).toBe(seq.stderr);
  });

  it.skipIf(process.platform === 'win32')('permission denied: clear message, exit 2, other files linted (as an unprivileged user)', () => {
    const p = write('locked/Dockerfile', DEBUG);
    chmodSync(p, 0o000);
    try {
      const asRoot = process.getuid?.() === 0;
      if (asRoot) chmodSync(dir, 0o755); // mkdtemp makes it 0700: nobody could read the good file either
      // root reads anything: run the binary as `nobody` to get a real EACCES.
      const r = spawnSync(process.execPath, [BIN, 'lint', '-f', 'json', 'locked/Dockerfile', 'good/Dockerfile'], {
        cwd: dir,
        encoding: 'utf8',
        env: { PATH: process.env.PATH, HOME: dir },
        ...(asRoot ? { uid: 65534, gid: 65534 } : {}),
      });
      if (r.error || /EACCES.*(bin|dist|node_modules)|Cannot find module/.test(r.stderr)) return; // the checkout is not readable by nobody
      expect(r.stderr).toContain('locked/Dockerfile: permission denied');
      expect(r.stderr).not.toMatch(NO_STACK);
      expect(r.status).toBe(2);
      expect(JSON.parse(r.stdout).some((f: { file: string }) => f.file === 'good/Dockerfile')).toBe(true);
    } finally {
      chmodSync(p, 0o644);
    }
  });

  it('--debug is the only way to get a stack trace of an internal error', () => {
    // An unknown subcommand is a usage error (exit 2) with no trace either way.
    const r = spawnSync(process.execPath, [BIN, 'lintt'], { cwd: dir, encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).not.toMatch(NO_STACK);
  });
});
