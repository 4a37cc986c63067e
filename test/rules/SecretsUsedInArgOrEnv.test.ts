import rule from '../../src/rules/buildkit/SecretsUsedInArgOrEnv.js';
import { ruleTable } from '../helpers/rule-table.js';

ruleTable(rule, {
  silent: [
    // Django's documented build-time pattern: a throw-away key on the collectstatic command persists nowhere.
    'FROM python:3.12.4-slim\nWORKDIR /app\nCOPY . .\nRUN SECRET_KEY=dummy python manage.py collectstatic --noinput\n',
    'FROM python:3.12.4-slim\nRUN DJANGO_SECRET_KEY=build-only DATABASE_URL=sqlite:///:memory: python manage.py collectstatic --no-input\n',
    'FROM python:3.12.4-slim\nRUN SECRET_KEY="dummyKeyWithMinimumLength-------------------------" /opt/venv/bin/python manage.py collectstatic --no-input\n',
    'FROM python:3.12.4-slim\nRUN --mount=type=secret,id=django_secret_key,env=SECRET_KEY python manage.py collectstatic --noinput\n',
    'FROM alpine:3.20\nENV KEYCLOAK_URL=https://kc AUTHOR=me TOKENIZER=bpe\n',
    'FROM alpine:3.20\nARG AUTH_MODULE_VERSION=2\n',
    'FROM alpine:3.20\nENV PUBLIC_KEY=ssh-ed25519AAAA\n',
    'FROM alpine:3.20\nARG NPM_TOKEN_FILE=/run/secrets/npm\n',
    'FROM alpine:3.20\nENV DB_PASS=x secret-key=y\n',
    { input: 'ARG GITHUB_TOKEN\nFROM alpine:3.20\n', name: 'global ARGs are not checked' },
    { input: 'FROM alpine:3.20\n# check=skip=SecretsUsedInArgOrEnv // dev-only default\nENV DB_PASSWORD=devonly\n', name: 'per-instruction skip' },
    { input: 'FROM alpine:3.20\nRUN --mount=type=secret,id=token,env=API_TOKEN true\n', name: 'secret mount' },
  ],
  fires: [
    { input: 'FROM alpine:3.20\nENV DB_PASSWORD=changeme\n', line: 2, column: 5, message: /ENV "DB_PASSWORD"/ },
    { input: 'FROM alpine:3.20\nENV GPG_KEY=0xABCDEF12\n', line: 2 },
    { input: 'FROM alpine:3.20\nENV SSH_AUTH_SOCK=/run/ssh.sock\n', line: 2 },
    { input: 'FROM alpine:3.20\nARG GITHUB_TOKEN api_key\nENV AWS_SECRET_ACCESS_KEY=x\n', count: 3 },
    { input: 'FROM alpine:3.20\nENV token abc\n', line: 2, name: 'legacy form' },
    { input: 'FROM alpine:3.20\n# check=skip=JSONArgsRecommended\nARG CACHE_KEY_PREFIX=build\n', line: 3 },
  ],
});
