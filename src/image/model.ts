/**
 * From a blob source to one image: its config, its history and its layers, each verified.
 *
 * - OCI (`index.json`): descriptors are followed through nested indexes (OCI image-spec "Image Index";
 *   Docker's manifest list is read the same way) to the manifest whose platform matches
 *   (`os/architecture[/variant]`); a layout with a single manifest is taken whatever its platform.
 * - Docker (`manifest.json` of `docker save`): its first entry, `Config` and `Layers` as file names.
 *
 * Each layer's digest (OCI descriptors) and diff_id (config `rootfs.diff_ids`, image-spec "Layer
 * DiffID") are checked against the hashes computed while streaming it.
 */
import { ImageError } from './errors.js';
import type { LayerScan } from './layer.js';
import type { BlobSource } from './archive.js';

/** One entry of the config's `history` (image-spec "config": `created_by`, `empty_layer`, `comment`). */
export interface HistoryEntry {
  created?: string;
  created_by?: string;
  comment?: string;
  empty_layer?: boolean;
}

/** The parts of the image config the analysis reads (image-spec "config" `config` object; Docker adds `Healthcheck`). */
interface RuntimeConfig {
  User?: string;
  Env?: string[];
  Labels?: Record<string, string> | null;
  WorkingDir?: string;
  Healthcheck?: { Test?: string[] } | null;
  Entrypoint?: string[] | null;
  Cmd?: string[] | null;
}

/** One layer of the selected image. */
interface ImageLayer {
  /** 0-based position, bottom first. */
  index: number;
  scan: LayerScan;
  /** Index into `history` of the entry that made this layer, or null when the history is shorter. */
  historyIndex: number | null;
}

/** The selected image. */
export interface ImageModel {
  kind: BlobSource['kind'];
  /** `linux/amd64` */
  platform: string;
  config: RuntimeConfig;
  history: HistoryEntry[];
  layers: ImageLayer[];
}

const INDEX_TYPES = new Set(['application/vnd.oci.image.index.v1+json', 'application/vnd.docker.distribution.manifest.list.v2+json']);

interface Descriptor {
  mediaType?: string;
  digest: string;
  size?: number;
  platform?: { os?: string; architecture?: string; variant?: string };
  annotations?: Record<string, string>;
}

/** The platform of this machine in OCI terms (`linux/amd64`), `linux/amd64` elsewhere than Linux. */
function hostPlatform(): string {
  const arch: Record<string, string> = { x64: 'amd64', arm64: 'arm64', arm: 'arm', ia32: '386', ppc64: 'ppc64le', s390x: 's390x', riscv64: 'riscv64' };
  return typeof process !== 'undefined' && process.platform === 'linux' && arch[process.arch] ? `linux/${arch[process.arch]}` : 'linux/amd64';
}

function platformOf(p: Descriptor['platform'] | undefined): string | null {
  if (!p?.os || !p.architecture) return null;
  return `${p.os}/${p.architecture}${p.variant ? '/' + p.variant : ''}`;
}

/** `linux/arm64` matches `linux/arm64/v8` and the reverse; otherwise exact. */
function samePlatform(a: string, b: string): boolean {
  const [ao, aa, av] = a.split('/');
  const [bo, ba, bv] = b.split('/');
  return ao === bo && aa === ba && (!av || !bv || av === bv);
}

function isIndex(doc: Record<string, unknown>, d?: Descriptor): boolean {
  return INDEX_TYPES.has(String(d?.mediaType ?? doc.mediaType ?? '')) || (Array.isArray(doc.manifests) && !Array.isArray(doc.layers));
}

/**
 * Selects the image for `platform` from a source and verifies its layers.
 * @param platform `os/arch[/variant]`; default {@link hostPlatform}.
 * @param onLayer called after each layer is read (progress).
 * @throws ImageError for a missing blob, no manifest for the platform, or a digest/diff_id mismatch.
 */
export async function loadImage(src: BlobSource, display: string, platform?: string): Promise<ImageModel> {
  const want = platform ?? hostPlatform();
  let manifest: Record<string, unknown>;
  let configRef: string;
  let layerRefs: { ref: string; digest?: string }[];
  if (src.kind === 'oci') {
    const index = (await src.json('index.json')) as Record<string, unknown>;
    const found = await pickManifest(src, index, want, platform !== undefined, display, 0);
    manifest = found;
    const cfg = manifest.config as Descriptor | undefined;
    if (!cfg?.digest) throw new ImageError(`${display}: the manifest has no config descriptor`);
    configRef = cfg.digest;
    layerRefs = ((manifest.layers as Descriptor[] | undefined) ?? []).map((l) => ({ ref: l.digest, digest: l.digest }));
  } else {
    const list = (await src.json('manifest.json')) as { Config?: string; Layers?: string[] }[] | null;
    if (!Array.isArray(list) || list.length === 0 || !list[0].Config) throw new ImageError(`${display}: manifest.json lists no image`);
    configRef = list[0].Config;
    layerRefs = (list[0].Layers ?? []).map((l) => ({ ref: l }));
  }
  const config = (await src.json(configRef)) as Record<string, unknown> | null;
  if (!config) throw new ImageError(`${display}: the image config ${configRef} is missing`);
  const diffIds = ((config.rootfs as { diff_ids?: string[] } | undefined)?.diff_ids ?? []) as string[];
  if (diffIds.length !== layerRefs.length) {
    throw new ImageError(`${display}: the config lists ${diffIds.length} diff_ids but the manifest ${layerRefs.length} layers`);
  }
  const history = ((config.history as HistoryEntry[] | undefined) ?? []).filter((h) => h && typeof h === 'object');
  // Non-empty history entries correspond to layers in order (image-spec: `empty_layer` marks the others).
  const layerHistory: number[] = [];
  history.forEach((h, i) => {
    if (!h.empty_layer) layerHistory.push(i);
  });
  const layers: ImageLayer[] = [];
  for (let i = 0; i < layerRefs.length; i++) {
    const { ref, digest } = layerRefs[i];
    const label = `layer ${i + 1} (${(digest ?? ref).slice(0, 19)})`;
    const scan = await src.layer(ref, `${display}: ${label}`);
    if (!scan) throw new ImageError(`${display}: ${label} is missing from the archive`);
    if (digest && scan.digest !== digest) throw new ImageError(`${display}: ${label}: the blob hashes to ${scan.digest}, the manifest says ${digest}`);
    if (scan.diffId !== diffIds[i]) throw new ImageError(`${display}: ${label}: diff_id mismatch: the uncompressed layer hashes to ${scan.diffId}, the config says ${diffIds[i]}`);
    layers.push({ index: i, scan, historyIndex: layerHistory.length === layerRefs.length ? layerHistory[i] : null });
  }
  const os = String(config.os ?? 'linux');
  const arch = String(config.architecture ?? 'unknown');
  return {
    kind: src.kind,
    platform: `${os}/${arch}${config.variant ? '/' + String(config.variant) : ''}`,
    config: ((config.config ?? {}) as RuntimeConfig) ?? {},
    history,
    layers,
  };
}

async function pickManifest(src: BlobSource, index: Record<string, unknown>, want: string, explicit: boolean, display: string, depth: number): Promise<Record<string, unknown>> {
  if (depth > 8) throw new ImageError(`${display}: indexes nested more than 8 deep`);
  const descs = ((index.manifests as Descriptor[] | undefined) ?? []).filter((d) => d && typeof d.digest === 'string');
  // Attestation manifests (BuildKit's `unknown/unknown` entries) are not images.
  const images = descs.filter((d) => d.annotations?.['vnd.docker.reference.type'] !== 'attestation-manifest' && platformOf(d.platform) !== 'unknown/unknown');
  if (images.length === 0) throw new ImageError(`${display}: the index lists no image manifest`);
  const seen: string[] = [];
  const candidates: { d: Descriptor; doc: Record<string, unknown> }[] = [];
  for (const d of images) {
    const doc = (await src.json(d.digest)) as Record<string, unknown> | null;
    if (!doc) {
      if (images.length === 1) throw new ImageError(`${display}: blob ${d.digest} is missing`);
      continue;
    }
    if (isIndex(doc, d)) {
      try {
        candidates.push({ d, doc: await pickManifest(src, doc, want, explicit, display, depth + 1) });
      } catch (e) {
        if (!(e instanceof ImageError) || images.length === 1) throw e;
      }
      continue;
    }
    candidates.push({ d, doc });
  }
  for (const c of candidates) {
    let p = platformOf(c.d.platform);
    if (!p) {
      const cfg = (c.doc.config as Descriptor | undefined)?.digest;
      const conf = cfg ? ((await src.json(cfg)) as Record<string, unknown> | null) : null;
      if (conf?.os && conf.architecture) p = `${String(conf.os)}/${String(conf.architecture)}${conf.variant ? '/' + String(conf.variant) : ''}`;
    }
    if (p) seen.push(p);
    if (p && samePlatform(p, want)) return c.doc;
  }
  if (candidates.length === 1 && !explicit) return candidates[0].doc;
  if (candidates.length === 1 && seen.length === 0) return candidates[0].doc;
  throw new ImageError(`${display}: no image for platform ${want}; the index has ${seen.length ? seen.join(', ') : 'no platform information'} (choose one with --platform)`);
}
