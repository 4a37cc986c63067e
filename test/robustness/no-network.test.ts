/**
 * `lint` makes no network access: the CLI runs in a child process with a preload that makes `net`,
 * `tls`, `dns`, `http`, `https`, `http2` and `fetch` throw (and say so on stderr), over Dockerfiles full
 * of URLs — ADD of http(s) and git sources, remote `# syntax=` frontends, registries, curl/wget/pip
 * in RUN — in one thread and on worker threads. The engine is also run in this process with the same
 * traps.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');
const BIN = join(ROOT, 'bin/shipshape.cjs');
const dir = mkdtempSync(join(tmpdir(), 'shipshape-nonet-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const PRELOAD = `
import net from 'node:net';
import tls from 'node:tls';
import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import http2 from 'node:http2';
const trap = (what) => function () {
  process.stderr.write('NETWORK ACCESS: ' + what + '\\n');
  throw new Error('network access: ' + what);
};
for (const [mod, name, keys] of [
  [net, 'net', ['connect', 'createConnection']],
  [tls, 'tls', ['connect']],
  [dns, 'dns', ['lookup', 'resolve', 'resolve4', 'resolve6', 'resolveAny', 'resolveSrv', 'resolveTxt', 'reverse']],
  [dns.promises, 'dns.promises', ['lookup', 'resolve', 'resolve4', 'resolve6', 'resolveAny']],
  [http, 'http', ['request', 'get']],
  [https, 'https', ['request', 'get']],
  [http2, 'http2', ['connect']],
]) for (const k of keys) mod[k] = trap(name + '.' + k);
net.Socket.prototype.connect = trap('net.Socket.connect');
globalThis.fetch = trap('fetch');
if (globalThis.WebSocket) globalThis.WebSocket = trap('WebSocket');
`;

const FILES: Record<string, string> = {
  'add-url.Dockerfile': 'FROM alpine:3.20\nADD https://example.com/app.tar.gz /tmp/\nADD --checksum=sha256:' + 'a'.repeat(64) + ' https://example.com/x.tgz /x\nADD http://insecure.example.com/script.sh /s.sh\n',
  'add-git.Dockerfile': 'FROM alpine:3.20\nADD https://github.com/moby/buildkit.git#v0.14.0 /src\nADD git@github.com:moby/buildkit.git /src2\n',
  'syntax.Dockerfile': '# syntax=docker.io/docker/dockerfile:1.7\nFROM ghcr.io/owner/image:1.0@sha256:' + 'b'.repeat(64) + '\nRUN --mount=type=secret,id=npmrc npm ci\n',
  'registries.Dockerfile': 'FROM registry.example.com:5000/team/app:latest AS build\nFROM quay.io/prometheus/busybox\nCOPY --from=docker.io/library/nginx:1.27 /etc/nginx /etc/nginx\nCOPY --from=build / /\n',
  'run-net.Dockerfile': 'FROM python:3.12-slim\nRUN curl -fsSL https://get.example.com | sh && wget http://example.com/x && pip install --index-url http://pypi.example.com/simple requests\nRUN git clone https://github.com/a/b.git && apt-get update && apt-get install -y curl\nHEALTHCHECK CMD curl -f http://localhost/ || exit 1\nUSER 1000\n',
  'onbuild.Dockerfile': 'FROM node:22\nONBUILD ADD https://example.com/a /a\nONBUILD RUN npm install https://example.com/pkg.tgz\n',
};

describe('no network access', () => {
  for (const jobs of ['0', '2']) {
    it(`the CLI over Dockerfiles full of URLs (SHIPSHAPE_JOBS=${jobs})`, () => {
      const paths: string[] = [];
      const copies = jobs === '0' ? 1 : 8; // enough files for the worker pool
      for (const [name, text] of Object.entries(FILES)) {
        for (let i = 0; i < copies; i++) {
          const p = join(dir, `${i}-${name}`);
          writeFileSync(p, text);
          paths.push(p);
        }
      }
      const preload = join(dir, 'no-network.mjs');
      writeFileSync(preload, PRELOAD);
      const r = spawnSync(process.execPath, ['--import', preload, BIN, 'lint', '-f', 'json', ...paths], {
        cwd: dir,
        encoding: 'utf8',
        env: { ...process.env, HOME: dir, SHIPSHAPE_JOBS: jobs, NODE_OPTIONS: `--import=${preload}` },
      });
      expect(r.stderr).not.toContain('NETWORK ACCESS');
      expect(r.stderr).not.toContain('internal error');
      expect([0, 1]).toContain(r.status);
      const findings = JSON.parse(r.stdout) as { file: string; code: string }[];
      expect(findings.some((f) => f.file.endsWith('add-url.Dockerfile'))).toBe(true);
    });
  }

  it('the engine in this process', async () => {
    // The modules' CommonJS objects (ES namespaces are frozen).
    const net = (await import('node:net')).default;
    const dns = (await import('node:dns')).default;
    const http = (await import('node:http')).default;
    const https = (await import('node:https')).default;
    const calls: string[] = [];
    const saved = { connect: net.Socket.prototype.connect, lookup: dns.lookup, request: http.request, srequest: https.request, fetch: globalThis.fetch };
    const trap = (what: string) => (() => {
      calls.push(what);
      throw new Error(`network access: ${what}`);
    }) as never;
    net.Socket.prototype.connect = trap('connect');
    (dns as { lookup: unknown }).lookup = trap('dns.lookup');
    (http as { request: unknown }).request = trap('http.request');
    (https as { request: unknown }).request = trap('https.request');
    globalThis.fetch = trap('fetch');
    try {
      const { lint } = await import('../../src/engine/lint.js');
      const { defaultRules } = await import('../../src/rules/registry.js');
      for (const text of Object.values(FILES)) {
        const r = await lint(text, { rules: await defaultRules() });
        expect(r.internalErrors).toEqual([]);
      }
    } finally {
      net.Socket.prototype.connect = saved.connect;
      (dns as { lookup: unknown }).lookup = saved.lookup;
      (http as { request: unknown }).request = saved.request;
      (https as { request: unknown }).request = saved.srequest;
      globalThis.fetch = saved.fetch;
    }
    expect(calls).toEqual([]);
  });
});
