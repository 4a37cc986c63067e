import rule from '../../src/rules/shipshape/copy-manifest-first.js';
import { ruleTable } from '../helpers/rule-table.js';

ruleTable(rule, {
  silent: [
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
  ],
});
