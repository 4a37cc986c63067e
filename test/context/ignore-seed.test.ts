/**
 * One seed list (src/context/ignore-seed.ts): the .dockerignore `shipshape init` writes and the one the
 * fix of require-dockerignore (`shipshape lint --fix`) creates are the same list for the same tree.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { dockerignoreMatcher } from '../../src/context/dockerignore.js';
import { seedIgnores, treeIgnores } from '../../src/context/ignore-seed.js';
import { runShipshape } from '../helpers/cli.js';

const FIXTURES = join(__dirname, '../fixtures/init');
const tmp = mkdtempSync(join(tmpdir(), 'shipshape-ignore-seed-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** The pattern lines of a .dockerignore (comments and blank lines left out). */
const patterns = (text: string): string[] => text.split(/\r?\n/).filter((l) => l.trim() !== '' && !l.startsWith('#'));

describe('init and lint --fix write the same .dockerignore entries', () => {
  it.each([
    ['pip-whitenoise', ''],
    ['pdm-src', ''],
    ['plain-worker', ''],
    ['monorepo', 'backend'],
  ])('%s', async (name, sub) => {
    const a = join(tmp, `${name}-init`);
    const b = join(tmp, `${name}-lint`);
    cpSync(join(FIXTURES, name), a, { recursive: true });
    cpSync(join(FIXTURES, name), b, { recursive: true });
    const init = await runShipshape(['init', join(a, sub)], tmp);
    expect(init.code).toBe(0);
    writeFileSync(join(b, sub, 'Dockerfile'), 'FROM python:3.12.4-slim\nCOPY . /app\nUSER 10001\nCMD ["python", "-m", "app"]\n');
    const fix = await runShipshape(['lint', '--fix', '--fix-rule', 'require-dockerignore', join(b, sub, 'Dockerfile')], tmp);
    expect(fix.stderr).toContain('Fixed 1');
    const fromInit = patterns(readFileSync(join(a, sub, '.dockerignore'), 'utf8'));
    const fromFix = patterns(readFileSync(join(b, sub, '.dockerignore'), 'utf8'));
    expect(fromFix).toEqual(fromInit);
    expect(fromInit).toEqual(expect.arrayContaining(['**/.git', '**/.env*', '!**/.env.example', '**/__pycache__']));
  });
});

describe('seedIgnores', () => {
  it('anchors media/ and staticfiles/ at each Django project, and only for Django projects', () => {
    const flat = (files: string[]) => seedIgnores(files).flatMap((g) => g.patterns);
    expect(flat(['src/manage.py', 'src/app/models.py'])).toEqual(expect.arrayContaining(['src/media/', 'src/staticfiles/']));
    expect(flat(['main.py', 'media/logo.png'])).not.toContain('media/');
  });
  it('what it writes keeps .env.example and the apps\' own static folders in the context', () => {
    const m = dockerignoreMatcher(seedIgnores(['manage.py', 'shop/static/shop/a.css', '.venv/bin/python', 'x/.venv/lib/a.py']).flatMap((g) => g.patterns).join('\n'));
    expect(m.ignores('.env.example')).toBe(false);
    expect(m.ignores('config/.env.production')).toBe(true);
    expect(m.ignores('shop/static/shop/a.css')).toBe(false);
    expect(m.ignores('staticfiles/admin/base.css')).toBe(true);
    expect(m.ignores('x/.venv/lib/a.py')).toBe(true);
  });
  it('tree entries only for what the tree has', () => {
    expect(treeIgnores(['a.py'])).toEqual([]);
    expect(treeIgnores(['node_modules/x/i.js', 'db.sqlite3', '.coverage'], ['static/'])).toEqual(['**/node_modules', '**/*.sqlite3', '**/.coverage*', 'static/']);
  });
});
