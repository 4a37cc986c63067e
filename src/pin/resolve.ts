/**
 * Resolving an image tag to the digest a registry serves for it, through the registry HTTP API v2
 * (OCI distribution-spec "Pulling manifests"): `HEAD /v2/<name>/manifests/<tag>` with every manifest
 * media type in `Accept`, the digest read from `Docker-Content-Digest` (or computed from a `GET` body
 * when a registry leaves the header out). For a multi-platform image that is the digest of the index,
 * which is what `FROM image:tag@sha256:...` should pin.
 *
 * Authentication follows the token flow of the distribution spec, driven by the registry's
 * `WWW-Authenticate` challenge (never hard-coded to one registry): `Bearer realm=...,service=...,
 * scope=...` → `GET realm?service=&scope=` (with Basic credentials when the Docker config has some)
 * → `Authorization: Bearer <token>`; a `Basic` challenge is answered with the configured credentials.
 * Credentials come from the Docker config file (`$DOCKER_CONFIG/config.json`, else
 * `~/.docker/config.json`), `auths.<registry>.auth` or `username`/`password`; credential helpers are
 * not run.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { parseImageRef } from '../parse/image-ref.js';

/** Every manifest media type a registry may answer with (OCI and Docker, index and single image). */
const MANIFEST_TYPES = [
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.docker.distribution.manifest.v2+json',
];

/** A resolution failure, with one line for the user (`python:3.12: unknown tag`). */
export class PinError extends Error {
  override name = 'PinError';
}

/** Where an image lives: registry host, repository, tag. */
interface RegistryRef {
  /** Host (and port) to talk to: `registry-1.docker.io`, `ghcr.io`, `127.0.0.1:5000`. */
  host: string;
  /** Name used for credentials in the Docker config (`docker.io` for Docker Hub). */
  authKey: string;
  repository: string;
  tag: string;
}

/** Options of {@link resolveDigest}. */
interface ResolveOptions {
  /** Environment for `DOCKER_CONFIG` and `HOME` (default `process.env`). */
  env?: NodeJS.ProcessEnv;
  /** Registries reached over plain HTTP; loopback hosts (`localhost`, `127.0.0.0/8`, `[::1]`) always are, as Docker treats them as insecure. */
  plainHttp?: string[];
  /** Per-request time limit in milliseconds (default 15000). */
  timeoutMs?: number;
  /** The fetch to use (tests; default the global fetch). */
  fetch?: typeof fetch;
}

/** The registry coordinates of a reference such as `python:3.12`, `ghcr.io/o/r:1`, `localhost:5000/x`. @throws PinError without a tag. */
export function registryRef(reference: string): RegistryRef {
  const ref = parseImageRef(reference, reference, false);
  const tag = ref.tag ?? (ref.digest ? null : 'latest');
  if (!tag) throw new PinError(`${reference}: has a digest and no tag: nothing to resolve`);
  const hub = ref.registry === null || ref.registry === 'docker.io' || ref.registry === 'index.docker.io';
  return { host: hub ? 'registry-1.docker.io' : ref.registry!, authKey: hub ? 'docker.io' : ref.registry!, repository: ref.repository, tag };
}

function isLoopback(host: string): boolean {
  const h = host.replace(/:\d+$/, '').replace(/^\[|\]$/g, '');
  return h === 'localhost' || /^127\.\d+\.\d+\.\d+$/.test(h) || h === '::1';
}

/** Credentials for a registry from the Docker config file, or null. */
export function dockerCredentials(authKey: string, env: NodeJS.ProcessEnv = process.env): { username: string; password: string } | null {
  const dir = env.DOCKER_CONFIG ?? join(env.HOME ?? homedir(), '.docker');
  const file = join(dir, 'config.json');
  if (!existsSync(file)) return null;
  let cfg: { auths?: Record<string, { auth?: string; username?: string; password?: string; identitytoken?: string }> };
  try {
    cfg = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    throw new PinError(`${file}: not valid JSON`);
  }
  const keys = authKey === 'docker.io' ? ['docker.io', 'index.docker.io', 'https://index.docker.io/v1/', 'registry-1.docker.io'] : [authKey, `https://${authKey}`, `http://${authKey}`];
  for (const k of keys) {
    const a = cfg.auths?.[k] ?? cfg.auths?.[k + '/'];
    if (!a) continue;
    if (a.auth) {
      const decoded = Buffer.from(a.auth, 'base64').toString('utf8');
      const i = decoded.indexOf(':');
      if (i > 0) return { username: decoded.slice(0, i), password: decoded.slice(i + 1) };
    }
    if (a.username && a.password) return { username: a.username, password: a.password };
  }
  return null;
}

/** Parses a `WWW-Authenticate` header: scheme and its parameters (RFC 7235 auth-params, quoted or not). */
export function parseChallenge(header: string): { scheme: string; params: Record<string, string> } {
  const m = /^\s*(\S+)\s*(.*)$/s.exec(header);
  const params: Record<string, string> = {};
  if (!m) return { scheme: '', params };
  for (const p of m[2].matchAll(/([A-Za-z0-9_-]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^,\s]*))/g)) params[p[1].toLowerCase()] = p[2] !== undefined ? p[2].replace(/\\(.)/g, '$1') : p[3];
  return { scheme: m[1].toLowerCase(), params };
}

function describeNetworkError(e: unknown): string {
  const err = e as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  if (err.name === 'TimeoutError' || err.name === 'AbortError') return 'timed out';
  return err.cause?.code ?? err.cause?.message ?? err.message ?? String(e);
}

/**
 * The digest the registry serves for `reference`'s tag (the index digest for a multi-platform image).
 * @param reference an image reference with a tag (`python:3.12-slim`, `127.0.0.1:5000/app:1`); no tag means `latest`.
 * @returns `{ digest: 'sha256:…', mediaType }`.
 * @throws PinError with one line: unknown tag or repository, access denied, registry unreachable, bad answer.
 */
export async function resolveDigest(reference: string, options: ResolveOptions = {}): Promise<{ digest: string; mediaType: string | null }> {
  const r = registryRef(reference);
  const doFetch = options.fetch ?? fetch;
  const timeout = options.timeoutMs ?? 15000;
  const scheme = isLoopback(r.host) || (options.plainHttp ?? []).includes(r.host) ? 'http' : 'https';
  const url = `${scheme}://${r.host}/v2/${r.repository}/manifests/${encodeURIComponent(r.tag)}`;
  const creds = dockerCredentials(r.authKey, options.env ?? process.env);
  const headers: Record<string, string> = { Accept: MANIFEST_TYPES.join(', ') };
  const request = async (method: string, u: string, h: Record<string, string>) => {
    try {
      return await doFetch(u, { method, headers: h, redirect: 'follow', signal: AbortSignal.timeout(timeout) });
    } catch (e) {
      throw new PinError(`${reference}: cannot reach ${new URL(u).host} (${describeNetworkError(e)})`);
    }
  };

  let res = await request('HEAD', url, headers);
  if (res.status === 401) {
    const challenge = parseChallenge(res.headers.get('www-authenticate') ?? '');
    if (challenge.scheme === 'bearer' && challenge.params.realm) {
      const tokenUrl = new URL(challenge.params.realm);
      if (challenge.params.service) tokenUrl.searchParams.set('service', challenge.params.service);
      tokenUrl.searchParams.set('scope', challenge.params.scope ?? `repository:${r.repository}:pull`);
      const th: Record<string, string> = {};
      if (creds) th.Authorization = `Basic ${Buffer.from(`${creds.username}:${creds.password}`).toString('base64')}`;
      const tr = await request('GET', tokenUrl.toString(), th);
      if (!tr.ok) throw new PinError(`${reference}: the token service ${tokenUrl.host} refused ${creds ? 'the credentials from the Docker config' : 'an anonymous token'} (HTTP ${tr.status})`);
      let token: string | undefined;
      try {
        const body = (await tr.json()) as { token?: string; access_token?: string };
        token = body.token ?? body.access_token;
      } catch {
        token = undefined;
      }
      if (!token) throw new PinError(`${reference}: the token service ${tokenUrl.host} answered without a token`);
      headers.Authorization = `Bearer ${token}`;
    } else if (challenge.scheme === 'basic' && creds) {
      headers.Authorization = `Basic ${Buffer.from(`${creds.username}:${creds.password}`).toString('base64')}`;
    } else {
      throw new PinError(`${reference}: ${r.host} requires credentials${creds ? '' : ' (none for it in the Docker config)'}`);
    }
    res = await request('HEAD', url, headers);
  }
  if (res.status === 404) throw new PinError(`${reference}: unknown tag or repository on ${r.host}`);
  if (res.status === 401 || res.status === 403) throw new PinError(`${reference}: access denied by ${r.host} (HTTP ${res.status})`);
  if (!res.ok) throw new PinError(`${reference}: ${r.host} answered HTTP ${res.status}`);
  const mediaType = res.headers.get('content-type');
  let digest = res.headers.get('docker-content-digest');
  if (!digest) {
    const g = await request('GET', url, headers);
    if (!g.ok) throw new PinError(`${reference}: ${r.host} answered HTTP ${g.status}`);
    digest = `sha256:${createHash('sha256').update(Buffer.from(await g.arrayBuffer())).digest('hex')}`;
  }
  if (!/^sha256:[0-9a-f]{64}$/.test(digest)) throw new PinError(`${reference}: ${r.host} sent a malformed digest`);
  return { digest, mediaType: mediaType ? mediaType.split(';')[0].trim() : null };
}
