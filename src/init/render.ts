/**
 * Rendering a {@link Detection} into a Dockerfile, a .dockerignore and (optionally) a compose.yaml.
 *
 * The output is written to lint clean with every shipshape rule on (including the rules that are off by
 * default and BuildKit's experimental InvalidDefinitionDescription): a pinned base, a builder stage that
 * installs into a virtual environment before the source is copied (BuildKit caches that layer until the
 * dependency files change), cache mounts instead of pip/uv caches in layers (`RUN --mount=type=cache`,
 * BuildKit's Dockerfile frontend ≥ 1.2), one apt-get RUN per stage with `--no-install-recommends` and the
 * lists removed (hadolint DL3009/DL3015), a numeric non-root USER (DL3002, DL3066), exec-form CMD
 * (JSONArgsRecommended) and a HEALTHCHECK that needs no curl. Each comment is one line saying why.
 *
 * Pure: no `node:` imports, so the playground can render too.
 */
import type { Detection, Server } from './detect.js';
import { APT_VERSIONS, COMPOSE_IMAGES, DEBIAN_RELEASE, TOOL_VERSIONS } from './versions.js';
import { renderIgnoreLines } from '../context/ignore-seed.js';

/** Rendering options (CLI flags). */
export interface RenderOptions {
  /** Port the server listens on (`--port`, default 8000). */
  port: number;
  /** Path the HEALTHCHECK requests (`--health-path`, default `/`). */
  healthPath: string;
  /**
   * Base image reference to use instead of `python:<version>-slim-<release>` (from `--pin`: the same
   * reference with `@sha256:...`).
   */
  baseImage?: string;
  /** The uv image reference (`ghcr.io/astral-sh/uv:0.5.9`, with `@sha256:...` from `--pin`). */
  uvImage?: string;
}

/**
 * The uv release image the builder copies the uv binary from: the one detection chose (the project's
 * required or already used version, installers.ts), else the default of versions.ts.
 */
export function uvImage(d?: Detection): string {
  return d?.installer?.image ?? `ghcr.io/astral-sh/uv:${TOOL_VERSIONS.uv}`;
}

/** The fixed UID and GID of the runtime user. */
export const APP_UID = 10001;

/** The default base image for a detection: the official image's full-version slim tag. */
export function baseImageOf(d: Detection): string {
  return `python:${d.pythonVersion}-slim-${DEBIAN_RELEASE}`;
}

/**
 * Renders the Dockerfile.
 * @returns the file text, LF line endings, ending in a newline
 */
export function renderDockerfile(d: Detection, o: RenderOptions): string {
  const L: string[] = [];
  const base = o.baseImage ?? baseImageOf(d);
  const summary = [d.packageManager, d.django ? `Django (${d.django.settingsModule})` : 'Python', d.server ? d.server.name : null]
    .filter(Boolean)
    .join(', ');
  L.push('# syntax=docker/dockerfile:1');
  L.push(`# Written by \`shipshape init\` for ${summary}; docs/init.md explains each choice.`);
  L.push('');
  L.push('# base is the pinned Python image with the environment both later stages share.');
  L.push(`FROM ${base} AS base`);
  L.push('# No .pyc files at run time, unbuffered logs, and the virtual environment first on PATH.');
  L.push('ENV PYTHONDONTWRITEBYTECODE=1 \\');
  L.push('    PYTHONUNBUFFERED=1 \\');
  L.push('    VIRTUAL_ENV=/opt/venv \\');
  L.push('    PATH=/opt/venv/bin:$PATH');
  L.push('');
  L.push(`# builder installs the dependencies${d.native.build.length > 0 ? ' with compilers' : ''} into /opt/venv; nothing else leaves this stage.`);
  L.push('FROM base AS builder');
  L.push('# The builder is never run as a container, so it has no health check.');
  L.push('HEALTHCHECK NONE');
  if (d.native.build.length > 0) {
    L.push(`# Build tools and headers (${d.native.reasons.filter((r) => !r.includes('run time')).join('; ')}); they stay in this stage.`);
    L.push(...aptRun(d.native.build));
  }
  L.push(...installSteps(d, o));
  L.push('');
  L.push('# runtime is the slim final image: the virtual environment and the source, without build tools.');
  L.push('FROM base AS runtime');
  if (d.django) {
    L.push(`# The settings module for production${d.django.settingsModule !== d.django.managePySettings ? ` (manage.py defaults to ${d.django.managePySettings})` : ''}.`);
    L.push(`ENV DJANGO_SETTINGS_MODULE=${d.django.settingsModule}`);
  }
  if (d.native.runtime.length > 0) {
    L.push('# Shared libraries the installed packages load at run time.');
    L.push(...aptRun(d.native.runtime));
  }
  L.push('# A system user and group with a fixed UID/GID, so file ownership is the same in every build and volume.');
  L.push(`RUN groupadd --system --gid ${APP_UID} app \\`);
  L.push(` && useradd --system --uid ${APP_UID} --gid ${APP_UID} --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin app`);
  L.push('COPY --from=builder /opt/venv /opt/venv');
  L.push('WORKDIR /app');
  L.push(`COPY --chown=${APP_UID}:${APP_UID} . .`);
  if (d.workdir) L.push(`WORKDIR /app/${d.workdir}`);
  if (d.django) L.push(...collectstatic(d));
  L.push(`USER ${APP_UID}:${APP_UID}`);
  if (d.server) {
    L.push(`EXPOSE ${o.port}`);
    L.push('# Probes the app with the standard library (slim images have no curl); any answer below 500 counts as alive.');
    L.push('HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \\');
    L.push(`    CMD ["python", "-c", ${JSON.stringify(healthProbe(o))}]`);
  } else {
    L.push('# No HTTP endpoint is known for this command; replace NONE with a real probe when there is one.');
    L.push('HEALTHCHECK NONE');
  }
  const cmd = d.command ?? serverCommand(d.server!, o.port);
  L.push(`CMD ${JSON.stringify(cmd).replace(/","/g, '", "')}`);
  return L.join('\n') + '\n';
}

function aptRun(packages: string[]): string[] {
  const pinned = packages.map((p) => (APT_VERSIONS[p] ? `${p}=${APT_VERSIONS[p]}` : p));
  // Up to four packages fit on the install line; more get a line each, so a diff shows which one changed.
  const install = pinned.length <= 4 ? [` && apt-get install -y --no-install-recommends ${pinned.join(' ')} \\`] : [' && apt-get install -y --no-install-recommends \\', ...pinned.map((p) => `      ${p} \\`)];
  return ['RUN apt-get update \\', ...install, ' && rm -rf /var/lib/apt/lists/*'];
}

function installSteps(d: Detection, o: RenderOptions): string[] {
  const L: string[] = [];
  const tool = (name: 'poetry' | 'pdm' | 'pipenv'): void => {
    L.push(`# ${name} itself lives in its own environment, pinned, so it never mixes with the application's packages.`);
    L.push('RUN --mount=type=cache,target=/root/.cache/pip \\');
    L.push(`    python -m venv /opt/${name} \\`);
    L.push(` && /opt/${name}/bin/pip install ${name}==${name !== 'pipenv' && d.installer ? d.installer.version : TOOL_VERSIONS[name]}`);
  };
  switch (d.packageManager) {
    case 'uv':
      L.push('# The uv binary, copied from its pinned release image instead of installed with pip.');
      L.push(`COPY --from=${o.uvImage ?? uvImage(d)} /uv /usr/local/bin/uv`);
      L.push('# uv installs into the shared virtual environment, copies out of its cache mount, and never downloads a Python.');
      L.push('ENV UV_PROJECT_ENVIRONMENT=/opt/venv UV_LINK_MODE=copy UV_PYTHON_DOWNLOADS=never');
      break;
    case 'poetry':
      tool('poetry');
      L.push('# Poetry installs into the active virtual environment (VIRTUAL_ENV) without prompting.');
      L.push('ENV POETRY_NO_INTERACTION=1 POETRY_VIRTUALENVS_CREATE=false');
      break;
    case 'pdm':
      tool('pdm');
      L.push('# PDM installs into the active virtual environment (VIRTUAL_ENV) and does not check for updates.');
      L.push('ENV PDM_CHECK_UPDATE=false');
      break;
    case 'pipenv':
      tool('pipenv');
      L.push('# Pipenv installs into the active virtual environment (VIRTUAL_ENV) and never asks questions.');
      L.push('ENV PIPENV_NOSPIN=1 PIPENV_YES=1');
      break;
    case 'pip':
      break;
  }
  L.push('WORKDIR /app');
  L.push('# Only the dependency files first, so the install layer is rebuilt only when they change.');
  const byDir = new Map<string, string[]>();
  for (const m of d.manifests) {
    const dir = m.includes('/') ? m.slice(0, m.lastIndexOf('/') + 1) : './';
    byDir.set(dir, [...(byDir.get(dir) ?? []), m]);
  }
  for (const [dir, list] of byDir) L.push(`COPY ${list.join(' ')} ${dir}`);
  switch (d.packageManager) {
    case 'pip':
      L.push(`# Installs exactly ${d.requirementsFile}${d.devRequirements.length > 0 ? ` (not ${d.devRequirements.join(', ')})` : ''}; the pip cache stays in a cache mount.`);
      L.push('RUN --mount=type=cache,target=/root/.cache/pip \\');
      L.push('    python -m venv /opt/venv \\');
      L.push(` && pip install -r ${d.requirementsFile}`);
      break;
    case 'uv':
      L.push('# The locked dependencies without the dev group or the project itself; fails if uv.lock is stale.');
      L.push('RUN --mount=type=cache,target=/root/.cache/uv \\');
      L.push('    uv sync --locked --no-dev --no-install-project');
      break;
    case 'poetry':
      L.push('# The locked main group only, without the project itself; fails if poetry.lock is stale.');
      L.push('RUN --mount=type=cache,target=/root/.cache/pypoetry \\');
      L.push('    python -m venv /opt/venv \\');
      L.push(' && /opt/poetry/bin/poetry check --lock \\');
      L.push(' && /opt/poetry/bin/poetry install --only main --no-root');
      break;
    case 'pdm':
      L.push('# The locked production dependencies without the project itself; fails if pdm.lock is stale.');
      L.push('RUN --mount=type=cache,target=/root/.cache/pdm \\');
      L.push('    python -m venv /opt/venv \\');
      L.push(' && /opt/pdm/bin/pdm lock --check \\');
      L.push(' && /opt/pdm/bin/pdm sync --prod --no-self --no-editable');
      break;
    case 'pipenv':
      L.push('# The locked default packages (no dev-packages); fails if Pipfile.lock is stale.');
      L.push('RUN --mount=type=cache,target=/root/.cache/pip \\');
      L.push('    python -m venv /opt/venv \\');
      L.push(' && /opt/pipenv/bin/pipenv verify \\');
      L.push(' && /opt/pipenv/bin/pipenv sync');
      break;
  }
  return L;
}

/** Placeholder values for collectstatic: only that command sees them, and nothing of them stays in the image. */
function collectstatic(d: Detection): string[] {
  const dj = d.django!;
  if (!dj.staticRoot) return ['# STATIC_ROOT is not set, so static files are not collected here (docs/init.md).'];
  if (dj.remoteStaticStorage)
    return ['# Static files go to remote storage (django-storages): collect them in the release step, not in the build.'];
  const env: string[] = [];
  if (dj.secretKeyEnv) env.push(`${dj.secretKeyEnv}=collectstatic-placeholder`);
  for (const v of dj.requiredEnv) env.push(`${v.name}=${placeholder(v.name, v.kind)}`);
  const prefix = env.length > 0 ? `${env.join(' ')} ` : '';
  return [
    `# Static files are collected at build time${env.length > 0 ? '; the placeholder settings exist only for this command' : ''}.`,
    `RUN ${prefix}python manage.py collectstatic --noinput`,
  ];
}

function placeholder(name: string, kind: string): string {
  if (kind === 'db' || /DATABASE_URL$/.test(name)) return 'sqlite://:memory:';
  if (kind === 'cache' || /(REDIS|BROKER|CACHE)_URL$/.test(name)) return 'redis://localhost:6379/0';
  if (kind === 'bool') return 'False';
  if (kind === 'int') return '0';
  if (kind === 'list') return '""';
  if (kind === 'url' || /_URL$/.test(name)) return 'http://localhost/';
  return 'collectstatic-placeholder';
}

/**
 * The HEALTHCHECK program: an HTTP GET with http.client; exits 1 when the connection fails or the status
 * is 500 or above. Any lower status (a 400 from ALLOWED_HOSTS, a redirect to HTTPS) means the app answers.
 */
function healthProbe(o: RenderOptions): string {
  return `import http.client, sys; c = http.client.HTTPConnection('127.0.0.1', ${o.port}, timeout=4); c.request('GET', ${pyString(o.healthPath)}); sys.exit(c.getresponse().status >= 500)`;
}

function pyString(s: string): string {
  return `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

/** The exec-form command of a server, bound to all interfaces on `port`. */
export function serverCommand(s: Server, port: number): string[] {
  switch (s.name) {
    case 'gunicorn':
      return ['gunicorn', '--bind', `0.0.0.0:${port}`, ...(s.worker ? ['--worker-class', s.worker] : []), s.app];
    case 'uvicorn':
      return ['uvicorn', '--host', '0.0.0.0', '--port', String(port), s.app];
    case 'daphne':
      return ['daphne', '--bind', '0.0.0.0', '--port', String(port), s.app];
    case 'uwsgi':
      return ['uwsgi', '--http-socket', `0.0.0.0:${port}`, '--master', '--die-on-term', '--module', s.app];
    case 'granian':
      return ['granian', '--interface', s.interface, '--host', '0.0.0.0', '--port', String(port), s.app];
  }
}

/**
 * Renders the .dockerignore: the shared seed list for the project's tree (src/context/ignore-seed.ts, the
 * same list `require-dockerignore`'s fix writes), each group after a comment saying why.
 */
export function renderDockerignore(d: Detection): string {
  return renderIgnoreLines(d.dockerignore, 'Written by `shipshape init`: keeps secrets, history, caches and local artefacts out of the build context.').join('\n') + '\n';
}

/**
 * Renders `.env.example` for `init --compose`: the variables compose.yaml's services read from `.env`,
 * to copy to `.env` and fill in (`docker compose up` fails while a service's `env_file` is missing).
 * The secrets (the settings' SECRET_KEY variable, POSTGRES_PASSWORD) are left empty; the others get local
 * values that match the services compose.yaml starts (`db`, `redis`).
 */
export function renderEnvExample(d: Detection): string {
  const L = ['# Written by `shipshape init`: the settings compose.yaml gives its services. Copy this file to .env', '# (kept out of git and of the image) and fill in the empty values.'];
  // No `${...}` in values: whether a dotenv file expands them depends on the reader (Compose does, the app may not).
  const db = d.postgres ? 'postgres://app:PASSWORD@db:5432/app' : 'sqlite:////tmp/db.sqlite3';
  const seen = new Set<string>();
  const add = (name: string, value: string): void => {
    if (seen.has(name)) return;
    seen.add(name);
    L.push(`${name}=${value}`);
  };
  if (d.postgres) {
    L.push('# The database the db service creates.');
    add('POSTGRES_USER', 'app');
    add('POSTGRES_DB', 'app');
    add('POSTGRES_PASSWORD', '');
  }
  const dj = d.django;
  if (dj?.secretKeyEnv) add(dj.secretKeyEnv, '');
  for (const v of dj?.requiredEnv ?? []) {
    if (v.kind === 'db' || /DATABASE_URL$/.test(v.name)) {
      if (d.postgres && !seen.has(v.name)) L.push('# PASSWORD: the POSTGRES_PASSWORD above.');
      add(v.name, db);
    }
    else if (v.kind === 'cache' || /(REDIS|BROKER|CACHE)_URL$/.test(v.name)) add(v.name, d.redis ? 'redis://redis:6379/0' : '');
    else if (v.kind === 'bool') add(v.name, 'False');
    else if (v.kind === 'list' && /HOSTS$/.test(v.name)) add(v.name, 'localhost,127.0.0.1');
    else add(v.name, '');
  }
  return L.join('\n') + '\n';
}

/**
 * Renders compose.yaml (Compose Specification): the web service built from the Dockerfile, and PostgreSQL,
 * Redis and a Celery worker when detected, each with a health check; secrets come from `.env`.
 */
export function renderCompose(d: Detection, o: RenderOptions): string {
  const L: string[] = [
    '# Written by `shipshape init`: for local runs; settings and secrets come from .env (keep it out of git).',
    'services:',
    `  ${d.server ? 'web' : 'app'}:`,
    '    build: .',
    ...(d.server ? ['    ports:', `      - "${o.port}:${o.port}"`] : []),
    '    env_file: .env',
  ];
  const deps: string[] = [];
  if (d.postgres) deps.push('db');
  if (d.redis) deps.push('redis');
  const dependsOn = (): void => {
    if (deps.length === 0) return;
    L.push('    depends_on:');
    for (const s of deps) L.push(`      ${s}:`, '        condition: service_healthy');
  };
  dependsOn();
  if (d.celery) {
    L.push('  worker:', '    build: .', `    command: ["celery", "-A", "${d.celery}", "worker", "--loglevel=info"]`, '    env_file: .env');
    dependsOn();
  }
  if (d.postgres) {
    L.push(
      '  db:',
      `    image: ${COMPOSE_IMAGES.postgres}`,
      '    # POSTGRES_PASSWORD (and POSTGRES_USER, POSTGRES_DB) come from .env.',
      '    env_file: .env',
      '    volumes:',
      '      - postgres-data:/var/lib/postgresql/data',
      '    healthcheck:',
      '      test: ["CMD-SHELL", "pg_isready -U \\"$${POSTGRES_USER:-postgres}\\""]',
      '      interval: 5s',
      '      timeout: 5s',
      '      retries: 10',
    );
  }
  if (d.redis) {
    L.push(
      '  redis:',
      `    image: ${COMPOSE_IMAGES.redis}`,
      '    healthcheck:',
      '      test: ["CMD", "redis-cli", "ping"]',
      '      interval: 5s',
      '      timeout: 5s',
      '      retries: 10',
    );
  }
  if (d.postgres) L.push('volumes:', '  postgres-data:');
  return L.join('\n') + '\n';
}
