/**
 * Reading one layer blob as a stream: the compression is recognised by its magic bytes (gzip
 * `1f 8b`, zstd `28 b5 2f fd`, otherwise an uncompressed tar, OCI image-spec "Image Layer Filesystem
 * Changeset"), the compressed and uncompressed bytes are hashed as they pass (digest and diff_id), and
 * the tar inside is read entry by entry with `tar-stream`. Only metadata is kept, plus the contents of
 * the few small files the checks read ({@link wantContent}); no layer is ever held in memory whole.
 */
import { createHash } from 'node:crypto';
import { Readable, Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import { Decompress } from 'fzstd';
import * as tarStream from 'tar-stream';
import { findSecrets, secretFileKind, withArticle } from '../rules/lib/secrets.js';
import { ImageError } from './errors.js';
import { cleanPath } from '../parse/paths.js';

/** Kind of a layer entry. */
type EntryType = 'file' | 'dir' | 'symlink' | 'hardlink' | 'other';

/** One entry of a layer's tar (a change to the filesystem). */
export interface LayerEntry {
  /** Path relative to the root, without a leading `/` or `./` and without a trailing `/` (`usr/bin/gcc`). */
  path: string;
  type: EntryType;
  /** Size in bytes of the file's content (0 for anything but regular files). */
  size: number;
  /** Permission bits including setuid (0o4000) and setgid (0o2000). */
  mode: number;
  uid: number;
  gid: number;
  /** Target of a symlink or hard link. */
  linkname?: string;
  /** `whiteout`: `.wh.<name>` deletes `<name>` from lower layers; `opaque`: `.wh..wh..opq` hides all lower children of the directory. */
  whiteout?: 'whiteout' | 'opaque';
}

/** What reading one layer found. */
export interface LayerScan {
  /** `sha256:<hex>` of the blob as stored (compressed). */
  digest: string;
  /** `sha256:<hex>` of the uncompressed tar: the diff_id. */
  diffId: string;
  compression: 'gzip' | 'zstd' | 'none';
  /** Bytes of the blob as stored. */
  compressedSize: number;
  /** Entries in tar order; for a whiteout, `path` is the deleted path (the directory for an opaque whiteout). */
  entries: LayerEntry[];
  /** Package databases (dpkg status, apk installed) by path, as UTF-8 text. */
  databases: Map<string, string>;
  /**
   * Files that hold a credential, by path → its kind (`SSH private key`, `file with an AWS secret
   * access key`): judged while streaming (src/rules/lib/secrets.ts) so no content is kept.
   */
  secrets: Map<string, string>;
}

/** Largest file whose content is kept for secret scanning (bytes). */
const SCAN_LIMIT = 64 * 1024;
/** Largest package database kept (dpkg status, apk installed), bytes. */
const DB_LIMIT = 32 * 1024 * 1024;

const SYSTEM_PREFIX = /^(usr|lib|lib32|lib64|libx32|bin|sbin|proc|sys|dev|boot|var\/lib\/(dpkg|apt|apk)|var\/cache|var\/log|etc\/ssl|etc\/ca-certificates|usr\/share)\//;
const THIRD_PARTY = /(^|\/)(site-packages|dist-packages|node_modules|\.git)\//;

/** True for the package databases the build-tools check reads. */
export function isPackageDb(path: string): boolean {
  return path === 'var/lib/dpkg/status' || path.startsWith('var/lib/dpkg/status.d/') || path === 'lib/apk/db/installed';
}

/** True for files of the image's own content: not under system or third-party directories (these are scanned for secrets). */
function isOwnFile(path: string): boolean {
  return !SYSTEM_PREFIX.test(path) && !THIRD_PARTY.test(path);
}

/**
 * Which file contents are read: package databases (up to 32 MiB, kept) and small files outside system
 * and third-party directories (at most {@link SCAN_LIMIT} bytes, scanned for secrets, then dropped).
 */
function wantContent(path: string, size: number): boolean {
  if (isPackageDb(path)) return size <= DB_LIMIT;
  if (size === 0 || size > SCAN_LIMIT) return false;
  return isOwnFile(path);
}

/** The kind of credential a file holds, by its name and (when read) its content; null when none. */
function secretKindOf(path: string, content: string | null): string | null {
  const byName = secretFileKind(path, content);
  if (byName) return byName;
  if (content === null || content.includes('\0')) return null;
  const hits = findSecrets(content);
  return hits.length > 0 ? `file with ${withArticle(hits[0].kind)}` : null;
}

/**
 * The path of a tar entry inside the image's root filesystem, without a leading `/`: `./usr//bin/` →
 * `usr/bin`, with `..` clamped at the root as a layer is applied (OCI image spec, "Changeset over
 * existing files"). Backslashes are read as separators. Go's path.Clean semantics (src/parse/paths.ts).
 */
export function entryPath(name: string): string {
  const p = cleanPath(`/${name.replace(/\\/g, '/')}`);
  return p === '/' ? '' : p.slice(1);
}

/** Passes a stream through, counting its bytes and hashing them with SHA-256 (digests, diff_ids). */
export class HashTap extends Transform {
  readonly hash = createHash('sha256');
  bytes = 0;
  override _transform(chunk: Buffer, _enc: BufferEncoding, cb: TransformCallback): void {
    this.hash.update(chunk);
    this.bytes += chunk.length;
    cb(null, chunk);
  }
}

/** A transform that decompresses zstd with fzstd's streaming decoder. */
class ZstdDecode extends Transform {
  private readonly d: Decompress;
  constructor() {
    super();
    this.d = new Decompress((data) => {
      this.push(Buffer.from(data.buffer, data.byteOffset, data.byteLength));
    });
  }
  override _transform(chunk: Buffer, _enc: BufferEncoding, cb: TransformCallback): void {
    try {
      this.d.push(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
      cb();
    } catch (e) {
      cb(e as Error);
    }
  }
  override _flush(cb: TransformCallback): void {
    try {
      this.d.push(new Uint8Array(0), true);
      cb();
    } catch (e) {
      cb(e as Error);
    }
  }
}

/** Reads the first `n` bytes of a stream and gives back a stream that still yields everything. */
async function peek(source: AsyncIterable<Buffer>, n: number): Promise<{ head: Buffer; stream: Readable }> {
  const it = source[Symbol.asyncIterator]();
  const got: Buffer[] = [];
  let len = 0;
  let done = false;
  while (len < n) {
    const r = await it.next();
    if (r.done) {
      done = true;
      break;
    }
    got.push(r.value);
    len += r.value.length;
  }
  const head = Buffer.concat(got);
  async function* rest(): AsyncGenerator<Buffer> {
    if (head.length > 0) yield head;
    if (done) return;
    for (;;) {
      const r = await it.next();
      if (r.done) return;
      yield r.value;
    }
  }
  return { head, stream: Readable.from(rest(), { objectMode: false }) };
}

/** The compression a blob's first bytes announce. */
export function compressionOf(head: Buffer): LayerScan['compression'] {
  if (head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b) return 'gzip';
  if (head.length >= 4 && head.readUInt32LE(0) === 0xfd2fb528) return 'zstd';
  return 'none';
}

/** True when `head` (at least 262 bytes) starts a tar archive (`ustar` magic at offset 257). */
export function looksLikeTar(head: Buffer): boolean {
  return head.length >= 262 && head.toString('latin1', 257, 262) === 'ustar';
}

function typeOf(t: string | null | undefined): EntryType {
  switch (t) {
    case 'file':
    case 'contiguous-file':
      return 'file';
    case 'directory':
      return 'dir';
    case 'symlink':
      return 'symlink';
    case 'link':
      return 'hardlink';
    default:
      return 'other';
  }
}

/**
 * Streams one layer blob and returns what it holds.
 * @param source the blob's bytes as stored (compressed or not).
 * @param label how the layer is named in error messages (`layer 3 (sha256:ab12…)`).
 * @throws ImageError when the blob cannot be decompressed or is not a tar archive.
 */
export async function scanLayer(source: AsyncIterable<Buffer>, label: string): Promise<LayerScan> {
  const { head, stream } = await peek(source, 512);
  const compression = compressionOf(head);
  if (compression === 'none' && head.length > 0 && !looksLikeTar(head) && !head.subarray(0, Math.min(head.length, 512)).every((b) => b === 0)) {
    throw new ImageError(`${label} is neither gzip, zstd nor a tar archive`);
  }
  const outer = new HashTap();
  const inner = new HashTap();
  const entries: LayerEntry[] = [];
  const databases = new Map<string, string>();
  const secrets = new Map<string, string>();
  const extract = tarStream.extract();
  const consume = (async () => {
    for await (const entry of extract) {
      const h = entry.header;
      const path = entryPath(h.name);
      const base = path.replace(/^.*\//, '');
      const dir = path.includes('/') ? path.replace(/\/[^/]*$/, '') : '';
      const common = { size: 0, mode: h.mode ?? 0, uid: h.uid ?? 0, gid: h.gid ?? 0 };
      if (base === '.wh..wh..opq') {
        entries.push({ ...common, path: dir, type: 'dir', whiteout: 'opaque' });
      } else if (base.startsWith('.wh.')) {
        entries.push({ ...common, path: (dir ? dir + '/' : '') + base.slice(4), type: 'other', whiteout: 'whiteout' });
      } else if (path !== '') {
        const type = typeOf(h.type);
        const size = type === 'file' ? h.size ?? 0 : 0;
        entries.push({ ...common, path, type, size, ...(h.linkname ? { linkname: h.linkname } : {}) });
        if (type === 'file' && wantContent(path, size)) {
          const parts: Buffer[] = [];
          for await (const c of entry) parts.push(c as Buffer);
          const text = Buffer.concat(parts).toString('utf8');
          if (isPackageDb(path)) databases.set(path, text);
          else {
            const kind = secretKindOf(path, text);
            if (kind) secrets.set(path, kind);
          }
          continue;
        }
        if (type === 'file' && isOwnFile(path)) {
          const kind = secretFileKind(path, null);
          if (kind) secrets.set(path, kind);
        }
      }
      entry.resume();
    }
  })();
  const stages: NodeJS.ReadWriteStream[] = [outer];
  if (compression === 'gzip') stages.push(createGunzip());
  else if (compression === 'zstd') stages.push(new ZstdDecode());
  stages.push(inner);
  try {
    await Promise.all([pipeline(stream, ...(stages as [Transform]), extract as unknown as NodeJS.WritableStream), consume]);
  } catch (e) {
    throw new ImageError(`${label}: cannot read the ${compression === 'none' ? 'tar' : compression + ' data'}: ${(e as Error).message}`);
  }
  return {
    digest: `sha256:${outer.hash.digest('hex')}`,
    diffId: `sha256:${inner.hash.digest('hex')}`,
    compression,
    compressedSize: outer.bytes,
    entries,
    databases,
    secrets,
  };
}
