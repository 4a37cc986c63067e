/**
 * Writes OCI image layouts for the cases a builder cannot make (zstd layers, nested indexes, wrong
 * diff_ids, opaque whiteouts on demand). Layers are real tars (tar-stream), compressed with zlib's gzip
 * or as zstd frames (the `zstd` program when installed, else a frame of raw blocks, which the zstd
 * format allows and every decoder must read).
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import * as tarStream from 'tar-stream';

export interface FileSpec {
  path: string;
  content?: string | Buffer;
  type?: 'file' | 'directory' | 'symlink';
  mode?: number;
  linkname?: string;
}

export interface LayerSpec {
  files: FileSpec[];
  compression?: 'gzip' | 'zstd' | 'zstd-raw' | 'none';
  createdBy?: string;
}

export interface ImageSpec {
  layers: LayerSpec[];
  platform?: string;
  config?: Record<string, unknown>;
  /** Replace the diff_id of this layer index with a wrong one. */
  badDiffId?: number;
}

/** A tar archive of the given entries. */
export async function tarOf(files: FileSpec[]): Promise<Buffer> {
  const pack = tarStream.pack();
  const chunks: Buffer[] = [];
  const done = (async () => {
    for await (const c of pack) chunks.push(c as Buffer);
  })();
  for (const f of files) {
    const type = f.type ?? 'file';
    const body = type === 'file' ? Buffer.from(f.content ?? '') : undefined;
    await new Promise<void>((res, rej) =>
      pack.entry({ name: f.path, type, mode: f.mode ?? (type === 'directory' ? 0o755 : 0o644), size: body?.length ?? 0, linkname: f.linkname, uid: 0, gid: 0 }, body ?? Buffer.alloc(0), (e) => (e ? rej(e) : res())),
    );
  }
  pack.finalize();
  await done;
  return Buffer.concat(chunks);
}

/** A zstd frame made of raw (stored) blocks: valid zstd without a compressor. */
export function zstdRaw(data: Buffer): Buffer {
  const parts: Buffer[] = [Buffer.from([0x28, 0xb5, 0x2f, 0xfd, 0x00, 0x38])]; // magic; no FCS, window 2^17
  const max = 128 * 1024;
  for (let off = 0; off < data.length || off === 0; off += max) {
    const block = data.subarray(off, off + max);
    const last = off + max >= data.length ? 1 : 0;
    const header = (block.length << 3) | (0 << 1) | last;
    parts.push(Buffer.from([header & 0xff, (header >> 8) & 0xff, (header >> 16) & 0xff]), block);
    if (data.length === 0) break;
  }
  return Buffer.concat(parts);
}

function compress(tar: Buffer, how: LayerSpec['compression']): { blob: Buffer; mediaType: string } {
  switch (how ?? 'gzip') {
    case 'gzip':
      return { blob: gzipSync(tar), mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip' };
    case 'zstd': {
      const r = spawnSync('zstd', ['-q', '-c', '-3'], { input: tar });
      const blob = r.status === 0 && r.stdout.length > 0 ? r.stdout : zstdRaw(tar);
      return { blob, mediaType: 'application/vnd.oci.image.layer.v1.tar+zstd' };
    }
    case 'zstd-raw':
      return { blob: zstdRaw(tar), mediaType: 'application/vnd.oci.image.layer.v1.tar+zstd' };
    default:
      return { blob: tar, mediaType: 'application/vnd.oci.image.layer.v1.tar' };
  }
}

const sha = (b: Buffer | string) => `sha256:${createHash('sha256').update(b).digest('hex')}`;

class Layout {
  constructor(readonly dir: string) {
    mkdirSync(join(dir, 'blobs/sha256'), { recursive: true });
    writeFileSync(join(dir, 'oci-layout'), '{"imageLayoutVersion":"1.0.0"}');
  }
  blob(data: Buffer | string): { digest: string; size: number } {
    const buf = Buffer.from(data);
    const digest = sha(buf);
    writeFileSync(join(this.dir, 'blobs/sha256', digest.slice(7)), buf);
    return { digest, size: buf.length };
  }
}

/** Writes one image (config, layers, manifest) into a layout; returns the manifest descriptor. */
export async function writeImage(layout: Layout, spec: ImageSpec): Promise<Record<string, unknown>> {
  const [os, architecture, variant] = (spec.platform ?? 'linux/amd64').split('/');
  const layers: Record<string, unknown>[] = [];
  const diffIds: string[] = [];
  for (const l of spec.layers) {
    const tar = await tarOf(l.files);
    diffIds.push(sha(tar));
    const { blob, mediaType } = compress(tar, l.compression);
    layers.push({ mediaType, ...layout.blob(blob) });
  }
  if (spec.badDiffId !== undefined) diffIds[spec.badDiffId] = sha('not this layer');
  const config = {
    os,
    architecture,
    ...(variant ? { variant } : {}),
    config: { Env: ['PATH=/usr/bin:/bin'], ...(spec.config ?? {}) },
    rootfs: { type: 'layers', diff_ids: diffIds },
    history: spec.layers.map((l, i) => ({ created_by: l.createdBy ?? `/bin/sh -c #(nop) ADD layer${i} in /` })),
  };
  const cfg = layout.blob(JSON.stringify(config));
  const manifest = { schemaVersion: 2, mediaType: 'application/vnd.oci.image.manifest.v1+json', config: { mediaType: 'application/vnd.oci.image.config.v1+json', ...cfg }, layers };
  const m = layout.blob(JSON.stringify(manifest));
  return { mediaType: 'application/vnd.oci.image.manifest.v1+json', ...m, platform: { os, architecture, ...(variant ? { variant } : {}) } };
}

/**
 * Writes a layout whose index.json lists `images`; with `nested`, index.json points to one inner
 * index that lists them (as `docker buildx` or `oras` write multi-platform images).
 */
export async function writeLayout(dir: string, images: ImageSpec[], nested = false): Promise<void> {
  const layout = new Layout(dir);
  const descs = [];
  for (const im of images) descs.push(await writeImage(layout, im));
  let manifests = descs;
  if (nested) {
    const inner = layout.blob(JSON.stringify({ schemaVersion: 2, mediaType: 'application/vnd.oci.image.index.v1+json', manifests: descs }));
    manifests = [{ mediaType: 'application/vnd.oci.image.index.v1+json', ...inner }];
  }
  writeFileSync(join(dir, 'index.json'), JSON.stringify({ schemaVersion: 2, mediaType: 'application/vnd.oci.image.index.v1+json', manifests }));
}
