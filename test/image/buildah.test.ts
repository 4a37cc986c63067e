/**
 * `shipshape image` on images really built with buildah (no daemon: `--storage-driver vfs --isolation
 * chroot`, as root, in a private storage root) from a base made of busybox-static, exported as
 * `docker-archive:`, `oci-archive:` and `oci:`; the union filesystem is cross-checked against umoci's
 * unpack and the blob sizes against skopeo. Skipped, saying so, where buildah or root is missing.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync, copyFileSync, symlinkSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runImageCli } from '../../src/image/cli.js';
import { directorySource } from '../../src/image/archive.js';
import { loadImage } from '../../src/image/model.js';
import { analyse } from '../../src/image/analysis.js';

const has = (cmd: string) => spawnSync(cmd, ['--version'], { encoding: 'utf8' }).status === 0;
const busybox = ['/bin/busybox', '/usr/bin/busybox'].find((p) => existsSync(p));
const why = !has('buildah') ? 'buildah is not installed' : process.getuid?.() !== 0 ? 'not running as root' : !busybox ? 'busybox-static is not installed' : null;
if (why) console.warn(`test/image/buildah.test.ts skipped: ${why} (apt-get install buildah busybox-static umoci skopeo, run as root)`);

const dir = mkdtempSync(join(tmpdir(), 'shipshape-buildah-'));
const store = ['--root', join(dir, 'storage'), '--runroot', join(dir, 'run'), '--storage-driver', 'vfs'];
const buildah = (...args: string[]) => execFileSync('buildah', [...store, ...args], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });

const APP_DOCKERFILE = `FROM localhost/ss-base
ENV GITHUB_TOKEN=ghp_R2d2C3poBb8Kx7Lm4Nq9Ws1Ez6Yt0Uv5Hj3G
RUN mkdir -p /var/lib/apt/lists/partial && head -c 3000 /dev/zero > /var/lib/apt/lists/deb.debian.org_debian_dists_bookworm_main_binary-amd64_Packages
RUN head -c 50000 /dev/zero > /tmp/big && mkdir -p /opt/cache /opt/re && head -c 20000 /dev/zero > /opt/cache/a && head -c 10000 /dev/zero > /opt/cache/b && echo old > /opt/re/old
RUN rm /tmp/big && rm -rf /opt/cache /opt/re && mkdir /opt/re && echo new > /opt/re/new
RUN mkdir -p /usr/local/bin && echo x > /usr/local/bin/helper && chmod 4755 /usr/local/bin/helper
WORKDIR /app
COPY . /app
`;

const timings: Record<string, number> = {};

beforeAll(() => {
  if (why) return;
  const t0 = Date.now();
  // Base: busybox-static and its applet links, from scratch (no registry).
  const root = join(dir, 'base/rootfs');
  mkdirSync(join(root, 'bin'), { recursive: true });
  mkdirSync(join(root, 'tmp'), { recursive: true });
  copyFileSync(busybox!, join(root, 'bin/busybox'));
  for (const applet of execFileSync(busybox!, ['--list'], { encoding: 'utf8' }).split('\n').filter((a) => /^[\w.[-]+$/.test(a) && a !== 'busybox')) {
    if (!existsSync(join(root, 'bin', applet))) symlinkSync('busybox', join(root, 'bin', applet));
  }
  execFileSync('tar', ['-C', root, '-cf', join(dir, 'base/busybox.tar'), '.']);
  writeFileSync(join(dir, 'base/Dockerfile'), 'FROM scratch\nADD busybox.tar /\n');
  writeFileSync(join(dir, 'base/.dockerignore'), 'rootfs\n');
  buildah('bud', '--isolation', 'chroot', '--layers', '-t', 'localhost/ss-base', join(dir, 'base'));

  // App: a context with a .git, a private key and a Django settings.py (not a secret file).
  const ctx = join(dir, 'app');
  for (const d of ['.git', 'mysite', 'deploy']) mkdirSync(join(ctx, d), { recursive: true });
  writeFileSync(join(ctx, '.git/HEAD'), 'ref: refs/heads/main\n');
  writeFileSync(join(ctx, 'mysite/settings.py'), "SECRET_KEY = 'django-insecure-3k#z!u8q@7r2xv9p$w1m5n0b4c6d'\nDEBUG = False\n");
  writeFileSync(join(ctx, 'deploy/id_rsa'), '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n-----END OPENSSH PRIVATE KEY-----\n');
  writeFileSync(join(ctx, 'Dockerfile'), APP_DOCKERFILE);
  writeFileSync(join(ctx, '.dockerignore'), 'Dockerfile\n');
  buildah('bud', '--isolation', 'chroot', '--layers', '-t', 'localhost/ss-app', ctx);
  buildah('push', 'localhost/ss-app', `docker-archive:${join(dir, 'app-docker.tar')}`);
  buildah('push', 'localhost/ss-app', `oci-archive:${join(dir, 'app-oci.tar')}`);
  buildah('push', 'localhost/ss-app', `oci:${join(dir, 'app-oci')}:latest`);

  // Clean: non-root, with a HEALTHCHECK (Docker format keeps it), nothing wasted.
  const clean = join(dir, 'clean');
  mkdirSync(clean, { recursive: true });
  writeFileSync(join(clean, 'Dockerfile'), 'FROM localhost/ss-base\nUSER 1000\nHEALTHCHECK CMD true\n');
  buildah('bud', '--isolation', 'chroot', '--layers', '--format', 'docker', '-t', 'localhost/ss-clean', clean);
  buildah('push', 'localhost/ss-clean', `docker-archive:${join(dir, 'clean.tar')}`);
  // Squashed: buildah's default (no --layers) commits the whole build once, at its last instruction.
  const squashed = join(dir, 'squashed');
  mkdirSync(squashed, { recursive: true });
  writeFileSync(join(squashed, 'Dockerfile'), 'FROM localhost/ss-base\nRUN echo made > /made\nCMD ["sh"]\n');
  buildah('bud', '--isolation', 'chroot', '-t', 'localhost/ss-squashed', squashed);
  buildah('push', 'localhost/ss-squashed', `docker-archive:${join(dir, 'squashed.tar')}`);
  // Opaque directories: only the overlay driver writes them (vfs diffs name each deleted file).
  const ovl = ['--root', join(dir, 'ovl-storage'), '--runroot', join(dir, 'ovl-run'), '--storage-driver', 'overlay'];
  const opq = join(dir, 'opq');
  mkdirSync(opq, { recursive: true });
  writeFileSync(join(opq, 'Dockerfile'), 'FROM scratch\nADD busybox.tar /\nRUN mkdir -p /opt/re && echo old > /opt/re/old && echo gone > /opt/re/gone\nRUN rm -rf /opt/re && mkdir /opt/re && echo new > /opt/re/new\n');
  copyFileSync(join(dir, 'base/busybox.tar'), join(opq, 'busybox.tar'));
  writeFileSync(join(opq, '.dockerignore'), 'Dockerfile\n');
  const o = spawnSync('buildah', [...ovl, 'bud', '--isolation', 'chroot', '--layers', '-t', 'localhost/ss-opq', opq], { encoding: 'utf8' });
  if (o.status === 0) execFileSync('buildah', [...ovl, 'push', 'localhost/ss-opq', `oci:${join(dir, 'opq-oci')}:latest`], { stdio: 'ignore' });
  else overlayWhy = `the overlay storage driver does not work here (${o.stderr.trim().split('\n').pop()})`;
  spawnSync('buildah', [...ovl, 'rm', '--all'], { stdio: 'ignore' });
  spawnSync('buildah', [...ovl, 'rmi', '--all', '--force'], { stdio: 'ignore' });
  timings.build = Date.now() - t0;
}, 240_000);

let overlayWhy: string | null = null;

afterAll(() => {
  if (!why) spawnSync('buildah', [...store, 'rm', '--all'], { stdio: 'ignore' });
  rmSync(dir, { recursive: true, force: true });
  if (!why) console.info(`test/image/buildah.test.ts: building the test images took ${timings.build} ms`);
});

async function image(argv: string[]): Promise<{ code: number; report: any; findings: any[]; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const out = join(dir, `findings-${Math.random()}.json`);
  const code = await runImageCli([...argv, '--json', '-', '-f', 'json', '-o', out], {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    readStdin: async () => Buffer.alloc(0),
    cwd: dir,
    env: { HOME: dir },
    stdoutIsTTY: false,
    stderrIsTTY: false,
  });
  return { code, stderr, report: code === 2 ? null : JSON.parse(stdout), findings: code === 2 ? [] : JSON.parse(readFileSync(out, 'utf8')) };
}

describe.skipIf(why)('images built with buildah', () => {
  it('says so when a layer with files belongs to an instruction that writes none (a build without --layers)', async () => {
    const r = await image(['squashed.tar', '--dockerfile', 'squashed/Dockerfile']);
    expect(r.stderr).toContain('squashed.tar: a layer with files belongs to the history entry of `CMD` (squashed/Dockerfile:3), which writes no files: the image was built without --layers');
    const layered = await image(['app-docker.tar', '--dockerfile', 'app/Dockerfile']);
    expect(layered.stderr).not.toContain('writes no files');
  });
  it('the three export formats give the same analysis', async () => {
    const a = await image(['app-docker.tar']);
    const b = await image(['app-oci.tar']);
    const c = await image(['app-oci']);
    expect(a.stderr).toBe('');
    expect(a.report.kind).toBe('docker');
    expect(b.report.kind).toBe('oci');
    const strip = (r: any) => ({
      ...r,
      image: null,
      kind: null,
      layers: r.layers.map((l: any) => ({ ...l, digest: null, compression: null, compressedSize: null })),
      findings: r.findings.map((f: any) => ({ ...f, file: null })),
    });
    expect(strip(b.report)).toEqual(strip(a.report));
    expect(strip(c.report)).toEqual(strip(a.report));
    expect(a.findings.map((f: any) => [f.code, f.message])).toEqual(b.findings.map((f: any) => [f.code, f.message]));
  });

  it('finds what the app image ships, with values hidden and settings.py left alone', async () => {
    const r = await image(['app-docker.tar', '--dockerfile', 'app/Dockerfile']);
    expect(r.code).toBe(1);
    const at = (code: string) => r.findings.filter((f: any) => f.code === code).map((f: any) => `${f.file}:${f.line} ${f.message}`);
    expect(at('image-root-user')).toEqual([expect.stringMatching(/^app\/Dockerfile:1 The image runs as root \(config User is empty\)/)]);
    expect(at('image-no-healthcheck')).toHaveLength(1);
    const secrets = at('image-secret');
    expect(secrets).toEqual([
      expect.stringMatching(/^app\/Dockerfile:2 The image config's Env sets GITHUB_TOKEN to a GitHub token \(value not shown\)/),
      expect.stringMatching(/^app\/Dockerfile:8 \/app\/deploy\/id_rsa \(SSH private key\)/),
    ]);
    expect(JSON.stringify(r)).not.toContain('ghp_R2d2C3po');
    expect(at('image-package-cache')).toEqual([expect.stringMatching(/^app\/Dockerfile:3 Package manager cache left in the image: apt lists, 1 file\(s\), 3.0 kB/)]);
    expect(at('image-setuid')).toEqual([expect.stringMatching(/^app\/Dockerfile:6 .*\/usr\/local\/bin\/helper \(setuid\)/)]);
    expect(at('image-ignored-files')).toEqual([expect.stringMatching(/^app\/Dockerfile:8 \.git copied into the application directory \/app .*: \/app\/\.git;/)]);
    expect(at('image-wasted-bytes').join('\n')).toContain('most from layer 3');
  });

  it('applies the builder\'s whiteouts: waste per layer, and the final tree equals umoci\'s unpack', async () => {
    const r = await image(['app-oci', '--dockerfile', 'app/Dockerfile']);
    const [, , l3, l4] = r.report.layers;
    expect(l3.instruction).toEqual({ file: 'app/Dockerfile', line: 4 });
    expect(l3.wastedBytes).toBe(50_000 + 20_000 + 10_000 + 4);
    expect(l4.removed).toEqual(expect.arrayContaining(['/tmp/big', '/opt/cache']));
    expect(r.report.wastedBytes).toBe(80_004);

    if (!has('umoci')) return console.warn('umoci not installed: cross-check skipped');
    const bundle = join(dir, 'bundle');
    execFileSync('umoci', ['unpack', '--image', `${join(dir, 'app-oci')}:latest`, bundle], { stdio: 'ignore' });
    const theirs = new Map<string, string>();
    const walk = (rel: string) => {
      for (const name of readdirSync(join(bundle, 'rootfs', rel))) {
        const p = rel ? `${rel}/${name}` : name;
        const st = lstatSync(join(bundle, 'rootfs', p));
        theirs.set(p, st.isDirectory() ? 'dir' : st.isSymbolicLink() ? 'symlink' : `file ${st.size} ${(st.mode & 0o7777).toString(8)}`);
        if (st.isDirectory()) walk(p);
      }
    };
    walk('');
    const img = await loadImage(directorySource(join(dir, 'app-oci')), 'app-oci');
    const ours = new Map<string, string>();
    for (const f of analyse(img).files.values()) ours.set(f.path, f.type === 'dir' ? 'dir' : f.type === 'symlink' ? 'symlink' : `file ${f.size} ${(f.mode & 0o7777).toString(8)}`);
    // Directories implied by paths have no entry of their own in a layer: compare files and links, and every dir we know.
    const theirFiles = [...theirs].filter(([, v]) => v !== 'dir').sort();
    const ourFiles = [...ours].filter(([, v]) => v !== 'dir').sort();
    expect(ourFiles).toEqual(theirFiles);
    for (const [p, v] of ours) if (v === 'dir') expect(theirs.get(p), p).toBe('dir');
  });

  it('an opaque directory written by buildah\'s overlay driver hides the lower files', async (ctx) => {
    if (overlayWhy) {
      console.warn(`opaque-directory image skipped: ${overlayWhy}`);
      return ctx.skip();
    }
    const r = await image(['opq-oci', '--lowest-efficiency', 'disabled', '--highest-user-wasted-percent', 'disabled']);
    const [, made, redone] = r.report.layers;
    expect(redone.removed.sort()).toEqual(['/opt/re/gone', '/opt/re/old']);
    expect(redone.added).toEqual(['/opt/re/new']);
    expect(made.wastedBytes).toBe(4 + 5);
    const img = await loadImage(directorySource(join(dir, 'opq-oci')), 'opq-oci');
    expect([...analyse(img).files.values()].filter((f) => f.path.startsWith('opt/') && f.type === 'file').map((f) => f.path)).toEqual(['opt/re/new']);
  });

  it('blob sizes agree with skopeo', async () => {
    if (!has('skopeo')) return console.warn('skopeo not installed: cross-check skipped');
    const raw = JSON.parse(execFileSync('skopeo', ['inspect', '--raw', `oci:${join(dir, 'app-oci')}:latest`], { encoding: 'utf8' }));
    const info = JSON.parse(execFileSync('skopeo', ['inspect', `oci:${join(dir, 'app-oci')}:latest`], { encoding: 'utf8' }));
    const r = await image(['app-oci']);
    expect(r.report.layers.map((l: any) => l.digest)).toEqual(info.Layers);
    expect(r.report.layers.map((l: any) => [l.digest, l.compressedSize])).toEqual(raw.layers.map((l: any) => [l.digest, l.size]));
    expect(r.report.platform).toBe(`${info.Os}/${info.Architecture}`);
  });

  it('a clean image (non-root, HEALTHCHECK, nothing wasted) has no findings and exits 0', async () => {
    const r = await image(['clean.tar']);
    expect(r.findings).toEqual([]);
    expect(r.code).toBe(0);
    expect(r.report.efficiency).toBe(1);
  });
});
