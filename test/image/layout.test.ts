/**
 * `shipshape image` on OCI layouts written by test/helpers/oci.ts: the cases a builder cannot make
 * (zstd layers, nested indexes, wrong diff_ids) and exact numbers computed by hand (docs/image.md).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync, createReadStream, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import * as tarStream from 'tar-stream';
import { readdirSync, statSync } from 'node:fs';
import { runImageCli } from '../../src/image/cli.js';
import { parseBytes, parseRatio } from '../../src/image/cli.js';
import { redact } from '../../src/image/checks.js';
import { writeLayout, type FileSpec } from '../helpers/oci.js';

const dir = mkdtempSync(join(tmpdir(), 'shipshape-image-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const fresh = () => join(dir, `l${++n}`);

/** An OCI layout directory as a tar stream (what `oci-archive:` exports), entry by entry. */
function layoutTar(d: string): tarStream.Pack {
  const pack = tarStream.pack();
  const walk = (rel: string) => {
    for (const f of readdirSync(join(d, rel))) {
      const p = rel ? `${rel}/${f}` : f;
      if (statSync(join(d, p)).isDirectory()) walk(p);
      else pack.entry({ name: p }, readFileSync(join(d, p)));
    }
  };
  walk('');
  pack.finalize();
  return pack;
}

async function run(argv: string[], stdin?: () => Readable): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runImageCli(argv, {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    readStdin: async () => Buffer.alloc(0),
    stdinStream: stdin,
    cwd: dir,
    env: { HOME: dir },
    stdoutIsTTY: false,
    stderrIsTTY: false,
  });
  return { code, stdout, stderr };
}

async function report(argv: string[]): Promise<{ code: number; json: any; stderr: string; findings: any[] }> {
  const r = await run([...argv, '--json', '-', '-f', 'json', '-o', join(dir, 'findings.json')]);
  return { code: r.code, stderr: r.stderr, json: r.code === 2 ? null : JSON.parse(r.stdout), findings: r.code === 2 ? [] : JSON.parse(readFileSync(join(dir, 'findings.json'), 'utf8')) };
}

const bytes = (k: number, c = 'x') => c.repeat(k);

describe('compression and verification', () => {
  it('reads gzip, zstd (compressed and raw blocks) and uncompressed layers and checks their diff_ids', async () => {
    const d = fresh();
    await writeLayout(d, [
      {
        layers: [
          { files: [{ path: 'bin/sh', content: bytes(100) }], compression: 'gzip' },
          { files: [{ path: 'etc/a', content: bytes(20) }], compression: 'zstd' },
          { files: [{ path: 'etc/b', content: bytes(300_000, 'y') }], compression: 'zstd-raw' },
          { files: [{ path: 'etc/c', content: bytes(7) }], compression: 'none' },
        ],
      },
    ]);
    const r = await report([d]);
    expect(r.stderr).toBe('');
    expect(r.json.layers.map((l: any) => l.compression)).toEqual(['gzip', 'zstd', 'zstd', 'none']);
    expect(r.json.layers.map((l: any) => l.size)).toEqual([100, 20, 300_000, 7]);
    expect(r.json.totalBytes).toBe(300_127);
    expect(r.json.userBytes).toBe(300_027);
  });

  it('refuses a layer whose diff_id does not match, in one line with exit 2', async () => {
    const d = fresh();
    await writeLayout(d, [{ layers: [{ files: [{ path: 'a', content: 'a' }] }, { files: [{ path: 'b', content: 'b' }] }], badDiffId: 1 }]);
    const r = await run([d]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^shipshape: .*layer 2 .*diff_id mismatch: the uncompressed layer hashes to sha256:[0-9a-f]{64}, the config says sha256:[0-9a-f]{64}\n$/);
  });

  it('refuses a corrupt gzip layer and a file that is not an image, with exit 2', async () => {
    const d = fresh();
    await writeLayout(d, [{ layers: [{ files: [{ path: 'a', content: bytes(5000) }] }] }]);
    const blobs = join(d, 'blobs/sha256');
    for (const f of readdirSync(blobs)) {
      const buf = readFileSync(join(blobs, f));
      if (buf[0] === 0x1f) {
        buf.fill(7, 20, 60);
        writeFileSync(join(blobs, f), buf);
      }
    }
    const r = await run([d]);
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n').filter(Boolean)).toHaveLength(1);
    writeFileSync(join(dir, 'notes.txt'), 'hello\n');
    const r2 = await run(['notes.txt']);
    expect(r2.code).toBe(2);
    expect(r2.stderr).toMatch(/^shipshape: notes.txt: not a readable tar archive|^shipshape: notes.txt: not an image archive/);
    const r3 = await run(['missing.tar']);
    expect(r3).toMatchObject({ code: 2, stderr: 'shipshape: missing.tar: no such file or directory\n' });
  });
});

describe('platforms', () => {
  it('follows a nested index to the asked platform and names the ones there are otherwise', async () => {
    const d = fresh();
    await writeLayout(
      d,
      [
        { platform: 'linux/amd64', layers: [{ files: [{ path: 'amd', content: bytes(11) }] }] },
        { platform: 'linux/arm64/v8', layers: [{ files: [{ path: 'arm', content: bytes(22) }] }] },
      ],
      true,
    );
    const arm = await report([d, '--platform', 'linux/arm64']);
    expect(arm.json.platform).toBe('linux/arm64/v8');
    expect(arm.json.layers[0].added).toEqual(['/arm']);
    const amd = await report([d, '--platform', 'linux/amd64']);
    expect(amd.json.layers[0].added).toEqual(['/amd']);
    const none = await run([d, '--platform', 'linux/s390x']);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('no image for platform linux/s390x; the index has linux/amd64, linux/arm64/v8');
  });
});

describe('union filesystem and waste (numbers computed by hand in docs/image.md)', () => {
  it('applies file and directory whiteouts and overwrites; dive efficiency 0.44', async () => {
    const d = fresh();
    await writeLayout(d, [
      { layers: [{ files: [{ path: 'base', content: bytes(10_000) }] }] },
    ].map((im) => ({
      layers: [
        ...im.layers,
        { files: [{ path: 'a', content: bytes(1000) }, { path: 'd/x', content: bytes(300) }, { path: 'd/y', content: bytes(200) }, { path: 'f', content: bytes(400) }] },
        { files: [{ path: '.wh.a' }, { path: '.wh.d' }, { path: 'f', content: bytes(100) }] },
      ],
    })));
    const r = await report([d]);
    const top = r.json.layers[2];
    expect(top.removed.sort()).toEqual(['/a', '/d']);
    expect(top.changed).toEqual(['/f']);
    expect(r.json.layers[1].wastedBytes).toBe(1900);
    expect(r.json.wastedBytes).toBe(1900);
    // dive: a [1000, 0], d [500], d/x [300], d/y [200], f [400, 100], base [10000]
    expect(r.json.efficiency).toBeCloseTo((0 + 500 + 300 + 200 + 100 + 10_000) / (1000 + 500 + 300 + 200 + 500 + 10_000), 10);
    expect(r.json.diveWastedBytes).toBe(1500);
    expect(r.json.userWastedPercent).toBeCloseTo(1900 / 2000, 10);
    expect(r.json.wasted.map((w: any) => [w.path, w.how])).toEqual([['/a', 'deleted'], ['/f', 'overwritten'], ['/d/x', 'deleted'], ['/d/y', 'deleted']]);
  });

  it('an opaque directory hides the lower children only, not those of its own layer', async () => {
    const d = fresh();
    await writeLayout(d, [
      {
        layers: [
          { files: [{ path: 'app/a', content: bytes(100) }, { path: 'app/sub/b', content: bytes(50) }, { path: 'keep', content: 'k' }] },
          { files: [{ path: 'app/new', content: bytes(10) }, { path: 'app/.wh..wh..opq' }] },
        ],
      },
    ]);
    const r = await report([d, '--lowest-efficiency', 'disabled', '--highest-user-wasted-percent', 'disabled']);
    expect(r.json.layers[1].removed.sort()).toEqual(['/app/a', '/app/sub']);
    expect(r.json.layers[1].added).toEqual(['/app/new']);
    expect(r.json.wastedBytes).toBe(150);
    expect(r.findings.map((f: any) => f.code)).not.toContain('image-wasted-bytes');
  });

  it('CI thresholds report image-wasted-bytes and set the exit code', async () => {
    const d = fresh();
    await writeLayout(d, [{ config: { User: '1000', Healthcheck: { Test: ['CMD', 'true'] } }, layers: [{ files: [{ path: 'base', content: bytes(1000) }] }, { files: [{ path: 'tmp/big', content: bytes(3000) }] }, { files: [{ path: 'tmp/.wh.big' }] }] }]);
    const quiet = await report([d, '--lowest-efficiency', '0.2', '--highest-user-wasted-percent', '100%']);
    expect(quiet.findings).toEqual([]);
    expect(quiet.code).toBe(0);
    const loud = await report([d, '--lowest-efficiency', '0.5', '--highest-wasted-bytes', '2kB', '--highest-user-wasted-percent', '0.5']);
    expect(loud.code).toBe(1);
    expect(loud.findings.map((f: any) => f.message)).toEqual([
      expect.stringContaining('efficiency 25.00% is below the lowest allowed 50.00%'),
      expect.stringContaining('3.0 kB wasted'),
      expect.stringContaining('100.00% of the bytes added above the base layer are wasted'),
    ]);
  });

  it('redacts secrets in history text', () => {
    expect(redact('/bin/sh -c #(nop) ENV API_TOKEN=ghp_R2d2C3poBb8Kx7Lm4Nq9Ws1Ez6Yt0Uv5Hj3G')).toBe('/bin/sh -c #(nop) ENV API_TOKEN=***');
    expect(redact('RUN |1 PASSWORD=hunter2x /bin/sh -c curl -u user:pw https://x/ # buildkit')).toBe('RUN |1 PASSWORD=*** /bin/sh -c curl -u user:pw https://x/ # buildkit');
    expect(redact('ENV PASSWORD_FILE=/run/secrets/db DEBUG=1')).toBe('ENV PASSWORD_FILE=/run/secrets/db DEBUG=1');
  });

  it('parses dive-style byte counts and ratios', () => {
    expect(parseBytes('20MB')).toBe(20_000_000);
    expect(parseBytes('15MiB')).toBe(15 * 1024 * 1024);
    expect(parseBytes('1000')).toBe(1000);
    expect(parseBytes('disabled')).toBeNull();
    expect(() => parseBytes('lots')).toThrow(/not a byte count/);
    expect(parseRatio('90%', 'x')).toBe(0.9);
    expect(() => parseRatio('2', '--lowest-efficiency')).toThrow(/between 0 and 1/);
  });
});

describe('checks', () => {
  const appFiles: FileSpec[] = [
    { path: 'app/.git/HEAD', content: 'ref: refs/heads/main\n' },
    { path: 'app/.env', content: 'DEBUG=1\n' },
    { path: 'app/.env.example', content: 'DEBUG=\n' },
    { path: 'app/db.sqlite3', content: 'SQLite format 3' },
    { path: 'app/mysite/settings.py', content: "SECRET_KEY = 'django-insecure-3k#z!u8q@7r2xv9p$w1m5n0b4c6d'\nDEBUG = False\n" },
    { path: 'app/mysite/__pycache__/settings.cpython-312.pyc', content: bytes(40) },
    { path: 'app/deploy/id_rsa', content: '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n-----END OPENSSH PRIVATE KEY-----\n' },
    { path: 'app/config/aws.ini', content: '[default]\naws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY\naws_access_key_id = AKIAZ7QWERTYUIOP1234\n' },
  ];
  const system: FileSpec[] = [
    { path: 'usr/local/bin/python3.12', content: bytes(30) },
    { path: 'usr/local/lib/python3.12/site-packages/Django-5.0.1.dist-info/METADATA', content: 'Name: Django\n' },
    { path: 'usr/local/lib/python3.12/site-packages/gunicorn-22.0.0.dist-info/METADATA', content: 'Name: gunicorn\n' },
    { path: 'usr/local/lib/python3.12/site-packages/django/__pycache__/x.pyc', content: bytes(5) },
    { path: 'usr/bin/passwd', content: bytes(10), mode: 0o4755 },
    { path: 'var/lib/apt/lists/deb.debian.org_debian_dists_bookworm_main_binary-amd64_Packages.lz4', content: bytes(2000) },
    { path: 'var/lib/apt/lists/lock', content: '' },
    { path: 'root/.cache/pip/http/ab/cd', content: bytes(70) },
    {
      path: 'var/lib/dpkg/status',
      content: 'Package: libc6\nStatus: install ok installed\nVersion: 2.36\n\nPackage: gcc-12\nStatus: install ok installed\n\nPackage: libpq-dev\nStatus: install ok installed\n\nPackage: make\nStatus: deinstall ok config-files\n',
    },
  ];

  it('finds root, no healthcheck, secrets (never their values), caches, setuid, build tools, ignored files and Python env', async () => {
    const d = fresh();
    await writeLayout(d, [
      {
        config: { WorkingDir: '/app', Env: ['PATH=/usr/bin', 'GITHUB_TOKEN=ghp_R2d2C3poBb8Kx7Lm4Nq9Ws1Ez6Yt0Uv5Hj3G', 'DB_PASSWORD=hunter2hunter2'] },
        layers: [
          { files: system, createdBy: 'RUN /bin/sh -c apt-get update && apt-get install -y gcc-12 libpq-dev # buildkit' },
          { files: appFiles, createdBy: 'COPY . /app # buildkit' },
          { files: [{ path: 'app/static/x.css', content: 'a{}' }], createdBy: 'RUN |2 DEBUG=1 DB_PASSWORD=s3cr3tPassw0rd /bin/sh -c ./manage.py collectstatic # buildkit' },
        ],
      },
    ]);
    writeFileSync(join(dir, 'requirements.txt'), 'Django==5.0.2\ngunicorn==22.0.0\npsycopg==3.2.1\n');
    const r = await report([d, '--context', '.']);
    const by = (code: string) => r.findings.filter((f: any) => f.code === code).map((f: any) => f.message);
    expect(by('image-root-user')).toHaveLength(1);
    expect(by('image-no-healthcheck')).toHaveLength(1);
    const secrets = by('image-secret');
    expect(secrets.some((m: string) => m.includes('GITHUB_TOKEN') && m.includes('GitHub token'))).toBe(true);
    expect(secrets.some((m: string) => m.includes('DB_PASSWORD') && m.includes('literal password'))).toBe(true);
    expect(secrets.some((m: string) => m.includes('/app/deploy/id_rsa (SSH private key)'))).toBe(true);
    expect(secrets.some((m: string) => m.includes('/app/config/aws.ini (file with an AWS'))).toBe(true);
    expect(secrets.some((m: string) => m.includes('settings.py'))).toBe(false);
    expect(secrets.some((m: string) => m.includes('/app/.env (environment file with secrets)'))).toBe(true);
    expect(secrets.some((m: string) => m.includes('History entry 3 (RUN) contains build argument DB_PASSWORD (literal password)'))).toBe(true);
    expect(secrets, secrets.join('\n')).toHaveLength(6);
    const all = JSON.stringify(r.findings) + JSON.stringify(r.json);
    for (const v of ['ghp_R2d2C3poBb8Kx7Lm4Nq9Ws1Ez6Yt0Uv5Hj3G', 'hunter2hunter2', 'wJalrXUtnFEMI', 's3cr3tPassw0rd']) expect(all).not.toContain(v);
    expect(r.json.layers[2].createdBy).toBe('RUN |2 DEBUG=1 DB_PASSWORD=*** /bin/sh -c ./manage.py collectstatic # buildkit');
    expect(by('image-package-cache')).toEqual([expect.stringContaining('Package manager cache left in the image: apt lists, 1 file(s), 2.0 kB'), expect.stringContaining('pip cache')]);
    expect(by('image-setuid')).toEqual([expect.stringContaining('/usr/bin/passwd (setuid)')]);
    expect(by('image-build-tools')).toEqual([expect.stringContaining('gcc-12, libpq-dev;')]);
    const ignored = by('image-ignored-files').join('\n');
    expect(ignored).toContain('/app/.git');
    expect(ignored).toContain('/app/.env');
    expect(ignored).not.toContain('.env.example');
    expect(ignored).toContain('/app/db.sqlite3');
    expect(ignored).toContain('/app/mysite/__pycache__');
    expect(ignored).not.toContain('site-packages');
    const py = by('image-python-env');
    expect(py[0]).toContain('PYTHONDONTWRITEBYTECODE=1 and PYTHONUNBUFFERED=1');
    expect(py[1]).toContain('other versions installed: django 5.0.1 (lock: 5.0.2); locked but not installed: psycopg');
  });

  it('attributes findings to Dockerfile lines with --dockerfile, honours ignored/override config and ignore pragmas', async () => {
    const d = fresh();
    await writeLayout(d, [
      {
        config: { Env: ['PATH=/usr/bin'], User: 'app', Healthcheck: { Test: ['CMD', 'true'] } },
        layers: [
          { files: [{ path: 'bin/sh', content: bytes(10) }, { path: 'usr/bin/python3', content: bytes(10) }], createdBy: '/bin/sh -c #(nop) ADD file:abc in /' },
          { files: [{ path: 'var/lib/apt/lists/x_Packages', content: bytes(500) }], createdBy: 'RUN /bin/sh -c apt-get update # buildkit' },
          { files: [{ path: 'app/.git/config', content: '[core]\n' }], createdBy: 'COPY . /app # buildkit' },
        ],
      },
    ]);
    mkdirSync(join(dir, 'proj'), { recursive: true });
    writeFileSync(join(dir, 'proj/Dockerfile'), '# hadolint ignore=image-python-env\nFROM base:1\nARG X=1\nRUN apt-get update\nCOPY . /app\nUSER app\n');
    writeFileSync(join(dir, 'cfg.yaml'), 'ignored: [image-setuid]\noverride:\n  error: [image-package-cache]\n');
    const r = await report([d, '--dockerfile', 'proj/Dockerfile', '--app-dir', '/app', '-c', 'cfg.yaml', '--lowest-efficiency', 'disabled', '--highest-user-wasted-percent', 'disabled']);
    expect(r.findings.map((f: any) => [f.file, f.line, f.code, f.level])).toEqual([
      ['proj/Dockerfile', 4, 'image-package-cache', 'error'],
      ['proj/Dockerfile', 5, 'image-ignored-files', 'warning'],
    ]);
    expect(r.json.layers.map((l: any) => l.instruction?.line ?? null)).toEqual([null, 4, 5]);
  });

  it('reads an OCI archive from standard input, streamed', async () => {
    const d = fresh();
    await writeLayout(d, [{ layers: [{ files: [{ path: 'etc/x', content: bytes(64) }] }] }]);
    const pack = layoutTar(d);
    const r = await run(['-', '--json', '-'], () => Readable.from(pack as unknown as AsyncIterable<Buffer>));
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toMatchObject({ image: '-', kind: 'oci', totalBytes: 64 });
    void createReadStream;
  });

  it('reads an archive whose image has an empty layer (a tar of zero blocks only, as buildah writes for WORKDIR)', async () => {
    const d = fresh();
    await writeLayout(d, [{ layers: [{ files: [{ path: 'etc/x', content: bytes(64) }] }, { files: [], compression: 'none' }, { files: [{ path: 'etc/y', content: bytes(32) }] }] }]);
    const pack = layoutTar(d);
    const archive = join(dir, 'empty-layer-image.tar');
    const chunks: Buffer[] = [];
    for await (const c of pack as unknown as AsyncIterable<Buffer>) chunks.push(c);
    writeFileSync(archive, Buffer.concat(chunks));
    const r = await run([archive, '--json', '-']);
    expect(r.stderr).toBe('');
    const json = JSON.parse(r.stdout);
    expect(json).toMatchObject({ kind: 'oci', totalBytes: 96 });
    expect(json.layers).toHaveLength(3);
  });
});
