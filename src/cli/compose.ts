/**
 * The builds a Compose file describes, so that each Dockerfile is linted with the build context Compose
 * sends (cookiecutter-django: `context: .` with `dockerfile: ./compose/production/django/Dockerfile`),
 * not the Dockerfile's own folder.
 *
 * Semantics follow the Compose specification (services.*.build): `build: DIR` or `build: {context,
 * dockerfile, args, target, additional_contexts}`; the context is relative to the Compose file's
 * directory (default `.`), the dockerfile relative to the context (default `Dockerfile`); a remote
 * context (git URL) and `dockerfile_inline` are not local files and are skipped. Values are interpolated
 * as Compose does (`$VAR`, `${VAR}`, `${VAR:-default}`, `${VAR-default}`, `${VAR:+alt}`, `${VAR+alt}`,
 * `${VAR:?error}`, `$$` for a literal `$`) from the environment, then the `.env` file next to the Compose
 * file (the environment wins).
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { yamlErrorLine } from './input.js';

/** Compose file names a directory is searched for (Compose's own names and the usual variants). */
export const COMPOSE_NAME = /^(docker-)?compose([.-][\w.-]*)?\.ya?ml$/i;

/** One service build of a Compose file. */
export interface ComposeBuild {
  /** Absolute path of the Compose file. */
  composeFile: string;
  service: string;
  /** Absolute build context directory. */
  context: string;
  /** Absolute path of the Dockerfile. */
  dockerfile: string;
  /** `build.args` after interpolation; an arg without a value takes it from the environment, or is left out. */
  args: Record<string, string>;
  /** `build.target`, or null. */
  target: string | null;
  /** `build.additional_contexts`: name → directory (absolute) or other source as written. */
  additionalContexts: Record<string, string>;
}

/** The builds of a Compose file, and what could not be used (printed as warnings). */
export interface ComposeBuilds {
  builds: ComposeBuild[];
  warnings: string[];
  /**
   * The services that build nothing shipshape can lint, each with why: `image only (no build:)`,
   * `remote build context <url>`, `dockerfile_inline`. In the file's order.
   */
  skipped: { service: string; reason: string }[];
  /** False when the file has no `services:` mapping at all (then it is hardly a Compose file). */
  hasServices: boolean;
}

/** Reads `KEY=VALUE` lines of a `.env` file (comments, `export `, single and double quotes). */
export function parseDotEnv(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const m = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_.-]*)\s*=\s*(.*)$/.exec(line);
    if (!m) continue;
    let value = m[2];
    const q = value[0];
    if ((q === '"' || q === "'") && value.lastIndexOf(q) > 0) {
      value = value.slice(1, value.lastIndexOf(q));
      if (q === '"') value = value.replace(/\\n/g, '\n').replace(/\\(["\\])/g, '$1');
    } else value = value.replace(/\s+#.*$/, '');
    out[m[1]] = value;
  }
  return out;
}

/**
 * Compose interpolation of one string (see the module comment). Unknown variables without a default
 * become empty, as Compose does (it warns). `${VAR:?msg}` with VAR unset is reported through `onError`.
 */
export function interpolate(text: string, vars: Record<string, string | undefined>, onError: (message: string) => void = () => {}): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c !== '$') {
      out += c;
      i++;
      continue;
    }
    const next = text[i + 1];
    if (next === '$') {
      out += '$';
      i += 2;
      continue;
    }
    if (next === '{') {
      // Find the matching brace (defaults may hold `${...}` themselves).
      let depth = 1;
      let j = i + 2;
      while (j < text.length && depth > 0) {
        if (text[j] === '{') depth++;
        else if (text[j] === '}') depth--;
        if (depth > 0) j++;
      }
      if (depth > 0) {
        out += text.slice(i);
        break;
      }
      const body = text.slice(i + 2, j);
      const m = /^([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-+?])([\s\S]*))?$/.exec(body);
      if (!m) out += text.slice(i, j + 1);
      else {
        const [, name, op, arg = ''] = m;
        const value = vars[name];
        const set = value !== undefined;
        const nonEmpty = set && value !== '';
        if (!op) out += value ?? '';
        else if (op === ':-') out += nonEmpty ? value : interpolate(arg, vars, onError);
        else if (op === '-') out += set ? value : interpolate(arg, vars, onError);
        else if (op === ':+') out += nonEmpty ? interpolate(arg, vars, onError) : '';
        else if (op === '+') out += set ? interpolate(arg, vars, onError) : '';
        else {
          if (op === ':?' ? !nonEmpty : !set) onError(`required variable ${name} is missing a value${arg ? `: ${arg}` : ''}`);
          out += value ?? '';
        }
      }
      i = j + 1;
      continue;
    }
    const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(i + 1));
    if (m) {
      out += vars[m[0]] ?? '';
      i += 1 + m[0].length;
    } else {
      out += '$';
      i++;
    }
  }
  return out;
}

/** Interpolates every string of a decoded YAML value. */
function interpolateAll(value: unknown, vars: Record<string, string | undefined>, onError: (m: string) => void): unknown {
  if (typeof value === 'string') return interpolate(value, vars, onError);
  if (Array.isArray(value)) return value.map((v) => interpolateAll(v, vars, onError));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = interpolateAll(v, vars, onError);
    return out;
  }
  return value;
}

const isRemote = (s: string): boolean => /^(https?|git|ssh):\/\//i.test(s) || /^git@/.test(s) || /^[\w.-]+:\/\//.test(s);

/** `args` as a map or a `KEY=VALUE` list; a bare `KEY` takes the environment's value. */
function readArgs(raw: unknown, vars: Record<string, string | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  const put = (k: string, v: unknown): void => {
    if (v === null || v === undefined) {
      if (vars[k] !== undefined) out[k] = vars[k]!;
    } else out[k] = String(v);
  };
  if (Array.isArray(raw)) {
    for (const item of raw) {
      const s = String(item);
      const eq = s.indexOf('=');
      put(eq < 0 ? s : s.slice(0, eq), eq < 0 ? null : s.slice(eq + 1));
    }
  } else if (raw && typeof raw === 'object') for (const [k, v] of Object.entries(raw)) put(k, v);
  return out;
}

/**
 * Reads the service builds of a Compose file.
 * @param env the process environment (wins over `.env`).
 * @throws Error with a one-line message when the file cannot be read or is not YAML.
 */
export function readComposeBuilds(path: string, env: NodeJS.ProcessEnv): ComposeBuilds {
  const dir = dirname(path);
  let dotenv: Record<string, string> = {};
  try {
    dotenv = parseDotEnv(readFileSync(join(dir, '.env'), 'utf8'));
  } catch {
    /* no .env */
  }
  const vars: Record<string, string | undefined> = { ...dotenv, ...env };
  const warnings: string[] = [];
  let doc: unknown;
  let text = '';
  try {
    // A regular file only: a FIFO named compose.yaml would block the read forever.
    if (!statSync(path).isFile()) throw new Error('not a regular file');
    text = readFileSync(path, 'utf8');
    doc = parseYaml(text, { merge: true });
  } catch (e) {
    throw new Error(`not a readable Compose file: ${yamlErrorLine(e, text)}`);
  }
  const services = (doc as { services?: unknown } | null)?.services;
  const builds: ComposeBuild[] = [];
  const skipped: ComposeBuilds['skipped'] = [];
  if (!services || typeof services !== 'object') return { builds, warnings, skipped, hasServices: false };
  for (const [service, def] of Object.entries(services as Record<string, unknown>)) {
    const rawBuild = (def as { build?: unknown } | null)?.build;
    if (rawBuild === undefined || rawBuild === null) {
      skipped.push({ service, reason: (def as { image?: unknown } | null)?.image !== undefined ? 'image only (no build:)' : 'no build:' });
      continue;
    }
    const build = interpolateAll(typeof rawBuild === 'string' ? { context: rawBuild } : rawBuild, vars, (m) => warnings.push(`${service}: ${m}`)) as Record<string, unknown>;
    const context = typeof build.context === 'string' && build.context !== '' ? build.context : '.';
    if (isRemote(context)) {
      skipped.push({ service, reason: 'remote build context' });
      continue;
    }
    if (typeof build.dockerfile_inline === 'string') {
      skipped.push({ service, reason: 'dockerfile_inline' });
      continue;
    }
    const contextDir = resolve(dir, context);
    const dockerfile = typeof build.dockerfile === 'string' && build.dockerfile !== '' ? build.dockerfile : 'Dockerfile';
    const additionalContexts: Record<string, string> = {};
    const extra = build.additional_contexts;
    const entries: [string, unknown][] = Array.isArray(extra) ? extra.map((s) => String(s).split(/=(.*)/s).slice(0, 2) as [string, string]) : extra && typeof extra === 'object' ? Object.entries(extra) : [];
    for (const [name, value] of entries) {
      const v = String(value ?? '');
      additionalContexts[name] = isRemote(v) || v.startsWith('docker-image://') || v.startsWith('service:') ? v : resolve(dir, v);
    }
    builds.push({
      composeFile: path,
      service,
      context: contextDir,
      dockerfile: isAbsolute(dockerfile) ? dockerfile : resolve(contextDir, dockerfile),
      args: readArgs(build.args, vars),
      target: typeof build.target === 'string' && build.target !== '' ? build.target : null,
      additionalContexts,
    });
  }
  return { builds, warnings, skipped, hasServices: true };
}

/** The Compose files directly in `dir` (not in subdirectories), sorted. */
export function discoverComposeFiles(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names
    .filter((n) => COMPOSE_NAME.test(n))
    .map((n) => join(dir, n))
    .filter((p) => {
      try {
        return statSync(p).isFile();
      } catch {
        return false;
      }
    })
    .sort();
}

/** The Compose build that a Dockerfile belongs to, as found by {@link findComposeBuild}. */
export interface ComposeMatch {
  /** The first service build (nearest folder first, then Compose file name, then service order) whose Dockerfile is the given one, or null. */
  build: ComposeBuild | null;
  /** The Compose files read, nearest folder first (absolute paths). */
  read: string[];
  /** One-line messages for Compose files that could not be read, and interpolation warnings of the match. */
  warnings: string[];
}

/**
 * Finds which Compose service builds `dockerfile`, for callers that start from a Dockerfile (the
 * language server) rather than from a Compose file. The Compose files (names as {@link COMPOSE_NAME})
 * of the Dockerfile's folder and of each ancestor are read, up to `stop` inclusive (a workspace root),
 * or up to the filesystem root when `stop` is null or does not enclose the Dockerfile. A service
 * matches when its resolved `build.dockerfile` (see {@link readComposeBuilds}) is `dockerfile`. Never
 * throws: an unreadable or invalid Compose file becomes a warning and is skipped.
 * @param dockerfile absolute path of the Dockerfile.
 * @param env the process environment (wins over each Compose file's `.env`).
 */
export function findComposeBuild(dockerfile: string, stop: string | null, env: NodeJS.ProcessEnv): ComposeMatch {
  const target = resolve(dockerfile);
  const top = stop === null ? null : resolve(stop);
  const read: string[] = [];
  const warnings: string[] = [];
  for (let dir = dirname(target); ; ) {
    for (const file of discoverComposeFiles(dir)) {
      read.push(file);
      try {
        const { builds, warnings: w } = readComposeBuilds(file, env);
        const build = builds.find((b) => b.dockerfile === target);
        if (build) return { build, read, warnings: [...warnings, ...w.filter((m) => m.startsWith(`${build.service}: `)).map((m) => `${file}: ${m}`)] };
      } catch (e) {
        warnings.push(`${file}: ${(e as Error).message}`);
      }
    }
    const up = dirname(dir);
    if (dir === top || up === dir) break;
    dir = up;
  }
  return { build: null, read, warnings };
}
