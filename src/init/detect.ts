/**
 * What `shipshape init` learns about a project from its files alone (it never runs the project's Python).
 *
 * `detectProject(files, options)` returns a {@link Detection}: the package manager and the files it
 * installs from, the Python version, the Django layout (settings module, WSGI/ASGI application, static
 * files), the application server, native build needs, Celery, services for compose, and, for every
 * decision, the file it came from ({@link Evidence}). Rendering lives in render.ts. The precedence
 * orders are those of issue 13 and docs/init.md; where they follow a tool's documented behaviour the
 * tool is named at the decision.
 *
 * Imports nothing from `node:`: files come through the {@link BuildContext} interface.
 */
import type { BuildContext } from '../engine/types.js';
import {
  unlockedNames,
  pipfileLockPython,
  readPipfile,
  parsePyprojectToml,
  collectRequirements,
  type Dependency,
  type Pyproject,
} from '../rules/lib/python-manifests.js';
import { DEFAULT_PYTHON_MINOR, PYTHON_PATCH } from './versions.js';
import { GEODJANGO_RUNTIME, nativeNeedsOf } from './native.js';
import { chooseUv, choosePdm, choosePoetry, type InstallerChoice, type ProjectText } from './installers.js';
import { seedIgnores, treeIgnores, type IgnoreGroup } from '../context/ignore-seed.js';

/** A package manager init can generate for. */
export type PackageManager = 'uv' | 'poetry' | 'pdm' | 'pipenv' | 'pip';

/** The package managers in detection order (issue 13: uv.lock › poetry.lock › pdm.lock › Pipfile.lock › requirements). */
export const PACKAGE_MANAGERS: readonly PackageManager[] = ['uv', 'poetry', 'pdm', 'pipenv', 'pip'];

/** One decision and the file that decided it (what `--explain` prints). */
interface Evidence {
  /** What was decided (`package manager`). */
  topic: string;
  /** The value (`uv`). */
  value: string;
  /** Where it came from (`uv.lock`), or `default`. */
  source: string;
}

/** An application server and how it is started. */
export interface Server {
  name: 'gunicorn' | 'uvicorn' | 'daphne' | 'granian' | 'uwsgi';
  /** `wsgi` or `asgi`. */
  interface: 'wsgi' | 'asgi';
  /** The application in `module:attribute` form (`config.wsgi:application`). */
  app: string;
  /** For gunicorn serving ASGI: the worker class (`uvicorn_worker.UvicornWorker`). */
  worker?: string;
}

/** Django facts. */
interface DjangoProject {
  /** Directory of manage.py relative to the project root (`''` or `src`). */
  appDir: string;
  /** The module manage.py defaults to (`config.settings.local`). */
  managePySettings: string;
  /** The module the image uses (a `production` sibling when there is one). */
  settingsModule: string;
  /** Whether STATIC_ROOT is set, so collectstatic can run at build time. */
  staticRoot: string | null;
  /** Whether WhiteNoise serves the static files. */
  whitenoise: boolean;
  /** Environment variable the settings read SECRET_KEY from, if found. */
  secretKeyEnv: string | null;
  /**
   * Other environment variables the settings read without a default (django-environ `env("X")`,
   * `env.db("X")`, `os.environ["X"]`), with the reader's kind (`db`, `bool`, `list`, `str`, ...), so
   * collectstatic can be given placeholders.
   */
  requiredEnv: { name: string; kind: string }[];
  /** Whether static files are stored remotely (django-storages), so collecting them needs credentials. */
  remoteStaticStorage: boolean;
  /** MEDIA_ROOT directory name, if set to a folder of the project. */
  mediaDir: string | null;
  /** Whether the settings use GeoDjango (`django.contrib.gis`), which loads GEOS and GDAL at run time. */
  gis: boolean;
}

/** Debian packages a project needs: compilers and headers in the builder, shared libraries at run time. */
interface NativeNeeds {
  build: string[];
  runtime: string[];
  /** Why, one entry per dependency (`psycopg2: compiles against libpq`). */
  reasons: string[];
}

/** Everything init detected. */
export interface Detection {
  packageManager: PackageManager;
  /** Files copied before the dependency install, in COPY order (manifests, lock files, included requirement files). */
  manifests: string[];
  /** The requirements file installed (pip only). */
  requirementsFile: string | null;
  /** Development requirement files found and left out (pip only). */
  devRequirements: string[];
  /** Declared runtime dependencies (direct ones). */
  dependencies: Dependency[];
  /** Full CPython version of the base image (`3.12.7`). */
  pythonVersion: string;
  django: DjangoProject | null;
  server: Server | null;
  native: NativeNeeds;
  /** For uv, Poetry and PDM: the installer version (and uv image) the builder uses, and why (installers.ts). */
  installer: InstallerChoice | null;
  /** Celery app module for `celery -A`, when Celery is a dependency. */
  celery: string | null;
  postgres: boolean;
  redis: boolean;
  /** Exec-form command for a project that is not a Django web service (from `--cmd` or an entry point). */
  command: string[] | null;
  /** Directory to run the command in, relative to the project root (`''`, `src`). */
  workdir: string;
  /** Problems init cannot fix that make the image less reproducible (printed on stderr). */
  warnings: string[];
  /** Directories and patterns of the tree worth excluding from the build context. */
  treeIgnores: string[];
  /** The .dockerignore to write: the shared seed list for this tree (src/context/ignore-seed.ts). */
  dockerignore: IgnoreGroup[];
  evidence: Evidence[];
}

/** Options that override detection. */
interface DetectOptions {
  /** Use this package manager even when lock files disagree (`--package-manager`). */
  packageManager?: PackageManager;
  /** The command of a non-Django project (`--cmd`), as an argv. */
  command?: string[];
}

/** A project that init cannot write a Dockerfile for; the message says what to do. Exit code 2. */
export class DetectError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DetectError';
  }
}

/** Directories never searched for application files (virtual environments, installed packages, caches). */
const SKIP_DIR = /(^|\/)(\.venv|venv|env|\.env|site-packages|node_modules|\.git|\.tox|\.nox|__pycache__|build|dist|\.mypy_cache|\.pytest_cache)\//;

/**
 * Detects what a Dockerfile for the project needs.
 * @param files the project directory (paths relative to it)
 * @throws DetectError for projects init cannot handle (conflicting lock files, no lock, no server, no entry point)
 * @throws ProjectFileError (rules/lib/python-manifests.ts) for unparseable project files
 */
export function detectProject(files: BuildContext, options: DetectOptions = {}): Detection {
  const evidence: Evidence[] = [];
  const all = files.listFiles().filter((p) => !SKIP_DIR.test(p));
  const has = (p: string): boolean => files.readFile(p) !== null;
  const read = (p: string): string | null => files.readFile(p);
  const pyproject = has('pyproject.toml') ? parsePyprojectToml(read('pyproject.toml')!) : null;

  const pm = choosePackageManager(files, all, pyproject, options, evidence);
  const python = pythonVersion(files, pyproject, evidence);

  const names = new Set(pm.dependencies.map((d) => d.name));
  const dep = (n: string): Dependency | undefined => pm.dependencies.find((d) => d.name === n);
  const django = names.has('django') ? detectDjango(files, all, names, evidence) : null;
  const noBinary = pm.name === 'uv' ? (pyproject?.uvNoBinary ?? []) : pm.name === 'pip' ? pipNoBinary(pm.manifests.map((p) => read(p) ?? '')) : [];
  const native = nativeNeeds(pm.dependencies, noBinary, pm.name === 'pip' ? pm.manifests.join(', ') : pm.name === 'pipenv' ? 'Pipfile' : 'pyproject.toml', evidence);
  if (django?.gis) {
    native.runtime = [...new Set([...native.runtime, ...GEODJANGO_RUNTIME])].sort();
    native.reasons.push('GeoDjango loads GEOS and GDAL at run time');
    evidence.push({
      topic: 'native packages',
      value: GEODJANGO_RUNTIME.map((p) => `${p} (runtime)`).join(', '),
      source: 'django.contrib.gis in the settings: GeoDjango loads GEOS and GDAL (which uses PROJ) at run time (Django docs, "Installing Geospatial libraries")',
    });
  }

  let server: Server | null = null;
  let command: string[] | null = null;
  let workdir = '';
  if (options.command && options.command.length > 0) {
    command = options.command;
    evidence.push({ topic: 'command', value: command.join(' '), source: '--cmd' });
  }
  if (django) {
    workdir = django.appDir;
    const apps = djangoApps(files, all, django, evidence);
    server = chooseServer(names, apps, evidence);
    if (!server && !command)
      throw new DetectError(
        'no production server among the dependencies: add gunicorn (WSGI) or uvicorn, daphne or granian (ASGI) to them, or pass --cmd',
      );
  } else if (!command) {
    const entry = entryPoint(all, pyproject);
    if (!entry)
      throw new DetectError(
        'no Django project (manage.py and django in the dependencies) and no entry point (__main__.py, main.py, app.py) found: pass --cmd "python -m yourpackage"',
      );
    command = entry.command;
    workdir = entry.workdir;
    evidence.push({ topic: 'command', value: command.join(' '), source: entry.source });
  }

  let celery: string | null = null;
  if (names.has('celery')) {
    const found = celeryApp(all, django);
    celery = found.module;
    evidence.push({ topic: 'celery', value: `celery -A ${celery} worker`, source: found.source });
  }
  const postgres = ['psycopg', 'psycopg2', 'psycopg2-binary', 'psycopg-binary', 'asyncpg'].some((n) => names.has(n));
  const redis = ['redis', 'django-redis', 'channels-redis', 'hiredis'].some((n) => names.has(n)) || (celery !== null && names.has('redis'));
  if (postgres) evidence.push({ topic: 'database', value: 'PostgreSQL', source: `dependency ${['psycopg', 'psycopg2', 'psycopg2-binary', 'psycopg-binary', 'asyncpg'].find((n) => names.has(n))}` });
  if (redis) evidence.push({ topic: 'cache/broker', value: 'Redis', source: `dependency ${['redis', 'django-redis', 'channels-redis', 'hiredis'].find((n) => names.has(n))}` });
  void dep;

  let installer: InstallerChoice | null = null;
  if (pm.name === 'uv' || pm.name === 'poetry' || pm.name === 'pdm') {
    const dockerfiles: ProjectText[] = all
      .filter((p) => /(^|\/)(Dockerfile|Containerfile)([.-][\w.-]*)?$|(^|\/)[\w.-]+\.(Dockerfile|Containerfile)$/.test(p) && !p.endsWith('.dockerignore'))
      .sort((a, b) => a.split('/').length - b.split('/').length || (a < b ? -1 : 1))
      .map((p) => ({ path: p, text: read(p) ?? '' }));
    const required = pyproject?.requiredVersions ?? { uv: null, poetry: null };
    installer = pm.name === 'uv' ? chooseUv(required.uv, dockerfiles) : pm.name === 'pdm' ? choosePdm(dockerfiles) : choosePoetry(required.poetry, read('poetry.lock'), dockerfiles);
    evidence.push({ topic: `${pm.name} version`, value: installer.image ?? installer.version, source: installer.source });
    if (installer.warning) pm.warnings.push(installer.warning);
  }

  return {
    packageManager: pm.name,
    manifests: pm.manifests,
    requirementsFile: pm.requirementsFile,
    devRequirements: pm.devRequirements,
    dependencies: pm.dependencies,
    pythonVersion: python,
    django,
    server,
    native,
    installer,
    celery,
    postgres,
    redis,
    command,
    workdir,
    warnings: pm.warnings,
    treeIgnores: treeIgnores(files.listFiles(), settingsIgnoreDirs(files.listFiles(), django)),
    dockerignore: seedIgnores(files.listFiles(), settingsIgnoreDirs(files.listFiles(), django)),
    evidence,
  };
}

interface PmChoice {
  name: PackageManager;
  manifests: string[];
  requirementsFile: string | null;
  devRequirements: string[];
  dependencies: Dependency[];
  warnings: string[];
}

/** Production requirement files, most specific first (pip). */
const PROD_REQUIREMENTS = ['requirements.txt', 'requirements/production.txt', 'requirements/prod.txt', 'requirements/base.txt', 'requirements/requirements.txt'];
/** A requirements file for development or tests (left out of the image). */
const DEV_REQUIREMENTS = /(^|[/_-])(dev|develop|development|local|test|tests|testing|lint|docs|ci)(\.in|\.txt)$|requirements-(dev|test)/;

function choosePackageManager(files: BuildContext, all: string[], pyproject: Pyproject | null, options: DetectOptions, evidence: Evidence[]): PmChoice {
  const has = (p: string): boolean => files.readFile(p) !== null;
  const requirementFiles = all.filter((p) => /^(requirements[^/]*\.txt|requirements\/[^/]+\.txt)$/.test(p));
  const prodReq = PROD_REQUIREMENTS.find((p) => requirementFiles.includes(p)) ?? null;
  const found: PackageManager[] = [];
  if (has('uv.lock')) found.push('uv');
  if (has('poetry.lock')) found.push('poetry');
  if (has('pdm.lock')) found.push('pdm');
  if (has('Pipfile.lock')) found.push('pipenv');
  if (prodReq) found.push('pip');

  let chosen: PackageManager | undefined = options.packageManager;
  if (chosen) {
    if (!found.includes(chosen)) throw new DetectError(`--package-manager ${chosen}: ${lockFileOf(chosen)} not found in the project`);
    evidence.push({ topic: 'package manager', value: chosen, source: '--package-manager' });
  } else {
    const locks = found.filter((m) => m !== 'pip');
    if (locks.length > 1)
      throw new DetectError(
        `several lock files disagree on the package manager: ${locks.map(lockFileOf).join(', ')}; choose one with --package-manager ${locks.join('|')} (or delete the stale lock file)`,
      );
    if (locks.length === 1 && prodReq) {
      // A requirements file next to a lock file is fine when it is an export of the lock (it names every
      // direct dependency); otherwise the two disagree and init cannot tell which one production uses.
      const lockDeps = dependenciesOf(locks[0], files, pyproject);
      const reqNames = new Set(collectRequirements(prodReq, (p) => files.readFile(p)).dependencies.map((d) => d.name));
      const missing = lockDeps.filter((d) => !reqNames.has(d.name)).map((d) => d.name);
      if (missing.length > 0)
        throw new DetectError(
          `${lockFileOf(locks[0])} and ${prodReq} disagree (${prodReq} lacks ${missing.slice(0, 5).join(', ')}); choose one with --package-manager ${locks[0]}|pip`,
        );
    }
    chosen = locks[0] ?? (prodReq ? ('pip' as PackageManager) : undefined);
    if (!chosen) {
      if (pyproject?.project || pyproject?.poetry)
        throw new DetectError(
          'pyproject.toml has no lock file beside it: lock the dependencies first (uv lock, poetry lock, pdm lock or pip-compile) so the image installs exactly what you tested',
        );
      // A pyproject.toml that only configures tools (black, isort, ruff) declares no dependencies.
      if (pyproject)
        throw new DetectError('no dependencies found: pyproject.toml declares none ([project] or [tool.poetry]: it only configures tools), and there is no uv.lock, poetry.lock, pdm.lock, Pipfile.lock or requirements.txt');
      throw new DetectError('no dependency files found (uv.lock, poetry.lock, pdm.lock, Pipfile.lock, requirements.txt or pyproject.toml)');
    }
    evidence.push({ topic: 'package manager', value: chosen, source: lockFileOf(chosen) === 'requirements.txt' ? prodReq! : lockFileOf(chosen) });
  }

  if (chosen === 'pip') {
    const req = prodReq ?? requirementFiles[0];
    const parsed = collectRequirements(req, (p) => files.readFile(p));
    const dev = requirementFiles.filter((p) => !parsed.files.includes(p) && DEV_REQUIREMENTS.test(p));
    evidence.push({ topic: 'production requirements', value: parsed.files.join(', '), source: req });
    if (dev.length > 0) evidence.push({ topic: 'development requirements (not installed)', value: dev.join(', '), source: 'file names' });
    const warnings =
      parsed.unpinned.length > 0
        ? [`${parsed.unpinned.length} requirement(s) not pinned with == (${parsed.unpinned.slice(0, 3).join(', ')}${parsed.unpinned.length > 3 ? ', ...' : ''}): each build may install other versions; compile a pinned file with pip-compile or uv pip compile`]
        : [];
    return { name: 'pip', manifests: parsed.files, requirementsFile: req, devRequirements: dev, dependencies: parsed.dependencies, warnings };
  }
  const manifests: Record<Exclude<PackageManager, 'pip'>, string[]> = {
    uv: ['pyproject.toml', 'uv.lock'],
    poetry: ['pyproject.toml', 'poetry.lock'],
    pdm: ['pyproject.toml', 'pdm.lock'],
    pipenv: ['Pipfile', 'Pipfile.lock'],
  };
  for (const m of manifests[chosen]) if (!has(m)) throw new DetectError(`${lockFileOf(chosen)} found but ${m} is missing`);
  return { name: chosen, manifests: manifests[chosen], requirementsFile: null, devRequirements: [], dependencies: dependenciesOf(chosen, files, pyproject), warnings: [] };
}

function lockFileOf(pm: PackageManager): string {
  return { uv: 'uv.lock', poetry: 'poetry.lock', pdm: 'pdm.lock', pipenv: 'Pipfile.lock', pip: 'requirements.txt' }[pm];
}

/** Direct dependencies as the manager's manifest declares them; names missing from the lock are dropped. */
function dependenciesOf(pm: PackageManager, files: BuildContext, pyproject: Pyproject | null): Dependency[] {
  if (pm === 'pipenv') return readPipfile(files.readFile('Pipfile') ?? '').dependencies;
  if (pm === 'pip') return [];
  const deps = pyproject?.dependencies ?? [];
  const lockText = files.readFile(lockFileOf(pm));
  if (lockText === null) return deps;
  const unlocked = unlockedNames(deps, lockText, lockFileOf(pm));
  if (unlocked.length > 0)
    throw new DetectError(
      `${lockFileOf(pm)} does not lock ${unlocked.slice(0, 5).join(', ')}${unlocked.length > 5 ? ', ...' : ''} from pyproject.toml: it is out of date, and a locked install would fail. Run \`${pm} lock\` first`,
    );
  return deps;
}

/** Python version: .python-version › requires-python › Pipfile.lock › runtime.txt › default (issue 13). */
function pythonVersion(files: BuildContext, pyproject: Pyproject | null, evidence: Evidence[]): string {
  const candidates: [string, string | null][] = [
    ['.python-version', firstLine(files.readFile('.python-version'))],
    ['pyproject.toml', pyproject?.requiresPython ?? null],
    ['Pipfile.lock', files.readFile('Pipfile.lock') !== null ? pipfileLockPython(files.readFile('Pipfile.lock')!) : null],
    ['runtime.txt', firstLine(files.readFile('runtime.txt'))?.replace(/^python-/, '') ?? null],
  ];
  for (const [source, raw] of candidates) {
    if (!raw) continue;
    const v = resolvePython(raw);
    if (!v && /\d+\.\d+/.test(raw))
      throw new DetectError(
        `${source} asks for Python ${raw.trim()}, which init cannot pin (it knows ${Object.values(PYTHON_PATCH).join(', ')}): write a full version such as 3.13.0 in .python-version`,
      );
    if (v) {
      evidence.push({ topic: 'Python', value: v, source: `${source} (${raw.trim()})` });
      return v;
    }
  }
  const v = PYTHON_PATCH[DEFAULT_PYTHON_MINOR];
  evidence.push({ topic: 'Python', value: v, source: 'default' });
  return v;
}

function firstLine(text: string | null): string | null {
  if (text === null) return null;
  const line = text.split(/\r?\n/).map((l) => l.replace(/#.*/, '').trim()).find(Boolean);
  return line ?? null;
}

/**
 * Turns a version statement into a full CPython version: `3.12.3` stays, `3.12` → the known patch,
 * a specifier (`>=3.10,<3.13`, `^3.11`, `~=3.11`) → the newest known minor it allows, capped at the default.
 * @returns null when nothing known satisfies it
 */
export function resolvePython(raw: string): string | null {
  const s = raw.trim().replace(/^python-?/i, '');
  const exact = /^(\d+)\.(\d+)\.(\d+)$/.exec(s);
  if (exact) return s;
  const minor = /^(\d+\.\d+)(?:\.\*)?$/.exec(s);
  if (minor) return PYTHON_PATCH[minor[1]] ?? null;
  const known = Object.keys(PYTHON_PATCH).sort(compareMinor);
  const allowed = known.filter((m) => satisfies(m, s));
  if (allowed.length === 0) return null;
  const capped = allowed.filter((m) => compareMinor(m, DEFAULT_PYTHON_MINOR) <= 0);
  return PYTHON_PATCH[(capped.length > 0 ? capped : allowed).at(-1)!];
}

function compareMinor(a: string, b: string): number {
  const [a1, a2] = a.split('.').map(Number);
  const [b1, b2] = b.split('.').map(Number);
  return a1 - b1 || a2 - b2;
}

/** PEP 440 / Poetry specifiers, checked at `<minor>.99` for upper bounds and `<minor>.0` for lower ones. */
function satisfies(minor: string, spec: string): boolean {
  for (const part of spec.split(',').map((p) => p.trim()).filter(Boolean)) {
    const m = /^(>=|<=|==|!=|~=|>|<|\^|~)?\s*(\d+)(?:\.(\d+))?(?:\.(\d+|\*))?/.exec(part);
    if (!m) return false;
    const [, op = '==', maj, min = '0'] = m;
    const c = compareMinor(minor, `${maj}.${min}`);
    switch (op) {
      case '>=':
      case '~=':
      case '^':
      case '~':
        if (c < 0) return false;
        if (op === '^' && Number(minor.split('.')[0]) !== Number(maj)) return false;
        if ((op === '~=' || op === '~') && m[4] !== undefined && c !== 0) return false;
        break;
      case '>':
        if (c <= 0 && m[4] === undefined && c < 0) return false;
        if (c < 0) return false;
        break;
      case '<':
        if (c >= 0) return false;
        break;
      case '<=':
        if (c > 0) return false;
        break;
      case '==':
        if (c !== 0) return false;
        break;
      case '!=':
        if (c === 0 && m[4] === undefined) return false;
        break;
    }
  }
  return true;
}

const DJANGO_SETTINGS = /DJANGO_SETTINGS_MODULE["']\s*,\s*["']([\w.]+)["']/;

function detectDjango(files: BuildContext, all: string[], names: Set<string>, evidence: Evidence[]): DjangoProject | null {
  const manage = all.filter((p) => /(^|\/)manage\.py$/.test(p)).sort((a, b) => a.split('/').length - b.split('/').length)[0];
  if (!manage) return null;
  const text = files.readFile(manage) ?? '';
  const appDir = manage.includes('/') ? manage.slice(0, manage.lastIndexOf('/')) : '';
  const at = (p: string): string => (appDir ? `${appDir}/${p}` : p);
  const m = DJANGO_SETTINGS.exec(text);
  if (!m) throw new DetectError(`${manage}: no DJANGO_SETTINGS_MODULE default found; set it with os.environ.setdefault(...)`);
  const managePySettings = m[1];
  evidence.push({ topic: 'Django', value: `${manage}, django in the dependencies`, source: manage });
  let settingsModule = managePySettings;
  const parts = managePySettings.split('.');
  if (parts.length > 1 && !['production', 'prod'].includes(parts.at(-1)!)) {
    for (const alt of ['production', 'prod']) {
      const sibling = [...parts.slice(0, -1), alt].join('.');
      if (files.readFile(at(`${sibling.replace(/\./g, '/')}.py`)) !== null) {
        settingsModule = sibling;
        break;
      }
    }
  }
  evidence.push({
    topic: 'settings module',
    value: settingsModule,
    source: settingsModule === managePySettings ? manage : `${at(settingsModule.replace(/\./g, '/'))}.py (manage.py defaults to ${managePySettings})`,
  });
  const settingsText = settingsSources(files, all, at, settingsModule).join('\n');
  const staticRootMatch = /^STATIC_ROOT\s*(?::[^=\n]+)?=\s*(.+)$/m.exec(settingsText);
  let staticRoot: string | null = null;
  if (staticRootMatch) {
    staticRoot = lastPathPart(staticRootMatch[1]) ?? 'staticfiles';
    evidence.push({ topic: 'static files', value: `collectstatic into STATIC_ROOT (${staticRoot})`, source: 'settings' });
  } else evidence.push({ topic: 'static files', value: 'STATIC_ROOT not set: collectstatic is not run', source: 'settings' });
  const whitenoise = names.has('whitenoise') || settingsText.includes('whitenoise.middleware.WhiteNoiseMiddleware');
  evidence.push({ topic: 'static file serving', value: whitenoise ? 'WhiteNoise' : 'not by the app (serve STATIC_ROOT from a web server or CDN)', source: whitenoise ? 'whitenoise dependency' : 'no whitenoise' });
  const secret =
    /SECRET_KEY\s*=\s*[^\n]*?(?:environ(?:\.get)?\s*[([]|getenv\s*\(|env(?:\.str)?\s*\()\s*["']([A-Za-z_][A-Za-z0-9_]*)["']/.exec(settingsText);
  // Reads under `if` / `try` / functions may never run at build time: only top-level statements count.
  const topLevel = topLevelStatements(settingsText);
  const required = new Map<string, string>();
  for (const r of topLevel.matchAll(/\benv(?:\.(\w+))?\(\s*["']([A-Za-z_][A-Za-z0-9_]*)["']\s*\)/g)) required.set(r[2], r[1] ?? 'str');
  for (const r of topLevel.matchAll(/os\.environ\[\s*["']([A-Za-z_][A-Za-z0-9_]*)["']\s*\]/g)) required.set(r[1], 'str');
  if (secret) required.delete(secret[1]);
  // Only top-level settings count: a backend chosen under `if env(...)` is off in the build.
  const remoteStaticStorage =
    /["']staticfiles["']\s*:\s*\{[^}]*["']storages\.backends\./.test(topLevel) ||
    /^(?:STATICFILES_STORAGE|STORAGES\[["']staticfiles["']\][^=\n]*)\s*=\s*[({\s]*(?:["']BACKEND["']\s*:\s*)?["']storages\.backends\./m.test(topLevel);
  if (remoteStaticStorage) evidence.push({ topic: 'static files', value: 'remote storage (django-storages): not collected in the build', source: 'settings' });
  const media = /^MEDIA_ROOT\s*(?::[^=\n]+)?=\s*(.+)$/m.exec(settingsText);
  const mediaDir = media ? lastPathPart(media[1]) : null;
  return {
    appDir,
    managePySettings,
    settingsModule,
    staticRoot,
    whitenoise,
    secretKeyEnv: secret ? secret[1] : null,
    requiredEnv: [...required].map(([name, kind]) => ({ name, kind })).sort((a, b) => (a.name < b.name ? -1 : 1)),
    remoteStaticStorage,
    mediaDir,
    gis: settingsText.includes('django.contrib.gis'),
  };
}

/**
 * The top-level statements of a Python module (those starting in column 0, with their bracketed
 * continuation lines); statements nested in `if`, `try`, `def` or `class` bodies are dropped.
 */
export function topLevelStatements(text: string): string {
  const out: string[] = [];
  let depth = 0;
  let keep = false;
  for (const line of text.split(/\r?\n/)) {
    if (depth === 0) keep = /^[A-Za-z_]/.test(line) && !/^(if|elif|else|try|except|finally|for|while|with|def|class|async)\b/.test(line);
    if (keep) out.push(line);
    const code = line.replace(/(["'])(?:\\.|(?!\1)[^\\])*\1/g, '""').replace(/#.*$/, '');
    for (const ch of code) {
      if ('([{'.includes(ch)) depth++;
      else if (')]}'.includes(ch)) depth = Math.max(0, depth - 1);
    }
  }
  return out.join('\n');
}

/** The last folder name of the last string literal in a settings expression (`BASE_DIR / "staticfiles"`, `"/app/static/"`). */
function lastPathPart(expr: string): string | null {
  const literals = [...expr.matchAll(/["']([^"']+)["']/g)];
  if (literals.length === 0) return null;
  const parts = literals.at(-1)![1].split('/').filter(Boolean);
  return parts.length > 0 && /^[\w.-]+$/.test(parts.at(-1)!) ? parts.at(-1)! : null;
}

/** The settings module's file and, for a settings package, every module beside it (base.py and friends). */
function settingsSources(files: BuildContext, all: string[], at: (p: string) => string, module: string): string[] {
  const path = at(module.replace(/\./g, '/'));
  const out: string[] = [];
  const file = files.readFile(`${path}.py`) ?? files.readFile(`${path}/__init__.py`);
  if (file !== null) out.push(file);
  const dir = files.readFile(`${path}.py`) !== null ? path.slice(0, path.lastIndexOf('/')) : path;
  if (dir && dir !== path.slice(0, 0)) {
    for (const p of all) if (p.startsWith(`${dir}/`) && p.endsWith('.py') && !p.slice(dir.length + 1).includes('/') && p !== `${path}.py`) {
      const name = p.slice(dir.length + 1, -3);
      if (['base', 'common', '__init__', 'settings'].includes(name)) out.push(files.readFile(p) ?? '');
    }
  }
  return out;
}

interface DjangoApps {
  wsgi: string | null;
  asgi: string | null;
}

function djangoApps(files: BuildContext, all: string[], django: DjangoProject, evidence: Evidence[]): DjangoApps {
  const at = (p: string): string => (django.appDir ? `${django.appDir}/${p}` : p);
  const settingsText = settingsSources(files, all, at, django.settingsModule).join('\n');
  const find = (setting: string, file: string): string | null => {
    const m = new RegExp(`^${setting}\\s*(?::[^=\\n]+)?=\\s*["']([\\w.]+)["']`, 'm').exec(settingsText);
    if (m) {
      const dotted = m[1];
      const app = `${dotted.slice(0, dotted.lastIndexOf('.'))}:${dotted.slice(dotted.lastIndexOf('.') + 1)}`;
      evidence.push({ topic: setting, value: app, source: 'settings' });
      return app;
    }
    const prefix = django.appDir ? `${django.appDir}/` : '';
    const pkg = `/${file.slice(0, -3)}/__init__.py`;
    const hit = all
      .filter((p) => p.startsWith(prefix) && (p.endsWith(`/${file}`) || p.endsWith(pkg)))
      .sort((a, b) => a.split('/').length - b.split('/').length)[0];
    if (!hit) return null;
    const mod = hit.slice(prefix.length).replace(/\/__init__\.py$|\.py$/, '').replace(/\//g, '.');
    evidence.push({ topic: setting, value: `${mod}:application`, source: hit });
    return `${mod}:application`;
  };
  return { wsgi: find('WSGI_APPLICATION', 'wsgi.py'), asgi: find('ASGI_APPLICATION', 'asgi.py') };
}

function chooseServer(names: Set<string>, apps: DjangoApps, evidence: Evidence[]): Server | null {
  const asgiWanted = apps.asgi !== null && (names.has('channels') || names.has('daphne') || names.has('uvicorn') || names.has('uvicorn-worker') || (names.has('granian') && !apps.wsgi));
  let server: Server | null = null;
  if (asgiWanted && apps.asgi) {
    if (names.has('daphne')) server = { name: 'daphne', interface: 'asgi', app: apps.asgi };
    else if (names.has('gunicorn') && names.has('uvicorn-worker')) server = { name: 'gunicorn', interface: 'asgi', app: apps.asgi, worker: 'uvicorn_worker.UvicornWorker' };
    else if (names.has('gunicorn') && names.has('uvicorn')) server = { name: 'gunicorn', interface: 'asgi', app: apps.asgi, worker: 'uvicorn.workers.UvicornWorker' };
    else if (names.has('uvicorn')) server = { name: 'uvicorn', interface: 'asgi', app: apps.asgi };
    else if (names.has('granian')) server = { name: 'granian', interface: 'asgi', app: apps.asgi };
  }
  if (!server && apps.wsgi) {
    if (names.has('gunicorn')) server = { name: 'gunicorn', interface: 'wsgi', app: apps.wsgi };
    else if (names.has('granian')) server = { name: 'granian', interface: 'wsgi', app: apps.wsgi };
    else if (names.has('uwsgi')) server = { name: 'uwsgi', interface: 'wsgi', app: apps.wsgi };
  }
  if (!server && apps.asgi) {
    if (names.has('uvicorn')) server = { name: 'uvicorn', interface: 'asgi', app: apps.asgi };
    else if (names.has('daphne')) server = { name: 'daphne', interface: 'asgi', app: apps.asgi };
  }
  if (server) evidence.push({ topic: 'server', value: `${server.name}${server.worker ? ` with ${server.worker}` : ''} (${server.interface.toUpperCase()})`, source: `dependency ${server.name}${server.worker ? ` and ${server.worker.startsWith('uvicorn_worker') ? 'uvicorn-worker' : 'uvicorn'}` : ''}` });
  return server;
}

/**
 * Packages a requirements file tells pip to build from source (`--no-binary lxml,pyyaml`,
 * `--no-binary=:all:`, also after a requirement on its line): normalised names, or `:all:`.
 */
function pipNoBinary(texts: string[]): string[] {
  const out: string[] = [];
  for (const t of texts)
    for (const m of t.matchAll(/--no-binary(?:\s+|=)(\S+)/g))
      for (const n of m[1].split(',')) out.push(n === ':all:' || n === ':none:' ? n : n.toLowerCase().replace(/[-_.]+/g, '-'));
  return out.includes(':none:') ? out.slice(out.lastIndexOf(':none:') + 1) : out;
}

/**
 * The Debian packages the dependencies need (table in native.ts); each match becomes an `--explain` line
 * naming the dependency, the file that declares it and the documented reason.
 */
function nativeNeeds(deps: Dependency[], noBinary: string[], declaredIn: string, evidence: Evidence[]): NativeNeeds {
  const build = new Set<string>();
  const runtime = new Set<string>();
  const reasons: string[] = [];
  for (const d of deps) {
    const need = nativeNeedsOf(d, noBinary.includes(':all:') || noBinary.includes(d.name));
    if (!need) continue;
    need.build.forEach((p) => build.add(p));
    need.runtime.forEach((p) => runtime.add(p));
    reasons.push(need.why);
    evidence.push({
      topic: 'native packages',
      value: [...need.build.map((p) => `${p} (builder)`), ...need.runtime.map((p) => `${p} (runtime)`)].join(', '),
      source: `dependency ${d.name}${d.extras.length ? `[${d.extras.join(',')}]` : ''} in ${declaredIn}: ${need.why}`,
    });
  }
  return { build: [...build].sort(), runtime: [...runtime].sort(), reasons };
}

function celeryApp(all: string[], django: DjangoProject | null): { module: string; source: string } {
  const prefix = django?.appDir ? `${django.appDir}/` : '';
  const hit = all.filter((p) => p.startsWith(prefix) && /(^|\/)(celery|celery_app|celeryconf)\.py$/.test(p)).sort((a, b) => a.split('/').length - b.split('/').length)[0];
  if (hit) {
    const mod = hit.slice(prefix.length, -3).replace(/\//g, '.');
    // `celery -A proj` finds proj.celery by itself; a module named otherwise is given in full.
    return { module: mod.endsWith('.celery') ? mod.slice(0, -'.celery'.length) : mod, source: hit };
  }
  return { module: django ? django.settingsModule.split('.')[0] : 'app', source: 'celery dependency (no celery.py found)' };
}

function entryPoint(all: string[], pyproject: Pyproject | null): { command: string[]; workdir: string; source: string } | null {
  for (const root of ['src/', '']) {
    const mains = all.filter((p) => p.startsWith(root) && /^[A-Za-z_][\w]*\/__main__\.py$/.test(p.slice(root.length)));
    const preferred = pyproject?.name ? mains.find((p) => p.slice(root.length).split('/')[0] === pyproject.name!.replace(/-/g, '_')) : undefined;
    const hit = preferred ?? mains[0];
    if (hit) return { command: ['python', '-m', hit.slice(root.length).split('/')[0]], workdir: root.replace(/\/$/, ''), source: hit };
  }
  for (const f of ['main.py', 'app.py']) if (all.includes(f)) return { command: ['python', f], workdir: '', source: f };
  return null;
}

/**
 * STATIC_ROOT / MEDIA_ROOT folders with other names than the seed list's `staticfiles/` and `media/`, for
 * the .dockerignore: at the context root only (`static/`, anchored as .dockerignore patterns are):
 * `**\/static` would also drop the `static` folders of apps and STATICFILES_DIRS, which collectstatic
 * needs. Not when the root already has such a folder with files (it may be sources).
 */
function settingsIgnoreDirs(files: string[], django: DjangoProject | null): string[] {
  const out: string[] = [];
  for (const dir of [django?.staticRoot, django?.mediaDir]) {
    if (dir && dir !== 'staticfiles' && dir !== 'media' && !files.some((p) => p.startsWith(`${dir}/`))) out.push(`${dir}/`);
  }
  return out;
}


