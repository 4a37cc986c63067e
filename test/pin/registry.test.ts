/**
 * `shipshape pin` against a real registry on loopback: Debian's `docker-registry` (distribution 2.8)
 * with token authentication, its tokens issued by a small token server written here (Node http on
 * 127.0.0.1, RS256 JWTs with an x5c certificate made by openssl). Images are pushed with skopeo: a
 * multi-platform index, a Docker schema-2 manifest, and a private repository that needs the
 * credentials of a Docker config file. Skipped, saying so, where docker-registry, skopeo or openssl
 * is missing.
 */
import { execFile, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash, createPrivateKey, sign, randomUUID } from 'node:crypto';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createServer as createNetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runPinCli } from '../../src/pin/cli.js';
import { parseChallenge, resolveDigest } from '../../src/pin/resolve.js';
import { writeLayout } from '../helpers/oci.js';

const run = promisify(execFile);
const has = (cmd: string, arg = '--version') => spawnSync(cmd, [arg], { encoding: 'utf8' }).status === 0;
const why = !has('docker-registry') ? 'docker-registry is not installed' : !has('skopeo') ? 'skopeo is not installed' : !has('openssl', 'version') ? 'openssl is not installed' : null;
if (why) console.warn(`test/pin/registry.test.ts skipped: ${why} (apt-get install docker-registry skopeo openssl)`);

const dir = mkdtempSync(join(tmpdir(), 'shipshape-pin-'));
let registry: ChildProcess | null = null;
let tokens: Server | null = null;
let host = '';
const tokenRequests: URLSearchParams[] = [];
const digests: Record<string, string> = {};

async function freePort(): Promise<number> {
  return new Promise((res) => {
    const s = createNetServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => res(port));
    });
  });
}

const b64url = (b: Buffer | string) => Buffer.from(b).toString('base64url');

function jwt(key: ReturnType<typeof createPrivateKey>, certDer: string, access: unknown[]): string {
  const now = Math.floor(Date.now() / 1000);
  const head = b64url(JSON.stringify({ alg: 'RS256', typ: 'JWT', x5c: [certDer] }));
  const body = b64url(JSON.stringify({ iss: 'shipshape-test', sub: 'anyone', aud: 'shipshape-registry', exp: now + 600, nbf: now - 60, iat: now, jti: randomUUID(), access }));
  return `${head}.${body}.${b64url(sign('sha256', Buffer.from(`${head}.${body}`), key))}`;
}

async function skopeo(...args: string[]): Promise<string> {
  return (await run('skopeo', args, { cwd: dir, maxBuffer: 1 << 24, encoding: 'utf8' })).stdout;
}

/** Digest of what the registry serves, read with skopeo (an independent client). */
async function servedDigest(ref: string): Promise<string> {
  const raw = (await run('skopeo', ['inspect', '--raw', '--tls-verify=false', `docker://${host}/${ref}`], { encoding: 'buffer', maxBuffer: 1 << 24 })).stdout;
  return `sha256:${createHash('sha256').update(raw).digest('hex')}`;
}

beforeAll(async () => {
  if (why) return;
  await run('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'), '-days', '1', '-subj', '/CN=shipshape-test-token']);
  const key = createPrivateKey(readFileSync(join(dir, 'key.pem')));
  const certDer = readFileSync(join(dir, 'cert.pem'), 'utf8').replace(/-----[^-]+-----|\s/g, '');
  tokens = createServer((req, res) => {
    const q = new URL(req.url ?? '/', 'http://x').searchParams;
    tokenRequests.push(q);
    const access = q.getAll('scope').flatMap((s) => {
      const [type, name, actions] = s.split(':');
      return [{ type, name, actions: actions.split(',') }];
    });
    const auth = req.headers.authorization ?? '';
    const authorised = auth === `Basic ${Buffer.from('alice:s3cret').toString('base64')}`;
    if (access.some((a) => a.name.startsWith('private/')) && !authorised) {
      res.writeHead(401, { 'content-type': 'application/json' }).end('{"errors":[{"code":"UNAUTHORIZED"}]}');
      return;
    }
    const token = jwt(key, certDer, access);
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ token, access_token: token }));
  });
  await new Promise<void>((r) => tokens!.listen(0, '127.0.0.1', r));
  const tokenPort = (tokens.address() as { port: number }).port;
  const port = await freePort();
  host = `127.0.0.1:${port}`;
  writeFileSync(
    join(dir, 'registry.yml'),
    `version: 0.1
log:
  level: error
storage:
  filesystem:
    rootdirectory: ${join(dir, 'data')}
http:
  addr: ${host}
auth:
  token:
    realm: http://127.0.0.1:${tokenPort}/token
    service: shipshape-registry
    issuer: shipshape-test
    rootcertbundle: ${join(dir, 'cert.pem')}
`,
  );
  registry = spawn('docker-registry', ['serve', join(dir, 'registry.yml')], { stdio: 'ignore' });
  for (let i = 0; i < 100; i++) {
    try {
      const r = await fetch(`http://${host}/v2/`);
      if (r.status === 401 || r.ok) break;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  // Images: a two-platform index, a single image as Docker schema 2, a private one.
  await writeLayout(join(dir, 'multi'), [
    { platform: 'linux/amd64', layers: [{ files: [{ path: 'a', content: 'amd64' }] }] },
    { platform: 'linux/arm64', layers: [{ files: [{ path: 'a', content: 'arm64' }] }] },
  ], true);
  await writeLayout(join(dir, 'single'), [{ layers: [{ files: [{ path: 'b', content: 'single' }] }] }]);
  await writeLayout(join(dir, 'single2'), [{ layers: [{ files: [{ path: 'b', content: 'single, rebuilt' }] }] }]);
  await skopeo('copy', '-q', '--all', `oci:${join(dir, 'multi')}`, `docker://${host}/multi:1`, '--dest-tls-verify=false');
  await skopeo('copy', '-q', '--format', 'v2s2', `oci:${join(dir, 'single')}`, `docker://${host}/single:1`, '--dest-tls-verify=false');
  await skopeo('copy', '-q', `oci:${join(dir, 'single')}`, `docker://${host}/private/app:1`, '--dest-tls-verify=false', '--dest-creds', 'alice:s3cret');
  digests.multi = await servedDigest('multi:1');
  digests.single = await servedDigest('single:1');
}, 120_000);

afterAll(async () => {
  registry?.kill('SIGTERM');
  await new Promise<void>((r) => (tokens ? tokens.close(() => r()) : r()));
  rmSync(dir, { recursive: true, force: true });
});

async function pin(argv: string[], env: NodeJS.ProcessEnv = { HOME: dir }) {
  let stdout = '';
  let stderr = '';
  const code = await runPinCli(argv, { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), readStdin: async () => Buffer.alloc(0), cwd: dir, env, stdoutIsTTY: false, stderrIsTTY: false });
  return { code, stdout, stderr };
}

describe('WWW-Authenticate', () => {
  it('parses quoted parameters with commas', () => {
    expect(parseChallenge('Bearer realm="https://auth.example/token",service="reg",scope="repository:a/b:pull,push"')).toEqual({
      scheme: 'bearer',
      params: { realm: 'https://auth.example/token', service: 'reg', scope: 'repository:a/b:pull,push' },
    });
  });
});

describe.skipIf(why)('shipshape pin against docker-registry on loopback', () => {
  it('resolves an index and a schema-2 manifest through the anonymous token flow', async () => {
    const multi = await resolveDigest(`${host}/multi:1`, { env: { HOME: dir } });
    expect(multi).toEqual({ digest: digests.multi, mediaType: 'application/vnd.oci.image.index.v1+json' });
    const single = await resolveDigest(`${host}/single:1`, { env: { HOME: dir } });
    expect(single).toEqual({ digest: digests.single, mediaType: 'application/vnd.docker.distribution.manifest.v2+json' });
    const q = tokenRequests.find((p) => p.get('scope') === 'repository:multi:pull');
    expect(q?.get('service')).toBe('shipshape-registry');
  });

  it('pins FROM, an ARG default, COPY --from and RUN --mount=from, keeping tags, CRLF, BOM and mode', async () => {
    const text = `\uFEFFARG BASE=${host}/multi:1\r\nFROM \${BASE} AS build\r\nFROM ${host}/single:1\r\nCOPY --from=${host}/multi:1 /a /a\r\nRUN --mount=type=bind,from=${host}/single:1,target=/mnt true\r\nCOPY --from=build /a /b\r\n`;
    const file = join(dir, 'Dockerfile');
    writeFileSync(file, text);
    chmodSync(file, 0o640);
    const check = await pin(['--check']);
    expect(check.code).toBe(1);
    expect(check.stdout).toContain(`Dockerfile:1 ARG ${host}/multi:1: not pinned`);
    expect(readFileSync(file, 'utf8')).toBe(text);

    const r = await pin([]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const m = `${host}/multi:1@${digests.multi}`;
    const s = `${host}/single:1@${digests.single}`;
    expect(readFileSync(file, 'utf8')).toBe(`\uFEFFARG BASE=${m}\r\nFROM \${BASE} AS build\r\nFROM ${s}\r\nCOPY --from=${m} /a /a\r\nRUN --mount=type=bind,from=${s},target=/mnt true\r\nCOPY --from=build /a /b\r\n`);
    expect(statSync(file).mode & 0o777).toBe(0o640);
    expect((await pin(['--check'])).code).toBe(0);

    // The tag moves: --check fails, a plain pin leaves the stale digest, --update refreshes it.
    await skopeo('copy', '-q', '--format', 'v2s2', `oci:${join(dir, 'single2')}`, `docker://${host}/single:1`, '--dest-tls-verify=false');
    const moved = await servedDigest('single:1');
    const stale = await pin(['--check']);
    expect(stale.code).toBe(1);
    expect(stale.stdout).toContain(`Dockerfile:3 FROM ${host}/single:1: stale: ${digests.single} -> ${moved}`);
    const before = readFileSync(file, 'utf8');
    expect((await pin([])).code).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(before);
    expect((await pin(['--update'])).code).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(before.split(digests.single).join(moved));
    digests.single = moved;
  });

  it('writes nothing when one image fails: unknown tag, unreachable registry, missing credentials', async () => {
    const closed = await freePort();
    const text = `FROM ${host}/multi:1\nFROM ${host}/multi:nope\nFROM 127.0.0.1:${closed}/gone:1\nFROM ${host}/private/app:1\n`;
    writeFileSync(join(dir, 'Bad.Dockerfile'), text);
    const r = await pin(['Bad.Dockerfile']);
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n').filter(Boolean).sort()).toEqual([
      `shipshape: 3 image(s) could not be resolved; nothing was written`,
      `shipshape: Bad.Dockerfile:2: ${host}/multi:nope: unknown tag or repository on ${host}`,
      `shipshape: Bad.Dockerfile:3: 127.0.0.1:${closed}/gone:1: cannot reach 127.0.0.1:${closed} (ECONNREFUSED)`,
      `shipshape: Bad.Dockerfile:4: ${host}/private/app:1: the token service 127.0.0.1:${(tokens!.address() as { port: number }).port} refused an anonymous token (HTTP 401)`,
    ].sort());
    expect(readFileSync(join(dir, 'Bad.Dockerfile'), 'utf8')).toBe(text);
  });

  it('uses the credentials of the Docker config file for a private repository', async () => {
    const cfg = join(dir, 'docker-config');
    mkdirSync(cfg, { recursive: true });
    writeFileSync(join(cfg, 'config.json'), JSON.stringify({ auths: { [host]: { auth: Buffer.from('alice:s3cret').toString('base64') } } }));
    writeFileSync(join(dir, 'Private.Dockerfile'), `FROM ${host}/private/app:1\n`);
    const r = await pin(['Private.Dockerfile', '--diff'], { HOME: dir, DOCKER_CONFIG: cfg });
    const digest = await servedDigestAs('private/app:1');
    // Standard output is the patch alone; what each reference would get is said on stderr.
    expect(r.stderr).toBe(`Private.Dockerfile:1 FROM ${host}/private/app:1: would be pinned to ${digest}\n`);
    expect(r.stdout.startsWith('--- a/Private.Dockerfile\n+++ b/Private.Dockerfile\n')).toBe(true);
    expect(r.stdout).toContain(`+FROM ${host}/private/app:1@${digest}`);
    expect(readFileSync(join(dir, 'Private.Dockerfile'), 'utf8')).toBe(`FROM ${host}/private/app:1\n`);
  });
});

async function servedDigestAs(ref: string): Promise<string> {
  const raw = (await run('skopeo', ['inspect', '--raw', '--tls-verify=false', '--creds', 'alice:s3cret', `docker://${host}/${ref}`], { encoding: 'buffer', maxBuffer: 1 << 24 })).stdout;
  return `sha256:${createHash('sha256').update(raw).digest('hex')}`;
}
