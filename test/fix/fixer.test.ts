/**
 * The fix loop: rounds, safety checks, line endings, BOM; and the CLI's --fix / --diff / stdin paths
 * with atomic writes that keep the file mode.
 */
import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fixText } from '../../src/fix/fixer.js';
import { applyEdits } from '../../src/fix/apply.js';
import { memoryContext } from '../../src/context/memory.js';
import { defineRule } from '../../src/rules/define.js';
import type { Rule } from '../../src/engine/types.js';
import debugRule from '../../src/rules/shipshape/no-debug-mode.js';
import { runShipshape } from '../helpers/cli.js';

const docs = { description: 'd', why: 'w', bad: 'FROM a\n', good: 'FROM a\n' };

/** Upper-cases `run` keywords: a safe fix, one edit per instruction. */
const upperRun: Rule = defineRule({
  id: 'test-upper-run', severity: 'style', summary: 'upper-case RUN', origin: 'shipshape', category: 'maintainability', fix: 'safe', docs,
  check(ctx) {
    for (const i of ctx.file.instructions) {
      if (i.keywordRaw !== 'run') continue;
      ctx.report({ instruction: i, fix: { applicability: 'safe', description: 'upper', edits: [{ start: i.keywordRange.start.offset, end: i.keywordRange.end.offset, text: 'RUN' }] } });
    }
  },
});

/** A buggy fix that makes the file unparseable. */
const breaker: Rule = defineRule({
  id: 'test-breaker', severity: 'style', summary: 'breaks the file', origin: 'shipshape', category: 'maintainability', fix: 'safe', docs,
  check(ctx) {
    const i = ctx.file.instructions.find((x) => x.keyword === 'RUN');
    if (i) ctx.report({ instruction: i, fix: { applicability: 'safe', description: 'break', edits: [{ start: i.keywordRange.start.offset, end: i.keywordRange.end.offset, text: 'BOGUS' }] } });
  },
});

/** Adds a line to .dockerignore (a fix of another context file). */
const ignoreGit: Rule = defineRule({
  id: 'test-ignore-git', severity: 'info', summary: 'ignore .git', origin: 'shipshape', category: 'size', fix: 'safe', docs,
  check(ctx) {
    const d = ctx.context?.dockerignore();
    if (!ctx.context || (d && d.content.includes('.git'))) return;
    const end = d ? d.content.length : 0;
    ctx.report({ instruction: ctx.file.instructions[0], fix: { applicability: 'safe', description: 'add .git', edits: [], files: [{ path: '.dockerignore', create: true, edits: [{ start: end, end, text: '.git\n' }] }] } });
  },
});

describe('applyEdits', () => {
  it('applies sorted, non-overlapping edits and skips overlapping ones', () => {
    const r = applyEdits('abcdef', [{ start: 4, end: 5, text: 'E' }, { start: 0, end: 1, text: 'A' }, { start: 0, end: 2, text: 'X' }]);
    expect(r.text).toBe('AbcdEf');
    expect(r.skipped).toHaveLength(1);
  });
});

describe('fixText', () => {
  it('fixes and re-lints until stable', async () => {
    const r = await fixText('FROM a:1\nrun x\nrun y\n', { rules: [upperRun], level: 'safe' });
    expect(r.output).toBe('FROM a:1\nRUN x\nRUN y\n');
    expect(r.fixedByRule).toEqual({ 'test-upper-run': 2 });
    expect(r.after.findings).toEqual([]);
  });
  it('keeps CRLF line endings and the BOM; untouched lines stay byte-identical', async () => {
    const input = '\uFEFFFROM a:1\r\nrun x \\\r\n  && y\r\nENV A=1\r\n';
    const r = await fixText(input, { rules: [upperRun], level: 'safe' });
    expect(r.output).toBe('\uFEFFFROM a:1\r\nRUN x \\\r\n  && y\r\nENV A=1\r\n');
  });
  it('does not apply unsafe fixes at the safe level', async () => {
    const r = await fixText('FROM a:1\nENV DEBUG=1\n', { rules: [debugRule], level: 'safe' });
    expect(r.output).toBe('FROM a:1\nENV DEBUG=1\n');
    const u = await fixText('FROM a:1\nENV DEBUG=1\n', { rules: [debugRule], level: 'unsafe' });
    expect(u.output).toBe('FROM a:1\nENV DEBUG=False\n');
  });
  it('discards a round that makes the file parse worse and names the rule', async () => {
    const r = await fixText('FROM a:1\nrun x\n', { rules: [breaker, upperRun], level: 'safe' });
    expect(r.errors.map((e) => e.rules)).toContainEqual(expect.arrayContaining(['test-breaker']));
    expect(r.output).toBe('FROM a:1\nRUN x\n');
  });
  it('does not blame a rule whose new findings were revealed by another rule\'s fix (bug: discarded round)', async () => {
    // DL3027 turns `apt install` into `apt-get install`, which DL3015 then sees: the round is kept.
    const dl3027 = (await import('../../src/rules/hadolint/DL3027.js')).default;
    const dl3015 = (await import('../../src/rules/hadolint/DL3015.js')).default;
    const r = await fixText('FROM debian:12\nRUN apt-get install -y curl && apt install -y git\n', { rules: [dl3027, dl3015], level: 'unsafe' });
    expect(r.errors).toEqual([]);
    expect(r.output).toBe('FROM debian:12\nRUN apt-get install --no-install-recommends -y curl && apt-get install --no-install-recommends -y git\n');
  });
  it('--fix-rule limits fixing to the given rules', async () => {
    const r = await fixText('FROM a:1\nrun x\nENV DEBUG=1\n', { rules: [upperRun, debugRule], level: 'unsafe', onlyRules: ['no-debug-mode'] });
    expect(r.output).toBe('FROM a:1\nrun x\nENV DEBUG=False\n');
  });
});

const dir = mkdtempSync(join(tmpdir(), 'shipshape-fix-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('CLI fixing', () => {
  it('--unsafe-fixes writes atomically and keeps the mode', async () => {
    mkdirSync(join(dir, 'a'));
    const p = join(dir, 'a/Dockerfile');
    writeFileSync(p, 'FROM busybox:1.36.1\nENV DEBUG=1\n');
    chmodSync(p, 0o640);
    const r = await runShipshape(['lint', '--unsafe-fixes', '--no-fail', 'a/Dockerfile'], dir);
    expect(r.code).toBe(0);
    expect(readFileSync(p, 'utf8')).toContain('ENV DEBUG=False');
    expect(statSync(p).mode & 0o777).toBe(0o640);
  });
  it('--diff prints a unified diff and writes nothing', async () => {
    mkdirSync(join(dir, 'b'));
    const p = join(dir, 'b/Dockerfile');
    writeFileSync(p, 'FROM busybox:1.36.1\nENV DEBUG=1\n');
    const r = await runShipshape(['lint', '--diff', '--unsafe-fixes', '--no-fail', 'b/Dockerfile'], dir);
    expect(r.stdout).toContain('-ENV DEBUG=1');
    expect(r.stdout).toContain('+ENV DEBUG=False');
    expect(readFileSync(p, 'utf8')).toBe('FROM busybox:1.36.1\nENV DEBUG=1\n');
  });
  it('after fixing, the report shows lines of the fixed text (bug: excerpts came from the original)', async () => {
    mkdirSync(join(dir, 'c'));
    // The safe fix of MultipleInstructionsDisallowed deletes line 2, so the debug finding moves to line 3.
    writeFileSync(join(dir, 'c/Dockerfile'), 'FROM busybox:1.36.1\nCMD ["a"]\nCMD ["b"]\nENV DEBUG=1\n');
    const r = await runShipshape(['lint', '--diff', '--no-color', '--no-fail', 'c/Dockerfile'], dir);
    expect(r.stdout).toContain('-CMD ["a"]');
    expect(r.stdout).toMatch(/Dockerfile:3:5 warning no-debug-mode/);
    expect(r.stdout).toMatch(/3 \| ENV DEBUG=1/);
  });
  it('with - the fixed text goes to standard output and the report to stderr', async () => {
    const r = await runShipshape(['lint', '--unsafe-fixes', '--no-fail', '-'], dir, { stdin: 'FROM busybox:1.36.1\nENV DEBUG=1\n' });
    expect(r.stdout).toBe('FROM busybox:1.36.1\nENV DEBUG=False\n');
  });
});

describe('fixes of context files', () => {
  it('creates .dockerignore once, even over several rounds', async () => {

    const r = await fixText('FROM a:1\nrun x\n', { rules: [ignoreGit, upperRun], level: 'safe', context: memoryContext({ 'app.py': '' }) });
    expect(r.files.get('.dockerignore')).toBe('.git\n');
  });
  it('applies a fix that only changes another context file (bug: discarded as a cycle when the Dockerfile text stayed the same)', async () => {
    const r = await fixText('FROM a:1\nRUN x\n', { rules: [ignoreGit], level: 'safe', context: memoryContext({ 'app.py': '' }) });
    expect(r.errors).toEqual([]);
    expect(r.files.get('.dockerignore')).toBe('.git\n');
    expect(r.output).toBe('FROM a:1\nRUN x\n');
    expect(r.after.findings).toEqual([]);
  });
  // Issue 16: with --fix-rule, a round that only writes .dockerignore left the Dockerfile text unchanged
  // and was taken for a fix cycle ("internal error: discarded a fix round ... fixes undo each other").
  it('a round that only changes .dockerignore is progress, not a cycle', async () => {
    const r = await fixText('FROM a:1\nrun x\n', { rules: [ignoreGit, upperRun], level: 'safe', onlyRules: ['test-ignore-git'], context: memoryContext({ 'app.py': '' }) });
    expect(r.errors).toEqual([]);
    expect(r.output).toBe('FROM a:1\nrun x\n');
    expect(r.files.get('.dockerignore')).toBe('.git\n');
    expect(r.fixedByRule).toEqual({ 'test-ignore-git': 1 });
  });
  it('--fix-rule require-dockerignore / dockerignore-coverage through the real CLI', async () => {
    for (const rule of ['require-dockerignore', 'dockerignore-coverage']) {
      const ctx = mkdtempSync(join(tmpdir(), 'shipshape-fixrule-'));
      writeFileSync(join(ctx, 'Dockerfile'), 'FROM python:3.12.4-slim\nCOPY . /app\nCMD ["python", "/app/main.py"]\n');
      writeFileSync(join(ctx, 'main.py'), 'print(1)\n');
      mkdirSync(join(ctx, '.git'));
      writeFileSync(join(ctx, '.git', 'HEAD'), 'ref: refs/heads/main\n');
      if (rule === 'dockerignore-coverage') writeFileSync(join(ctx, '.dockerignore'), '# mine\n*.log\n');
      const r = await runShipshape(['lint', '--fix-rule', rule, ...(rule === 'dockerignore-coverage' ? ['--unsafe-fixes'] : []), '--no-fail', 'Dockerfile'], ctx);
      expect(r.stderr).not.toMatch(/internal error/);
      expect(r.stderr).toMatch(/^Fixed [1-9]\d* finding/m);
      const ignore = readFileSync(join(ctx, '.dockerignore'), 'utf8');
      expect(ignore).toMatch(/^(\*\*\/)?\.git$/m);
      if (rule === 'dockerignore-coverage') expect(ignore.startsWith('# mine\n*.log\n')).toBe(true);
      rmSync(ctx, { recursive: true, force: true });
    }
  });
});
