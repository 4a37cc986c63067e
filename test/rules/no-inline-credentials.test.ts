import rule from '../../src/rules/shipshape/no-inline-credentials.js';
import { ruleTable } from '../helpers/rule-table.js';

ruleTable(rule, {
  silent: [
    // A WORKDIR of unknown value (a variable without value): relative paths under it are not resolved (they were resolved with the variable empty).
    'FROM python:3.12-slim\nARG APP_DIR\nWORKDIR /srv/$APP_DIR\nCOPY keys/ keys/\nENV GOOGLE_APPLICATION_CREDENTIALS=/srv/keys/sa.json\n',
    // Django's documented build-time pattern: a throw-away key on the collectstatic command persists nowhere.
    'FROM python:3.12.4-slim\nWORKDIR /app\nCOPY . .\nRUN SECRET_KEY=dummy python manage.py collectstatic --noinput\n',
    'FROM python:3.12.4-slim\nRUN DJANGO_SECRET_KEY=build-only DATABASE_URL=sqlite:///:memory: python manage.py collectstatic --no-input\n',
    'FROM python:3.12.4-slim\nRUN SECRET_KEY="dummyKeyWithMinimumLength-------------------------" /opt/venv/bin/python manage.py collectstatic --no-input\n',
    'FROM python:3.12.4-slim\nRUN --mount=type=secret,id=django_secret_key,env=SECRET_KEY python manage.py collectstatic --noinput\n',
    'FROM alpine:3.20\nENV SLACK_TOKEN NULL\nENV GITHUB_TOKEN=your-token-here\n',
    'FROM alpine:3.20\nENV AWS_ACCESS_KEY_ID="" AWS_SECRET_ACCESS_KEY=""\n',
    'FROM alpine:3.20 AS build\nARG GITHUB_TOKEN\nRUN echo build\nFROM alpine:3.20\nCOPY --from=build /etc/os-release /\n',
    'FROM python:3.12-slim\nENV GPG_KEY=A035C8C19219BA821ECEA86B64E628F8D684696D\n',
    'FROM python:3.12-slim\nENV GOOGLE_APPLICATION_CREDENTIALS=/run/secrets/gcp.json\nCOPY app /app\n',
    'FROM node:22-alpine\nRUN --mount=type=secret,id=npm_token,env=NPM_TOKEN npm config set //registry.npmjs.org/:_authToken "$NPM_TOKEN" && npm ci\n',
    'FROM amazon/aws-cli:2.17.0\nRUN aws configure set region eu-west-1\n',
    'FROM docker:27\nRUN echo "$PW" | docker login --password-stdin -u me registry.example.com\n',
    'FROM alpine:3.20\nRUN git clone https://github.com/moby/buildkit.git\n',
    'FROM alpine:3.20 AS build\nRUN aws configure set aws_access_key_id AKIA\nFROM alpine:3.20\nRUN echo done\n',
  ],
  fires: [
    { input: 'FROM node:22-alpine\nENV VITE_OPENAI_API_KEY=sk-test\n', line: 2, column: 5, count: 1, message: /^(?!.*sk-test)/ },
    { input: 'FROM python:3.12-slim\nCOPY creds /app/creds\nENV GOOGLE_APPLICATION_CREDENTIALS=/app/creds/sa.json\n', line: 3 },
    { input: 'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nENV GOOGLE_APPLICATION_CREDENTIALS=./keys/sa.json\n', line: 4 },
    // The WORKDIR of the parent stage is in effect (BuildKit: FROM <stage> inherits it): `config/` is /app/config (it was read as /config).
    { input: 'FROM python:3.12-slim AS base\nWORKDIR /app\nFROM base\nCOPY config/ config/\nENV GOOGLE_APPLICATION_CREDENTIALS=/app/config/sa.json\n', line: 5, name: 'relative COPY destination under the parent stage\'s WORKDIR' },
    { input: 'FROM python:3.12-slim\nARG GOOGLE_APPLICATION_CREDENTIALS\nCOPY $GOOGLE_APPLICATION_CREDENTIALS /creds.json\n', line: 3 },
    { input: 'FROM alpine:3.20\nARG GITHUB_TOKEN\nRUN echo hi\n', line: 2, message: /secret mount/ },
    { input: 'FROM alpine:3.20 AS base\nARG AWS_SECRET_ACCESS_KEY\nFROM base\nRUN echo hi\n', line: 2, name: 'a stage the final stage derives from ships' },
    { input: 'FROM amazon/aws-cli:2.17.0\nRUN aws configure set aws_access_key_id "$KEY_ID" && aws configure set aws_secret_access_key "$KEY"\n', line: 2, count: 2 },
    { input: 'FROM google/cloud-sdk:480.0.0\nRUN gcloud auth activate-service-account --key-file=/sa.json\n', line: 2 },
    { input: 'FROM mcr.microsoft.com/azure-cli:2.61.0\nRUN az login --service-principal -u "$ID" -p "$PW" --tenant "$T"\n', line: 2 },
    { input: 'FROM docker:27\nRUN docker login -u me -p "$PW" registry.example.com\n', line: 2 },
    { input: 'FROM node:22-alpine\nARG NPM_TOKEN\nRUN npm config set //registry.npmjs.org/:_authToken "$NPM_TOKEN" && npm ci\n', count: 2 },
    { input: 'FROM node:22-alpine\nRUN echo "//registry.npmjs.org/:_authToken=${NPM_TOKEN}" > .npmrc && npm ci\n', line: 2 },
    { input: 'FROM alpine:3.20\nRUN git clone https://${GH_PAT}@github.com/acme/private.git\n', line: 2 },
    { input: 'FROM alpine:3.20\nRUN echo start && \\\n    sudo doctl auth init -t "$DO_TOKEN"\n', line: 3, column: 10 },
    { input: 'FROM google/cloud-sdk:480.0.0\nRUN ["gcloud", "auth", "activate-service-account", "--key-file=/sa.json"]\n', line: 2 },
    { input: 'FROM google/cloud-sdk:480.0.0\nRUN <<EOF\nset -e\ngcloud auth activate-service-account --key-file=/sa.json\nEOF\n', line: 4 },
    { input: 'FROM google/cloud-sdk:480.0.0\nONBUILD RUN gcloud auth activate-service-account --key-file=/sa.json\n', line: 2 },
  ],
});
