/**
 * `shipshape init` as a user meets it: writing, refusing to overwrite (diff, exit 1), --force, --stdout,
 * --dry-run, --explain, and errors with exit code 2 and one clear line (never a stack trace).
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { runShipshape } from '../helpers/cli.js';

const FIXTURES = join(__dirname, '../fixtures/init');
const tmp = mkdtempSync(join(tmpdir(), 'shipshape-init-cli-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
let n = 0;
let project = '';
beforeEach(() => {
  project = join(tmp, `p${n++}`);
  cpSync(join(FIXTURES, 'pip-whitenoise'), project, { recursive: true });
});

describe('shipshape init', () => {
  it('writes Dockerfile and .dockerignore into the working directory by default', async () => {
    const r = await runShipshape(['init'], project);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(readFileSync(join(project, 'Dockerfile'), 'utf8')).toContain('FROM python:3.11.10-slim-bookworm AS base');
    expect(readFileSync(join(project, '.dockerignore'), 'utf8')).toContain('**/.env*');
    expect(existsSync(join(project, 'compose.yaml'))).toBe(false);
  });

  it('never overwrites a different existing file without --force: prints a diff and exits 1', async () => {
    writeFileSync(join(project, 'Dockerfile'), 'FROM python:3.12\nCMD ["python"]\n');
    const r = await runShipshape(['init', '.'], project);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('--- a/Dockerfile');
    expect(r.stdout).toContain('-FROM python:3.12\n');
    expect(r.stdout).toContain('+FROM python:3.11.10-slim-bookworm AS base');
    expect(r.stderr).toContain('already exists with other content; nothing was written');
    expect(readFileSync(join(project, 'Dockerfile'), 'utf8')).toBe('FROM python:3.12\nCMD ["python"]\n');
    // Nothing at all is written, not even the file that did not exist.
    expect(existsSync(join(project, '.dockerignore'))).toBe(false);

    const forced = await runShipshape(['init', '--force'], project);
    expect(forced.code).toBe(0);
    expect(readFileSync(join(project, 'Dockerfile'), 'utf8')).toContain('USER 10001:10001');
  });

  it('--force keeps a hand-written .dockerignore: its lines stay, only missing entries are added (at the top, so its own exceptions still win)', async () => {
    const own = '# our list\r\n.git\r\n**/.env*\r\n!config/.env.defaults\r\n/media\r\nnotes/\r\n';
    writeFileSync(join(project, '.dockerignore'), own);
    writeFileSync(join(project, 'Dockerfile'), 'FROM python:3.12\nCMD ["python"]\n');
    const refused = await runShipshape(['init'], project);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('.dockerignore (the entries it lacks would be added, nothing removed)');
    expect(readFileSync(join(project, '.dockerignore'), 'utf8')).toBe(own);

    const forced = await runShipshape(['init', '--force'], project);
    expect(forced.code).toBe(0);
    const merged = readFileSync(join(project, '.dockerignore'), 'utf8');
    // The user's file is kept byte for byte after the added block (CRLF kept).
    expect(merged.endsWith('\r\n' + own)).toBe(true);
    const block = merged.slice(0, merged.length - own.length).split('\r\n').filter((l) => l !== '');
    expect(block[0]).toMatch(/^# Added by `shipshape init`/);
    // Entries the user has in another spelling (`/media` = `media/`, `.git`, `**/.env*`) are not repeated.
    expect(block).not.toContain('.git');
    expect(block).not.toContain('media/');
    expect(block).not.toContain('**/.env*');
    expect(block).toContain('**/__pycache__');
    expect(forced.stderr).toMatch(/added \d+ entries to \.dockerignore \(its own lines are kept\): .*\*\*\/__pycache__/);
    expect(readFileSync(join(project, 'Dockerfile'), 'utf8')).toContain('USER 10001:10001');
    // A second run finds every entry present: nothing changes, nothing to force.
    const again = await runShipshape(['init'], project);
    expect(again.code).toBe(0);
    expect(again.stderr).toContain('already up to date');
    expect(readFileSync(join(project, '.dockerignore'), 'utf8')).toBe(merged);
  });

  it('completes Dockerfile.dockerignore, which BuildKit reads instead of .dockerignore, and writes no .dockerignore', async () => {
    writeFileSync(join(project, 'Dockerfile.dockerignore'), '**/.git\n');
    const r = await runShipshape(['init', '--force'], project);
    expect(r.code).toBe(0);
    expect(existsSync(join(project, '.dockerignore'))).toBe(false);
    expect(readFileSync(join(project, 'Dockerfile.dockerignore'), 'utf8')).toMatch(/\*\*\/__pycache__\n[\s\S]*\n\n\*\*\/\.git\n$/);
    expect(r.stderr).toContain('to Dockerfile.dockerignore (its own lines are kept)');
  });

  it('--compose does not write a compose.yaml beside the project\'s own docker-compose.yml (Compose would prefer it) unless --force', async () => {
    writeFileSync(join(project, 'docker-compose.yml'), 'services:\n  web:\n    build: .\n');
    const r = await runShipshape(['init', '--compose'], project);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('docker-compose.yml exists and `docker compose` would use a new compose.yaml instead of it; nothing was written');
    expect(existsSync(join(project, 'compose.yaml'))).toBe(false);
    expect(existsSync(join(project, 'Dockerfile'))).toBe(false);
    const plain = await runShipshape(['init'], project);
    expect(plain.code).toBe(0);
    const forced = await runShipshape(['init', '--compose', '--force'], project);
    expect(forced.code).toBe(0);
    expect(existsSync(join(project, 'compose.yaml'))).toBe(true);
  });

  it('--stdout prints both files and writes nothing', async () => {
    const r = await runShipshape(['init', '--stdout'], project);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^==> Dockerfile <==\n# syntax=docker\/dockerfile:1\n/);
    expect(r.stdout).toContain('\n==> .dockerignore <==\n');
    expect(existsSync(join(project, 'Dockerfile'))).toBe(false);
  });

  it('--dry-run prints diffs against /dev/null for new files and writes nothing', async () => {
    const r = await runShipshape(['init', '--dry-run', '--compose'], project);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('--- /dev/null\n+++ b/Dockerfile');
    expect(r.stdout).toContain('+++ b/compose.yaml');
    expect(existsSync(join(project, 'Dockerfile'))).toBe(false);
  });

  it('--compose writes .env.example for the .env compose.yaml reads, and says to copy it; never beside an existing .env or template', async () => {
    const r = await runShipshape(['init', '--compose', '.'], project);
    expect(r.code).toBe(0);
    expect(readFileSync(join(project, '.env.example'), 'utf8')).toMatch(/^DJANGO_SECRET_KEY=$/m);
    expect(r.stderr).toContain('shipshape init: compose.yaml reads .env, which does not exist: copy .env.example to it and fill in the empty values');
    for (const own of ['.env', '.env.example']) {
      const other = mkdtempSync(join(tmpdir(), 'shipshape-init-env-'));
      cpSync(project, other, { recursive: true });
      rmSync(join(other, '.env.example'));
      writeFileSync(join(other, own), 'DJANGO_SECRET_KEY=mine\n');
      const again = await runShipshape(['init', '--compose', '--force', '.'], other);
      expect(again.stderr).not.toContain('.env.example');
      expect(readFileSync(join(other, own), 'utf8')).toBe('DJANGO_SECRET_KEY=mine\n');
      rmSync(other, { recursive: true, force: true });
    }
  });
  it('--dry-run: git-style headers for new and changed files, and git apply takes the diff as it is', async () => {
    writeFileSync(join(project, 'Dockerfile'), 'FROM python:3.12\nCMD ["python"]\n');
    const r = await runShipshape(['init', '--dry-run', '--compose'], project);
    expect(r.stdout.match(/^--- .*\n\+\+\+ .*$/gm)).toEqual(['--- a/Dockerfile\n+++ b/Dockerfile', '--- /dev/null\n+++ b/.dockerignore', '--- /dev/null\n+++ b/compose.yaml', '--- /dev/null\n+++ b/.env.example']);
    expect(r.stdout).not.toMatch(/^(Index:|====)/m);
    writeFileSync(join(project, '..', 'init.patch'), r.stdout);
    execFileSync('git', ['init', '-q', '.'], { cwd: project });
    execFileSync('git', ['apply', join(project, '..', 'init.patch')], { cwd: project });
    const forced = await runShipshape(['init', '--dry-run', '--compose'], project);
    expect(forced.stdout).toBe('');
  });

  it('--explain names each decision and its file on stderr', async () => {
    const r = await runShipshape(['init', '--explain', '--stdout'], project);
    expect(r.stderr).toMatch(/package manager\s+pip\s+\(from requirements\.txt\)/);
    expect(r.stderr).toMatch(/Python\s+3\.11\.10\s+\(from \.python-version \(3\.11\)\)/);
    expect(r.stderr).toMatch(/development requirements \(not installed\)\s+requirements-dev\.txt/);
    expect(r.stderr).toMatch(/server\s+gunicorn \(WSGI\)/);
  });

  it('--port and --health-path reach EXPOSE, the probe and the bind address', async () => {
    const r = await runShipshape(['init', '--stdout', '--port', '9000', '--health-path', '/healthz'], project);
    expect(r.stdout).toContain('EXPOSE 9000\n');
    expect(r.stdout).toContain("HTTPConnection('127.0.0.1', 9000, timeout=4); c.request('GET', '/healthz')");
    expect(r.stdout).toContain('CMD ["gunicorn", "--bind", "0.0.0.0:9000", "mysite.wsgi:application"]');
  });

  it('stops on conflicting lock files and names them; --package-manager chooses', async () => {
    const dir = join(tmp, 'conflict');
    cpSync(join(FIXTURES, 'conflict'), dir, { recursive: true });
    const r = await runShipshape(['init', dir], tmp);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('shipshape init: several lock files disagree on the package manager: uv.lock, poetry.lock; choose one with --package-manager uv|poetry (or delete the stale lock file)\n');
    const chosen = await runShipshape(['init', dir, '--package-manager', 'uv', '--stdout'], tmp);
    expect(chosen.code).toBe(0);
    expect(chosen.stdout).toContain('uv sync --locked --no-dev --no-install-project');
  });

  it('stops when requirements.txt and a lock file disagree', async () => {
    writeFileSync(join(project, 'pyproject.toml'), '[project]\nname = "x"\nversion = "1"\ndependencies = ["django==3.2.25", "celery==5.4.0"]\n');
    writeFileSync(join(project, 'uv.lock'), 'version = 1\n[[package]]\nname = "django"\nversion = "3.2.25"\n[[package]]\nname = "celery"\nversion = "5.4.0"\n');
    const r = await runShipshape(['init', '--stdout'], project);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('uv.lock and requirements.txt disagree (requirements.txt lacks celery); choose one with --package-manager uv|pip');
  });

  it.each([
    [['init', 'no-such-dir'], 'shipshape init: no-such-dir: no such directory\n'],
    [['init', '--port', 'http'], 'shipshape init: --port http: expected a port number from 1 to 65535\n'],
    [['init', '--health-path', 'healthz'], 'shipshape init: --health-path healthz: expected a URL path starting with / (no spaces or quotes)\n'],
    [['init', '--cmd', '[1]'], 'shipshape init: --cmd [1]: expected a JSON array of strings or words separated by spaces\n'],
  ])('usage errors exit 2 with one line: %j', async (argv, message) => {
    const r = await runShipshape(argv, project);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(message);
  });

  it('a pyproject.toml that only configures tools is named as such, not as a missing file (netbox-docker)', async () => {
    const tools = join(tmp, 'tools-only');
    mkdirSync(tools);
    writeFileSync(join(tools, 'pyproject.toml'), '[tool.black]\nline-length = 100\n');
    const r = await runShipshape(['init', tools], tmp);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('shipshape init: no dependencies found: pyproject.toml declares none ([project] or [tool.poetry]: it only configures tools), and there is no uv.lock, poetry.lock, pdm.lock, Pipfile.lock or requirements.txt\n');
  });
  it('says what to do for a project without a lock file, server or entry point', async () => {
    const bare = join(tmp, 'bare');
    mkdirSync(bare);
    writeFileSync(join(bare, 'pyproject.toml'), '[project]\nname = "bare"\nversion = "1"\ndependencies = ["httpx"]\n');
    let r = await runShipshape(['init', bare], tmp);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('pyproject.toml has no lock file beside it: lock the dependencies first');

    writeFileSync(join(bare, 'requirements.txt'), 'httpx==0.27.2\n');
    r = await runShipshape(['init', bare], tmp);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('pass --cmd "python -m yourpackage"');

    r = await runShipshape(['init', bare, '--cmd', 'python -m bare --verbose', '--stdout'], tmp);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('CMD ["python", "-m", "bare", "--verbose"]');
    expect(r.stdout).toContain('HEALTHCHECK NONE\nCMD');

    writeFileSync(join(project, 'requirements.txt'), 'django==3.2.25\n');
    r = await runShipshape(['init', project], tmp);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no production server among the dependencies: add gunicorn');
  });

  it('an existing Dockerfile that is a directory is an error, not a crash', async () => {
    mkdirSync(join(project, 'Dockerfile'));
    const r = await runShipshape(['init'], project);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('shipshape init: cannot read Dockerfile: EISDIR\n');
  });

  it('reports an unparseable pyproject.toml by name', async () => {
    writeFileSync(join(project, 'pyproject.toml'), '[project\nname = 1\n');
    const r = await runShipshape(['init', '--stdout'], project);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^shipshape init: pyproject\.toml: not valid TOML \(/);
  });
});
