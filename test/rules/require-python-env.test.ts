import rule from '../../src/rules/shipshape/require-python-env.js';
import { ruleTable } from '../helpers/rule-table.js';

ruleTable(rule, {
  silent: [
    'FROM node:20.15.1-slim\nUSER node\nCMD ["node", "a.js"]\n',
    'FROM python:3.12.4-slim AS base\nENV PYTHONDONTWRITEBYTECODE=1\nENV PYTHONUNBUFFERED=1\nFROM base\nUSER nobody\nCMD ["python", "app.py"]\n',
    'FROM python:3.12.4-slim\nENV PYTHONDONTWRITEBYTECODE=1 \\\n    PYTHONUNBUFFERED=1\n',
    'FROM python:3.12.4-slim\nENV PYTHONDONTWRITEBYTECODE 1\nENV PYTHONUNBUFFERED=true\n',
    'FROM python:3.12.4-slim AS build\nRUN pip wheel .\nFROM debian:12.6-slim\nCMD ["app"]\n',
    'FROM python:3.12.4-slim\nARG X=1\nENV PYTHONDONTWRITEBYTECODE=$X PYTHONUNBUFFERED=${X}\n',
    // Bytecode precompiled on purpose (saleor's builder): PYTHONDONTWRITEBYTECODE is not asked for.
    'FROM python:3.12 AS build-python\nENV UV_COMPILE_BYTECODE=1 UV_SYSTEM_PYTHON=1\nRUN uv sync --locked --no-install-project\nFROM python:3.12-slim\nCOPY --from=build-python /usr/local/lib/python3.12/site-packages/ /usr/local/lib/python3.12/site-packages/\nENV PYTHONUNBUFFERED=1\n',
    'FROM python:3.12.4-slim\nRUN uv sync --locked --compile-bytecode\nENV PYTHONUNBUFFERED=1\n',
    'FROM python:3.12.4-slim\nCOPY . /app\nRUN python -m compileall -q /app\nENV PYTHONUNBUFFERED=1\n',
    'FROM python:3.12.4-slim AS deps\nRUN UV_COMPILE_BYTECODE=1 uv sync --locked\nFROM python:3.12.4-slim\nCOPY --from=0 /app /app\nENV PYTHONUNBUFFERED=1\n',
  ],
  fires: [
    {
      input: 'FROM python:3.12.4-slim\nUSER nobody\nCMD ["python", "-m", "http.server"]\n',
      line: 1,
      column: 1,
      fixed: 'FROM python:3.12.4-slim\nENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1\nUSER nobody\nCMD ["python", "-m", "http.server"]\n',
    },
    {
      input: 'FROM python:3.12.4-slim\nENV PYTHONUNBUFFERED=1\nUSER nobody\nCMD ["python", "app.py"]\n',
      message: /`PYTHONDONTWRITEBYTECODE`/,
      fixed: 'FROM python:3.12.4-slim\nENV PYTHONDONTWRITEBYTECODE=1\nENV PYTHONUNBUFFERED=1\nUSER nobody\nCMD ["python", "app.py"]\n',
    },
    {
      input: 'FROM python:3.12.4-slim AS base\r\nENV PYTHONUNBUFFERED=1\r\nFROM base AS final\r\nCMD ["python"]\r\n',
      line: 3,
      fixed: 'FROM python:3.12.4-slim AS base\r\nENV PYTHONUNBUFFERED=1\r\nFROM base AS final\r\nENV PYTHONDONTWRITEBYTECODE=1\r\nCMD ["python"]\r\n',
    },
    { name: 'precompiling asks only for PYTHONUNBUFFERED', input: 'FROM python:3.12.4 AS build\nENV UV_COMPILE_BYTECODE=1\nFROM python:3.12.4-slim\nCOPY --from=build /app /app\n', line: 3, message: /without `PYTHONUNBUFFERED`: add `ENV PYTHONUNBUFFERED=1`/ },
    { name: 'a precompiling stage that does not feed the final image does not count', input: 'FROM python:3.12.4 AS tools\nENV UV_COMPILE_BYTECODE=1\nFROM python:3.12.4-slim\nENV PYTHONUNBUFFERED=1\n', line: 3, message: /PYTHONDONTWRITEBYTECODE/ },
    { input: 'FROM python:3.12.4-slim', fixed: 'FROM python:3.12.4-slim\nENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1' },
    { input: 'FROM python:3.12.4-slim\nONBUILD ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1\n', line: 1, name: 'ONBUILD ENV applies to child images only' },
    { input: 'FROM ghcr.io/astral-sh/uv:python3.12-bookworm-slim\nCMD ["python"]\n', line: 1 },
    { input: 'FROM pypy:3.10-7.3.16-slim\nCMD ["pypy3"]\n', line: 1 },
    { input: 'FROM python:3.12.4-slim\nARG PYTHONDONTWRITEBYTECODE=1\nARG PYTHONUNBUFFERED=1\n', message: /PYTHONDONTWRITEBYTECODE.*PYTHONUNBUFFERED/, name: 'ARG is not in the running container' },
    { input: 'FROM python:3.12.4-slim\nENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=\n', fixed: 'FROM python:3.12.4-slim\nENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=\n', name: 'explicitly emptied: no fix' },
    { input: 'FROM --platform=linux/amd64 \\\n  python:3.12.4-slim AS app\nCMD ["python"]\n', line: 1, fixed: 'FROM --platform=linux/amd64 \\\n  python:3.12.4-slim AS app\nENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1\nCMD ["python"]\n' },
    // Line endings, BOM and escape character are kept by the fix.
    { name: 'fix keeps CRLF line endings', input: 'FROM --platform=linux/amd64 \\\r\n  python:3.12.4-slim AS app\r\nCMD ["python"]\r\n', fixed: 'FROM --platform=linux/amd64 \\\r\n  python:3.12.4-slim AS app\r\nENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1\r\nCMD ["python"]\r\n' },
    { name: 'fix keeps the BOM', input: '\uFEFFFROM python:3.12.4-slim\nUSER nobody\nCMD ["python", "-m", "http.server"]\n', fixed: '\uFEFFFROM python:3.12.4-slim\nENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1\nUSER nobody\nCMD ["python", "-m", "http.server"]\n' },
    { name: 'fix in an escape=` file', input: '# escape=`\nFROM --platform=linux/amd64 `\n  python:3.12.4-slim AS app\nCMD ["python"]\n', fixed: '# escape=`\nFROM --platform=linux/amd64 `\n  python:3.12.4-slim AS app\nENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1\nCMD ["python"]\n' },
    // The ENV line follows the file's keyword casing.
    { name: 'lower-case file', input: 'from python:3.12.4-slim\nrun pip install x\n', noContext: true, fixed: 'from python:3.12.4-slim\nenv PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1\nrun pip install x\n' },
  ],
});
