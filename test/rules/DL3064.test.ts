import rule from '../../src/rules/hadolint/DL3064.js';
import { ruleTable } from '../helpers/rule-table.js';

ruleTable(rule, {
  silent: [
    // Django's documented build-time pattern: a throw-away key on the collectstatic command persists nowhere.
    'FROM python:3.12.4-slim\nWORKDIR /app\nCOPY . .\nRUN SECRET_KEY=dummy python manage.py collectstatic --noinput\n',
    'FROM python:3.12.4-slim\nRUN DJANGO_SECRET_KEY=build-only DATABASE_URL=sqlite:///:memory: python manage.py collectstatic --no-input\n',
    'FROM python:3.12.4-slim\nRUN SECRET_KEY="dummyKeyWithMinimumLength-------------------------" /opt/venv/bin/python manage.py collectstatic --no-input\n',
    'FROM python:3.12.4-slim\nRUN --mount=type=secret,id=django_secret_key,env=SECRET_KEY python manage.py collectstatic --noinput\n',
    'FROM debian:12\nENV DB_PASSWORD=""\n',
    'FROM debian:12\nRUN echo build\n',
    'FROM debian:12\nENV PASSWD_FILE=/etc/passwd\n',
    'FROM postgres:16\nENV POSTGRES_PASSWORD_FILE=/run/secrets/db\n',
    'FROM debian:12\nRUN echo $GITHUB_TOKEN\n',
    'FROM debian:12\nLABEL secret=none\n',
  ],
  fires: [
    { name: 'collectstatic advice', input: 'FROM python:3.12.4-slim\nARG SECRET_KEY\nRUN python manage.py collectstatic --noinput\n', line: 2, message: /build-only value \(`RUN SECRET_KEY=build-only python manage\.py collectstatic --noinput`.*--mount=type=secret,id=secret_key,env=SECRET_KEY/ },
    { name: 'no advice without collectstatic', input: 'FROM python:3.12.4-slim\nARG SECRET_KEY\nRUN python manage.py check\n', line: 2, message: /^(?!.*collectstatic)/ },
    { input: 'FROM debian:12\nENV db_password=hunter2hunter2\nRUN echo build\n', line: 2, column: 5, message: /ENV db_password/ },
    { input: 'ARG npm_token\nFROM debian:12\nRUN echo build\n', line: 1 },
    { input: 'FROM debian:12\nARG SERVICE_API_KEY\nRUN echo build\n', line: 2 },
    { input: 'FROM debian:12\nONBUILD ENV DEPLOY_TOKEN=placeholder\n', line: 2, name: 'ONBUILD' },
    { input: 'FROM debian:12\nENV A=1 \\\n    AWS_ACCESS_KEY_ID=x\n', line: 3, count: 1, name: 'continuation line, known name' },
    { input: 'FROM debian:12\nARG DOCKER_EMAIL GH_TOKEN\n', count: 2 },
  ],
});
