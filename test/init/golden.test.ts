/**
 * `shipshape init` on the fixture projects of test/fixtures/init: the output equals the golden files in
 * test/fixtures/init-golden (set UPDATE_GOLDEN=1 to rewrite them after a deliberate change, then review the
 * diff), lints with zero findings with every rule on (off-by-default and experimental ones included, and
 * ShellCheck), `shipshape lint` of the generated Dockerfile in its context exits 0, and a second run changes
 * nothing.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runShipshape } from '../helpers/cli.js';
import { lintEverything } from './lint-everything.js';

const FIXTURES = join(__dirname, '../fixtures/init');
const GOLDEN = join(__dirname, '../fixtures/init-golden');
const tmp = mkdtempSync(join(tmpdir(), 'shipshape-init-golden-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Fixture name, project directory inside it, extra flags. */
const CASES: { name: string; dir?: string; flags?: string[] }[] = [
  { name: 'pip-whitenoise' },
  { name: 'poetry-psycopg2', flags: ['--compose'] },
  { name: 'uv-asgi', flags: ['--compose', '--health-path', '/healthz'] },
  { name: 'pipenv-daphne', flags: ['--port', '9000'] },
  { name: 'pdm-src' },
  { name: 'monorepo', dir: 'backend', flags: ['--compose'] },
  { name: 'plain-worker' },
  // Runtime libraries from the native table (python-magic, WeasyPrint, pyzbar) and the uv image of the
  // project's own Dockerfile (replaced with --force), digest kept.
  { name: 'uv-native', flags: ['--force'] },
];

describe('shipshape init on the fixture projects', () => {
  it.each(CASES)('$name', async ({ name, dir, flags = [] }) => {
    const copy = join(tmp, name);
    cpSync(join(FIXTURES, name), copy, { recursive: true });
    const project = dir ? join(copy, dir) : copy;
    const first = await runShipshape(['init', project, ...flags], tmp);
    expect(first.stderr).toContain('wrote');
    expect(first.code).toBe(0);

    const outputs = ['Dockerfile', '.dockerignore', ...(flags.includes('--compose') ? ['compose.yaml', '.env.example'] : [])];
    const golden = join(GOLDEN, name);
    for (const out of outputs) {
      const actual = readFileSync(join(project, out), 'utf8');
      const goldenFile = join(golden, out.replace(/^\./, ''));
      if (process.env.UPDATE_GOLDEN) {
        mkdirSync(golden, { recursive: true });
        writeFileSync(goldenFile, actual);
      }
      expect(existsSync(goldenFile), `${goldenFile} missing: run with UPDATE_GOLDEN=1`).toBe(true);
      expect(actual, `${name}/${out}`).toBe(readFileSync(goldenFile, 'utf8'));
    }

    expect(await lintEverything(project)).toEqual([]);
    const cli = await runShipshape(['lint', join(project, 'Dockerfile')], tmp);
    expect(cli.stdout + cli.stderr).toBe('');
    expect(cli.code).toBe(0);

    const again = await runShipshape(['init', project, ...flags], tmp);
    expect(again.code).toBe(0);
    expect(again.stdout).toBe('');
    expect(again.stderr).toContain('already up to date');
  });
});
