import rule from '../../src/rules/shipshape/no-hardcoded-password.js';
import { ruleTable } from '../helpers/rule-table.js';

ruleTable(rule, {
  silent: [
    // Django's documented build-time pattern: a throw-away key on the collectstatic command persists nowhere.
    'FROM python:3.12.4-slim\nWORKDIR /app\nCOPY . .\nRUN SECRET_KEY=dummy python manage.py collectstatic --noinput\n',
    'FROM python:3.12.4-slim\nRUN DJANGO_SECRET_KEY=build-only DATABASE_URL=sqlite:///:memory: python manage.py collectstatic --no-input\n',
    'FROM python:3.12.4-slim\nRUN SECRET_KEY="dummyKeyWithMinimumLength-------------------------" /opt/venv/bin/python manage.py collectstatic --no-input\n',
    'FROM python:3.12.4-slim\nRUN --mount=type=secret,id=django_secret_key,env=SECRET_KEY python manage.py collectstatic --noinput\n',
    'FROM fedora:40\nRUN useradd -m -G wheel james -p "$(dd if=/dev/urandom bs=1 count=21 2>/dev/null | base64)"\n',
    'FROM debian:12\nRUN useradd -m app\n',
    'FROM debian:12\nRUN useradd -m -p \'*\' app\n',
    'FROM debian:12\nRUN --mount=type=secret,id=pw chpasswd < /run/secrets/pw\n',
    'FROM debian:12\nRUN echo "app:$(openssl rand -base64 24)" | chpasswd\n',
    'FROM debian:12\nRUN passwd -d root\n',
    'FROM debian:12\nRUN passwd -l root\n',
    'FROM debian:12\nRUN echo chpasswd\n',
    'FROM debian:12\nRUN apt-get install -y passwd\n',
  ],
  fires: [
    { input: 'FROM debian:12\nRUN echo \'root:toor\' | chpasswd\n', line: 2, column: 24, count: 1, message: /^(?!.*toor)/ },
    { input: 'FROM debian:12\nRUN useradd -m app && echo "app:${APP_PASSWORD}" | chpasswd\n', line: 2 },
    { input: 'FROM debian:12\nRUN echo "root:secret" | sudo chpasswd\n', line: 2 },
    { input: 'FROM centos:7\nRUN echo s3cret | passwd --stdin root\n', line: 2 },
    { input: 'FROM debian:12\nRUN printf "pw\\npw\\n" | passwd app\n', line: 2 },
    { input: 'FROM debian:12\nRUN useradd -m -p "$(openssl passwd -1 hunter2)" app\n', line: 2, message: /^(?!.*hunter2)/ },
    { input: 'FROM debian:12\nRUN useradd -m -p \'$6$abc$def\' app\n', line: 2 },
    { input: 'FROM httpd:2.4\nRUN htpasswd -bc /usr/local/apache2/.htpasswd admin admin123\n', line: 2 },
    { input: 'FROM debian:12\nRUN useradd app && \\\n    echo app:pw | chpasswd\n', line: 3, column: 19 },
    { input: 'FROM debian:12\nRUN <<EOF\nuseradd app\necho "app:pw" | chpasswd\nEOF\n', line: 4 },
    { input: 'FROM debian:12\nRUN ["chpasswd"]\n', line: 2 },
    { input: 'FROM debian:12\nONBUILD RUN echo "root:pw" | chpasswd\n', line: 2 },
  ],
});
