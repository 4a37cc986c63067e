/**
 * Where an image's blobs come from: an OCI image layout directory (read on demand), or a tar archive
 * (`docker save`, `buildah push docker-archive:`, an OCI layout packed as a tar — `oci-archive:`) read
 * in ONE sequential pass, so that standard input works without a temporary file. During that pass every
 * JSON document is kept (manifests, configs, indexes: small) and every layer-like blob is streamed
 * through {@link scanLayer}; nothing else is kept.
 */
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import * as tarStream from 'tar-stream';
import { ImageError } from './errors.js';
import { entryPath, compressionOf, looksLikeTar, scanLayer, type LayerScan } from './layer.js';

/** Largest JSON document kept from an archive (bytes). */
const JSON_LIMIT = 16 * 1024 * 1024;

/** Access to the blobs and named files of an image archive or layout. */
export interface BlobSource {
  /** `oci` when the source has an `index.json`, `docker` when only a `manifest.json`. */
  kind: 'oci' | 'docker';
  /** Parsed JSON of a named file (`index.json`, `manifest.json`, `<id>.json`) or a blob by `sha256:` digest; null when absent. */
  json(nameOrDigest: string): Promise<unknown>;
  /** The scan of a layer blob by file name or digest; null when absent. */
  layer(nameOrDigest: string, label: string): Promise<LayerScan | null>;
}

function digestPath(digest: string): string | null {
  const m = /^([a-z0-9]+):([a-f0-9]{32,})$/.exec(digest);
  return m ? `blobs/${m[1]}/${m[2]}` : null;
}

/**
 * An OCI image layout directory (OCI image-spec "image-layout": `oci-layout`, `index.json`,
 * `blobs/<alg>/<hex>`), or an unpacked `docker save` directory with a `manifest.json`.
 * @throws ImageError when the directory is neither.
 */
export function directorySource(dir: string): BlobSource {
  const hasIndex = existsSync(join(dir, 'index.json'));
  if (!hasIndex && !existsSync(join(dir, 'manifest.json'))) {
    throw new ImageError(`${dir} is not an OCI image layout (no index.json) nor a docker save directory (no manifest.json)`);
  }
  const file = (name: string) => join(dir, digestPath(name) ?? entryPath(name));
  return {
    kind: hasIndex ? 'oci' : 'docker',
    async json(name) {
      const p = file(name);
      if (!existsSync(p)) return null;
      if (statSync(p).size > JSON_LIMIT) throw new ImageError(`${name} is larger than 16 MiB: not a manifest or config`);
      try {
        return JSON.parse(readFileSync(p, 'utf8'));
      } catch {
        throw new ImageError(`${name} is not valid JSON`);
      }
    },
    async layer(name, label) {
      const p = file(name);
      if (!existsSync(p)) return null;
      return scanLayer(createReadStream(p, { highWaterMark: 1 << 20 }), label);
    },
  };
}

/**
 * Reads a tar archive in one pass (see the module comment).
 * @param input the archive's bytes (a file stream or standard input).
 * @throws ImageError when the input is not a tar archive or a layer in it cannot be read.
 */
export async function tarSource(input: Readable, display: string): Promise<BlobSource> {
  const jsons = new Map<string, unknown>();
  const layers = new Map<string, LayerScan>();
  const links = new Map<string, string>();
  const extract = tarStream.extract();
  let entries = 0;
  const consume = (async () => {
    for await (const entry of extract) {
      entries++;
      const h = entry.header;
      const name = entryPath(h.name);
      if (h.type === 'symlink' || h.type === 'link') {
        const target = h.type === 'symlink' && name.includes('/') ? entryPath(name.replace(/[^/]*$/, '') + (h.linkname ?? '')) : entryPath(h.linkname ?? '');
        links.set(name, target);
        entry.resume();
        continue;
      }
      if (h.type !== 'file' || !h.size) {
        entry.resume();
        continue;
      }
      const it = entry[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
      const head: Buffer[] = [];
      let len = 0;
      let ended = false;
      while (len < 512) {
        const r = await it.next();
        if (r.done) {
          ended = true;
          break;
        }
        head.push(r.value);
        len += r.value.length;
      }
      const first = Buffer.concat(head);
      const text = first.toString('latin1').trimStart();
      if ((text.startsWith('{') || text.startsWith('[')) && h.size <= JSON_LIMIT) {
        const parts: Buffer[] = [first];
        if (!ended) for (let r = await it.next(); !r.done; r = await it.next()) parts.push(r.value);
        const all = Buffer.concat(parts);
        try {
          const doc = JSON.parse(all.toString('utf8'));
          jsons.set(name, doc);
          jsons.set(`sha256:${createHash('sha256').update(all).digest('hex')}`, doc);
        } catch {
          /* not JSON after all: not a manifest, config nor index */
        }
        continue;
      }
      // An empty layer is a tar of end-of-archive zero blocks only (no `ustar` header to recognise):
      // buildah and Docker write one for instructions that change no file.
      const emptyTar = h.size !== undefined && h.size >= 1024 && h.size % 512 === 0 && first.every((byte) => byte === 0);
      if (compressionOf(first) !== 'none' || looksLikeTar(first) || emptyTar) {
        async function* body(): AsyncGenerator<Buffer> {
          yield first;
          if (ended) return;
          for (let r = await it.next(); !r.done; r = await it.next()) yield r.value;
        }
        const scan = await scanLayer(body(), `${display}: ${name}`);
        layers.set(name, scan);
        layers.set(scan.digest, scan);
        continue;
      }
      if (!ended) for (let r = await it.next(); !r.done; r = await it.next()) void r;
    }
  })();
  input.on('error', (e) => extract.destroy(e));
  input.pipe(extract);
  try {
    await consume;
  } catch (e) {
    if (e instanceof ImageError) throw e;
    throw new ImageError(`${display}: not a readable tar archive (${(e as Error).message})`);
  }
  if (entries === 0) throw new ImageError(`${display}: empty input, expected a tar archive`);
  const resolveName = (n: string): string => {
    let name = digestPath(n) ?? entryPath(n);
    for (let i = 0; i < 8 && links.has(name); i++) name = links.get(name)!;
    return name;
  };
  const kind = jsons.has('index.json') ? 'oci' : jsons.has('manifest.json') ? 'docker' : null;
  if (!kind) throw new ImageError(`${display}: not an image archive (no index.json nor manifest.json inside)`);
  return {
    kind,
    async json(n) {
      return jsons.get(n) ?? jsons.get(resolveName(n)) ?? null;
    },
    async layer(n) {
      return layers.get(n) ?? layers.get(resolveName(n)) ?? null;
    },
  };
}
