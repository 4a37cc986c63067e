/**
 * A real build of a Dockerfile written by `shipshape init`, with buildah (no daemon:
 * `--storage-driver vfs --isolation chroot`), then checks on the built image: `manage.py check`, the
 * collected static files, the non-root user, no placeholder secret left in the image's config or history,
 * and the image's own HEALTHCHECK command passing against its own CMD.
 *
 * No registry or PyPI is reachable here, so realbuild/make-standin.sh makes a stand-in for the pinned
 * `python:<version>-slim-bookworm` base (Debian's python3 in a bookworm rootfs, made with mmdebstrap) and a
 * wheelhouse packed from Debian's Django, gunicorn and WhiteNoise; the stand-in's pip.conf reads /wheels,
 * bind-mounted with `buildah bud --volume`. The generated Dockerfile is built unchanged. Both are cached
 * (keyed by a hash of the scripts) in SHIPSHAPE_BUILD_CACHE (default /var/tmp/shipshape-init-build), whose
 * storage/ folder is a buildah storage of its own.
 *
 * The built image is kept as a docker-archive at <cache>/django-image.tar for the image-analysis tests.
 * Runs on one machine take turns (<cache>/lock), as they share the stand-in, the image name and the archive.
 *
 * Runs only as root with buildah and mmdebstrap installed (as in .ci/run); elsewhere it is skipped and
 * says why in the test name.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runShipshape } from '../helpers/cli.js';

const HERE = join(__dirname, 'realbuild');
const FIXTURE = join(__dirname, '../fixtures/init/pip-whitenoise');
const CACHE = process.env.SHIPSHAPE_BUILD_CACHE ?? '/var/tmp/shipshape-init-build';
const BASE = 'docker.io/library/python:3.11.10-slim-bookworm';
const IMAGE = 'localhost/shipshape-init-django:test';
/** A private vfs storage, so builds of other tools on the machine (and their clean-ups) never meet ours. */
const S = ['--root', join(CACHE, 'storage'), '--runroot', join(CACHE, 'run'), '--storage-driver', 'vfs'];

function missing(): string | null {
  if (process.platform !== 'linux') return 'not Linux';
  if (process.getuid?.() !== 0) return 'not running as root';
  for (const tool of ['buildah', 'mmdebstrap']) if (spawnSync('sh', ['-c', `command -v ${tool}`]).status !== 0) return `${tool} is not installed`;
  return null;
}
const skip = missing();

function buildah(args: string[], options: { input?: string } = {}): string {
  const r = spawnSync('buildah', [...S, ...args], { encoding: 'utf8', input: options.input, maxBuffer: 64 << 20 });
  if (r.status !== 0) throw new Error(`buildah ${args.join(' ')} failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

/** The stand-in base image and wheelhouse, rebuilt only when the scripts change. */
function standIn(): string {
  const key = createHash('sha256')
    .update(readFileSync(join(HERE, 'make-standin.sh')))
    .update(readFileSync(join(HERE, 'pack-wheels.py')))
    .update(BASE)
    .digest('hex')
    .slice(0, 16);
  const wheels = join(CACHE, `wheels-${key}`);
  const label = spawnSync('buildah', [...S, 'inspect', '--type', 'image', '--format', '{{index .OCIv1.Config.Labels "org.shipshape.test.standin"}}', BASE], { encoding: 'utf8' });
  if (label.status === 0 && label.stdout.trim() === key && existsSync(wheels) && readdirSync(wheels).length > 0) return wheels;
  mkdirSync(CACHE, { recursive: true });
  for (const old of readdirSync(CACHE)) if (old.startsWith('wheels-')) rmSync(join(CACHE, old), { recursive: true, force: true });
  const old = label.status === 0 ? buildah(['inspect', '--type', 'image', '--format', '{{.FromImageID}}', BASE]).trim() : null;
  execFileSync('bash', [join(HERE, 'make-standin.sh'), BASE, wheels, key, CACHE], { stdio: ['ignore', 'ignore', 'pipe'] });
  // The stand-in this run replaced has no other name: remove it so vfs storage does not grow per change.
  if (old) spawnSync('buildah', [...S, 'rmi', old], { encoding: 'utf8' });
  return wheels;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => resolve(port));
    });
  });
}

/**
 * Holds `<cache>/lock` (a directory: `mkdir` is atomic) until released: two test runs on one machine
 * share the stand-in, the image name and the archive, so they take turns. A lock whose owner process
 * is gone is taken over. Waits at most `timeoutMs`.
 */
function lockCache(timeoutMs: number): () => void {
  mkdirSync(CACHE, { recursive: true });
  const dir = join(CACHE, 'lock');
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      mkdirSync(dir);
      writeFileSync(join(dir, 'pid'), String(process.pid));
      return () => rmSync(dir, { recursive: true, force: true });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    let owner = 0;
    try {
      owner = Number(readFileSync(join(dir, 'pid'), 'utf8'));
    } catch {
      // being created or removed right now: look again
    }
    let alive = true;
    if (owner > 0) {
      try {
        process.kill(owner, 0);
      } catch (e) {
        alive = (e as NodeJS.ErrnoException).code === 'EPERM';
      }
    }
    if (!alive) rmSync(dir, { recursive: true, force: true });
    else if (Date.now() > deadline) throw new Error(`${dir} is held by process ${owner} for more than ${timeoutMs / 1000} s`);
    else Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 500);
  }
}

const tmp = mkdtempSync(join(tmpdir(), 'shipshape-init-build-'));
const containers: string[] = [];
let unlock: (() => void) | null = null;
afterAll(() => {
  for (const c of containers) spawnSync('buildah', [...S, 'rm', c]);
  rmSync(tmp, { recursive: true, force: true });
  unlock?.();
});

describe('a Dockerfile from shipshape init, really built with buildah', () => {
  it.skipIf(skip !== null)(`builds and runs the Django fixture${skip ? ` (skipped: ${skip})` : ''}`, { timeout: 20 * 60_000 }, async () => {
    unlock = lockCache(15 * 60_000);
    const wheels = standIn();
    const project = join(tmp, 'django');
    cpSync(FIXTURE, project, { recursive: true });
    const port = await freePort();
    const init = await runShipshape(['init', project, '--port', String(port), '--health-path', '/healthz'], tmp);
    expect(init.code).toBe(0);
    const dockerfile = readFileSync(join(project, 'Dockerfile'), 'utf8');
    expect(dockerfile).toContain(`FROM ${BASE.replace('docker.io/library/', '')} AS base`);

    // The Dockerfile exactly as written; HEALTHCHECK needs the docker format (OCI configs have no such field).
    // Without --layers each stage is committed once: on vfs every extra layer is a full copy of the rootfs.
    const previous = spawnSync('buildah', [...S, 'inspect', '--type', 'image', '--format', '{{.FromImageID}}', IMAGE], { encoding: 'utf8' });
    buildah(['bud', '--isolation', 'chroot', '--pull=never', '--format', 'docker', '--volume', `${wheels}:/wheels:ro`, '-t', IMAGE, project]);
    // The image of an earlier run now has no name: remove it so repeated runs do not fill the storage.
    const previousId = previous.status === 0 ? previous.stdout.trim() : '';
    if (previousId && previousId !== buildah(['inspect', '--type', 'image', '--format', '{{.FromImageID}}', IMAGE]).trim()) spawnSync('buildah', [...S, 'rmi', previousId]);

    const config = JSON.parse(buildah(['inspect', '--type', 'image', IMAGE])) as {
      Docker: { config: { User: string; Cmd: string[]; Env: string[]; Healthcheck?: { Test: string[] }; WorkingDir: string }; history: { created_by?: string }[] };
    };
    const c = config.Docker.config;
    expect(c.User).toBe('10001:10001');
    expect(c.Cmd).toEqual(['gunicorn', '--bind', `0.0.0.0:${port}`, 'mysite.wsgi:application']);
    expect(c.WorkingDir).toBe('/app');
    expect(c.Env).toContain('DJANGO_SETTINGS_MODULE=mysite.settings');
    expect(c.Env).toContain('PYTHONDONTWRITEBYTECODE=1');
    expect(c.Env.join('\n')).not.toMatch(/SECRET/);
    expect(c.Healthcheck?.Test[0]).toBe('CMD');
    // The placeholder key of collectstatic is in the RUN's command line only, never in ENV or ARG.
    expect(config.Docker.history.some((h) => h.created_by?.includes('collectstatic'))).toBe(true);

    const ctr = buildah(['from', '--pull-never', IMAGE]).trim();
    containers.push(ctr);
    const run = (cmd: string[], env: string[] = []): string =>
      buildah(['run', '--isolation', 'chroot', ...env.flatMap((e) => ['--env', e]), ctr, '--', ...cmd]);
    expect(run(['id', '-u']).trim()).toBe('10001');
    expect(run(['python', 'manage.py', 'check'], ['DJANGO_SECRET_KEY=test-only'])).toContain('System check identified no issues');
    // collectstatic ran in the build: the admin's and the app's files are in STATIC_ROOT, with WhiteNoise's manifest-free layout.
    expect(run(['ls', '/app/staticfiles/polls', '/app/staticfiles/admin/css']).split(/\s+/)).toEqual(expect.arrayContaining(['style.css', 'base.css']));
    // Nothing of the build context that .dockerignore excludes reached the image.
    expect(run(['sh', '-c', 'find /app -name __pycache__ -o -name Dockerfile -o -name .dockerignore'])).toBe('');

    // The image's CMD serves, and its HEALTHCHECK command (run as written) says healthy; then stopped.
    const probe = c.Healthcheck!.Test.slice(1);
    const served = run(
      ['sh', '-c', `"$@" & pid=$!; ok=1; for i in $(seq 1 50); do if ${probe.map(shellQuote).join(' ')}; then ok=0; break; fi; sleep 0.2; done; kill $pid; wait $pid 2>/dev/null; echo probe=$ok`, 'sh', ...c.Cmd],
      ['DJANGO_SECRET_KEY=test-only', 'DJANGO_ALLOWED_HOSTS=127.0.0.1'],
    );
    expect(served).toContain('probe=0');

    // Kept for the image-analysis tests (`shipshape image`): a docker-archive at a known path.
    const archive = join(CACHE, 'django-image.tar');
    rmSync(archive, { force: true });
    buildah(['push', IMAGE, `docker-archive:${archive}:${IMAGE}`]);
    expect(existsSync(archive)).toBe(true);
  });
});

function shellQuote(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}
