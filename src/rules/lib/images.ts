/**
 * What shipshape knows about public images: how finely the official images version their tags, which
 * tag words are release channels, which tags declare a non-root default user; `scratch`, the image word
 * of a FROM, and whether a stage chain is Alpine/BusyBox based.
 *
 * The data is small on purpose: an image missing here is judged with the generic test (a major-only
 * tag or a channel word floats). Sources: the tag lists on the images' Docker Hub pages (2024–2026).
 *
 * No `node:` imports: rules run in browsers and language servers too.
 */
import type { ImageRef, Stage, Word } from '../../parse/types.js';

/**
 * Images whose first release of a series has no patch number (`gradle:8.9`, `wordpress:6.6`, `bash:5.2`,
 * `swift:5.10`) are left out: there a two-part tag can be the finest one.
 *
 * Numeric components of a fully pinned version tag of each Docker Official Image (Docker Hub `library/`)
 * and a few other widely used images, e.g. `python:3.12.4` → 3, `debian:12.6` → 2, `ubuntu:24.04` → 2.
 * A function receives the major version, for images whose scheme changed (postgres 9.6.24 → 16.3).
 * 0 means the image publishes no numeric versions (only codenames): only channel words fire.
 */
const VERSION_COMPONENTS: Readonly<Record<string, number | ((major: number) => number)>> = {
  python: 3,
  node: 3,
  golang: 3,
  ruby: 3,
  php: 3,
  postgres: (major) => (major >= 10 ? 2 : 3),
  redis: 3,
  nginx: 3,
  httpd: 3,
  haproxy: 3,
  memcached: 3,
  mysql: 3,
  mariadb: 3,
  mongo: 3,
  rabbitmq: 3,
  elasticsearch: 3,
  debian: 2,
  ubuntu: 2,
  alpine: 3,
  busybox: 3,
  centos: 3,
  rockylinux: 2,
  almalinux: 2,
  oraclelinux: 1,
  fedora: 1,
  rust: 3,
  docker: 3,
  maven: 3,
  'eclipse-temurin': 3,
  tomcat: 3,
  composer: 3,
  ghost: 3,
  perl: 3,
  elixir: 3,
  julia: 3,
  traefik: 3,
  caddy: 3,
  'buildpack-deps': 0,
  // Microsoft's .NET images: `8.0` floats over patch releases (`8.0.7`).
  'mcr.microsoft.com/dotnet/sdk': 3,
  'mcr.microsoft.com/dotnet/aspnet': 3,
  'mcr.microsoft.com/dotnet/runtime': 3,
  'mcr.microsoft.com/dotnet/runtime-deps': 3,
};

/** Debian release codenames and their major versions (the tag `bookworm` moves like `12`). */
export const DEBIAN_CODENAMES: ReadonlyMap<string, number> = new Map([
  ['wheezy', 7], ['jessie', 8], ['stretch', 9], ['buster', 10], ['bullseye', 11], ['bookworm', 12], ['trixie', 13],
  ['forky', 14], ['duke', 15],
]);

/** Ubuntu release codenames (the tag `noble` is the same as `24.04`). */
const UBUNTU_CODENAMES: ReadonlySet<string> = new Set([
  'trusty', 'xenial', 'bionic', 'focal', 'jammy', 'kinetic', 'lunar', 'mantic', 'noble', 'oracular', 'plucky',
  'questing', 'resolute',
]);

/** Tag words that name a release channel: the image behind them changes as new releases come out. */
const CHANNEL_WORDS: ReadonlySet<string> = new Set([
  'lts', 'stable', 'current', 'edge', 'mainline', 'rolling', 'nightly', 'unstable', 'testing', 'sid',
  'experimental', 'oldstable', 'devel', 'next', 'canary', 'beta', 'alpha', 'rc',
]);

/** Variant words that, written alone, mean "the latest version of this variant". */
const BARE_VARIANT_WORDS: ReadonlySet<string> = new Set(['alpine', 'slim', 'alpine-slim']);

/** Architecture namespaces that mirror the official images (`amd64/alpine` is `alpine`). */
const ARCH_NAMESPACES = new Set(['amd64', 'arm32v5', 'arm32v6', 'arm32v7', 'arm64v8', 'i386', 'ppc64le', 's390x', 'riscv64', 'mips64le', 'windows-amd64', 'library']);

/**
 * The short name used by {@link VERSION_COMPONENTS}: `python` for Docker Hub `library/python` (also
 * `docker.io/library/python` and `amd64/python`), `mcr.microsoft.com/dotnet/sdk` for other registries,
 * `owner/name` for other Docker Hub images.
 */
export function imageKey(image: ImageRef): string {
  const hub = image.registry === null || image.registry === 'docker.io' || image.registry === 'index.docker.io' || image.registry === 'registry-1.docker.io';
  if (!hub) return `${image.registry}/${image.repository}`.toLowerCase();
  const parts = image.repository.toLowerCase().split('/');
  if (parts.length === 2 && ARCH_NAMESPACES.has(parts[0])) return parts[1];
  return parts.join('/');
}


/** How a tag reads: a version and a variant, or words. */
interface TagShape {
  /** The leading version (`3.11` of `3.11-slim`), or null when the tag does not start with one. */
  version: string | null;
  /** Its numeric components (`[3, 11]`). */
  numbers: number[];
  /** True when the version carries a pre-release or build part (`3.13.0rc1`, `21.0.4_7`): pinned. */
  qualified: boolean;
  /** The dash-separated words of the tag. */
  words: string[];
}

/** Splits a tag into its leading version and words (`3.11-slim-bookworm`). */
export function tagShape(tag: string): TagShape {
  const words = tag.toLowerCase().split('-');
  const m = /^v?(\d+(?:\.\d+)*)([a-z_+][0-9a-z_.+]*)?$/.exec(words[0]);
  if (!m) return { version: null, numbers: [], qualified: false, words };
  return { version: m[1], numbers: m[1].split('.').map(Number), qualified: m[2] !== undefined, words };
}

/** Why a tag floats, or null when it is pinned as finely as we can tell. */
interface FloatingTag {
  kind: 'coarse-version' | 'channel' | 'no-version' | 'codename';
  /** The components a pinned tag has (coarse versions). */
  wanted?: number;
}

/**
 * Judges a tag of an image (no digest): null when pinned, else why it floats.
 * - Known images: a version with fewer components than the image publishes; a tag without any version
 *   (`python:slim`, `node:lts`); a Debian codename without a date (`debian:bookworm-slim`, like `12`).
 * - Every image: a channel word (`lts`, `stable`, `edge`...) or a bare `alpine`/`slim`; a major-only
 *   version (`3`, `3-alpine`) — except numbers of 1000 or more, which are builds or dates (`1809`).
 */
export function floatingTag(image: ImageRef, tag: string): FloatingTag | null {
  const key = imageKey(image);
  const shape = tagShape(tag);
  const first = shape.words[0];
  const known = VERSION_COMPONENTS[key];
  if (shape.version === null) {
    // Images that publish only codenames (`buildpack-deps:sid-scm`) have nothing finer to pin.
    if (known === 0) return null;
    // `bookworm-20240701-slim`, `sid-20240701`: dated snapshots are pinned.
    if (key === 'debian' && /^\d{8}$/.test(shape.words[1] ?? '')) return null;
    if (CHANNEL_WORDS.has(first)) return { kind: 'channel' };
    if (BARE_VARIANT_WORDS.has(tag.toLowerCase())) return { kind: 'channel' };
    if (key === 'debian' && DEBIAN_CODENAMES.has(first)) return { kind: 'codename', wanted: 2 };
    if (key === 'ubuntu' && UBUNTU_CODENAMES.has(first)) return null;
    // A version after a variant word (`busybox:buildroot-2014.02`, `uclibc-1.36.1`) is a pin.
    if (shape.words.slice(1).some((w) => /^v?\d+(\.\d+)+$/.test(w))) return null;
    if (known !== undefined && known !== 0) return { kind: 'no-version' };
    return null;
  }
  if (shape.qualified) return null;
  if (known !== undefined) {
    const wanted = typeof known === 'function' ? known(shape.numbers[0]) : known;
    if (wanted > 0 && shape.numbers.length < wanted) return { kind: 'coarse-version', wanted };
    return null;
  }
  if (shape.numbers.length === 1 && shape.numbers[0] < 1000 && shape.version.length < 4) return { kind: 'coarse-version' };
  return null;
}

/**
 * True when the tag of a base image says it runs as a non-root user by default: distroless and similar
 * images publish `nonroot` variants (`gcr.io/distroless/static-debian12:nonroot`, `:debug-nonroot`), and
 * Microsoft's chiseled and distroless .NET images (`mcr.microsoft.com/dotnet/runtime-deps:8.0.7-jammy-chiseled`,
 * `...-azurelinux3.0-distroless`) run as their `app` user (`$APP_UID`).
 */
export function nonRootTag(image: ImageRef): boolean {
  const words = (image.tag?.toLowerCase() ?? '').split(/[-_.]/);
  if (words.includes('nonroot')) return true;
  return imageKey(image).startsWith('mcr.microsoft.com/dotnet/') && (words.includes('chiseled') || words.includes('distroless'));
}


/** True when the base is `scratch` (no image). */
export function isScratch(image: ImageRef): boolean {
  return image.expanded.trim().toLowerCase() === 'scratch';
}

/** The image word of a stage's FROM (the first word after the flags). */
export function fromImageWord(stage: Stage): Word | null {
  return stage.from.words[0] ?? null;
}

/**
 * True when a stage chain (`ctx.stage(s).chain`) is based on Alpine or BusyBox, or installs packages
 * with `apk`: its `wget` is BusyBox's and it has no bash by default.
 */
export function looksBusybox(chain: readonly Stage[]): boolean {
  for (const s of chain) {
    if (s.base.kind === 'image' && /alpine|busybox/i.test(s.base.image.expanded)) return true;
    for (const i of s.instructions) {
      const target = i.keyword === 'ONBUILD' ? i.onbuild : i;
      if (target && target.keyword === 'RUN' && /(^|[\s;&|(])apk\s/.test(target.argsAfterFlags.text)) return true;
    }
  }
  return false;
}
