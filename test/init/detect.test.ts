/**
 * Detection from project files (src/init/detect.ts, dependencies.ts), on in-memory projects: each case is
 * a shape met in a real project (cookiecutter-django, saleor, bakerydemo) or a precedence rule of docs/init.md.
 */
import { describe, expect, it } from 'vitest';
import { memoryContext } from '../../src/context/memory.js';
import { DetectError, detectProject, resolvePython, topLevelStatements } from '../../src/init/detect.js';
import { renderDockerfile } from '../../src/init/render.js';
import { collectRequirements } from '../../src/rules/lib/python-manifests.js';

const MANAGE = (settings: string): string => `import os\nos.environ.setdefault("DJANGO_SETTINGS_MODULE", "${settings}")\n`;

function django(extra: Record<string, string>, requirements = 'django==5.1.3\ngunicorn==23.0.0\n') {
  return detectProject(memoryContext({ 'manage.py': MANAGE('proj.settings'), 'requirements.txt': requirements, 'proj/wsgi.py': '', ...extra }));
}

describe('Python version', () => {
  it.each([
    ['3.12', '3.12.7'],
    ['3.12.3', '3.12.3'],
    ['python-3.11.4', '3.11.4'],
    ['>=3.10', '3.12.7'],
    ['>=3.10,<3.12', '3.11.10'],
    ['^3.11', '3.12.7'],
    ['~=3.11.0', '3.11.10'],
    ['==3.14.*', '3.14.0'],
    ['>=3.13', '3.14.0'],
    ['<3.9', null],
  ])('%s → %s', (spec, want) => {
    expect(resolvePython(spec)).toBe(want);
  });

  it('.python-version wins over requires-python, which wins over runtime.txt', () => {
    const files = { 'requirements.txt': 'httpx==0.27.2\n', 'main.py': '', 'runtime.txt': 'python-3.10.4\n' };
    expect(detectProject(memoryContext(files)).pythonVersion).toBe('3.10.4');
    const withPyproject = { ...files, 'pyproject.toml': '[project]\nname = "x"\nversion = "1"\nrequires-python = ">=3.11,<3.12"\n' };
    expect(detectProject(memoryContext(withPyproject)).pythonVersion).toBe('3.11.10');
    expect(detectProject(memoryContext({ ...withPyproject, '.python-version': '3.13\n' })).pythonVersion).toBe('3.13.0');
  });

  it('a version init cannot pin stops with a message', () => {
    expect(() => detectProject(memoryContext({ 'requirements.txt': 'x==1\n', 'main.py': '', '.python-version': '3.19\n' }))).toThrow(
      /\.python-version asks for Python 3\.19, which init cannot pin/,
    );
  });
});

describe('requirements files', () => {
  it('follows -r includes relative to the including file, skips -c constraints and options, and lists unpinned lines', () => {
    const files: Record<string, string> = {
      'requirements.txt': '-r requirements/production.txt\n',
      'requirements/production.txt': '-r base.txt\n-c constraints.txt\ngunicorn==23.0.0 --hash=sha256:abc \\\n    --hash=sha256:def\n',
      'requirements/base.txt': '# comment\nDjango>=5.1,<5.2\npsycopg[binary]==3.2.3 ; python_version >= "3.9"\n--index-url https://example.org/simple\nmylib @ https://example.org/mylib.whl\n',
      'requirements/constraints.txt': 'urllib3==2.2.3\n',
    };
    const r = collectRequirements('requirements.txt', (p) => files[p] ?? null);
    expect(r.files).toEqual(['requirements.txt', 'requirements/production.txt', 'requirements/base.txt', 'requirements/constraints.txt']);
    expect(r.dependencies).toEqual([
      { name: 'django', extras: [] },
      { name: 'psycopg', extras: ['binary'] },
      { name: 'mylib', extras: [] },
      { name: 'gunicorn', extras: [] },
    ]);
    expect(r.unpinned).toEqual(['Django>=5.1,<5.2']);
  });
});

describe('Django', () => {
  it('prefers a production settings module beside the one manage.py names', () => {
    const d = detectProject(
      memoryContext({
        'manage.py': MANAGE('config.settings.local'),
        'requirements.txt': 'django==5.1.3\ngunicorn==23.0.0\n',
        'config/settings/local.py': '',
        'config/settings/production.py': '',
        'config/wsgi.py': '',
      }),
    );
    expect(d.django?.settingsModule).toBe('config.settings.production');
    expect(d.server).toEqual({ name: 'gunicorn', interface: 'wsgi', app: 'config.wsgi:application' });
  });

  it('reads annotated settings and ASGI packages (saleor)', () => {
    const d = django(
      { 'proj/settings.py': 'STATIC_ROOT: str = os.path.join(PROJECT_ROOT, "static")\n', 'proj/asgi/__init__.py': 'application = 1\n' },
      'django==5.1.3\nuvicorn[standard]==0.32.1\n',
    );
    expect(d.django?.staticRoot).toBe('static');
    expect(d.server).toEqual({ name: 'uvicorn', interface: 'asgi', app: 'proj.asgi:application' });
  });

  it('ignores wsgi.py files inside virtual environments and node_modules', () => {
    const d = detectProject(
      memoryContext({
        'manage.py': MANAGE('site.settings'),
        'requirements.txt': 'django==5.1.3\ngunicorn==23.0.0\n',
        '.venv/lib/python3.12/site-packages/a/wsgi.py': '',
        'node_modules/x/wsgi.py': '',
        'site/deep/wsgi.py': '',
      }),
    );
    expect(d.server?.app).toBe('site.deep.wsgi:application');
  });

  it('placeholders only for settings read without a default at the top level', () => {
    const d = django({
      'proj/settings.py': [
        'SECRET_KEY = env("DJANGO_SECRET_KEY")',
        'DATABASES = {',
        '    "default": env.db("DATABASE_URL"),',
        '}',
        'ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS")',
        'DEBUG = env.bool("DJANGO_DEBUG", default=False)',
        'if "AWS_BUCKET" in os.environ:',
        '    AWS_REGION = os.environ["AWS_REGION"]',
        'STATIC_ROOT = BASE_DIR / "staticfiles"',
      ].join('\n'),
    });
    expect(d.django?.secretKeyEnv).toBe('DJANGO_SECRET_KEY');
    expect(d.django?.requiredEnv).toEqual([
      { name: 'DATABASE_URL', kind: 'db' },
      { name: 'DJANGO_ALLOWED_HOSTS', kind: 'list' },
    ]);
  });

  it('remote static storage at the top level (cookiecutter-django) skips collectstatic; a conditional one (saleor) does not', () => {
    const remote = django({
      'proj/settings.py': 'STATIC_ROOT = "staticfiles"\nSTORAGES = {\n    "default": {"BACKEND": "x"},\n    "staticfiles": {\n        "BACKEND": "storages.backends.s3.S3Storage",\n    },\n}\n',
    });
    expect(remote.django?.remoteStaticStorage).toBe(true);
    const conditional = django({
      'proj/settings.py': 'STATIC_ROOT = "static"\nif AWS_STATIC_BUCKET:\n    STORAGES["staticfiles"] = {"BACKEND": "storages.backends.s3boto3.S3Boto3Storage"}\n',
    });
    expect(conditional.django?.remoteStaticStorage).toBe(false);
    const media = django({ 'proj/settings.py': 'STATIC_ROOT = "static"\nSTORAGES["default"]["BACKEND"] = "storages.backends.s3boto3.S3Boto3Storage"\n' });
    expect(media.django?.remoteStaticStorage).toBe(false);
  });

  it('native needs: source builds go to the builder, libraries to the runtime; binary wheels need nothing', () => {
    expect(django({}, 'django==5.1.3\ngunicorn==23.0.0\npsycopg2==2.9.10\n').native).toMatchObject({ build: ['build-essential', 'libpq-dev'], runtime: ['libpq5'] });
    expect(django({}, 'django==5.1.3\ngunicorn==23.0.0\npsycopg==3.2.3\n').native).toMatchObject({ build: [], runtime: ['libpq5'] });
    expect(django({}, 'django==5.1.3\ngunicorn==23.0.0\npsycopg[binary]==3.2.3\npsycopg2-binary==2.9.10\nPillow==11.0.0\n').native).toMatchObject({ build: [], runtime: [] });
    expect(django({}, 'django==5.1.3\nuwsgi==2.0.28\n').server).toEqual({ name: 'uwsgi', interface: 'wsgi', app: 'proj.wsgi:application' });
  });

  it('runtime libraries that wheels load from the system (python-magic, WeasyPrint, pyzbar), each named in --explain', () => {
    const d = django({}, 'django==5.1.3\ngunicorn==23.0.0\npython-magic==0.4.27 ; sys_platform != "win32"\nWeasyPrint==63.0\npyzbar==0.1.9\nlxml==5.3.0\n');
    expect(d.native).toMatchObject({ build: [], runtime: ['libharfbuzz-subset0', 'libmagic1', 'libpango-1.0-0', 'libpangoft2-1.0-0', 'libzbar0'] });
    const lines = d.evidence.filter((e) => e.topic === 'native packages');
    expect(lines.map((e) => e.value)).toEqual(['libmagic1 (runtime)', 'libharfbuzz-subset0 (runtime), libpango-1.0-0 (runtime), libpangoft2-1.0-0 (runtime)', 'libzbar0 (runtime)']);
    expect(lines[0].source).toMatch(/^dependency python-magic in requirements\.txt: python-magic loads the system libmagic/);
    expect(lines[1].source).toMatch(/^dependency weasyprint in requirements\.txt: WeasyPrint loads Pango and HarfBuzz/);
  });

  it('GeoDjango in the settings adds GDAL, GEOS and PROJ; the GDAL bindings also compile against libgdal-dev', () => {
    const settings = { 'proj/settings.py': 'INSTALLED_APPS = ["django.contrib.gis"]\n' };
    const d = django(settings, 'django==5.1.3\ngunicorn==23.0.0\n');
    expect(d.native).toMatchObject({ build: [], runtime: ['libgdal32', 'libgeos-c1v5', 'libproj25'] });
    expect(d.evidence.find((e) => e.topic === 'native packages')?.source).toMatch(/^django\.contrib\.gis in the settings: GeoDjango loads GEOS and GDAL/);
    expect(django({}, 'django==5.1.3\ngunicorn==23.0.0\n').native.runtime).toEqual([]);
    expect(django({}, 'django==5.1.3\ngunicorn==23.0.0\nGDAL==3.6.2\n').native).toMatchObject({ build: ['build-essential', 'libgdal-dev'], runtime: ['libgdal32'] });
  });

  it('lxml needs libxml2 and libxslt only when built from source (pip --no-binary, uv no-binary-package)', () => {
    expect(django({}, 'django==5.1.3\ngunicorn==23.0.0\nlxml==5.3.0\n').native.runtime).toEqual([]);
    const pip = django({}, '--no-binary lxml\ndjango==5.1.3\ngunicorn==23.0.0\nlxml==5.3.0\n').native;
    expect(pip).toMatchObject({ build: ['build-essential', 'libxml2-dev', 'libxslt1-dev'], runtime: ['libxml2', 'libxslt1.1'] });
    expect(django({}, '--no-binary=:all:\ndjango==5.1.3\ngunicorn==23.0.0\nlxml==5.3.0\n').native.runtime).toEqual(['libxml2', 'libxslt1.1']);
    const files = (tool: string) => ({
      'main.py': '',
      'pyproject.toml': `[project]\nname = "x"\nversion = "1"\ndependencies = ["lxml==5.3.0"]\n\n[tool.uv]\n${tool}\n`,
      'uv.lock': 'version = 1\n\n[[package]]\nname = "lxml"\nversion = "5.3.0"\n',
    });
    expect(detectProject(memoryContext(files('no-binary-package = ["LXML"]'))).native.runtime).toEqual(['libxml2', 'libxslt1.1']);
    expect(detectProject(memoryContext(files('no-binary-package = ["pyyaml"]'))).native.runtime).toEqual([]);
  });

  it("uv: the project's Dockerfile uv image (digest kept), [tool.uv] required-version, or the default (saleor's shape)", () => {
    const digest = `@sha256:${'cd'.repeat(32)}`;
    const files = {
      'main.py': '',
      'pyproject.toml': '[project]\nname = "x"\nversion = "1"\ndependencies = ["httpx==0.27.2"]\n',
      'uv.lock': 'version = 1\nrevision = 3\n\n[[package]]\nname = "httpx"\nversion = "0.27.2"\n',
    };
    expect(detectProject(memoryContext(files)).installer).toMatchObject({ image: 'ghcr.io/astral-sh/uv:0.5.9' });
    const own = { ...files, 'Dockerfile': `FROM python:3.12\nCOPY --from=ghcr.io/astral-sh/uv:0.12.1${digest} \\\n  /uv /uvx /bin/\n` };
    const d = detectProject(memoryContext(own));
    expect(d.installer?.image).toBe(`ghcr.io/astral-sh/uv:0.12.1${digest}`);
    expect(d.evidence).toContainEqual({ topic: 'uv version', value: `ghcr.io/astral-sh/uv:0.12.1${digest}`, source: 'the uv image Dockerfile already uses' });
    const required = { ...own, 'pyproject.toml': `${files['pyproject.toml']}\n[tool.uv]\nrequired-version = "==0.11.0"\n` };
    expect(detectProject(memoryContext(required)).installer).toMatchObject({ image: 'ghcr.io/astral-sh/uv:0.11.0', source: 'pyproject.toml [tool.uv] required-version (==0.11.0)' });
  });

  it('poetry: requires-poetry and the Poetry that wrote poetry.lock decide the installed Poetry', () => {
    const files = {
      'main.py': '',
      'pyproject.toml': '[tool.poetry]\nname = "x"\nversion = "1"\n\n[tool.poetry.dependencies]\npython = "^3.12"\nhttpx = "0.27.2"\n',
      'poetry.lock': '# This file is automatically @generated by Poetry 2.1.3 and should not be changed by hand.\n\n[[package]]\nname = "httpx"\nversion = "0.27.2"\n',
    };
    const d = detectProject(memoryContext(files));
    expect(d.installer).toMatchObject({ version: '2.1.3', source: 'poetry.lock (generated by Poetry 2.1.3)' });
    expect(renderDockerfile(d, { port: 8000, healthPath: '/' })).toContain(' && /opt/poetry/bin/pip install poetry==2.1.3\n');
    const required = { ...files, 'pyproject.toml': files['pyproject.toml'].replace('[tool.poetry]\n', '[tool.poetry]\nrequires-poetry = ">=2.0,<2.1"\n') };
    expect(detectProject(memoryContext(required)).installer).toMatchObject({ version: '2.0.0' });
  });

  it('finds the Celery app module (celery.py, celery_app.py, celeryconf.py)', () => {
    expect(django({ 'proj/celery.py': '' }, 'django==5.1.3\ngunicorn==23.0.0\ncelery==5.4.0\n').celery).toBe('proj');
    expect(django({ 'config/celery_app.py': '' }, 'django==5.1.3\ngunicorn==23.0.0\ncelery==5.4.0\n').celery).toBe('config.celery_app');
    expect(django({ 'proj/celeryconf.py': '' }, 'django==5.1.3\ngunicorn==23.0.0\ncelery==5.4.0\n').celery).toBe('proj.celeryconf');
  });
});

describe('package managers', () => {
  it('a lock file that misses a dependency of pyproject.toml is stale (cookiecutter-django template)', () => {
    expect(() =>
      detectProject(memoryContext({ 'manage.py': MANAGE('c.settings'), 'pyproject.toml': '[project]\nname = "c"\nversion = "1"\ndependencies = ["django"]\n', 'uv.lock': 'version = 1\n' })),
    ).toThrow(new DetectError('uv.lock does not lock django from pyproject.toml: it is out of date, and a locked install would fail. Run `uv lock` first'));
  });

  it('a requirements file that is an export of the lock file does not conflict', () => {
    const d = detectProject(
      memoryContext({
        'main.py': '',
        'pyproject.toml': '[project]\nname = "x"\nversion = "1"\ndependencies = ["httpx==0.27.2"]\n',
        'poetry.lock': '[[package]]\nname = "httpx"\nversion = "0.27.2"\n[[package]]\nname = "anyio"\nversion = "4.6.2"\n',
        'requirements.txt': 'anyio==4.6.2\nhttpx==0.27.2\n',
      }),
    );
    expect(d.packageManager).toBe('poetry');
  });
});

describe('topLevelStatements', () => {
  it('keeps column-0 statements with their bracketed continuation lines and drops nested blocks', () => {
    const text = 'A = 1\nif X:\n    B = os.environ["B"]\nC = {\n    "k": env("C"),  # (\n}\ndef f():\n    D = 1\nE = ")"\n';
    expect(topLevelStatements(text)).toBe('A = 1\nC = {\n    "k": env("C"),  # (\n}\nE = ")"');
  });
});

describe('.dockerignore from the tree', () => {
  it('a STATIC_ROOT named like the apps\' static folders is ignored at the context root only, so collectstatic still sees app/static', async () => {
    const { renderDockerignore } = await import('../../src/init/render.js');
    const { dockerignoreMatcher } = await import('../../src/context/dockerignore.js');
    const d = django({ 'proj/settings.py': 'STATIC_ROOT = BASE_DIR / "static"\nWSGI_APPLICATION = "proj.wsgi.application"\n', 'shop/static/shop/logo.png': 'png' });
    expect(d.treeIgnores).toContain('static/');
    const ignore = renderDockerignore(d);
    expect(ignore).not.toContain('**/static');
    expect(dockerignoreMatcher(ignore).ignores('static/admin/base.css')).toBe(true);
    expect(dockerignoreMatcher(ignore).ignores('shop/static/shop/logo.png')).toBe(false);
    // Without an app static folder yet (saleor's trimmed tree), the pattern is still anchored: an app
    // added later keeps its static files in the build.
    const bare = django({ 'proj/settings.py': 'STATIC_ROOT = BASE_DIR / "static"\nWSGI_APPLICATION = "proj.wsgi.application"\n' });
    expect(bare.treeIgnores).toEqual(['static/']);
  });
});
