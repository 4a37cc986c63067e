import rule from '../../src/rules/shipshape/copy-manifest-first.js';
import { ruleTable } from '../helpers/rule-table.js';

ruleTable(rule, {
  silent: [
    'FROM python:3.12.4-slim\nCOPY pyproject.toml pdm.lock ./\nRUN pdm sync --prod --no-self\nCOPY . .\nRUN pdm sync --prod\n',
    'FROM python:3.12.4-slim\nWORKDIR /app\nCOPY requirements.txt .\nRUN pip install --no-cache-dir -r requirements.txt\nCOPY . .\nUSER nobody\nCMD ["gunicorn", "site.wsgi"]\n',
    'FROM python:3.12.4-slim\nCOPY pyproject.toml uv.lock ./\nRUN uv sync --frozen --no-install-project\nCOPY . .\nRUN uv sync --frozen\n',
    'FROM python:3.12.4-slim\nCOPY pyproject.toml poetry.lock ./\nRUN poetry install --no-root\nCOPY . .\nRUN poetry install --only-root\n',
    'FROM python:3.12.4-slim\nCOPY . .\nRUN pip install --no-cache-dir .\n',
    'FROM python:3.12.4-slim\nCOPY . .\nRUN pip install --no-cache-dir django==5.0.7\n',
    'FROM node:20.15.1-slim\nCOPY . .\nRUN npm install -g pm2@5.4.0\n',
    'FROM node:20.15.1-slim\nCOPY . .\nRUN npm run build\n',
    'FROM node:20.15.1-slim AS deps\nCOPY . .\nFROM node:20.15.1-slim\nRUN npm ci\n',
    'FROM node:20.15.1-slim\nCOPY --from=deps . .\nRUN npm ci\n',
    'FROM golang:1.22.5\nCOPY . .\nRUN go build ./...\n',
    'FROM python:3.12.4-slim AS base\nCOPY pyproject.toml uv.lock ./\nRUN uv sync --frozen --no-install-project\nFROM base AS dev\nCOPY . .\nRUN uv sync --frozen\n',
    'FROM node:20.15.1-slim\nCOPY . .\nONBUILD RUN npm ci\n',
  ],
  fires: [
    { input: 'FROM python:3.12.4-slim\nCOPY . .\nRUN pdm install --prod --frozen-lockfile\n', line: 3, message: /pdm install/ },
    { input: 'FROM python:3.12.4-slim\nWORKDIR /app\nCOPY . .\nRUN pdm sync --prod --no-self\n', noContext: true, unsafeFixed: 'FROM python:3.12.4-slim\nWORKDIR /app\nCOPY pyproject.toml pdm.lock ./\nRUN pdm sync --prod --no-self\nCOPY . .\n' },
    { input: 'FROM python:3.12.4-slim\nWORKDIR /app\nCOPY . .\nRUN pdm install --prod --no-self\n', noContext: true, unsafeFixed: 'FROM python:3.12.4-slim\nWORKDIR /app\nCOPY pyproject.toml pdm.lock* ./\nRUN pdm install --prod --no-self\nCOPY . .\n' },
    { input: 'FROM python:3.12.4-slim\nWORKDIR /app\nCOPY . .\nRUN pip install --no-cache-dir -r requirements.txt\n', line: 4, column: 5, message: /`pip install -r requirements.txt` runs after `COPY \. \.` \(line 3\).*copy requirements\.txt first/ },
    { input: 'FROM node:20.15.1-slim\nCOPY ./ /app\nRUN npm ci --omit=dev\n', line: 3, message: /package-lock\.json/ },
    { input: 'FROM node:20.15.1-slim\nADD . /app\nRUN yarn --frozen-lockfile\n', line: 3, message: /`yarn`/ },
    { input: 'FROM golang:1.22.5\nCOPY . .\nRUN go mod download && go build -o /app\n', message: /go\.mod and go\.sum/ },
    { input: 'FROM ruby:3.3.4\nCOPY . .\nRUN bundle install\n', message: /Gemfile/ },
    { input: 'FROM composer:2.7.7\nCOPY . .\nRUN composer install --no-dev\n', message: /composer\.lock/ },
    { input: 'FROM python:3.12.4-slim\nCOPY . .\nRUN python -m pip install \\\n  --requirement=req/prod.txt\n', line: 3, message: /req\/prod\.txt/ },
    { input: 'FROM python:3.12.4-slim\nCOPY . .\nRUN uv sync --frozen\n', message: /uv sync/ },
    { input: 'FROM python:3.12.4-slim\nCOPY . .\nRUN poetry install\n', message: /poetry\.lock/ },
    { input: 'FROM python:3.12.4-slim\nCOPY . .\nRUN pipenv install --deploy --system\n', message: /Pipfile/ },
    { input: 'FROM python:3.12.4-slim\nCOPY . .\nRUN ["pip", "install", "-r", "requirements.txt"]\n', line: 3 },
    { input: 'FROM node:20.15.1-slim\nCOPY . .\nRUN npm ci && npm ci\n', count: 1 },
    // Unsafe fix: copy the manifest and install before the whole-context COPY.
    {
      input: 'FROM python:3.12.4-slim\nWORKDIR /app\nCOPY . .\nRUN pip install --no-cache-dir -r requirements.txt\nCMD ["gunicorn", "site.wsgi"]\n',
      fixed: 'FROM python:3.12.4-slim\nWORKDIR /app\nCOPY . .\nRUN pip install --no-cache-dir -r requirements.txt\nCMD ["gunicorn", "site.wsgi"]\n',
      unsafeFixed: 'FROM python:3.12.4-slim\nWORKDIR /app\nCOPY requirements.txt .\nRUN pip install --no-cache-dir -r requirements.txt\nCOPY . .\nCMD ["gunicorn", "site.wsgi"]\n',
      noContext: true,
    },
    {
      name: 'comments move with their instruction, blank lines stay between',
      input: 'FROM python:3.12.4-slim\nWORKDIR /app\n# sources\nCOPY . .\n\n# deps\nRUN pip install --no-cache-dir -r requirements.txt\n\nCMD ["x"]\n',
      unsafeFixed: 'FROM python:3.12.4-slim\nWORKDIR /app\nCOPY requirements.txt .\n# deps\nRUN pip install --no-cache-dir -r requirements.txt\n\n# sources\nCOPY . .\n\nCMD ["x"]\n',
      noContext: true,
    },
    {
      name: 'flags of the COPY kept; lock file; no final line break',
      input: 'FROM node:20.15.1-slim\nWORKDIR /app\nCOPY --chown=node:node . .\n\nRUN npm ci --omit=dev',
      unsafeFixed: 'FROM node:20.15.1-slim\nWORKDIR /app\nCOPY --chown=node:node package.json package-lock.json ./\nRUN npm ci --omit=dev\n\nCOPY --chown=node:node . .',
      noContext: true,
    },
    {
      name: 'ADD of the context: the manifest is copied with COPY, keyword case kept',
      input: 'FROM node:20.15.1-slim\nWORKDIR /app\nadd . .\nrun yarn --frozen-lockfile\n',
      unsafeFixed: 'FROM node:20.15.1-slim\nWORKDIR /app\ncopy package.json yarn.lock ./\nrun yarn --frozen-lockfile\nadd . .\n',
      noContext: true,
    },
    // Without a build context an optional lock file is copied with a wildcard (BuildKit allows an empty match).
    {
      input: 'FROM golang:1.22.5\nWORKDIR /src\nCOPY . .\nRUN go mod download\nRUN go build -o /app\n',
      unsafeFixed: 'FROM golang:1.22.5\nWORKDIR /src\nCOPY go.mod go.sum* ./\nRUN go mod download\nCOPY . .\nRUN go build -o /app\n',
      noContext: true,
    },
    { input: 'FROM ruby:3.3.4\nWORKDIR /app\nCOPY . .\nRUN bundle install --jobs 4\n', unsafeFixed: 'FROM ruby:3.3.4\nWORKDIR /app\nCOPY Gemfile Gemfile.lock* ./\nRUN bundle install --jobs 4\nCOPY . .\n', noContext: true },
    { input: 'FROM python:3.12.4-slim\nWORKDIR /app\nCOPY . .\nRUN poetry install --no-root\n', unsafeFixed: 'FROM python:3.12.4-slim\nWORKDIR /app\nCOPY pyproject.toml poetry.lock* ./\nRUN poetry install --no-root\nCOPY . .\n', noContext: true },
    { input: 'FROM python:3.12.4-slim\nWORKDIR /app\nCOPY . .\nRUN uv sync --frozen --no-install-project\n', unsafeFixed: 'FROM python:3.12.4-slim\nWORKDIR /app\nCOPY pyproject.toml uv.lock ./\nRUN uv sync --frozen --no-install-project\nCOPY . .\n', noContext: true },
    // With a build context: only files that exist are copied.
    {
      input: 'FROM node:20.15.1-slim\nWORKDIR /app\nCOPY . .\nRUN npm install\n',
      files: { 'package.json': '{}', 'src/index.js': '' },
      unsafeFixed: 'FROM node:20.15.1-slim\nWORKDIR /app\nCOPY package.json .\nRUN npm install\nCOPY . .\n',
    },
    // The manifest path is read where the context was copied to.
    {
      input: 'FROM python:3.12.4-slim\nCOPY . /app\nRUN pip install -r /app/req/prod.txt\n',
      unsafeFixed: 'FROM python:3.12.4-slim\nCOPY req/prod.txt /app/req/\nRUN pip install -r /app/req/prod.txt\nCOPY . /app\n',
      noContext: true,
    },
    // The WORKDIR in effect as BuildKit sets it: inherited from the parent stage, quotes and variables
    // processed (there was no fix: the WORKDIR was unknown, so /app was not known to be the working directory).
    {
      name: 'WORKDIR of the parent stage',
      input: 'FROM python:3.12.4-slim AS base\nWORKDIR /app\nFROM base\nCOPY . /app\nRUN pip install -r requirements.txt\n',
      unsafeFixed: 'FROM python:3.12.4-slim AS base\nWORKDIR /app\nFROM base\nCOPY requirements.txt /app\nRUN pip install -r requirements.txt\nCOPY . /app\n',
      noContext: true,
    },
    {
      name: 'quoted WORKDIR',
      input: 'FROM python:3.12.4-slim\nWORKDIR "/app"\nCOPY . .\nRUN pip install -r /app/requirements.txt\n',
      unsafeFixed: 'FROM python:3.12.4-slim\nWORKDIR "/app"\nCOPY requirements.txt .\nRUN pip install -r /app/requirements.txt\nCOPY . .\n',
      noContext: true,
    },
    {
      name: 'WORKDIR from a variable',
      input: 'FROM python:3.12.4-slim\nARG APP_HOME=/app\nWORKDIR $APP_HOME\nCOPY . .\nRUN pip install -r /app/req/prod.txt\n',
      unsafeFixed: 'FROM python:3.12.4-slim\nARG APP_HOME=/app\nWORKDIR $APP_HOME\nCOPY req/prod.txt ./req/\nRUN pip install -r /app/req/prod.txt\nCOPY . .\n',
      noContext: true,
    },
    {
      name: 'continuation line',
      input: 'FROM python:3.12.4-slim\nCOPY . .\nRUN python -m pip install \\\n  --requirement=req/prod.txt\n',
      unsafeFixed: 'FROM python:3.12.4-slim\nCOPY req/prod.txt ./req/\nRUN python -m pip install \\\n  --requirement=req/prod.txt\nCOPY . .\n',
      noContext: true,
    },
    {
      name: 'CRLF',
      input: 'FROM python:3.12.4-slim\r\nWORKDIR /app\r\nCOPY . .\r\nRUN pip install -r requirements.txt\r\n',
      unsafeFixed: 'FROM python:3.12.4-slim\r\nWORKDIR /app\r\nCOPY requirements.txt .\r\nRUN pip install -r requirements.txt\r\nCOPY . .\r\n',
      noContext: true,
    },
    {
      name: 'BOM and escape=`',
      input: '\uFEFF# escape=`\nFROM python:3.12.4-slim\nWORKDIR /app\nCOPY . .\nRUN pip install `\n  -r requirements.txt\n',
      unsafeFixed: '\uFEFF# escape=`\nFROM python:3.12.4-slim\nWORKDIR /app\nCOPY requirements.txt .\nRUN pip install `\n  -r requirements.txt\nCOPY . .\n',
      noContext: true,
    },
    // No fix when the pattern is not simple.
    { name: 'install after other commands', noContext: true, input: 'FROM python:3.12.4-slim\nCOPY . .\nRUN pip install -r requirements.txt && python setup.py install\n', unsafeFixed: 'FROM python:3.12.4-slim\nCOPY . .\nRUN pip install -r requirements.txt && python setup.py install\n' },
    { name: 'uv sync installs the project too', noContext: true, input: 'FROM python:3.12.4-slim\nCOPY . .\nRUN uv sync --frozen\n', unsafeFixed: 'FROM python:3.12.4-slim\nCOPY . .\nRUN uv sync --frozen\n' },
    { name: 'an editable install', noContext: true, input: 'FROM python:3.12.4-slim\nCOPY . .\nRUN pip install -r requirements.txt -e .\n', unsafeFixed: 'FROM python:3.12.4-slim\nCOPY . .\nRUN pip install -r requirements.txt -e .\n' },
    { name: 'an instruction between', noContext: true, input: 'FROM python:3.12.4-slim\nCOPY . .\nENV PIP_NO_CACHE_DIR=1\nRUN pip install -r requirements.txt\n', unsafeFixed: 'FROM python:3.12.4-slim\nCOPY . .\nENV PIP_NO_CACHE_DIR=1\nRUN pip install -r requirements.txt\n' },
    { name: 'npm ci runs in / but the context went to /app', noContext: true, input: 'FROM node:20.15.1-slim\nCOPY ./ /app\nRUN npm ci\n', unsafeFixed: 'FROM node:20.15.1-slim\nCOPY ./ /app\nRUN npm ci\n' },
    { name: 'two whole-context copies', noContext: true, input: 'FROM python:3.12.4-slim\nCOPY . .\nRUN pip install -r requirements.txt\nCOPY . /src\n', unsafeFixed: 'FROM python:3.12.4-slim\nCOPY . .\nRUN pip install -r requirements.txt\nCOPY . /src\n' },
    { name: 'the requirements include another file', input: 'FROM python:3.12.4-slim\nCOPY . .\nRUN pip install -r requirements.txt\n', files: { 'requirements.txt': '-r base.txt\nflask==3.0.3\n', 'base.txt': '' }, unsafeFixed: 'FROM python:3.12.4-slim\nCOPY . .\nRUN pip install -r requirements.txt\n' },
    { name: 'npm workspaces', input: 'FROM node:20.15.1-slim\nWORKDIR /app\nCOPY . .\nRUN npm ci\n', files: { 'package.json': '{"workspaces": ["pkg/*"]}', 'package-lock.json': '{}' }, unsafeFixed: 'FROM node:20.15.1-slim\nWORKDIR /app\nCOPY . .\nRUN npm ci\n' },
    { name: 'the lock file required by npm ci is missing', input: 'FROM node:20.15.1-slim\nWORKDIR /app\nCOPY . .\nRUN npm ci\n', files: { 'package.json': '{}' }, unsafeFixed: 'FROM node:20.15.1-slim\nWORKDIR /app\nCOPY . .\nRUN npm ci\n' },
  ],
});
