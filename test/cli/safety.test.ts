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

describe('one redaction step: no secret value reaches any output', () => {
  const TOKENS = ['ghp_Abcdefghijklmnopqrstuvwxyz0123456789', 'ghp_Zbcdefghijklmnopqrstuvwxyz0123456789', 'ghp_Ybcdefghijklmnopqrstuvwxyz0123456789', 'hunter2hunter2', 'Xk29fjQp7wLm'];
  const DF = [
    'FROM python:3.12.4-slim',
    `MAINTAINER ops ${TOKENS[0]}`, // MaintainerDeprecated/DL4000 suggest a LABEL with the value
    `ENV API_TOKEN ${TOKENS[1]}`, // LegacyKeyValueFormat suggests ENV API_TOKEN=...
    `ENV DB_PASSWORD ${TOKENS[3]}`,
    `# deploy password: ${TOKENS[4]}`,
    `RUN pip install --index-url https://deploy:${TOKENS[4]}@pypi.example.com/simple app`,
    `CMD python app.py --token ${TOKENS[2]}`, // DL3025/JSONArgsRecommended suggest the exec form
    '',
  ].join('\n');
  const noToken = (text: string): void => {
    for (const t of TOKENS) expect(text).not.toContain(t);
  };
  it('is applied to messages, source excerpts and fixes in every format', async () => {
    write('redact/Dockerfile', DF);
    for (const f of ['tty', 'json', 'sarif', 'github', 'gnu', 'checkstyle', 'codeclimate', 'gitlab_codeclimate', 'codacy', 'sonarqube', 'junit', 'markdown']) {
      const r = await runShipshape(['lint', '-f', f, 'redact/Dockerfile'], dir);
      expect(r.stdout.length).toBeGreaterThan(0);
      noToken(r.stdout + r.stderr);
    }
    // The findings are still there, the value is masked where it was.
    const json = JSON.parse((await runShipshape(['lint', '-f', 'json', 'redact/Dockerfile'], dir)).stdout) as { code: string; message: string }[];
    expect(json.some((x) => x.code === 'no-secrets-in-image')).toBe(true);
    const sarif = (await runShipshape(['lint', '-f', 'sarif', 'redact/Dockerfile'], dir)).stdout;
    expect(sarif).toContain('insertedContent');
    const tty = (await runShipshape(['lint', '--no-color', 'redact/Dockerfile'], dir)).stdout;
    expect(tty).toMatch(/CMD python app\.py --token \*{40}/);
  });
  it('is applied to --diff, while --fix still writes the real values', async () => {
    const p = write('redact2/Dockerfile', DF);
    const d = await runShipshape(['lint', '--diff', '--unsafe-fixes', 'redact2/Dockerfile'], dir);
    expect(d.stdout).toContain('+CMD ["python", "app.py", "--token", "****');
    noToken(d.stdout + d.stderr);
    expect(readFileSync(p, 'utf8')).toBe(DF);
    const f = await runShipshape(['lint', '--unsafe-fixes', 'redact2/Dockerfile'], dir);
    noToken(f.stdout + f.stderr);
    expect(readFileSync(p, 'utf8')).toContain(`CMD ["python", "app.py", "--token", "${TOKENS[2]}"]`);
  });
});
