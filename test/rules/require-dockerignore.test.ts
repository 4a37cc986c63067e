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
  ],
  fires: [
    {
      input: PY,
      files: { 'main.py': 'print(1)\n' },
      line: 3,
      count: 1,
      fixed: PY,
      fixedFiles: { '.dockerignore': '.git\n**/.git\n**/__pycache__\n**/*.py[co]\n**/node_modules\n**/.env\n**/.env.*\n!**/.env.example\n**/*.log\n.venv\n.pytest_cache\n.mypy_cache\n' },
    },
    { input: 'FROM alpine:3.20.1\nCOPY app.sh \\\n  /usr/local/bin/\nCOPY . /src\n', files: { 'app.sh': '' }, line: 2, count: 1 },
    { input: PY, files: { 'main.py': '', '.env': 'X=1', '.git/HEAD': 'x' }, message: /^`COPY \. \.`.*environment and secret files \(`\.env`\).*version-control data \(`\.git\/`\)/ },
    { input: 'FROM alpine:3.20.1\nCOPY ["a.txt", "/a.txt"]\n', files: { 'a.txt': '' }, line: 2 },
  ],
});

it('the fix creates .dockerignore, keeping paths the Dockerfile copies by name', async () => {
  const [f] = await findingsOf(rule, { input: 'FROM node:20.15.1-slim\r\nCOPY node_modules ./node_modules\r\nCOPY . .\r\n', files: { 'package.json': '{}' } });
  expect(f.fix?.applicability).toBe('safe');
  expect(f.fix?.edits).toEqual([]);
  const file = f.fix?.files?.[0];
  expect(file?.path).toBe('.dockerignore');
  expect(file?.create).toBe(true);
  const text = file?.edits[0].text ?? '';
  expect(text).toContain('.git\r\n');
  expect(text).toContain('**/.env\r\n');
  expect(text).not.toContain('node_modules');
});

it('the fix keeps .git and .env when the build uses them', async () => {
  const [f] = await findingsOf(rule, { input: 'FROM python:3.12.4-slim\nCOPY . .\nRUN git describe --tags > VERSION\nCMD ["sh", "-c", "set -a; . ./.env; exec python app.py"]\n', files: { 'app.py': '' } });
  const text = f.fix?.files?.[0].edits[0].text ?? '';
  expect(text).not.toMatch(/\.git\n/);
  expect(text).not.toContain('.env');
  expect(text).toContain('**/__pycache__\n');
});
