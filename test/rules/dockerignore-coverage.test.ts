import { describe, expect, it } from 'vitest';
import rule from '../../src/rules/shipshape/dockerignore-coverage.js';
import { findingsOf, ruleTable } from '../helpers/rule-table.js';

const PY = 'FROM python:3.12.4-slim\nWORKDIR /app\nCOPY . .\nUSER nobody\nCMD ["python", "main.py"]\n';

ruleTable(rule, {
  silent: [
    { input: PY, files: { 'main.py': 'print(1)\n', '.env': 'X=1\n', '__pycache__/a.pyc': 'x', '.dockerignore': '.git\n.env*\n*.pyc\n__pycache__\nmedia/*\nstaticfiles/*\n' } },
    { input: PY, files: { 'main.py': 'print(1)\n', '.env.example': 'X=\n', '.dockerignore': '.git\n' }, name: 'env templates are not secrets' },
    { input: PY, files: { 'main.py': 'print(1)\n', '.env': 'X=1\n' }, name: 'no .dockerignore: require-dockerignore reports' },
    { input: PY, noContext: true },
    { input: 'FROM python:3.12.4-slim\nCOPY main.py .\n', files: { 'main.py': '', '.env': 'X=1\n', '.dockerignore': '.git\n' }, name: 'only named files copied' },
    { input: 'FROM python:3.12.4-slim AS b\nFROM python:3.12.4-slim\nCOPY --from=b . .\n', files: { '.env': 'X=1\n', '.dockerignore': '.git\n' } },
    { input: PY, files: { 'static/css/site.css': 'x', 'app/media/logo.png': 'x', 'manage.py': '', '.dockerignore': '.git\n' }, name: 'source static and nested media dirs are not uploads' },
    { input: PY, files: { 'media/a.png': 'x', '.dockerignore': '.git\n' }, name: 'media/ without manage.py is not Django' },
    { input: PY, files: { '.git/HEAD': 'ref', 'src/x.py': '', '.dockerignore': '*\n!src\n' }, name: 'allow-list style' },
    { input: 'FROM python:3.12.4-slim\nONBUILD COPY . .\n', files: { '.env': 'X=1\n', '.dockerignore': '.git\n' } },
  ],
  fires: [
    {
      name: 'the fix appends the missing patterns, after a last line without a line break',
      input: PY,
      files: { 'main.py': 'print(1)\n', '.env': 'API_TOKEN=x\n', '.dockerignore': '.git' },
      count: 1,
      fixedFiles: { '.dockerignore': '.git\n**/.env\n**/.env.*\n!**/.env.example\n**/*.pem\n**/*.key\n**/id_rsa*\n**/id_ed25519*\n' },
    },
    { input: PY, files: { 'main.py': 'print(1)\n', '.env': 'API_TOKEN=not-a-real-token\n', '.dockerignore': '.git\n' }, line: 3, count: 1, message: /environment and secret files.*`\.env`/ },
    { input: PY, files: { 'main.py': 'print(1)\n', '__pycache__/main.cpython-312.pyc': 'x', '.dockerignore': '.env*\n.git\n' }, count: 1, message: /bytecode.*`__pycache__\/`/ },
    {
      input: 'FROM python:3.12.4-slim\nWORKDIR /app\nCOPY ./ ./\nUSER nobody\nCMD ["gunicorn", "site.wsgi"]\n',
      files: { 'manage.py': '#!/usr/bin/env python\n', 'media/avatar.png': 'x', 'staticfiles/admin.css': 'x', '.dockerignore': '.git\n.env*\n' },
      count: 2,
      message: /Django media uploads.*`media\/avatar\.png`/,
    },
    { input: PY, files: { '.git/HEAD': 'ref', '.git/config': '', 'deploy/key.pem': 'x', 'app/__pycache__/x.pyc': '', '.dockerignore': '__pycache__\n' }, count: 3, name: 'root-only patterns miss nested paths' },
    { input: 'FROM alpine:3.20.1\nCOPY \\\n  . /src\n', files: { 'id_rsa': 'x', 'id_rsa.pub': 'x', '.dockerignore': '.git\n' }, line: 2, count: 1, message: /`id_rsa`[^,]*;/ },
  ],
});

describe('fix', () => {
  it('appends the kind\'s patterns to .dockerignore', async () => {
    const found = await findingsOf(rule, {
      input: PY,
      files: { 'manage.py': '', 'site/x.py': '', 'media/a.png': 'x', '__pycache__/a.pyc': '', '.dockerignore': '.git\r\n.env*' },
    });
    expect(found.map((f) => f.fix?.applicability)).toEqual(['unsafe', 'unsafe']);
    const edits = found.map((f) => f.fix?.files?.[0]);
    expect(edits.map((e) => e?.path)).toEqual(['.dockerignore', '.dockerignore']);
    expect(edits.map((e) => e?.edits[0].text)).toEqual(['\r\n**/__pycache__\r\n**/*.py[co]\r\n', '\r\nmedia/\r\n']);
    expect(edits[0]?.edits[0].start).toBe('.git\r\n.env*'.length);
  });
});
