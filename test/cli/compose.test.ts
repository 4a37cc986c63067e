/**
 * The build context Compose uses (issue 16): Compose files name each service's context and Dockerfile;
 * shipshape lints each Dockerfile with that context, once per distinct context.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findComposeBuild, interpolate, parseDotEnv, readComposeBuilds } from '../../src/cli/compose.js';
import { runShipshape } from '../helpers/cli.js';

const root = mkdtempSync(join(tmpdir(), 'shipshape-compose-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function project(name: string, files: Record<string, string>): string {
  const dir = join(root, name);
  for (const [p, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, p)), { recursive: true });
    writeFileSync(join(dir, p), content);
  }
  return dir;
}

const DJANGO = 'FROM python:3.12.4-slim\nENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1\nCOPY ./compose/production/django/start /start\nCOPY . /app\nUSER 1000\nCMD ["/start"]\n';
/** cookiecutter-django's layout: `context: .`, Dockerfiles under compose/, one .dockerignore at the root. */
const COOKIECUTTER = {
  'docker-compose.production.yml': 'services:\n  django: &django\n    build:\n      context: .\n      dockerfile: ./compose/production/django/Dockerfile\n  celeryworker:\n    <<: *django\n  postgres:\n    build:\n      context: .\n      dockerfile: ./compose/production/postgres/Dockerfile\n',
  'docker-compose.local.yml': 'services:\n  postgres:\n    build:\n      context: .\n      dockerfile: ./compose/production/postgres/Dockerfile\n',
  'compose/production/django/Dockerfile': DJANGO,
  'compose/production/django/start': '#!/bin/sh\nexec gunicorn config.wsgi\n',
  'compose/production/postgres/Dockerfile': 'FROM postgres:16.4\nCOPY ./compose/production/postgres/maintenance /usr/local/bin/maintenance\n',
  'compose/production/postgres/maintenance/backup': '#!/bin/sh\n',
  'manage.py': '',
  '.dockerignore': '.git\n**/__pycache__\n**/.env\n',
};

describe('compose interpolation and .env', () => {
  it('follows the Compose specification', () => {
    const vars = { A: 'a', EMPTY: '', HOME: '/h' };
    expect(interpolate('${A}-$A-${B:-dflt}-${EMPTY:-e}-${EMPTY-x}-${B-y}-${A:+alt}-${B+alt}-$$A-${B:-${A}}', vars)).toBe('a-a-dflt-e--y-alt--$A-a');
    const errors: string[] = [];
    expect(interpolate('${REQ:?set REQ}', vars, (m) => errors.push(m))).toBe('');
    expect(errors).toEqual(['required variable REQ is missing a value: set REQ']);
  });
  it('.env lines: comments, export, quotes', () => {
    expect(parseDotEnv('# c\nexport A=1\nB="two words"\nC=\'x # y\'\nD=3 # comment\nbad line\n')).toEqual({ A: '1', B: 'two words', C: 'x # y', D: '3' });
  });
  it('reads builds: string build, args (map and list), target, additional_contexts; environment over .env', () => {
    const dir = project('interp', {
      '.env': 'CTX=app\nDF=Dockerfile.prod\nPY=3.11\n',
      'compose.yaml': 'services:\n  web:\n    build:\n      context: ./${CTX}\n      dockerfile: ${DF:-Dockerfile}\n      args:\n        PY: ${PY}\n        FLAG:\n      target: ${TARGET:-runtime}\n      additional_contexts:\n        assets: ../assets\n        base: docker-image://alpine:3.20\n  worker:\n    build: ./worker\n  db:\n    image: postgres:16.4\n  remote:\n    build: https://github.com/x/y.git\n  inline:\n    build:\n      dockerfile_inline: FROM alpine\n  listargs:\n    build:\n      args: ["A=1", "FLAG"]\n',
    });
    const { builds, warnings } = readComposeBuilds(join(dir, 'compose.yaml'), { PY: '3.12', FLAG: 'on' });
    expect(warnings).toEqual([]);
    expect(builds.map((b) => ({ ...b, composeFile: undefined }))).toEqual([
      { service: 'web', context: join(dir, 'app'), dockerfile: join(dir, 'app', 'Dockerfile.prod'), args: { PY: '3.12', FLAG: 'on' }, target: 'runtime', additionalContexts: { assets: join(root, 'assets'), base: 'docker-image://alpine:3.20' }, composeFile: undefined },
      { service: 'worker', context: join(dir, 'worker'), dockerfile: join(dir, 'worker', 'Dockerfile'), args: {}, target: null, additionalContexts: {}, composeFile: undefined },
      { service: 'listargs', context: dir, dockerfile: join(dir, 'Dockerfile'), args: { A: '1', FLAG: 'on' }, target: null, additionalContexts: {}, composeFile: undefined },
    ]);
  });
});

describe('lint with the context Compose gives', () => {
  it('a directory: Dockerfiles under compose/ get context `.`: no false require-dockerignore, no note', async () => {
    const dir = project('cookiecutter', COOKIECUTTER);
    const r = await runShipshape(['lint', '-f', 'json', '-V', '.'], dir);
    const found = JSON.parse(r.stdout) as { file: string; code: string }[];
    expect(found.filter((f) => /dockerignore/.test(f.code))).toEqual([]);
    // postgres is built by two services of two Compose files with one context: linted once.
    expect(r.stderr).toBe(
      'shipshape: configuration (none found, using defaults)\n' +
        'shipshape: compose/production/django/Dockerfile: build context ., from django (docker-compose.production.yml), celeryworker (docker-compose.production.yml)\n' +
        'shipshape: compose/production/postgres/Dockerfile: build context ., from postgres (docker-compose.local.yml), postgres (docker-compose.production.yml)\n',
    );
    // The same Dockerfile with its folder as context: the .dockerignore is not found there.
    const alone = await runShipshape(['lint', '-f', 'json', '--context', 'compose/production/django', 'compose/production/django/Dockerfile'], dir);
    expect((JSON.parse(alone.stdout) as { code: string }[]).map((f) => f.code)).toContain('require-dockerignore');
  });
  it('without Compose the same Dockerfile gets its own folder: the CLI says the context looks wrong, once', async () => {
    const dir = project('cookiecutter-file', COOKIECUTTER);
    const r = await runShipshape(['lint', 'compose/production/django/Dockerfile', 'compose/production/postgres/Dockerfile'], dir);
    expect(r.stderr).toBe(
      "shipshape: note: 1 of the 1 COPY/ADD sources of compose/production/django/Dockerfile (`./compose/production/django/start`) are not in its assumed build context compose/production/django (the Dockerfile's folder) (the same for 1 other Dockerfile(s)): they exist in `.`, likely the real build context, so the rules that judge the build context skip this file (credentials copied from its folder are still reported). Give it with `--context .`, or lint the Compose file that builds it (`shipshape lint compose.yaml`)\n",
    );
    expect(r.stdout).not.toMatch(/require-dockerignore/);
    const withContext = await runShipshape(['lint', '--context', '.', 'compose/production/django/Dockerfile'], dir);
    expect(withContext.stderr).toBe('');
    // A source that exists nowhere does not make the context look wrong (the build would just fail).
    const nowhere = await runShipshape(['lint', 'Dockerfile'], project('nowhere', { Dockerfile: 'FROM alpine:3.20.1\nCOPY README.md /doc/\n', '.dockerignore': '*.md\n' }));
    expect(nowhere.stderr).toBe('');
    expect(nowhere.stdout).toMatch(/CopyIgnoredFile/);
  });
  it('shipshape lint docker-compose.production.yml lints what its services build; -V says from where', async () => {
    const dir = project('cookiecutter-compose', COOKIECUTTER);
    const r = await runShipshape(['lint', '-V', '-f', 'json', 'docker-compose.production.yml'], dir);
    expect(r.stderr).toContain('shipshape: compose/production/django/Dockerfile: build context ., from django (docker-compose.production.yml), celeryworker (docker-compose.production.yml)\n');
    expect(r.code).toBe(0);
  });
  it('a Compose file whose services only run images has nothing to lint: it says which services it skipped and exits 0', async () => {
    const dir = project('nobuild', {
      'compose.yaml': 'services:\n  db:\n    image: postgres:16.4\n  cache:\n    image: redis:7.4.1\n  remote:\n    build: https://github.com/docker/example.git#main\n  inline:\n    build:\n      dockerfile_inline: FROM alpine:3.20.1\n',
    });
    const none = await runShipshape(['lint', 'compose.yaml'], dir);
    expect(none.stderr).toBe('shipshape: compose.yaml: nothing to lint, no service builds from a local Dockerfile (db: image only (no build:), cache: image only (no build:), remote: remote build context, inline: dockerfile_inline)\n');
    expect(none.stdout).toBe('');
    expect(none.code).toBe(0);
    const json = await runShipshape(['lint', '-f', 'json', 'compose.yaml'], dir);
    expect(JSON.parse(json.stdout)).toEqual([]);
    expect(json.code).toBe(0);
    // The same for the directory: its Compose file says why there is no Dockerfile to lint.
    const asDir = await runShipshape(['lint', '.'], dir);
    expect(asDir.stderr).toBe(none.stderr);
    expect(asDir.code).toBe(0);
    // A YAML file without services is not a Compose file: an input error.
    const bad = await runShipshape(['lint', 'compose.yaml'], project('noservices', { 'compose.yaml': 'name: x\n' }));
    expect(bad.stderr).toBe('shipshape: compose.yaml: no services: (not a Compose file?)\n');
    expect(bad.code).toBe(2);
  });
  it('--fix writes .dockerignore in the context Compose uses, and --diff names it from the working directory', async () => {
    const files: Record<string, string> = { ...COOKIECUTTER };
    delete files['.dockerignore'];
    const dir = project('cookiecutter-fix', files);
    const diff = await runShipshape(['lint', '--diff', '--fix-rule', 'require-dockerignore', '.'], dir);
    expect(diff.stdout.match(/^\+\+\+ .*$/gm)).toEqual(['+++ b/.dockerignore']);
    await runShipshape(['lint', '--fix', '.'], dir);
    expect(existsSync(join(dir, '.dockerignore'))).toBe(true);
    expect(existsSync(join(dir, 'compose/production/django/.dockerignore'))).toBe(false);
    expect(readFileSync(join(dir, '.dockerignore'), 'utf8')).toMatch(/^\*\*\/\.git$/m);
  });
  it('a Dockerfile in a subfolder is judged with <its path>.dockerignore beside it, as BuildKit does, and --fix appends there', async () => {
    const dir = project('own-ignore', {
      'compose.yaml': 'services:\n  worker:\n    build:\n      context: .\n      dockerfile: worker/Dockerfile.celery\n',
      '.dockerignore': 'src\n',
      'worker/Dockerfile.celery.dockerignore': '.git\n',
      'worker/Dockerfile.celery': 'FROM python:3.12.4-slim\nENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1\nWORKDIR /app\nCOPY src ./src\nCOPY . .\nUSER 1000\nCMD ["celery", "-A", "src", "worker"]\n',
      'src/__init__.py': '',
      '.env': 'SECRET=1\n',
    });
    const r = await runShipshape(['lint', '-f', 'json', 'compose.yaml'], dir);
    const codes = (JSON.parse(r.stdout) as { code: string; message: string }[]).map((f) => f.code);
    // The root .dockerignore excludes src, but BuildKit reads worker/Dockerfile.celery.dockerignore instead.
    expect(codes).not.toContain('CopyIgnoredFile');
    expect(codes).not.toContain('require-dockerignore');
    expect(codes).toContain('dockerignore-coverage');
    await runShipshape(['lint', '--fix', '--unsafe-fixes', 'compose.yaml'], dir);
    expect(readFileSync(join(dir, 'worker/Dockerfile.celery.dockerignore'), 'utf8')).toMatch(/^\.git\n\*\*\/\.env\n/);
    expect(readFileSync(join(dir, '.dockerignore'), 'utf8')).toBe('src\n');
  });
  it('--diff header of a context file in another folder is relative to the working directory', async () => {
    const dir = project('ctxdiff', { 'svc/Dockerfile': 'FROM python:3.12.4-slim\nCOPY . /app\nUSER 1000\nCMD ["python", "/app/app.py"]\n', 'svc/app.py': '' });
    const r = await runShipshape(['lint', '--diff', '--fix-rule', 'require-dockerignore', 'svc/Dockerfile'], dir);
    expect(r.stdout.match(/^(---|\+\+\+) .*$/gm)).toEqual(['--- /dev/null', '+++ b/svc/.dockerignore']);
  });
  it('build.args are the values of the ARGs: FROM images and USER judged with them', async () => {
    const dir = project('args', {
      Dockerfile: 'ARG BASE=python\nFROM ${BASE}\nENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1\nARG APP_USER=root\nUSER ${APP_USER}\nCMD ["python"]\n',
      'compose.yaml': 'services:\n  web:\n    build:\n      context: .\n      args:\n        BASE: ${PY_IMAGE:-python:3.12.4-slim}\n        APP_USER: "1000"\n',
    });
    const plain = await runShipshape(['lint', '-f', 'json', 'Dockerfile'], dir);
    expect((JSON.parse(plain.stdout) as { code: string }[]).map((f) => f.code).sort()).toEqual(['DL3002', 'DL3006', 'prefer-slim-base', 'require-non-root-user']);
    const composed = await runShipshape(['lint', '-f', 'json', 'compose.yaml'], dir);
    expect(JSON.parse(composed.stdout)).toEqual([]);
    expect(composed.code).toBe(0);
  });
});

describe('one lint per distinct build, however many arguments reach it', () => {
  const DOCKERFILE = 'ARG BASE=python:3.12.4-slim\nFROM ${BASE}\nRUN pip install django\nCMD ["python"]\n';
  // web builds the Dockerfile as it is named alone (its own folder, no args); legacy with other args.
  const COMPOSE = 'services:\n  web:\n    build: .\n  legacy:\n    build:\n      context: .\n      args:\n        BASE: python\n';
  const codes = (stdout: string): string[] => (JSON.parse(stdout) as { code: string }[]).map((f) => f.code);
  it('a Dockerfile and the Compose file that builds it (pre-commit passes both): each finding once', async () => {
    const dir = project('twice', { Dockerfile: DOCKERFILE, 'compose.yaml': COMPOSE });
    const alone = codes((await runShipshape(['lint', '-f', 'json', 'Dockerfile'], dir)).stdout);
    const composed = codes((await runShipshape(['lint', '-f', 'json', 'compose.yaml'], dir)).stdout);
    expect(alone).toContain('DL3013');
    // legacy's args make it another lint: its findings are kept (with the unpinned base image).
    expect(composed.length).toBeGreaterThan(alone.length);
    expect(composed).toContain('DL3006');
    for (const args of [['Dockerfile', 'compose.yaml'], ['compose.yaml', 'Dockerfile'], ['Dockerfile', '.', 'compose.yaml', './Dockerfile']]) {
      const r = await runShipshape(['lint', '-f', 'json', ...args], dir);
      expect(codes(r.stdout).sort(), args.join(' ')).toEqual([...composed].sort());
    }
    expect(codes((await runShipshape(['lint', '-f', 'json', 'Dockerfile', 'Dockerfile'], dir)).stdout)).toEqual(alone);
    // Only Compose: web and legacy are two lints; the same build from two Compose files is one.
    writeFileSync(join(dir, 'compose.override.yaml'), 'services:\n  web2:\n    build: .\n');
    expect(codes((await runShipshape(['lint', '-f', 'json', 'compose.yaml', 'compose.override.yaml'], dir)).stdout).sort()).toEqual([...composed].sort());
  });
  it('--fix on both arguments counts what remains once', async () => {
    const dir = project('twice-fix', { Dockerfile: DOCKERFILE, 'compose.yaml': 'services:\n  web:\n    build: .\n' });
    const alone = await runShipshape(['lint', '--fix-dry-run', 'Dockerfile'], dir);
    const both = await runShipshape(['lint', '--fix-dry-run', 'Dockerfile', 'compose.yaml'], dir);
    expect(alone.stderr).toMatch(/\d+ remain/);
    expect(both.stderr).toBe(alone.stderr);
    expect(both.stdout.match(/^\d+ problems?/m)?.[0]).toBe(alone.stdout.match(/^\d+ problems?/m)?.[0]);
  });
});

describe('findComposeBuild (the language server: from a Dockerfile to the service that builds it)', () => {
  it('finds the service in an ancestor folder, with its context and interpolated args', () => {
    const dir = project('find-up', {
      ...COOKIECUTTER,
      '.env': 'PY=3.12.4\n',
      'compose.yaml': 'services:\n  web:\n    build:\n      context: .\n      dockerfile: compose/web/Dockerfile\n      args:\n        PYTHON_VERSION: ${PY}\n',
      'compose/web/Dockerfile': 'FROM python:3.12.4-slim\n',
    });
    const m = findComposeBuild(join(dir, 'compose/web/Dockerfile'), dir, {});
    expect(m.build?.service).toBe('web');
    expect(m.build?.context).toBe(dir);
    expect(m.build?.args).toEqual({ PYTHON_VERSION: '3.12.4' });
    expect(m.warnings).toEqual([]);
    // Files are read in name order; the first service whose Dockerfile matches wins.
    const django = findComposeBuild(join(dir, 'compose/production/django/Dockerfile'), dir, {});
    expect(django.build?.service).toBe('django');
    expect(django.build?.composeFile).toBe(join(dir, 'docker-compose.production.yml'));
  });

  it('stops at the given folder, and reports invalid Compose files without throwing', () => {
    const dir = project('find-stop', {
      'compose.yaml': 'services:\n  web:\n    build:\n      context: .\n      dockerfile: app/Dockerfile\n',
      'app/Dockerfile': 'FROM python:3.12.4-slim\n',
      'app/compose.override.yaml': 'services: [unclosed\n',
    });
    const dockerfile = join(dir, 'app/Dockerfile');
    const stopped = findComposeBuild(dockerfile, join(dir, 'app'), {});
    expect(stopped.build).toBeNull();
    expect(stopped.read).toEqual([join(dir, 'app/compose.override.yaml')]);
    expect(stopped.warnings).toHaveLength(1);
    expect(stopped.warnings[0]).toContain('compose.override.yaml: not a readable Compose file');
    const found = findComposeBuild(dockerfile, dir, {});
    expect(found.build?.context).toBe(dir);
    expect(found.read).toEqual([join(dir, 'app/compose.override.yaml'), join(dir, 'compose.yaml')]);
  });
});

/** A Django image with a dev stage on top, and static files from a named context `assets`. */
const TARGETS = {
  'app/Dockerfile': [
    'FROM python:3.12.4-slim AS prod',
    'ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1',
    'COPY --from=assets /dist /app/static',
    'USER 10001',
    'CMD ["gunicorn", "--bind", "0.0.0.0:8000", "app.wsgi"]',
    'FROM prod AS dev',
    'USER root',
    'RUN apt-get update && apt-get install -y --no-install-recommends git=1:2.39.2-1.1',
    'CMD ["python", "manage.py", "runserver", "0.0.0.0:8000"]',
    '',
  ].join('\n'),
  'app/.dockerignore': '.git\n',
  'frontend/dist/app.css': '',
  'compose.yaml':
    'services:\n  web:\n    build:\n      context: ./app\n      target: prod\n      additional_contexts:\n        assets: ./frontend\n  worker:\n    build:\n      context: ./app\n      target: ${WORKER_TARGET:-prod}\n      additional_contexts:\n        - assets=./frontend\n  devserver:\n    build:\n      context: ./app\n      target: dev\n      additional_contexts:\n        assets: ./frontend\n',
};

describe('build.target and additional_contexts (issue 16)', () => {
  const codes = (stdout: string): string[] => (JSON.parse(stdout) as { code: string; line: number }[]).map((f) => `${f.code}:${f.line}`);
  it('each distinct target is linted once; stages the target does not reach are not final; --from=assets is no image', async () => {
    const dir = project('targets', TARGETS);
    const r = await runShipshape(['lint', '-V', '-f', 'json', 'compose.yaml'], dir);
    expect(r.stderr).toBe(
      'shipshape: configuration (none found, using defaults)\n' +
        'shipshape: app/Dockerfile: build context app, target prod, from web (compose.yaml), worker (compose.yaml)\n' +
        'shipshape: app/Dockerfile: build context app, target dev, from devserver (compose.yaml)\n',
    );
    const found = JSON.parse(r.stdout) as { code: string; line: number }[];
    // prod (web, worker): only the per-stage USER rules see the dev stage; dev: its root user, apt lists, dev server.
    expect(found.map((f) => `${f.code}:${f.line}`)).toEqual(['DL3002:7', 'DL3066:7', 'DL3002:7', 'DL3066:7', 'require-non-root-user:7', 'DL3009:8', 'no-dev-server:9']);
  });
  it('the same file with the CLI flags: --target, --build-context', async () => {
    const dir = project('targets-cli', TARGETS);
    const plain = await runShipshape(['lint', '-f', 'json', 'app/Dockerfile'], dir);
    expect(codes(plain.stdout)).toEqual(['DL3022:3', 'DL3002:7', 'DL3066:7', 'require-non-root-user:7', 'DL3009:8', 'no-dev-server:9']);
    const flags = await runShipshape(['lint', '-f', 'json', '--target', 'prod', '--build-context', 'assets=./frontend', 'app/Dockerfile'], dir);
    expect(codes(flags.stdout)).toEqual(['DL3002:7', 'DL3066:7']);
    expect(flags.code).toBe(1);
    // --target wins over Compose's build.target.
    const over = await runShipshape(['lint', '-f', 'json', '--target', 'dev', 'compose.yaml'], dir);
    expect(codes(over.stdout)).toEqual(['DL3002:7', 'DL3066:7', 'require-non-root-user:7', 'DL3009:8', 'no-dev-server:9', 'DL3002:7', 'DL3066:7', 'require-non-root-user:7', 'DL3009:8', 'no-dev-server:9']);
  });
  it('an unknown target is an input error (exit 2), from the CLI or from Compose; nothing is fixed', async () => {
    const dir = project('targets-bad', TARGETS);
    const cli = await runShipshape(['lint', '--target', 'prd', 'app/Dockerfile'], dir);
    expect(cli.code).toBe(2);
    expect(cli.stderr).toBe('shipshape: app/Dockerfile: target stage "prd" could not be found (stages: prod, dev)\n');
    const composed = await runShipshape(['lint', '-f', 'json', 'compose.yaml'], dir, { env: { WORKER_TARGET: 'wrker' } });
    expect(composed.code).toBe(2);
    expect(composed.stderr).toBe('shipshape: app/Dockerfile: target stage "wrker" could not be found (stages: prod, dev)\n');
    const before = readFileSync(join(dir, 'app/Dockerfile'), 'utf8');
    const fix = await runShipshape(['lint', '--fix', '--target', 'prd', 'app/Dockerfile'], dir);
    expect(fix.code).toBe(2);
    expect(fix.stderr).toBe('shipshape: app/Dockerfile: target stage "prd" could not be found (stages: prod, dev)\n');
    expect(readFileSync(join(dir, 'app/Dockerfile'), 'utf8')).toBe(before);
    // A known target: fixes follow it (DL3009's fix only where the target builds the stage).
    const prodDiff = await runShipshape(['lint', '--diff', '--target', 'prod', '--build-context', 'assets=./frontend', 'app/Dockerfile'], dir);
    expect(prodDiff.stdout).not.toMatch(/^\+\+\+/m);
    const devDiff = await runShipshape(['lint', '--diff', '--target', 'dev', '--build-context', 'assets=./frontend', 'app/Dockerfile'], dir);
    expect(devDiff.stdout.match(/^[+-]RUN .*$/gm)).toEqual([
      '-RUN apt-get update && apt-get install -y --no-install-recommends git=1:2.39.2-1.1',
      '+RUN apt-get update && apt-get install -y --no-install-recommends git=1:2.39.2-1.1 && rm -rf /var/lib/apt/lists/*',
    ]);
    const spec = await runShipshape(['lint', '--build-context', 'assets', 'app/Dockerfile'], dir);
    expect(spec.code).toBe(2);
    expect(spec.stderr).toBe('shipshape: --build-context assets: expected NAME=PATH (for example --build-context assets=./frontend/dist)\n');
  });
  it('files copied from an additional context are read from its directory (Compose and --build-context)', async () => {
    const dir = project('targets-secret', { ...TARGETS, 'frontend/dist/.env': 'API_KEY=abc123\n' });
    const expected = 'COPY /dist copies credentials from the build context `assets` into the image: dist/.env (environment file with secrets); exclude them in .dockerignore and pass secrets with RUN --mount=type=secret';
    const secretsOf = (stdout: string): string[] => (JSON.parse(stdout) as { code: string; message: string }[]).filter((f) => f.code === 'no-secret-files-copied').map((f) => f.message);
    const composed = await runShipshape(['lint', '-f', 'json', 'compose.yaml'], dir);
    // Reported for each of the two targets (prod, dev) that copy it.
    expect(secretsOf(composed.stdout)).toEqual([expected, expected]);
    const flag = await runShipshape(['lint', '-f', 'json', '--target', 'prod', '--build-context', 'assets=frontend', 'app/Dockerfile'], dir);
    expect(secretsOf(flag.stdout)).toEqual([expected]);
    // The named context's own .dockerignore keeps it out.
    writeFileSync(join(dir, 'frontend/.dockerignore'), '**/.env\n');
    expect(secretsOf((await runShipshape(['lint', '-f', 'json', 'compose.yaml'], dir)).stdout)).toEqual([]);
    const missing = await runShipshape(['lint', '--build-context', 'assets=./nope', 'app/Dockerfile'], dir);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe('shipshape: --build-context assets=./nope: no such directory\n');
  });
});
