/**
 * Where a Dockerfile names images that the build pulls, and the text edits that pin them:
 * `FROM <image>`, `COPY --from=<image>` and `RUN --mount=...,from=<image>` (not when the name is a
 * stage, as BuildKit resolves stage names first), and for `FROM ${VAR}` the default of the global
 * `ARG VAR=<image>`. A pin keeps the tag and adds the digest: `python:3.12-slim@sha256:…` (BuildKit
 * then pulls by digest; the tag stays for people and for `--update`).
 */
import type { Dockerfile, Instruction } from '../parse/types.js';
import { parseImageRef } from '../parse/image-ref.js';
import { analyze, expandInScope, type Semantics } from '../parse/semantics.js';

/** One place that names an image. */
export interface PinSite {
  /** 1-based line of the text to rewrite. */
  line: number;
  /** What names it: `FROM`, `COPY --from`, `RUN --mount`, or `ARG` (a default used by a FROM). */
  kind: 'FROM' | 'COPY --from' | 'RUN --mount' | 'ARG';
  /** Offsets in the Dockerfile text of the reference as written. */
  start: number;
  end: number;
  /** The reference as written there (`python:3.12@sha256:…`). */
  text: string;
  /** The reference to resolve: `text` without its digest (`latest` tag when none). */
  resolve: string;
  /** The written digest, or null when the reference is not pinned. */
  digest: string | null;
  /** True when the reference has a digest but no tag: it is pinned and cannot be checked. */
  digestOnly: boolean;
  /**
   * For a FROM reference built from global ARGs (`uv:${UV_VERSION}`): the defaults that made `resolve`
   * (`UV_VERSION=0.11.16`). BuildKit expands FROM with the global ARGs' defaults, so that is the image
   * built without `--build-arg`; the digest written after it pins that default (a reference with a
   * digest is pulled by digest, its tag is not looked at).
   */
  fromDefaults?: string[];
}

/**
 * A reference that cannot be resolved or pinned in place, with the reason: its image comes from build
 * arguments (`FROM ${BASE}` with `ARG BASE` and no default, `python:${PY}-slim`, `COPY --from=$IMG`), so
 * which image the build pulls is only known at build time.
 */
export interface PinSkip {
  line: number;
  /** What names it (as {@link PinSite.kind}; `FROM` for an ARG-built FROM reference). */
  kind: PinSite['kind'];
  /** The reference as written (`${BASE}`). */
  text: string;
  /** Why it is not pinned, one clause (`ARG BASE has no default: ...`). */
  reason: string;
  /**
   * True when the written text carries a digest anyway (`python:${PY}-slim@sha256:…`): BuildKit pulls
   * exactly that content, so it is pinned, only not checkable against a tag.
   */
  pinned: boolean;
}

const DIGEST = /@sha256:[0-9a-f]{64}$/i;

const stageNames = (df: Dockerfile) => new Set(df.stages.map((s) => s.name?.toLowerCase()).filter((n): n is string => !!n));

/**
 * The site of the reference written at `start`..`end`; `expanded` is the reference it names when that
 * text is built from ARGs (then the text may hold `$`).
 */
function siteFor(df: Dockerfile, kind: PinSite['kind'], start: number, end: number, line: number, expanded?: string): PinSite | null {
  const text = df.text.slice(start, end);
  const ref0 = expanded ?? text;
  if (text === '' || ref0.toLowerCase() === 'scratch' || /\$/.test(ref0)) return null;
  const ref = parseImageRef(ref0, ref0, false);
  const at = ref0.indexOf('@');
  const name = at >= 0 ? ref0.slice(0, at) : ref0;
  const digestOnly = ref.digest !== null && ref.tag === null;
  return { line, kind, start, end, text, resolve: ref.tag === null && !digestOnly ? `${name}:latest` : name, digest: ref.digest, digestOnly };
}

/** Finds every pinnable image reference of a Dockerfile (and those that cannot be pinned in place). */
export function findPinSites(df: Dockerfile): { sites: PinSite[]; skipped: PinSkip[] } {
  const sites: PinSite[] = [];
  const skipped: PinSkip[] = [];
  const names = stageNames(df);
  const add = (s: PinSite | null) => {
    if (s && !sites.some((o) => o.start === s.start)) sites.push(s);
  };
  // A FROM reference built from global ARGs whose defaults give a plain image reference: BuildKit
  // builds that image when no --build-arg is given, so it is resolved (and pinned in place).
  let globalScope: Semantics['global'] | null = null;
  const expandedSite = (word: { raw: string; range: { start: { offset: number; line: number }; end: { offset: number } } }): PinSite | null => {
    globalScope ??= analyze(df).global;
    const scope = globalScope;
    const r = expandInScope(word.raw, scope);
    if (r.error || r.unmatched.length > 0 || r.matched.length === 0 || !/^[\w./:@-]+$/.test(r.value) || r.value.toLowerCase() === 'scratch') return null;
    if (r.matched.some((n) => scope.get(n)?.kind !== 'global-arg')) return null; // platform ARGs vary by machine
    const site = siteFor(df, 'FROM', word.range.start.offset, word.range.end.offset, word.range.start.line, r.value);
    return site && { ...site, fromDefaults: r.matched.map((n) => `${n}=${scope.get(n)!.value}`) };
  };
  // Why a FROM reference built from ARGs has no known image: the first ARG without a usable default.
  const argsReason = (raw: string): string => {
    globalScope ??= analyze(df).global;
    const scope = globalScope;
    const r = expandInScope(raw, scope);
    const platform = r.matched.find((n) => scope.get(n)?.kind !== 'global-arg');
    if (r.unmatched.length > 0) {
      const n = r.unmatched[0];
      return scope.has(n)
        ? `ARG ${n} has no default, so the image is only known at build time (--build-arg); give it one (ARG ${n}=…) to pin it`
        : `no global ARG ${n} (before the first FROM) gives it a value, so the image is unknown`;
    }
    if (platform) return `${platform} depends on the platform of the build, so the image is only known at build time; write the image literally to pin it`;
    return 'the reference is built from ARG values; write the whole reference in one ARG default to pin it';
  };
  for (const stage of df.stages) {
    if (stage.base.kind === 'stage') continue;
    const word = stage.from.words.find((w) => !w.raw.startsWith('--'));
    if (!word) continue;
    const raw = word.raw;
    const v = /^\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?$/.exec(raw);
    if (v) {
      const arg = [...df.globalArgs].reverse().flatMap((a) => a.pairs).find((p) => p.key === v[1]);
      if (arg?.valueRange && arg.rawValue !== null && arg.rawValue === arg.value && arg.value) {
        add(siteFor(df, 'ARG', arg.valueRange.start.offset, arg.valueRange.end.offset, arg.valueRange.start.line));
        continue;
      }
      const reason = !arg
        ? `no global ARG ${v[1]} (before the first FROM) gives it a value, so the image is unknown`
        : arg.rawValue === null || arg.rawValue === ''
          ? `ARG ${v[1]} has no default, so the image is only known at build time (--build-arg); give it one (ARG ${v[1]}=image:tag) to pin it`
          : `the default of ARG ${v[1]} is not a plain image reference (quoted or built from other values); write the image there literally to pin it`;
      const expanded = arg?.rawValue ? expandedSite(word) : null;
      if (expanded) {
        add(expanded);
        continue;
      }
      skipped.push({ line: stage.from.line, kind: 'FROM', text: raw, reason, pinned: false });
      continue;
    }
    if (raw.includes('$')) {
      const expanded = expandedSite(word);
      if (expanded) {
        add(expanded);
        continue;
      }
      skipped.push({ line: stage.from.line, kind: 'FROM', text: raw, reason: argsReason(raw), pinned: DIGEST.test(raw) });
      continue;
    }
    if (raw !== word.value) continue; // quoted or escaped: leave it
    add(siteFor(df, 'FROM', word.range.start.offset, word.range.end.offset, word.range.start.line));
  }
  const isStage = (v: string) => names.has(v.toLowerCase()) || /^\d+$/.test(v);
  // A `--from` built from build arguments may name an image or a stage: only known at build time
  // (unless the ARG defaults in scope make it a stage name, which BuildKit resolves first).
  let semantics: Semantics | null = null;
  const fromArgs = (kind: PinSite['kind'], text: string, line: number, ins: Instruction) => {
    semantics ??= analyze(df);
    const expanded = expandInScope(text, semantics.scopeAt(ins));
    if (expanded.unmatched.length === 0 && isStage(expanded.value)) return;
    skipped.push({ line, kind, text, reason: 'the image (or stage) comes from build arguments, so it is only known at build time; write the image literally to pin it', pinned: DIGEST.test(text) });
  };
  const visit = (ins: Instruction) => {
    for (const f of ins.flags) {
      if (!f.valueRange || f.value === null) continue;
      const rawValue = df.text.slice(f.valueRange.start.offset, f.valueRange.end.offset);
      if ((ins.keyword === 'COPY' || ins.keyword === 'ADD') && f.name === 'from') {
        if (rawValue.includes('$')) fromArgs('COPY --from', rawValue, f.valueRange.start.line, ins);
        if (isStage(f.value) || rawValue !== f.value) continue;
        add(siteFor(df, 'COPY --from', f.valueRange.start.offset, f.valueRange.end.offset, f.valueRange.start.line));
      } else if (ins.keyword === 'RUN' && f.name === 'mount') {
        const m = /(^|,)from=([^,]+)/.exec(rawValue);
        if (m?.[2].includes('$')) fromArgs('RUN --mount', m[2], f.valueRange.start.line, ins);
        if (!m || isStage(m[2]) || m[2].includes('"') || m[2].includes("'")) continue;
        const start = f.valueRange.start.offset + m.index + m[1].length + 5;
        add(siteFor(df, 'RUN --mount', start, start + m[2].length, f.valueRange.start.line));
      }
    }
  };
  for (const ins of df.instructions) visit(ins);
  return { sites: sites.sort((a, b) => a.start - b.start), skipped: skipped.sort((a, b) => a.line - b.line) };
}

/** The pinned text of a site: the reference as written, without an old digest, plus `@digest`. */
export function pinnedText(site: PinSite, digest: string): string {
  const at = site.text.indexOf('@');
  const name = at >= 0 ? site.text.slice(0, at) : site.text;
  return `${site.resolve === `${name}:latest` ? site.resolve : name}@${digest}`;
}

