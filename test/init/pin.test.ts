/**
 * `shipshape init --pin` against a real registry on loopback (Debian's docker-registry, no auth), the
 * image pushed with skopeo: the FROM line carries the digest the registry serves (read independently
 * with skopeo), and the pinned Dockerfile still lints clean with every rule on. Skipped, saying so,
 * where docker-registry or skopeo is missing.
 */
import { execFile, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runShipshape } from '../helpers/cli.js';
import { writeLayout } from '../helpers/oci.js';
import { lintEverything } from './lint-everything.js';

const run = promisify(execFile);
const has = (cmd: string) => spawnSync(cmd, ['--version'], { encoding: 'utf8' }).status === 0;
const why = !has('docker-registry') ? 'docker-registry is not installed' : !has('skopeo') ? 'skopeo is not installed' : null;

const dir = mkdtempSync(join(tmpdir(), 'shipshape-init-pin-'));
let registry: ChildProcess | null = null;
let host = '';

beforeAll(async () => {
  if (why) return;
  const port = await new Promise<number>((res) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const p = (s.address() as { port: number }).port;
      s.close(() => res(p));
    });
  });
  host = `127.0.0.1:${port}`;
  writeFileSync(join(dir, 'registry.yml'), `version: 0.1\nlog:\n  level: error\nstorage:\n  filesystem:\n    rootdirectory: ${join(dir, 'data')}\nhttp:\n  addr: ${host}\n`);
  registry = spawn('docker-registry', ['serve', join(dir, 'registry.yml')], { stdio: 'ignore' });
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`http://${host}/v2/`)).ok) break;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  await writeLayout(join(dir, 'base'), [{ layers: [{ files: [{ path: 'etc/os-release', content: 'ID=debian\n' }] }] }]);
  await run('skopeo', ['copy', '-q', `oci:${join(dir, 'base')}`, `docker://${host}/python:3.11.10-slim-bookworm`, '--dest-tls-verify=false']);
}, 120_000);

afterAll(() => {
  registry?.kill('SIGTERM');
  rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(why)(`shipshape init --pin${why ? ` (skipped: ${why})` : ''}`, () => {
  it('pins the base image to the digest the registry serves', async () => {
    const raw = (await run('skopeo', ['inspect', '--raw', '--tls-verify=false', `docker://${host}/python:3.11.10-slim-bookworm`], { encoding: 'buffer' })).stdout;
    const digest = `sha256:${createHash('sha256').update(raw).digest('hex')}`;
    const project = join(dir, 'project');
    cpSync(join(__dirname, '../fixtures/init/pip-whitenoise'), project, { recursive: true });
    const r = await runShipshape(['init', project, '--pin', '--explain', '--base-image', `${host}/python:3.11.10-slim-bookworm`], dir);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`pinned ${host}/python:3.11.10-slim-bookworm  ${digest}`);
    expect(readFileSync(join(project, 'Dockerfile'), 'utf8')).toContain(`FROM ${host}/python:3.11.10-slim-bookworm@${digest} AS base\n`);
    expect(await lintEverything(project)).toEqual([]);
  });

  it("keeps the digest of the uv image the project's Dockerfile already pins (asks no registry for it)", async () => {
    const project = join(dir, 'uv-native');
    cpSync(join(__dirname, '../fixtures/init/uv-native'), project, { recursive: true });
    // ghcr.io is not reachable here: a request for the uv image would fail the run with exit 2.
    const r = await runShipshape(['init', project, '--pin', '--force', '--explain', '--base-image', `${host}/python:3.11.10-slim-bookworm`], dir);
    expect(r.stderr).not.toContain('--pin:');
    expect(r.code).toBe(0);
    const uv = 'ghcr.io/astral-sh/uv:0.9.2@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef';
    expect(r.stderr).toContain(`pinned ${uv}  (digest kept from the project)`);
    const text = readFileSync(join(project, 'Dockerfile'), 'utf8');
    expect(text).toContain(`COPY --from=${uv} /uv /usr/local/bin/uv\n`);
    expect(text).toMatch(/^FROM 127\.0\.0\.1:\d+\/python:3\.11\.10-slim-bookworm@sha256:[0-9a-f]{64} AS base$/m);
    expect(await lintEverything(project)).toEqual([]);
  });

  it('an unknown tag stops with one line and writes nothing', async () => {
    const project = join(dir, 'missing');
    cpSync(join(__dirname, '../fixtures/init/pip-whitenoise'), project, { recursive: true });
    const r = await runShipshape(['init', project, '--pin', '--base-image', `${host}/python:3.99.0-slim-bookworm`], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^shipshape init: --pin: .*python:3\.99\.0-slim-bookworm.*; run without --pin to keep the tag only\n$/);
    expect(() => readFileSync(join(project, 'Dockerfile'))).toThrow();
  });
});

describe('--base-image', () => {
  it('replaces the python image in the FROM line and must carry a tag', async () => {
    const project = join(dir, 'mirror');
    cpSync(join(__dirname, '../fixtures/init/pip-whitenoise'), project, { recursive: true });
    const ok = await runShipshape(['init', project, '--stdout', '--base-image', 'registry.example.com/mirror/python:3.11.10-slim-bookworm'], dir);
    expect(ok.stdout).toContain('FROM registry.example.com/mirror/python:3.11.10-slim-bookworm AS base\n');
    const bad = await runShipshape(['init', project, '--stdout', '--base-image', 'python'], dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('shipshape init: --base-image python: expected an image reference with a tag, such as registry.example.com/python:3.12.7-slim-bookworm\n');
  });
});
