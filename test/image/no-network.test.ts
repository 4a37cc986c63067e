/**
 * `shipshape image` opens no socket: the real binary runs with a preload that makes every way of
 * opening one (TCP/IPC connect, UDP, DNS look-ups) end the process with exit code 99. A control run
 * proves the preload catches a connection.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeLayout } from '../helpers/oci.js';

const root = join(__dirname, '../..');
const bin = join(root, 'bin/shipshape.cjs');
const dir = mkdtempSync(join(tmpdir(), 'shipshape-nonet-'));
const preload = join(dir, 'no-socket.cjs');

function newest(d: string): number {
  return Math.max(...readdirSync(d).map((f) => (statSync(join(d, f)).isDirectory() ? newest(join(d, f)) : statSync(join(d, f)).mtimeMs)));
}

beforeAll(async () => {
  const dist = join(root, 'dist/loader.cjs');
  let built = 0;
  try {
    built = statSync(dist).mtimeMs;
  } catch {
    built = 0;
  }
  if (built < newest(join(root, 'src'))) spawnSync(process.execPath, [join(root, 'scripts/build.mjs')], { cwd: root, stdio: 'inherit' });
  writeFileSync(
    preload,
    `const net = require('node:net'), dgram = require('node:dgram'), dns = require('node:dns');
const stop = (what) => () => { process.stderr.write('SOCKET ' + what + '\\n'); process.exit(99); };
net.Socket.prototype.connect = stop('connect');
dgram.Socket.prototype.bind = stop('udp bind');
dgram.Socket.prototype.send = stop('udp send');
dns.lookup = stop('dns lookup');
dns.promises.lookup = stop('dns lookup');
dns.resolve = stop('dns resolve');
`,
  );
  await writeLayout(join(dir, 'layout'), [{ layers: [{ files: [{ path: 'etc/hosts', content: '127.0.0.1 localhost\n' }] }, { files: [{ path: 'app/x', content: 'x' }] }] }]);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('shipshape image', () => {
  it('the preload stops a process that opens a socket (control)', () => {
    const r = spawnSync(process.execPath, ['-r', preload, '-e', "require('node:net').connect(9, '127.0.0.1')"], { encoding: 'utf8' });
    expect(r.status).toBe(99);
    expect(r.stderr).toContain('SOCKET connect');
  });

  it('analyses an image without opening any socket', () => {
    const r = spawnSync(process.execPath, ['-r', preload, bin, 'image', join(dir, 'layout'), '--json', '-', '--no-fail'], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    expect(r.stderr).not.toContain('SOCKET');
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).layers).toHaveLength(2);
  });

  it('reads an archive piped to standard input, without opening any socket', () => {
    const tar = spawnSync('tar', ['-C', join(dir, 'layout'), '-cf', '-', '.'], { maxBuffer: 1 << 26 }).stdout;
    const r = spawnSync(process.execPath, ['-r', preload, bin, 'image', '-', '-f', 'json', '--no-fail'], { input: tar, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).map((f: { code: string; file: string }) => [f.file, f.code])).toEqual([
      ['-', 'image-root-user'],
      ['-', 'image-no-healthcheck'],
    ]);
  });
});
