import { expect, it } from 'vitest';
import rule from '../../src/rules/shipshape/require-dockerignore.js';
import { findingsOf, ruleTable } from '../helpers/rule-table.js';

const PY = 'FROM python:3.12.4-slim\nWORKDIR /app\nCOPY . .\nUSER nobody\nCMD ["python", "main.py"]\n';

ruleTable(rule, {
  silent: [
    { input: 'FROM alpine:3.20.1\nRUN echo hi\n', files: {} },
    { input: PY, files: { 'main.py': '', '.dockerignore': '.git\n' } },
    { input: PY, files: { 'main.py': '', 'Dockerfile.dockerignore': '.git\n' } },
    { input: PY, noContext: true },
    { input: 'FROM golang:1.22.5 AS b\nFROM alpine:3.20.1\nCOPY --from=b /out /out\n', files: {} },
    { input: 'FROM alpine:3.20.1\nADD https://example.com/a.tgz /a.tgz\n', files: {} },
    { input: 'FROM alpine:3.20.1\nCOPY <<EOF /etc/motd\nhello\nEOF\n', files: {} },
    { input: 'FROM alpine:3.20.1\nONBUILD COPY . /src\n', files: {} },
    { name: 'official httpd: one named file, a tiny clean context', input: 'FROM debian:bookworm-slim\nCOPY httpd-foreground /usr/local/bin/\nCMD ["httpd-foreground"]\n', files: { 'httpd-foreground': '#!/bin/sh\n', Dockerfile: '', 'alpine/Dockerfile': '' } },
    { name: 'named files and a file glob', input: 'FROM alpine:3.20.1\nCOPY ["a.txt", "/a.txt"]\nCOPY *.sh /usr/local/bin/\n', files: { 'a.txt': '', 'entry.sh': '', 'compose.yaml': '' } },
  ],
  fires: [
    {
      input: PY,
      files: { 'main.py': 'print(1)\n' },
      line: 3,
      count: 1,
      fixed: PY,
      fixedFiles: {
        '.dockerignore': [
          '# Written by `shipshape lint --fix` (require-dockerignore): keeps secrets, history, caches and local artefacts out of the build context.',
          '# Version control and container files are not needed inside the image.',
          '**/.git', 'Dockerfile*', '.dockerignore', 'compose*.y*ml', 'docker-compose*.y*ml',
          '# Local environment files hold secrets (a template such as .env.example may go in).',
          '**/.env*', '!**/.env.example',
          '# Bytecode is rebuilt by Python; caches differ per machine.',
          '**/__pycache__', '**/*.py[co]', '',
        ].join('\n'),
      },
    },
    { input: 'FROM alpine:3.20.1\nCOPY app.sh \\\n  /usr/local/bin/\nCOPY . /src\n', files: { 'app.sh': '' }, line: 2, count: 1 },
    { input: PY, files: { 'main.py': '', '.env': 'X=1', '.git/HEAD': 'x' }, message: /^`COPY \. \.`.*environment and secret files \(`\.env`\).*version-control data \(`\.git\/`\)/ },
    { name: 'a named file, but the context holds .env', input: 'FROM alpine:3.20.1\nCOPY ["a.txt", "/a.txt"]\n', files: { 'a.txt': '', '.env': 'X=1' }, line: 2, message: /without `\.dockerignore`, which holds environment and secret files \(`\.env`\)/ },
    { name: 'a named file, but the context holds .git', input: 'FROM httpd:2.4\nCOPY httpd-foreground /usr/local/bin/\n', files: { 'httpd-foreground': '', '.git/HEAD': 'x' }, line: 2 },
    { name: 'a directory is copied', input: 'FROM alpine:3.20.1\nCOPY conf /etc/app\n', files: { 'conf/a.conf': '' }, line: 2 },
    { name: 'a glob that matches a directory', input: 'FROM alpine:3.20.1\nCOPY c* /etc/app/\n', files: { 'conf/a.conf': '', 'Dockerfile': '' }, line: 2 },
    { name: 'a trailing slash names a directory', input: 'FROM alpine:3.20.1\nCOPY conf/ /etc/app/\n', files: {}, line: 2 },
  ],
});

it('the fix creates .dockerignore, keeping paths the Dockerfile copies by name', async () => {
  const [f] = await findingsOf(rule, { input: 'FROM node:20.15.1-slim\r\nCOPY node_modules ./node_modules\r\nCOPY Dockerfile.prod compose.yaml /meta/\r\nCOPY . .\r\n', files: { 'package.json': '{}', 'node_modules/x/index.js': '', 'Dockerfile.prod': '', 'compose.yaml': '' } });
  expect(f.fix?.applicability).toBe('safe');
  expect(f.fix?.edits).toEqual([]);
  const file = f.fix?.files?.[0];
  expect(file?.path).toBe('.dockerignore');
  expect(file?.create).toBe(true);
  const text = file?.edits[0].text ?? '';
  expect(text).toContain('**/.git\r\n');
  expect(text).toContain('**/.env*\r\n');
  // Patterns that would drop a named source are left out: `**/node_modules`, `Dockerfile*`, `compose*.y*ml`.
  expect(text).not.toContain('node_modules');
  expect(text).not.toContain('Dockerfile*');
  expect(text).not.toContain('\r\ncompose*.y*ml');
  expect(text).toContain('docker-compose*.y*ml\r\n');
  // Inside a copied folder, bytecode is still excluded.
  const [g] = await findingsOf(rule, { input: 'FROM python:3.12.4-slim\nCOPY app /app\n', files: { 'app/main.py': '', 'app/__pycache__/main.cpython-312.pyc': '' } });
  expect(g.fix?.files?.[0].edits[0].text).toContain('\n**/__pycache__\n');
});

it('the fix keeps .git and .env when the build uses them', async () => {
  const [f] = await findingsOf(rule, { input: 'FROM python:3.12.4-slim\nCOPY . .\nRUN git describe --tags > VERSION\nCMD ["sh", "-c", "set -a; . ./.env; exec python app.py"]\n', files: { 'app.py': '' } });
  const text = f.fix?.files?.[0].edits[0].text ?? '';
  expect(text).not.toMatch(/\.git\n/);
  expect(text).not.toContain('.env');
  expect(text).toContain('**/__pycache__\n');
});

it('the fix writes no negation whose exclusion it left out', async () => {
  // `.env` is copied by name, so `**/.env*` is left out; `!**/.env.example` alone would be a line
  // that does nothing (found by a fresh-user trial).
  const [f] = await findingsOf(rule, { input: 'FROM alpine:3.20.1\nCOPY .env /app/.env\nCOPY . /app\n', files: { '.env': 'X=1', 'app.py': '' } });
  const text = f.fix?.files?.[0].edits[0].text ?? '';
  expect(text).not.toContain('.env');
  expect(text).not.toContain('Local environment files');
  expect(text).toContain('**/.git\n');
});

// Issue 16: the fix wrote less than its message named (media/, staticfiles/, db.sqlite3), so the next
// run reported them again under dockerignore-coverage.
it('the fix excludes every kind the message names: nothing left for dockerignore-coverage', async () => {
  const { fixText } = await import('../../src/fix/fixer.js');
  const { lint } = await import('../../src/engine/lint.js');
  const { memoryContext } = await import('../../src/context/memory.js');
  const coverage = (await import('../../src/rules/shipshape/dockerignore-coverage.js')).default;
  const files = { 'manage.py': '', 'mysite/wsgi.py': '', 'media/uploads/a.jpg': 'x', 'staticfiles/x.css': 'x', 'db.sqlite3': 'x', '.git/HEAD': 'ref' };
  const input = 'FROM python:3.12.4-slim\nWORKDIR /app\nCOPY . .\nCMD ["gunicorn", "mysite.wsgi"]\n';
  const [f] = await findingsOf(rule, { input, files });
  expect(f.message).toMatch(/`db\.sqlite3`.*`media\/uploads\/a\.jpg`.*`staticfiles\/x\.css`/);
  const r = await fixText(input, { rules: [rule, coverage], level: 'safe', context: memoryContext(files) });
  const ignore = r.files.get('.dockerignore') ?? '';
  expect(ignore.split('\n').slice(-5)).toEqual(['media/', 'staticfiles/', '# From this project: local environments, caches, databases, editor settings, collected files.', '**/*.sqlite3', '']);
  const again = await lint(input, { rules: [rule, coverage], context: memoryContext({ ...files, '.dockerignore': ignore }) });
  expect(again.findings).toEqual([]);
});
