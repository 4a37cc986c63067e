import rule from '../../src/rules/buildkit/SecretsUsedInArgOrEnv.js';
import { ruleTable } from '../helpers/rule-table.js';

ruleTable(rule, {
  silent: [
    { name: 'official python: a PGP fingerprint is public', input: 'FROM buildpack-deps:bookworm\nENV GPG_KEY 7169605F62C751356D054A26A821E680E5FA6305\n' },
    { name: 'official wordpress cli', input: 'FROM php:8.3-fpm\nENV WORDPRESS_CLI_GPG_KEY 63AF7AA15067C05616FDDD88A3A2E8F226F0BC06\n' },
    'FROM alpine:3.20\nENV NODE_GPG_KEY="0x4ED778F539E3634C779C87C6D7062848A1AB005C C4F0DFFF4E8C1A8236409D08E73BC641CC11F4C8"\n',
    'FROM alpine:3.20\nARG PGP_KEY=A821E680E5FA6305\n',
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
    { name: 'a GPG name with a value that is not a key id', input: 'FROM alpine:3.20\nENV GPG_KEY=hunter2\n', line: 2 },
    { name: 'a GPG name with a value from a variable', input: 'FROM alpine:3.20\nARG K\nENV GPG_KEY=$K\n', line: 3 },
    { name: 'a hex value without a PGP word in the name', input: 'FROM alpine:3.20\nENV API_KEY=7169605F62C751356D054A26A821E680E5FA6305\n', line: 2 },
    { name: 'a GPG private key stays a secret', input: 'FROM alpine:3.20\nENV GPG_PRIVATE_KEY=A821E680E5FA6305\n', line: 2 },
    { name: 'a short (8-digit) key id is not evidently public', input: 'FROM alpine:3.20\nENV GPG_KEY=0xABCDEF12\n', line: 2 },
    { input: 'FROM alpine:3.20\nENV DB_PASSWORD=changeme\n', line: 2, column: 5, message: /ENV "DB_PASSWORD"/ },
    { input: 'FROM alpine:3.20\nENV GPG_KEY=0xABCDEF12\n', line: 2 },
    { input: 'FROM alpine:3.20\nENV SSH_AUTH_SOCK=/run/ssh.sock\n', line: 2 },
    { input: 'FROM alpine:3.20\nARG GITHUB_TOKEN api_key\nENV AWS_SECRET_ACCESS_KEY=x\n', count: 3 },
    { input: 'FROM alpine:3.20\nENV token abc\n', line: 2, name: 'legacy form' },
    { input: 'FROM alpine:3.20\n# check=skip=JSONArgsRecommended\nARG CACHE_KEY_PREFIX=build\n', line: 3 },
  ],
});
