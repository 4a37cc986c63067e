/**
 * The image checks. Each looks at the analysed image (config, history, union filesystem, layers) and
 * reports findings in the lint shape (rule id, severity, message, place), so every lint format,
 * severity override and `ignored:` entry applies to them. A finding's place is the Dockerfile
 * instruction that made the layer when `--dockerfile` is given and the layer could be tied to one,
 * otherwise line 1 of the image (the `file` is then the image as the user named it).
 *
 * Secret values are never copied into messages: only their kind and where they are.
 */
import type { Instruction, Range } from '../parse/types.js';
import type { FileFinding, Severity } from '../engine/types.js';
import { findSecrets, placeholderValue, secretName, withArticle } from '../rules/lib/secrets.js';
import { normaliseName } from '../rules/lib/python-manifests.js';
import type { Analysis, VisibleFile } from './analysis.js';
import type { ImageModel } from './model.js';
import { describeCreatedBy } from './attribute.js';
import { isPackageDb } from './layer.js';
import { IMAGE_RULES } from './rules.js';

export { IMAGE_RULES, type ImageRule } from './rules.js';

/** CI thresholds (dive's `--lowest-efficiency`, `--highest-wasted-bytes`, `--highest-user-wasted-percent`); null disables one. */
export interface Thresholds {
  lowestEfficiency: number | null;
  highestWastedBytes: number | null;
  highestUserWastedPercent: number | null;
}

/** dive's CI defaults: efficiency 0.9, user wasted ratio 0.1, wasted bytes disabled. */
export const DEFAULT_THRESHOLDS: Thresholds = { lowestEfficiency: 0.9, highestWastedBytes: null, highestUserWastedPercent: 0.1 };

/** Everything the checks read. */
interface CheckInput {
  image: ImageModel;
  analysis: Analysis;
  /** File name findings without a Dockerfile place are reported under. */
  imageName: string;
  /** The Dockerfile (name as given) and the instruction of each history entry, when `--dockerfile` is given. */
  dockerfile?: { name: string; byHistory: Map<number, Instruction>; finalFrom: Instruction | null; instructions: Instruction[] };
  /** Lock or requirements files of the project (`--context`): name → content. */
  lockFiles?: Map<string, string>;
  /** Application directory (default: the config's WorkingDir). */
  appDir?: string;
  thresholds: Thresholds;
}


const LINE1: Range = { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } };

/** Human-readable bytes (`1.2 MB`, SI units as dive prints them). */
export function formatBytes(n: number): string {
  if (n < 1000) return `${n} B`;
  const units = ['kB', 'MB', 'GB', 'TB'];
  let v = n;
  let u = -1;
  while (v >= 1000 && u < units.length - 1) {
    v /= 1000;
    u++;
  }
  return `${v.toFixed(v < 10 ? 1 : 0)} ${units[u]}`;
}

function list(items: string[], max = 3): string {
  return items.length <= max ? items.join(', ') : `${items.slice(0, max).join(', ')} and ${items.length - max} more`;
}

/**
 * A history text with its secrets replaced by `***`: what secretlint's rules find, and the values of
 * secret-named `KEY=value` pairs (build arguments, ENV). Reports and messages show only this form.
 */
export function redact(text: string): string {
  let out = text;
  for (const h of [...findSecrets(text)].sort((a, b) => b.start - a.start)) out = out.slice(0, h.start) + '***' + out.slice(h.end);
  return out.replace(/(^|[\s|'"])([A-Za-z_][A-Za-z0-9_]*)=("[^"]*"|'[^']*'|[^\s"']+)/g, (m, pre: string, key: string, value: string) =>
    secretName(key) && !placeholderValue(value.replace(/^["']|["']$/g, ''), key) ? `${pre}${key}=***` : m,
  );
}

/** Runs every image check. Findings carry the default severities; the caller applies config. */
export function runChecks(input: CheckInput): FileFinding[] {
  const { image, analysis } = input;
  const out: FileFinding[] = [];
  const sev = (id: string) => IMAGE_RULES.find((r) => r.id === id)!.severity;
  const historyOf = (layer: number): number | null => image.layers[layer]?.historyIndex ?? null;
  const createdBy = (layer: number): string => {
    const h = historyOf(layer);
    return h === null ? '' : image.history[h]?.created_by ?? '';
  };
  const layerName = (layer: number): string => {
    const cb = redact(createdBy(layer));
    const d = cb ? describeCreatedBy(cb) : null;
    const text = d ? `${d.keyword} ${d.text}`.replace(/\s+/g, ' ').trim() : '';
    return `layer ${layer + 1}${text ? ` (${text.length > 60 ? text.slice(0, 57) + '...' : text})` : ''}`;
  };
  /** Place of a finding caused by a layer. */
  const at = (layer: number | null, fallback?: Instruction | null): { file: string; range: Range; instruction: Instruction | null } => {
    const h = layer === null ? null : historyOf(layer);
    const ins = (h !== null ? input.dockerfile?.byHistory.get(h) : undefined) ?? fallback ?? null;
    if (ins && input.dockerfile) return { file: input.dockerfile.name, range: ins.range, instruction: ins };
    return { file: input.imageName, range: LINE1, instruction: null };
  };
  const report = (id: string, message: string, place: ReturnType<typeof at>) => out.push({ ruleId: id, severity: sev(id), message, ...place, url: `https://github.com/shipshape-dev/shipshape/blob/main/docs/image.md#${id}` });
  const lastInstruction = (keyword: string, pred: (i: Instruction) => boolean = () => true): Instruction | null =>
    [...(input.dockerfile?.instructions ?? [])].reverse().find((i) => i.keyword === keyword && pred(i)) ?? null;
  const finalFrom = input.dockerfile?.finalFrom ?? null;
  const cfg = image.config;

  // image-root-user
  const user = (cfg.User ?? '').trim();
  const name = user.split(':')[0];
  if (name === '' || name === '0' || name === 'root') {
    report('image-root-user', `The image runs as root (config User is ${user === '' ? 'empty' : `'${user}'`}): add a USER with a non-root user after the last install step`, at(null, lastInstruction('USER') ?? finalFrom));
  }

  // image-no-healthcheck
  const test = cfg.Healthcheck?.Test ?? [];
  if (test.length === 0 || test[0] === 'NONE') {
    report('image-no-healthcheck', 'The image has no HEALTHCHECK: orchestrators that read it (Docker, Compose, Swarm) cannot tell a hung container from a healthy one (note: the OCI image format has no healthcheck field; build with --format docker to keep it)', at(null, finalFrom));
  }

  // image-secret: config Env, Labels, history, files
  const env = new Map<string, string>();
  for (const kv of cfg.Env ?? []) {
    const i = kv.indexOf('=');
    if (i > 0) env.set(kv.slice(0, i), kv.slice(i + 1));
  }
  const secretIn = (key: string, value: string): string | null => {
    const hits = findSecrets(`${key}=${value}`);
    if (hits.length > 0) return hits[0].kind;
    const named = secretName(key);
    return named && value !== '' && !placeholderValue(value, key) ? `literal ${named}` : null;
  };
  for (const [k, v] of env) {
    const kind = secretIn(k, v);
    if (kind) report('image-secret', `The image config's Env sets ${k} to ${withArticle(kind)} (value not shown): anyone who pulls the image can read it; pass it at run time or use a build secret`, at(null, lastInstruction('ENV', (i) => i.pairs.some((p) => p.key === k))));
  }
  for (const [k, v] of Object.entries(cfg.Labels ?? {})) {
    const kind = secretIn(k, String(v));
    if (kind) report('image-secret', `The image label ${k} holds ${withArticle(kind)} (value not shown)`, at(null, lastInstruction('LABEL', (i) => i.pairs.some((p) => p.key === k))));
  }
  image.history.forEach((h, idx) => {
    const cb = h.created_by ?? '';
    const d = describeCreatedBy(cb);
    if (d.keyword === 'ENV' || d.keyword === 'LABEL') return; // reported from the config above
    // Build arguments a RUN saw are recorded as a `|2 A=1 B=2` prefix (classic builder, buildah, BuildKit).
    const args = /^(?:RUN\s+)?\|\d+\s+((?:[A-Za-z_][A-Za-z0-9_]*=\S*\s+)+)/.exec(cb.trim());
    const argKinds = (args ? args[1].trim().split(/\s+/) : []).map((kv) => {
      const i = kv.indexOf('=');
      const kind = secretIn(kv.slice(0, i), kv.slice(i + 1));
      return kind ? `build argument ${kv.slice(0, i)} (${kind})` : null;
    });
    const hits = findSecrets(cb);
    const argKind = argKinds.find((k) => k !== null);
    if (hits.length > 0 || argKind) {
      const layer = image.layers.find((l) => l.historyIndex === idx);
      const ins = input.dockerfile?.byHistory.get(idx);
      const place = ins && input.dockerfile ? { file: input.dockerfile.name, range: ins.range, instruction: ins } : at(layer ? layer.index : null);
      report('image-secret', `History entry ${idx + 1} (${d.keyword}) contains ${hits.length > 0 ? withArticle(hits[0].kind) : argKind} (value not shown): build history ships with the image; use RUN --mount=type=secret`, place);
    }
  });
  for (const layer of image.layers) {
    for (const [path, kind] of layer.scan.secrets) {
      const visible = analysis.files.get(path);
      const gone = !visible || visible.layer !== layer.index;
      report('image-secret', `/${path} (${kind}) is stored in ${layerName(layer.index)}${gone ? ', and deleting or overwriting it in a later layer does not remove it from the image' : ''}: keep it out with .dockerignore or use a build secret`, at(layer.index));
    }
  }

  // image-package-cache
  const caches: { name: string; test: RegExp }[] = [
    { name: 'apt lists', test: /^var\/lib\/apt\/lists\/(?!lock$|partial(\/|$)|auxfiles(\/|$))[^/]+$/ },
    { name: 'apt archives', test: /^var\/cache\/apt\/(archives\/[^/]+\.deb|[^/]+\.bin)$/ },
    { name: 'pip cache', test: /(^|\/)\.cache\/pip\// },
    { name: 'uv cache', test: /(^|\/)\.cache\/uv\// },
    { name: 'Poetry cache', test: /(^|\/)\.cache\/pypoetry\// },
    { name: 'apk cache', test: /^(var\/cache\/apk|etc\/apk\/cache)\/[^/]+$/ },
  ];
  for (const c of caches) {
    const files = [...analysis.files.values()].filter((f) => f.type === 'file' && c.test.test(f.path));
    if (files.length === 0) continue;
    const bytes = files.reduce((a, f) => a + f.size, 0);
    const byLayer = new Map<number, number>();
    for (const f of files) byLayer.set(f.layer, (byLayer.get(f.layer) ?? 0) + f.size + 1);
    const top = [...byLayer.entries()].sort((a, b) => b[1] - a[1])[0][0];
    report('image-package-cache', `Package manager cache left in the image: ${c.name}, ${files.length} file(s), ${formatBytes(bytes)}, from ${layerName(top)}; remove them in the same RUN that created them or use a cache mount`, at(top));
  }

  // image-setuid
  const suid = [...analysis.files.values()].filter((f) => f.type === 'file' && (f.mode & 0o6000) !== 0);
  const suidByLayer = new Map<number, VisibleFile[]>();
  for (const f of suid) suidByLayer.set(f.layer, [...(suidByLayer.get(f.layer) ?? []), f]);
  for (const [layer, files] of suidByLayer) {
    const names = files.map((f) => `/${f.path} (${(f.mode & 0o6000) === 0o6000 ? 'setuid+setgid' : f.mode & 0o4000 ? 'setuid' : 'setgid'})`);
    report('image-setuid', `${files.length} setuid/setgid file(s) from ${layerName(layer)}: ${list(names)}; remove the bit (chmod u-s,g-s) where the program is not needed by the app`, at(layer));
  }

  // image-build-tools
  const tools: { pkg: string; layer: number }[] = [];
  const isTool = (p: string) => /^(gcc|g\+\+|cpp|clang|llvm|build-essential|build-base|make|cmake|autoconf|automake|libtool|pkg-config|pkgconf|musl-dev)(-\d+(\.\d+)*)?$/.test(p) || /-dev$/.test(p);
  for (const f of analysis.files.values()) {
    if (f.type !== 'file' || !isPackageDb(f.path)) continue;
    const content = image.layers[f.layer]?.scan.databases.get(f.path);
    if (!content) continue;
    for (const pkg of installedPackages(f.path, content)) if (isTool(pkg)) tools.push({ pkg, layer: f.layer });
  }
  if (tools.length > 0) {
    const layer = tools[0].layer;
    report('image-build-tools', `Build tools are installed in the final image: ${list([...new Set(tools.map((t) => t.pkg))], 5)}; install them in a builder stage and copy only the results (the package database was last written by ${layerName(layer)})`, at(layer));
  }

  // image-ignored-files
  const appDir = (input.appDir ?? cfg.WorkingDir ?? '').replace(/^\/+|\/+$/g, '');
  if (appDir !== '') {
    const copied = (layer: number) => {
      const cb = createdBy(layer);
      if (!cb) return true;
      const k = describeCreatedBy(cb).keyword;
      return k === 'COPY' || k === 'ADD';
    };
    const groups = new Map<string, { layer: number; paths: string[] }>();
    const add = (what: string, f: VisibleFile, path: string) => {
      const g = groups.get(what) ?? { layer: f.layer, paths: [] };
      if (!g.paths.includes(path)) g.paths.push(path);
      groups.set(what, g);
    };
    for (const f of analysis.files.values()) {
      if (!f.path.startsWith(appDir + '/')) continue;
      const rel = f.path.slice(appDir.length + 1);
      if (/(^|\/)(site-packages|dist-packages|\.venv|venv)(\/|$)/.test(rel)) continue;
      let m: RegExpExecArray | null;
      if ((m = /^(.*?(?:^|\/))\.git(\/|$)/.exec(rel))) add('.git', f, `/${appDir}/${m[1]}.git`);
      else if (/(^|\/)\.env(\.[^/]+)?$/.test(rel) && !/\.(example|sample|template|tmpl|tpl|dist|defaults?)$/i.test(rel) && f.type === 'file') add('.env files', f, `/${f.path}`);
      else if (/\.sqlite3$/.test(rel) && f.type === 'file') add('SQLite databases', f, `/${f.path}`);
      else if ((m = /^(.*?(?:^|\/))(__pycache__|node_modules)(\/|$)/.exec(rel)) && copied(f.layer)) add(m[2], f, `/${appDir}/${m[1]}${m[2]}`);
      else if ((m = /^(media|staticfiles)(\/|$)/.exec(rel)) && copied(f.layer)) add(`${m[1]}/`, f, `/${appDir}/${m[1]}`);
    }
    for (const [what, g] of groups) {
      report('image-ignored-files', `${what} copied into the application directory /${appDir} by ${layerName(g.layer)}: ${list(g.paths)}; add it to .dockerignore`, at(g.layer));
    }
  }

  // image-python-env
  const pythonFiles = [...analysis.files.keys()].filter((p) => /(^|\/)bin\/python3?(\.\d+)?$/.test(p));
  const dists = new Map<string, { version: string; path: string }>();
  for (const p of analysis.files.keys()) {
    const m = /^(.*(?:^|\/)(?:site|dist)-packages\/([A-Za-z0-9_.]+)-([^/-]+)\.dist-info)(\/|$)/.exec(p);
    if (m && !dists.has(normaliseName(m[2]))) dists.set(normaliseName(m[2]), { version: m[3], path: p });
  }
  if (pythonFiles.length > 0 || dists.size > 0) {
    const missing = ['PYTHONDONTWRITEBYTECODE', 'PYTHONUNBUFFERED'].filter((k) => !(env.get(k) ?? '').trim() || /^(0|false|no)$/i.test(env.get(k)!.trim()));
    if (missing.length > 0) {
      report('image-python-env', `The image has Python but its config does not set ${missing.map((k) => `${k}=1`).join(' and ')}${missing.includes('PYTHONUNBUFFERED') ? ' (logs are buffered and lost on a crash)' : ''}${missing.includes('PYTHONDONTWRITEBYTECODE') ? ' (bytecode is written into the container)' : ''}`, at(null, lastInstruction('ENV') ?? finalFrom));
    }
    if (input.lockFiles && input.lockFiles.size > 0) {
      const { locked, complete } = lockedVersions(input.lockFiles);
      const notInstalled: string[] = [];
      const different: string[] = [];
      for (const [n, v] of locked) {
        const d = dists.get(n);
        if (!d) notInstalled.push(n);
        else if (v && d.version !== v) different.push(`${n} ${d.version} (lock: ${v})`);
      }
      const extra = complete ? [...dists.keys()].filter((n) => !locked.has(n) && !['pip', 'setuptools', 'wheel', 'uv', 'poetry'].includes(n)) : [];
      const parts: string[] = [];
      if (different.length) parts.push(`other versions installed: ${list(different, 5)}`);
      if (notInstalled.length) parts.push(`locked but not installed: ${list(notInstalled, 5)}`);
      if (extra.length) parts.push(`installed but not locked: ${list(extra, 5)}`);
      if (parts.length > 0) {
        const layer = dists.size > 0 ? analysis.files.get([...dists.values()][0].path)?.layer ?? null : null;
        report('image-python-env', `The installed Python distributions differ from ${[...input.lockFiles.keys()].join(', ')}: ${parts.join('; ')}`, at(layer));
      }
    }
  }

  // image-wasted-bytes
  const t = input.thresholds;
  const worst = analysis.layers.reduce((a, l) => (l.wastedBytes > (a?.wastedBytes ?? 0) ? l : a), null as null | (typeof analysis.layers)[number]);
  const wasteAt = at(worst ? worst.index : null);
  const most = worst ? `; most from ${layerName(worst.index)} (${formatBytes(worst.wastedBytes)})` : '';
  if (t.lowestEfficiency !== null && analysis.efficiency < t.lowestEfficiency) {
    report('image-wasted-bytes', `Image efficiency ${(analysis.efficiency * 100).toFixed(2)}% is below the lowest allowed ${(t.lowestEfficiency * 100).toFixed(2)}%${most}`, wasteAt);
  }
  if (t.highestWastedBytes !== null && analysis.wastedBytes > t.highestWastedBytes) {
    report('image-wasted-bytes', `${formatBytes(analysis.wastedBytes)} wasted (shipped in a layer, hidden by a higher one), more than the highest allowed ${formatBytes(t.highestWastedBytes)}${most}`, wasteAt);
  }
  if (t.highestUserWastedPercent !== null && analysis.userWastedPercent > t.highestUserWastedPercent) {
    report('image-wasted-bytes', `${(analysis.userWastedPercent * 100).toFixed(2)}% of the bytes added above the base layer are wasted, more than the highest allowed ${(t.highestUserWastedPercent * 100).toFixed(2)}%${most}`, wasteAt);
  }
  return out;
}

/** Installed package names from a dpkg `status` file (`Status: install ok installed`), a dpkg `status.d` entry or apk's `installed` database. */
function installedPackages(path: string, content: string): string[] {
  const out: string[] = [];
  if (path === 'lib/apk/db/installed') {
    for (const m of content.matchAll(/^P:(.+)$/gm)) out.push(m[1].trim());
    return out;
  }
  for (const para of content.split(/\n\s*\n/)) {
    const pkg = /^Package:\s*(\S+)/m.exec(para);
    if (!pkg) continue;
    const status = /^Status:\s*(.+)$/m.exec(para);
    if (status && !/\binstalled$/.test(status[1].trim())) continue;
    out.push(pkg[1]);
  }
  return out;
}

/**
 * Versions the project locks: `name==version` lines of requirements files, `[[package]]` name/version
 * pairs of `poetry.lock`, `uv.lock` and `pylock.toml`. `complete` is true when a full lock (not a
 * requirements file) was read, so that installed but unlocked distributions can be reported.
 */
function lockedVersions(files: Map<string, string>): { locked: Map<string, string | null>; complete: boolean } {
  const locked = new Map<string, string | null>();
  let complete = false;
  for (const [name, content] of files) {
    if (/\.(lock|toml)$/.test(name)) {
      complete = true;
      for (const block of content.split(/^\[\[packages?\]\]\s*$/m).slice(1)) {
        const n = /^name\s*=\s*"([^"]+)"/m.exec(block);
        const v = /^version\s*=\s*"([^"]+)"/m.exec(block);
        if (n && !/^source\s*=\s*\{\s*(editable|virtual)\s*=/m.test(block)) locked.set(normaliseName(n[1]), v ? v[1] : null);
      }
    } else {
      for (const raw of content.split(/\r?\n/)) {
        const line = raw.replace(/(^|\s)#.*$/, '').trim();
        const m = /^([A-Za-z0-9][A-Za-z0-9._-]*)\s*(?:\[[^\]]*\])?\s*===?\s*([^\s;,\\]+)/.exec(line);
        if (m) locked.set(normaliseName(m[1]), m[2]);
      }
    }
  }
  return { locked, complete };
}
