/**
 * Python project manifests — pip requirements files, pyproject.toml, Pipfile and Pipfile.lock, TOML lock
 * files — read in one place, for `shipshape init` (what a project depends on) and for the rules (what is
 * pinned, which development dependencies are declared).
 *
 * Two kinds of readers, named for it:
 * - strict ones for init ({@link collectRequirements}, {@link parsePyprojectToml}, {@link readPipfile},
 *   {@link pipfileLockPython}, {@link unlockedNames}): full TOML/JSON parsing (smol-toml), and a
 *   {@link ProjectFileError} naming the file when it cannot be read — init must not guess;
 * - tolerant ones for the rules ({@link readRequirements}, {@link readPyproject}): line-based, never
 *   throwing, ignoring what they do not understand — a linter must say something about a half-broken
 *   project rather than nothing.
 * Both read requirements files through the same logical lines ({@link requirementLines}).
 *
 * Sources of the formats: pip's requirements file format (one PEP 508 requirement per line, `-r`/`-c`
 * includes, `#` comments, `\` continuations, options such as `--hash`); PEP 621 `[project] dependencies`
 * and PEP 735 `[dependency-groups]`; Poetry's `[tool.poetry.dependencies]` (a table of name → version or
 * `{ version, extras }`); Pipenv's Pipfile (TOML, `[packages]` / `[dev-packages]`, `[requires]
 * python_version`) and Pipfile.lock (JSON, `_meta.requires.python_version`, `default` / `develop`).
 * Names are normalised as PEP 503 says (lower case, runs of `-_.` become `-`).
 *
 * No `node:` imports: rules run in browsers and language servers too.
 */
import { parse as parseToml } from 'smol-toml';

/** PEP 503 normalisation of a project name. */
export function normaliseName(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, '-');
}

/** PEP 503 normalisation of a name as written (surrounding blanks dropped). */
const normalisedName = (name: string): string => normaliseName(name.trim());

/**
 * The logical lines of a pip requirements file: `\` continuations joined (each with one blank), `#`
 * comments removed (at line start or after a blank, as pip does), blanks trimmed, empty lines left out;
 * `line` is the 1-based line the entry starts on. Both readers below start from these lines.
 */
function requirementLines(content: string): { line: number; text: string }[] {
  const out: { line: number; text: string }[] = [];
  const raw = content.split(/\r?\n/);
  for (let i = 0; i < raw.length; i++) {
    const line = i + 1;
    let text = raw[i];
    while (/\\$/.test(text) && i + 1 < raw.length) {
      text = text.slice(0, -1) + ' ' + raw[++i];
    }
    text = text.replace(/(^|\s)#.*$/, '').trim();
    if (text !== '') out.push({ line, text });
  }
  return out;
}

/** One entry of a requirements file that is not pinned. */
export interface UnpinnedRequirement {
  /** The requirement as written (continuations joined, comment removed). */
  text: string;
  /** The project name, or the text for URLs. */
  name: string;
  /** 1-based line in its file. */
  line: number;
  /** What is wrong. */
  reason: 'unpinned' | 'range' | 'wildcard' | 'vcs-ref';
}

/** What a requirements file says about pins (the rules' tolerant reading, {@link readRequirements}). */
interface RequirementPins {
  unpinned: UnpinnedRequirement[];
  /** `-r`/`--requirement` includes (paths as written). */
  includes: string[];
  /** `-c`/`--constraint` files (paths as written). */
  constraints: string[];
  /** Names pinned with `==`/`===` (lower-case, normalised), for constraint files. */
  pinned: Set<string>;
}

/**
 * Reads a pip requirements file (pip's format): `#` comments (at line start or after whitespace),
 * `\` continuations, option lines (`--index-url`, `--only-binary`...), `-r`/`-c` includes, `-e`
 * editables, URLs and local paths, environment markers after `;`, extras, per-requirement options
 * (`--hash=`).
 *
 * Judged as pinned: `name==1.2.3` and `name===x` (also with extras, markers or hashes); any entry with
 * `--hash` (hash-checking mode needs exact pins); direct archive URLs (`name @ https://.../x-1.0.tar.gz`,
 * a bare `https://...whl`), whose file is fixed; VCS URLs with a full 40-hex commit (`git+https://...@<sha>`);
 * local paths and editables of local paths (`-e .`, `./pkg`, `/wheels/x.whl`), which are the project's own
 * code. Not pinned: a bare name, ranges (`>=`, `~=`, `<`, `!=`), `==1.*` wildcards, VCS URLs without a
 * commit hash (a branch or tag can move).
 */
export function readRequirements(content: string): RequirementPins {
  const out: RequirementPins = { unpinned: [], includes: [], constraints: [], pinned: new Set() };
  for (const { line: lineNo, text } of requirementLines(content)) {
    let m: RegExpExecArray | null;
    if ((m = /^(?:-r|--requirement)(?:\s*=\s*|\s+)(\S+)/.exec(text))) {
      out.includes.push(m[1]);
      continue;
    }
    if ((m = /^(?:-c|--constraint)(?:\s*=\s*|\s+)(\S+)/.exec(text))) {
      out.constraints.push(m[1]);
      continue;
    }
    if ((m = /^(?:-e|--editable)(?:\s*=\s*|\s+)(\S+)/.exec(text))) {
      const target = m[1];
      if (isVcs(target) && !hasCommit(target)) out.unpinned.push({ text, name: eggName(target) ?? target, line: lineNo, reason: 'vcs-ref' });
      continue;
    }
    if (text.startsWith('-')) continue; // global options: --index-url, --only-binary, --pre, -f ...
    const hasHash = /(^|\s)--hash[=\s]/.test(text);
    const spec = text.replace(/\s--?[a-z][\w-]*(?:[=\s]\S+)?/g, ' ').trim();
    const requirement = spec.split(';')[0].trim();
    if (isVcs(requirement) || /\s@\s*\S*(git\+|hg\+|svn\+|bzr\+)/.test(requirement)) {
      if (!hasCommit(requirement)) out.unpinned.push({ text, name: nameOf(requirement) ?? eggName(requirement) ?? requirement, line: lineNo, reason: 'vcs-ref' });
      continue;
    }
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(requirement) || /\s@\s*\S+/.test(requirement) || /^[./~]|^[A-Za-z]:[\\/]|\.(whl|zip|tar\.gz|tgz|tar\.bz2)$/.test(requirement)) {
      continue; // direct URL, archive or local path
    }
    const nm = /^([A-Za-z0-9][A-Za-z0-9._-]*)\s*(\[[^\]]*\])?\s*(.*)$/.exec(requirement);
    if (!nm) continue;
    const name = nm[1];
    const specifiers = nm[3].replace(/^\(|\)$/g, '').trim();
    const exact = /^===?\s*[^,\s*]+$/.test(specifiers);
    if (exact) out.pinned.add(normaliseName(name));
    if (exact || hasHash) continue;
    const reason = specifiers === '' ? 'unpinned' : /^==\s*\S*\*/.test(specifiers) ? 'wildcard' : 'range';
    out.unpinned.push({ text: requirement, name, line: lineNo, reason });
  }
  return out;
}

function isVcs(s: string): boolean {
  return /^(git|hg|svn|bzr)\+/i.test(s);
}

function hasCommit(s: string): boolean {
  return /@[0-9a-f]{40}(?![0-9a-f])/i.test(s);
}

function eggName(s: string): string | null {
  const m = /#egg=([A-Za-z0-9._-]+)/.exec(s);
  return m ? m[1] : null;
}

function nameOf(s: string): string | null {
  const m = /^([A-Za-z0-9][A-Za-z0-9._-]*)\s*(\[[^\]]*\])?\s*@/.exec(s);
  return m ? m[1] : null;
}

/** The names of the tables a TOML file opens (`[a.b]`, `[[a]]`), blanks and quotes removed. */
function tomlTables(content: string): string[] {
  const out: string[] = [];
  for (const line of content.split(/\r?\n/)) {
    const m = /^\s*\[\[?\s*([^\]]+?)\s*\]\]?\s*(#.*)?$/.exec(line);
    if (m) out.push(m[1].replace(/\s+/g, '').replace(/"/g, ''));
  }
  return out;
}

/** What a pyproject.toml declares about development dependencies (a light line-based reading). */
interface PyprojectFacts {
  /** `[dependency-groups]` names (PEP 735). */
  groups: string[];
  /** `[tool.uv] dev-dependencies` present. */
  uvDev: boolean;
  /** `[tool.poetry.group.<name>...]` names, plus `dev` for the old `[tool.poetry.dev-dependencies]`. */
  poetryGroups: string[];
  /** `[tool.pdm.dev-dependencies]` present. */
  pdmDev: boolean;
  /** `[project] dependencies` entries (strings as written, quotes removed). */
  dependencies: string[];
}

/** Reads the facts of a pyproject.toml. Tolerant: unknown syntax is ignored. */
export function readPyproject(content: string): PyprojectFacts {
  const tables = tomlTables(content);
  const groups: string[] = [];
  let section = '';
  let uvDev = false;
  let inDeps = false;
  const dependencies: string[] = [];
  for (const raw of content.split(/\r?\n/)) {
    const line = raw.replace(/(^|\s)#.*$/, '');
    const t = /^\s*\[\[?\s*([^\]]+?)\s*\]\]?\s*$/.exec(line);
    if (t) {
      section = t[1].replace(/\s+/g, '').replace(/"/g, '');
      inDeps = false;
      continue;
    }
    if (section === 'dependency-groups') {
      const k = /^\s*"?([A-Za-z0-9_.-]+)"?\s*=/.exec(line);
      if (k) groups.push(k[1]);
    }
    if (section === 'tool.uv' && /^\s*dev-dependencies\s*=/.test(line)) uvDev = true;
    if (section === 'project') {
      if (/^\s*dependencies\s*=\s*\[/.test(line)) inDeps = true;
      if (inDeps) {
        for (const m of line.matchAll(/"([^"]+)"|'([^']+)'/g)) dependencies.push(m[1] ?? m[2]);
        if (/\]\s*$/.test(line)) inDeps = false;
      }
    }
  }
  const poetryGroups = tables.filter((n) => n.startsWith('tool.poetry.group.')).map((n) => n.split('.')[3]).filter((g, i, a) => g && a.indexOf(g) === i);
  if (tables.includes('tool.poetry.dev-dependencies')) poetryGroups.push('dev');
  return { groups, uvDev, poetryGroups, pdmDev: tables.some((n) => n === 'tool.pdm.dev-dependencies'), dependencies };
}

/** One declared dependency: its normalised name and the extras it asks for. */
export interface Dependency {
  /** PEP 503 normalised name (`psycopg`, `uvicorn-worker`). */
  name: string;
  /** Extras in lower case (`binary` for `psycopg[binary]`). */
  extras: string[];
}

/** Thrown when a project file cannot be parsed; the message names the file. */
export class ProjectFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ProjectFileError';
  }
}

/**
 * Parses one PEP 508 requirement string (`psycopg[binary]>=3.1 ; python_version >= "3.9"`).
 * @returns null for strings that are not a requirement (URLs without `name @`, empty strings).
 */
function parseRequirement(text: string): Dependency | null {
  const m = /^\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*(?:\[([^\]]*)\])?/.exec(text);
  if (!m) return null;
  const extras = (m[2] ?? '').split(',').map((e) => e.trim().toLowerCase()).filter(Boolean);
  return { name: normalisedName(m[1]), extras };
}

/** A requirements file read with its `-r` includes. */
interface RequirementsFile {
  /** Path of the file, relative to the project root. */
  path: string;
  /** Every file read (the file and its includes, transitively), in reading order. */
  files: string[];
  dependencies: Dependency[];
  /** Requirements not pinned to one version with `==`/`===` (nor given by URL), as written. */
  unpinned: string[];
}

/**
 * Reads a requirements file and, transitively, the files it includes with `-r`/`--requirement`
 * (constraints files, `-c`, are read for COPY but add no dependency, as pip treats them).
 * @param read returns a file's text by project-relative path, or null when missing
 * @throws ProjectFileError when an included file does not exist
 */
export function collectRequirements(path: string, read: (p: string) => string | null): RequirementsFile {
  const files: string[] = [];
  const dependencies: Dependency[] = [];
  const unpinned: string[] = [];
  const visit = (p: string, addDeps: boolean): void => {
    if (files.includes(p)) return;
    const text = read(p);
    if (text === null) throw new ProjectFileError(`${p}: included by a requirements file but not found`);
    files.push(p);
    const dir = p.includes('/') ? p.slice(0, p.lastIndexOf('/') + 1) : '';
    for (const { text: line } of requirementLines(text)) {
      const inc = /^(-r|--requirement|-c|--constraint)(?:\s+|=)(\S+)/.exec(line);
      if (inc) {
        visit(joinPath(dir, inc[2]), addDeps && (inc[1] === '-r' || inc[1] === '--requirement'));
        continue;
      }
      if (line.startsWith('-')) continue;
      const at = /^([A-Za-z0-9][A-Za-z0-9._-]*(?:\[[^\]]*\])?)\s*@/.exec(line);
      const dep = parseRequirement(at ? at[1] : line);
      if (dep && addDeps && !/^[a-z+]+:\/\//i.test(line)) {
        dependencies.push(dep);
        if (!at && !/===?/.test(line.split(';')[0])) unpinned.push(line.split(/\s+--/)[0]);
      }
    }
  };
  visit(path, true);
  return { path, files, dependencies, unpinned };
}

function joinPath(dir: string, rel: string): string {
  const parts = (dir + rel).split('/');
  const out: string[] = [];
  for (const part of parts) {
    if (part === '..') out.pop();
    else if (part !== '.' && part !== '') out.push(part);
  }
  return out.join('/');
}

/** The parts of pyproject.toml that init reads. */
export interface Pyproject {
  /** PEP 621 `[project] dependencies`. */
  dependencies: Dependency[];
  /** `requires-python`, or Poetry's `python` dependency. */
  requiresPython: string | null;
  /** Whether the file has a `[tool.poetry]` table. */
  poetry: boolean;
  /** Whether the file has a `[tool.pdm]` table. */
  pdm: boolean;
  /** Whether the file has a `[tool.uv]` table. */
  uv: boolean;
  /** Whether the file has a `[project]` table. */
  project: boolean;
  /** The project's name, if any. */
  name: string | null;
  /**
   * Installer versions the project requires, as PEP 440 specifiers: uv's `[tool.uv] required-version`,
   * Poetry's `[tool.poetry] requires-poetry` (Poetry ≥ 2.0). Null when not set.
   */
  requiredVersions: { uv: string | null; poetry: string | null };
  /** `[tool.uv] no-binary-package` names (normalised); `[':all:']` for `no-binary = true`. Built from source by uv. */
  uvNoBinary: string[];
}

/**
 * Reads pyproject.toml (PEP 621 and Poetry's own table).
 * @throws ProjectFileError when the file is not valid TOML
 */
export function parsePyprojectToml(text: string, path = 'pyproject.toml'): Pyproject {
  const doc = toml(text, path);
  const project = obj(doc.project);
  const tool = obj(doc.tool);
  const poetry = obj(tool.poetry);
  const deps: Dependency[] = [];
  for (const d of arr(project.dependencies)) {
    const dep = typeof d === 'string' ? parseRequirement(d) : null;
    if (dep) deps.push(dep);
  }
  let requiresPython = typeof project['requires-python'] === 'string' ? (project['requires-python'] as string) : null;
  for (const [name, spec] of Object.entries(obj(poetry.dependencies))) {
    if (normalisedName(name) === 'python') {
      if (typeof spec === 'string') requiresPython ??= spec;
      continue;
    }
    const extras = arr(obj(spec).extras).filter((e): e is string => typeof e === 'string').map((e) => e.toLowerCase());
    deps.push({ name: normalisedName(name), extras });
  }
  const name = typeof project.name === 'string' ? project.name : typeof poetry.name === 'string' ? poetry.name : null;
  const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
  const requiredVersions = { uv: str(obj(tool.uv)['required-version']), poetry: str(poetry['requires-poetry']) };
  const uvTool = obj(tool.uv);
  const uvNoBinary = uvTool['no-binary'] === true ? [':all:'] : arr(uvTool['no-binary-package']).filter((n): n is string => typeof n === 'string').map(normaliseName);
  return { dependencies: deps, requiresPython, poetry: 'poetry' in tool, pdm: 'pdm' in tool, uv: 'uv' in tool, project: 'project' in doc, name, requiredVersions, uvNoBinary };
}

/** The parts of a Pipfile that init reads. */
export interface Pipfile {
  dependencies: Dependency[];
  pythonVersion: string | null;
}

/**
 * Reads a Pipfile (TOML).
 * @throws ProjectFileError when it is not valid TOML
 */
export function readPipfile(text: string): Pipfile {
  const doc = toml(text, 'Pipfile');
  const deps: Dependency[] = [];
  for (const [name, spec] of Object.entries(obj(doc.packages))) {
    const extras = arr(obj(spec).extras).filter((e): e is string => typeof e === 'string').map((e) => e.toLowerCase());
    deps.push({ name: normalisedName(name), extras });
  }
  const req = obj(doc.requires);
  const v = req.python_full_version ?? req.python_version;
  return { dependencies: deps, pythonVersion: typeof v === 'string' ? v : null };
}

/**
 * Reads the Python version recorded in Pipfile.lock (`_meta.requires.python_full_version` or `python_version`).
 * @throws ProjectFileError when it is not valid JSON
 */
export function pipfileLockPython(text: string): string | null {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    throw new ProjectFileError(`Pipfile.lock: not valid JSON (${(e as Error).message})`);
  }
  const req = obj(obj(obj(doc)._meta).requires);
  const v = req.python_full_version ?? req.python_version;
  return typeof v === 'string' ? v : null;
}

/**
 * The names of `dependencies` that a TOML lock file (uv.lock, poetry.lock, pdm.lock) does not record
 * among its `[[package]]` names, in order: a lock that lacks them is out of date, and a locked install
 * (`uv sync --locked`, `poetry install`, `pdm install --frozen-lockfile`) fails on it.
 * @param text the lock file's text; @param path its name, for error messages
 * @throws ProjectFileError when it is not valid TOML
 */
export function unlockedNames(dependencies: readonly Dependency[], text: string, path: string): string[] {
  const doc = toml(text, path);
  const locked = new Set(arr(doc.package).map((p) => obj(p).name).filter((n): n is string => typeof n === 'string').map(normaliseName));
  return dependencies.filter((d) => !locked.has(d.name)).map((d) => d.name);
}

function toml(text: string, path: string): Record<string, unknown> {
  try {
    return parseToml(text) as Record<string, unknown>;
  } catch (e) {
    const first = (e as Error).message.split('\n')[0];
    throw new ProjectFileError(`${path}: not valid TOML (${first})`);
  }
}

function obj(v: unknown): Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}

function arr(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}
