/**
 * `--diff` masks secret values (issue 11) and says so: every hunk that shows a masked value carries a
 * marker line that makes GNU patch and git apply refuse the diff, instead of failing obscurely or
 * writing `*` characters into the Dockerfile; hunks without secrets stay appliable diffs.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MASKED_HUNK_MARKER, maskPatch } from '../../src/cli/masked-diff.js';
import { masker } from '../../src/report/redact.js';
import { runShipshape, tempFolder } from '../helpers/cli.js';

const { dir, write } = tempFolder('shipshape-masked-diff-');
const SECRET = 'hunter2secret';
const COMMENTS = Array.from({ length: 8 }, (_, i) => `# step ${i}`).join('\n');
/** Two fixes far apart: MAINTAINER (line 2, no secret) and the USER before CMD, beside a password. */
const DF = `FROM busybox:1.36.1\nMAINTAINER ops@example.com\n${COMMENTS}\nENV DB_PASSWORD=${SECRET}\nCMD ["x"]\n`;

const has = (tool: string): boolean => spawnSync(tool, ['--version']).status === 0;
for (const tool of ['patch', 'git']) if (!has(tool)) console.warn(`test/cli/masked-diff.test.ts: ${tool} is not installed, so the check that it refuses a masked diff is skipped (apt-get install ${tool})`);

describe('maskPatch', () => {
  it('marks only the hunks that show a masked value', () => {
    const patch = '--- D\n+++ D\n@@ -1,2 +1,2 @@\n a\n-b\n+c\n@@ -9,2 +9,3 @@\n ENV P=topsecret1\n+USER 1\n x\n';
    const r = maskPatch(patch, masker(['topsecret1']));
    expect(r.maskedHunks).toBe(1);
    expect(r.text).toBe(`--- D\n+++ D\n@@ -1,2 +1,2 @@\n a\n-b\n+c\n@@ -9,2 +9,3 @@\n${MASKED_HUNK_MARKER}\n ENV P=**********\n+USER 1\n x\n`);
    expect(maskPatch(patch, masker([]))).toEqual({ text: patch, maskedHunks: 0 });
  });
  it('a masked value spanning lines marks every hunk', () => {
    const patch = '--- D\n+++ D\n@@ -1,1 +1,1 @@\n-a\n+b\n@@ -5,2 +5,2 @@\n k1\n k2\n';
    const r = maskPatch(patch, masker(['k1\n k2']));
    expect(r.maskedHunks).toBe(2);
  });
});

describe('lint --diff with a secret in a changed hunk', () => {
  it('prints no secret, marks the hunk, warns on stderr, and patch / git apply refuse it', async () => {
    const file = write('Dockerfile', DF);
    // The report goes to a file, so standard output is the diff alone.
    const r = await runShipshape(['lint', '--no-config', '--diff', '--unsafe-fixes', '-f', 'json', '-o', 'report.json', 'Dockerfile'], dir);
    expect(r.stdout + r.stderr + readFileSync(join(dir, 'report.json'), 'utf8')).not.toContain(SECRET);
    expect(r.stdout).toMatch(new RegExp(`\n@@ -\\d+,\\d+ \\+\\d+,\\d+ @@\n${MASKED_HUNK_MARKER.replace(/[*.]/g, '\\$&')}\n # step 5\n`));
    expect(r.stdout).toContain(' ENV DB_PASSWORD=*************\n');
    // The MAINTAINER hunk shows no secret: it is a plain hunk.
    expect(r.stdout).toMatch(/\n@@ -1,\d+ \+1,\d+ @@\n FROM busybox/);
    expect(r.stderr).toContain('shipshape: warning: Dockerfile: the diff masks secret values in 1 hunk (marked with a "!!" line), so patch and git apply refuse it; shipshape lint --fix applies the same fixes with the real values\n');
    writeFileSync(join(dir, 'fix.patch'), r.stdout);
    if (has('patch')) {
      const p = spawnSync('patch', ['-p1', '--dry-run', '-i', 'fix.patch'], { cwd: dir, encoding: 'utf8' });
      expect(p.status).not.toBe(0);
      expect(p.stderr).toContain('malformed patch');
    }
    if (has('git')) {
      execFileSync('git', ['init', '-q', '.'], { cwd: dir });
      const g = spawnSync('git', ['apply', '--check', 'fix.patch'], { cwd: dir, encoding: 'utf8' });
      expect(g.status).not.toBe(0);
      expect(g.stderr).toContain('corrupt patch');
    }
    expect(readFileSync(file, 'utf8')).toBe(DF);
  });

  it('a diff without secrets stays appliable and gives what --fix writes', async () => {
    const plain = DF.replace(`ENV DB_PASSWORD=${SECRET}\n`, '');
    write('plain/Dockerfile', plain);
    const r = await runShipshape(['lint', '--no-config', '--diff', '--unsafe-fixes', '-f', 'json', '-o', 'report.json', 'Dockerfile'], join(dir, 'plain'));
    expect(r.stdout).toContain('+USER 10001:10001\n');
    expect(r.stdout).not.toContain('!!');
    expect(r.stderr).not.toContain('masks secret');
    if (!has('patch')) return;
    writeFileSync(join(dir, 'plain', 'fix.patch'), r.stdout);
    expect(spawnSync('patch', ['-p1', '-i', 'fix.patch'], { cwd: join(dir, 'plain') }).status).toBe(0);
    const patched = readFileSync(join(dir, 'plain', 'Dockerfile'), 'utf8');
    write('plain/Dockerfile', plain);
    await runShipshape(['lint', '--no-config', '--unsafe-fixes', 'Dockerfile'], join(dir, 'plain'));
    expect(readFileSync(join(dir, 'plain', 'Dockerfile'), 'utf8')).toBe(patched);
  });

  it('git apply takes a lint diff as it is, from the working directory, new .dockerignore included', async () => {
    const text = 'FROM python:3.12.4-slim\nMAINTAINER someone\nCOPY . /app\nUSER 1000\nCMD ["python", "/app/app.py"]\n';
    write('gitapply/svc/Dockerfile', text);
    write('gitapply/svc/app.py', '');
    const cwd = join(dir, 'gitapply');
    const r = await runShipshape(['lint', '--no-config', '--diff', 'svc/Dockerfile'], cwd);
    expect(r.stdout.match(/^(---|\+\+\+) .*$/gm)).toEqual(['--- a/svc/Dockerfile', '+++ b/svc/Dockerfile', '--- /dev/null', '+++ b/svc/.dockerignore']);
    if (!has('git')) return;
    writeFileSync(join(dir, 'lint.patch'), r.stdout);
    execFileSync('git', ['init', '-q', '.'], { cwd });
    execFileSync('git', ['apply', join(dir, 'lint.patch')], { cwd });
    const applied = [readFileSync(join(cwd, 'svc/Dockerfile'), 'utf8'), readFileSync(join(cwd, 'svc/.dockerignore'), 'utf8')];
    write('gitapply/svc/Dockerfile', text);
    rmSync(join(cwd, 'svc/.dockerignore'));
    await runShipshape(['lint', '--no-config', '--fix', 'svc/Dockerfile'], cwd);
    expect([readFileSync(join(cwd, 'svc/Dockerfile'), 'utf8'), readFileSync(join(cwd, 'svc/.dockerignore'), 'utf8')]).toEqual(applied);
  });
});
