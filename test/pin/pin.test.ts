/**
 * Where `shipshape pin` rewrites (src/pin/pin.ts), and the resolver against a small registry written
 * here (Node http on 127.0.0.1) for the answers docker-registry does not give: a Basic challenge and a
 * HEAD without `Docker-Content-Digest`. These run everywhere; test/pin/registry.test.ts uses the real
 * registry.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from '../../src/parse/parser.js';
import { findPinSites, pinnedText } from '../../src/pin/pin.js';
import { runPinCli } from '../../src/pin/cli.js';
import { dockerCredentials, registryRef, resolveDigest } from '../../src/pin/resolve.js';

describe('pin sites', () => {
  it('finds FROM, ARG defaults, COPY --from and RUN --mount=from, not stages, scratch or split references', () => {
    const text = [
      'ARG BASE=python:3.12-slim',
      'ARG PY=3.12',
      'FROM ${BASE} AS build',
      'FROM python:${PY}-alpine AS other',
      'FROM scratch AS empty',
      'FROM build AS again',
      'FROM ghcr.io/o/app@sha256:' + 'a'.repeat(64),
      'FROM debian:12@sha256:' + 'b'.repeat(64),
      'COPY --from=build /a /a',
      'COPY --from=0 /a /a',
      'COPY --from=ghcr.io/astral-sh/uv:0.5 /uv /bin/',
      'RUN --mount=type=bind,from=node:22,source=/x,target=/y --mount=type=cache,target=/c true',
      'RUN --mount=type=bind,from=build,target=/y true',
      'FROM node',
      '',
    ].join('\n');
    const { sites, skipped } = findPinSites(parse(text));
    expect(sites.map((s) => [s.line, s.kind, s.text, s.resolve, s.digest !== null, s.digestOnly])).toEqual([
      [1, 'ARG', 'python:3.12-slim', 'python:3.12-slim', false, false],
      // Built from global ARG defaults: BuildKit builds python:3.12-alpine without --build-arg.
      [4, 'FROM', 'python:${PY}-alpine', 'python:3.12-alpine', false, false],
      [7, 'FROM', `ghcr.io/o/app@sha256:${'a'.repeat(64)}`, 'ghcr.io/o/app', true, true],
      [8, 'FROM', `debian:12@sha256:${'b'.repeat(64)}`, 'debian:12', true, false],
      [11, 'COPY --from', 'ghcr.io/astral-sh/uv:0.5', 'ghcr.io/astral-sh/uv:0.5', false, false],
      [12, 'RUN --mount', 'node:22', 'node:22', false, false],
      [14, 'FROM', 'node', 'node:latest', false, false],
    ]);
    expect(sites[1].fromDefaults).toEqual(['PY=3.12']);
    expect(skipped).toEqual([]);
    const d = 'sha256:' + 'c'.repeat(64);
    expect(sites.map((s) => pinnedText(s, d))).toEqual([`python:3.12-slim@${d}`, `python:\${PY}-alpine@${d}`, `ghcr.io/o/app@${d}`, `debian:12@${d}`, `ghcr.io/astral-sh/uv:0.5@${d}`, `node:22@${d}`, `node:latest@${d}`]);
  });

  it('reports references whose image comes from build arguments, unless a digest is written or the ARG names a stage', () => {
    const d = 'sha256:' + 'a'.repeat(64);
    const text = `ARG BASE\nARG OTHER=x\nFROM $BASE AS s\nFROM \${NOPE}\nFROM python:\${PY}-slim@${d}\nARG S=s\nCOPY --from=$S /a /b\nARG IMG\nCOPY --from=\${IMG} /a /b\nRUN --mount=type=bind,from=$IMG,target=/x true\n`;
    const { sites, skipped } = findPinSites(parse(text));
    expect(sites).toEqual([]);
    expect(skipped.map((s) => [s.line, s.kind, s.text, s.pinned])).toEqual([
      [3, 'FROM', '$BASE', false],
      [4, 'FROM', '${NOPE}', false],
      [5, 'FROM', `python:\${PY}-slim@${d}`, true],
      [9, 'COPY --from', '${IMG}', false],
      [10, 'RUN --mount', '$IMG', false],
    ]);
    expect(skipped[0].reason).toBe('ARG BASE has no default, so the image is only known at build time (--build-arg); give it one (ARG BASE=image:tag) to pin it');
    expect(skipped[1].reason).toContain('no global ARG NOPE');
    expect(skipped[2].reason).toBe('no global ARG PY (before the first FROM) gives it a value, so the image is unknown');
  });

  it('pin --check exits 1 for a FROM whose ARG has no default, and pin (writing) says the same (no registry needed)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'shipshape-pin-arg-'));
    try {
      const text = 'ARG BASE\nFROM ${BASE}\nCMD ["app"]\n';
      writeFileSync(join(dir, 'Dockerfile'), text);
      const io = (out: { stdout: string; stderr: string }) => ({ stdout: (t: string) => void (out.stdout += t), stderr: (t: string) => void (out.stderr += t), readStdin: async () => Buffer.alloc(0), cwd: dir, env: { HOME: dir }, stdoutIsTTY: false, stderrIsTTY: false });
      const line = 'Dockerfile:2 FROM ${BASE}: not pinned, cannot be resolved: ARG BASE has no default, so the image is only known at build time (--build-arg); give it one (ARG BASE=image:tag) to pin it\n';
      const check = { stdout: '', stderr: '' };
      expect(await runPinCli(['--check'], io(check))).toBe(1);
      expect(check).toEqual({ stdout: line, stderr: '' });
      const write = { stdout: '', stderr: '' };
      expect(await runPinCli([], io(write))).toBe(0);
      expect(write.stdout).toBe(line);
      expect(write.stderr).toBe('shipshape: 1 image reference(s) could not be resolved and stay unpinned (see above)\n');
      expect(readFileSync(join(dir, 'Dockerfile'), 'utf8')).toBe(text);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('an unreachable registry does not hide the other references; --check says it checked nothing there', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'shipshape-pin-down-'));
    const closed = await new Promise<number>((done) => {
      const s = createServer().listen(0, '127.0.0.1', () => {
        const { port } = s.address() as { port: number };
        s.close(() => done(port));
      });
    });
    try {
      const text = `ARG V\nFROM app:\${V} AS uv\nFROM 127.0.0.1:${closed}/python:3.12-slim\n`;
      writeFileSync(join(dir, 'Dockerfile'), text);
      const io = (out: { stdout: string; stderr: string }) => ({ stdout: (t: string) => void (out.stdout += t), stderr: (t: string) => void (out.stderr += t), readStdin: async () => Buffer.alloc(0), cwd: dir, env: { HOME: dir }, stdoutIsTTY: false, stderrIsTTY: false });
      const skippedLine = 'Dockerfile:2 FROM app:${V}: not pinned, cannot be resolved: ARG V has no default, so the image is only known at build time (--build-arg); give it one (ARG V=…) to pin it\n';
      const down = `shipshape: Dockerfile:3: 127.0.0.1:${closed}/python:3.12-slim: cannot reach 127.0.0.1:${closed} (ECONNREFUSED)\n`;
      for (const [args, end] of [[['--check'], 'their pins were not checked'], [[], 'nothing was written']] as const) {
        const out = { stdout: '', stderr: '' };
        expect(await runPinCli([...args, '--timeout', '5000'], io(out))).toBe(2);
        expect(out).toEqual({ stdout: skippedLine, stderr: `${down}shipshape: 1 image(s) could not be resolved; ${end}\n` });
      }
      expect(readFileSync(join(dir, 'Dockerfile'), 'utf8')).toBe(text);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('normalises Docker Hub names as Docker does', () => {
    expect(registryRef('python:3.12')).toEqual({ host: 'registry-1.docker.io', authKey: 'docker.io', repository: 'library/python', tag: '3.12' });
    expect(registryRef('localhost:5000/team/app')).toEqual({ host: 'localhost:5000', authKey: 'localhost:5000', repository: 'team/app', tag: 'latest' });
  });
});

describe('resolver against a small registry', () => {
  const manifest = JSON.stringify({ schemaVersion: 2, mediaType: 'application/vnd.oci.image.manifest.v1+json', config: {}, layers: [] });
  const digest = `sha256:${createHash('sha256').update(manifest).digest('hex')}`;
  const dir = mkdtempSync(join(tmpdir(), 'shipshape-resolve-'));
  const seen: { method: string; accept: string; auth: string }[] = [];
  let server: Server;
  let host = '';
  beforeAll(async () => {
    server = createServer((req, res) => {
      seen.push({ method: req.method ?? '', accept: String(req.headers.accept ?? ''), auth: String(req.headers.authorization ?? '') });
      if (req.headers.authorization !== `Basic ${Buffer.from('bob:pw').toString('base64')}`) {
        res.writeHead(401, { 'www-authenticate': 'Basic realm="test"' }).end();
        return;
      }
      if (req.url !== '/v2/team/app/manifests/1') {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { 'content-type': 'application/vnd.oci.image.manifest.v1+json' });
      res.end(req.method === 'GET' ? manifest : undefined);
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    host = `127.0.0.1:${(server.address() as { port: number }).port}`;
    mkdirSync(join(dir, '.docker'));
    writeFileSync(join(dir, '.docker/config.json'), JSON.stringify({ auths: { [`http://${host}`]: { username: 'bob', password: 'pw' } } }));
  });
  afterAll(async () => {
    await new Promise<void>((r) => server.close(() => r()));
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers a Basic challenge with the Docker config credentials and hashes the body when HEAD has no digest', async () => {
    expect(dockerCredentials(host, { HOME: dir })).toEqual({ username: 'bob', password: 'pw' });
    const r = await resolveDigest(`${host}/team/app:1`, { env: { HOME: dir } });
    expect(r).toEqual({ digest, mediaType: 'application/vnd.oci.image.manifest.v1+json' });
    expect(seen.map((s) => s.method)).toEqual(['HEAD', 'HEAD', 'GET']);
    expect(seen[0].accept.split(', ')).toEqual([
      'application/vnd.oci.image.index.v1+json',
      'application/vnd.docker.distribution.manifest.list.v2+json',
      'application/vnd.oci.image.manifest.v1+json',
      'application/vnd.docker.distribution.manifest.v2+json',
    ]);
  });

  it('a FROM built from ARG defaults is resolved with them and pinned in place, saying the digest pins the default', async () => {
    const work = join(dir, 'args');
    mkdirSync(work, { recursive: true });
    const text = `ARG TEAM=team\nARG V=1\nFROM ${host}/\${TEAM}/app:\${V} AS app\nFROM ${host}/team/app:\${TARGETARCH}\n`;
    writeFileSync(join(work, 'Dockerfile'), text);
    const io = (out: { stdout: string; stderr: string }) => ({ stdout: (t: string) => void (out.stdout += t), stderr: (t: string) => void (out.stderr += t), readStdin: async () => Buffer.alloc(0), cwd: work, env: { HOME: dir }, stdoutIsTTY: false, stderrIsTTY: false });
    const note = ` (${host}/\${TEAM}/app:\${V} with the defaults TEAM=team V=1; the digest pins these defaults: with it, --build-arg TEAM=… V=… no longer changes the image)`;
    // TARGETARCH is the builder's platform, not a default: still unknown.
    const arch = `Dockerfile:4 FROM ${host}/team/app:\${TARGETARCH}: not pinned, cannot be resolved: TARGETARCH depends on the platform of the build, so the image is only known at build time; write the image literally to pin it\n`;
    const check = { stdout: '', stderr: '' };
    expect(await runPinCli(['--check'], io(check))).toBe(1);
    expect(check).toEqual({ stdout: `${arch}Dockerfile:3 FROM ${host}/team/app:1: not pinned to ${digest}${note}\n`, stderr: '' });
    const write = { stdout: '', stderr: '' };
    expect(await runPinCli([], io(write))).toBe(0);
    expect(write.stdout).toBe(`${arch}Dockerfile:3 FROM ${host}/team/app:1: pinned to ${digest}${note}\n`);
    expect(readFileSync(join(work, 'Dockerfile'), 'utf8')).toBe(text.replace('${V} AS', `\${V}@${digest} AS`));
    const again = { stdout: '', stderr: '' };
    expect(await runPinCli(['--check'], io(again))).toBe(1); // only the TARGETARCH line is left
    expect(again.stdout).toBe(`${arch}Dockerfile:3 FROM ${host}/team/app:1: up to date${note}\n`);
  });

  it('says which credentials are missing, in one line', async () => {
    await expect(resolveDigest(`${host}/team/app:1`, { env: { HOME: join(dir, 'nobody') } })).rejects.toThrow(`${host}/team/app:1: ${host} requires credentials (none for it in the Docker config)`);
    await expect(resolveDigest(`${host}/team/app:2`, { env: { HOME: dir } })).rejects.toThrow(`${host}/team/app:2: unknown tag or repository on ${host}`);
  });
});
