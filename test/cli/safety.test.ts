/**
 * Issue 11: the CLI is safe with what the user owns, on untrusted input (a pull request's Dockerfile and
 * build context): nothing outside the build context is read or printed, no secret is printed by any
 * output path, nothing is written that should not be.
 */
import { chmodSync, existsSync, linkSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runShipshape } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'shipshape-safety-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(rel: string, content: string | Buffer): string {
  const p = join(dir, rel);
  mkdirSync(join(p, '..'), { recursive: true });
  writeFileSync(p, content);
  return p;
}

const PY = 'FROM python:3.12.4-slim\nCOPY requirements.txt .\nRUN pip install --no-cache-dir -r requirements.txt\nUSER 1000\n';

describe('the build context is never left', () => {
  it('a requirements.txt symlinked to /proc/self/environ or /etc/passwd prints neither', async () => {
    const env = { HOME: dir, CI_JOB_TOKEN: 'glcbt-64_leakedFromTheEnvironment' };
    write('environ/Dockerfile', PY);
    symlinkSync('/proc/self/environ', join(dir, 'environ/requirements.txt'));
    write('passwd/Dockerfile', PY);
    symlinkSync('/etc/passwd', join(dir, 'passwd/requirements.txt'));
    for (const f of ['github', 'json', 'tty', 'sarif']) {
      const r = await runShipshape(['lint', '-f', f, 'environ/Dockerfile', 'passwd/Dockerfile'], dir, { env });
      expect(r.stdout + r.stderr).not.toContain('leakedFromTheEnvironment');
      expect(r.stdout + r.stderr).not.toMatch(/root:x|\/bin\/(ba)?sh|`root`/);
      expect(r.stdout).not.toContain('pin-python-requirements');
    }
  });
});
