/**
 * Reading a Python project's declared dependencies from its files, without running Python.
 *
 * Sources of the formats: pip's requirements file format (one PEP 508 requirement per line, `-r`/`-c`
 * includes, `#` comments, `\` continuations, options such as `--hash`); PEP 621 `[project] dependencies`
 * and PEP 735 `[dependency-groups]`; Poetry's `[tool.poetry.dependencies]` (a table of name → version or
 * `{ version, extras }`); Pipenv's Pipfile (TOML, `[packages]` / `[dev-packages]`, `[requires]
 * python_version`) and Pipfile.lock (JSON, `_meta.requires.python_version`, `default` / `develop`).
 * Names are normalised as PEP 503 says (lower case, runs of `-_.` become `-`).
 */
import { parse as parseToml } from 'smol-toml';
import { normaliseName } from '../rules/lib/python.js';

/** PEP 503 normalisation of a name as written (surrounding blanks dropped). */
const normalisedName = (name: string): string => normaliseName(name.trim());

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
export interface RequirementsFile {
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
    for (const raw of text.replace(/\\\r?\n/g, ' ').split(/\r?\n/)) {
      const line = raw.replace(/(^|\s)#.*$/, '').trim();
      if (!line) continue;
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
  return { dependencies: deps, requiresPython, poetry: 'poetry' in tool, pdm: 'pdm' in tool, uv: 'uv' in tool, project: 'project' in doc, name };
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
 * The names of the packages a TOML lock file (uv.lock, poetry.lock, pdm.lock) records (`[[package]] name`).
 * @throws ProjectFileError when it is not valid TOML
 */
export function lockedNames(text: string, path: string): Set<string> {
  const doc = toml(text, path);
  return new Set(arr(doc.package).map((p) => obj(p).name).filter((n): n is string => typeof n === 'string').map(normaliseName));
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
