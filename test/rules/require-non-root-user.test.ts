import rule from '../../src/rules/shipshape/require-non-root-user.js';
import { ruleTable } from '../helpers/rule-table.js';

ruleTable(rule, {
  silent: [
    { input: 'FROM mcr.microsoft.com/dotnet/framework/sdk:4.8\nCMD ["--version"]\n', name: 'Windows-only .NET Framework image' },
    { input: 'FROM mcr.microsoft.com/dotnet/sdk:6.0\nWORKDIR C:\\\\app\nCOPY . .\nENTRYPOINT ["c:\\\\app\\\\app.exe"]\n', name: 'multi-platform image built for Windows (drive-letter WORKDIR)' },
    { input: 'FROM mcr.microsoft.com/dotnet/sdk:8.0\nSHELL ["C:\\\\Windows\\\\System32\\\\WindowsPowerShell\\\\v1.0\\\\powershell.exe", "-Command"]\nCMD ["dotnet", "app.dll"]\n', name: 'SHELL with the full path of powershell.exe' },
    'FROM debian:12.6-slim AS build\nRUN echo build\nFROM debian:12.6-slim\nUSER 10001:10001\nCMD ["/app"]\n',
    'FROM gcr.io/distroless/static-debian12:nonroot\nCOPY app /app\nENTRYPOINT ["/app"]\n',
    'FROM gcr.io/distroless/base-debian12:debug-nonroot\nENTRYPOINT ["/app"]\n',
    'ARG RUNTIME_USER=svc\nFROM alpine:3.20.1\nARG RUNTIME_USER\nUSER ${RUNTIME_USER}\nCMD ["sh"]\n',
    'FROM python:3.12.4-slim\nRUN adduser --disabled-password --gecos "" web\nUSER web\nCMD ["gunicorn", "site.wsgi"]\n',
    'FROM python:3.12.4-slim AS base\nUSER web\nFROM base\nCMD ["python"]\n',
    'FROM alpine:3.20.1\nARG APP_USER\nUSER $APP_USER\n',
    'FROM alpine:3.20.1\nUSER 1000:0\n',
    '',
    'FROM mcr.microsoft.com/dotnet/runtime-deps:8.0.7-jammy-chiseled\nCOPY app /app\nENTRYPOINT ["/app/app"]\n',
    'FROM debian:12.6-slim\nRUN apt-get update\n',
    'FROM debian:12.6-slim\nRUN apt-get install -y gosu=1.14-1+b10\nCOPY docker-entrypoint.sh /usr/local/bin/\nENTRYPOINT ["docker-entrypoint.sh"]\nCMD ["postgres"]\n',
    'FROM alpine:3.20.1\nRUN apk add --no-cache su-exec=0.2-r3\nENTRYPOINT ["su-exec", "app", "/app"]\n',
  ],
  fires: [
    {
      name: 'indented tail: the inserted lines take its indentation, above its comment',
      input: 'FROM debian:12.6\n# start\n  CMD ["app"]\n',
      line: 3,
      unsafeFixed: 'FROM debian:12.6\n  RUN groupadd --system --gid 10001 app && useradd --system --uid 10001 --gid app --no-log-init app\n  USER 10001:10001\n# start\n  CMD ["app"]\n',
    },
    { input: 'ARG FROM\nFROM ${FROM}\nCMD ["app"]\n', line: 3, message: /so the base image \(`\$\{FROM\}`, a build argument\) runs its command as root/, name: 'base image from an ARG without a default' },
    { input: 'FROM mcr.microsoft.com/dotnet/sdk:8.0.303\nSHELL ["pwsh", "-Command"]\nWORKDIR /app\nCMD ["dotnet", "app.dll"]\n', line: 4, name: 'pwsh runs on Linux too: still judged' },
    {
      input: 'FROM golang:1.22.5 AS build\nUSER builder\nRUN go build -o /out/app .\nFROM debian:12.6-slim\nCOPY --from=build /out/app /usr/local/bin/app\nCMD ["app"]\n',
      line: 6,
      message: /no USER is set.*debian:12\.6-slim/,
      unsafeFixed:
        'FROM golang:1.22.5 AS build\nUSER builder\nRUN go build -o /out/app .\nFROM debian:12.6-slim\nCOPY --from=build /out/app /usr/local/bin/app\nRUN groupadd --system --gid 10001 app && useradd --system --uid 10001 --gid app --no-log-init app\nUSER 10001:10001\nCMD ["app"]\n',
    },
    {
      input: 'FROM node:20.15.1-bookworm-slim\nUSER node\nRUN npm ci\nUSER root\nCMD ["node", "server.js"]\n',
      line: 4,
      column: 6,
      message: /`USER root`/,
    },
    {
      input: 'FROM alpine:3.20.1\nCOPY app /app\n# start\nEXPOSE 8080\nENTRYPOINT ["/app"]\nCMD ["--serve"]\n',
      line: 6,
      unsafeFixed: 'FROM alpine:3.20.1\nCOPY app /app\nRUN addgroup -S -g 10001 app && adduser -S -u 10001 -G app app\nUSER 10001:10001\n# start\nEXPOSE 8080\nENTRYPOINT ["/app"]\nCMD ["--serve"]\n',
    },
    {
      input: 'FROM scratch\nCOPY app /app\nENTRYPOINT ["/app"]',
      line: 3,
      unsafeFixed: 'FROM scratch\nCOPY app /app\nUSER 10001:10001\nENTRYPOINT ["/app"]',
    },
    {
      input: 'FROM debian:12.6-slim AS base\r\nCMD ["app"]\r\nFROM base\r\nRUN apt-get update',
      line: 3,
      unsafeFixed: 'FROM debian:12.6-slim AS base\r\nCMD ["app"]\r\nFROM base\r\nRUN apt-get update\r\nRUN groupadd --system --gid 10001 app && useradd --system --uid 10001 --gid app --no-log-init app\r\nUSER 10001:10001\r\n',
    },
    { input: 'FROM debian:12.6-slim\nRUN apt-get install -y gosu=1.14-1+b10\nCMD ["postgres"]\n', line: 3, name: 'gosu without an ENTRYPOINT does not step down' },
    { input: 'FROM debian:12.6-slim\nUSER root\n', line: 2, name: 'explicit root without CMD' },
    { input: 'FROM debian:12.6-slim AS base\nUSER root\nFROM base\nCMD ["bash"]\n', line: 4, message: /inherits `USER root` \(line 2\) from stage `base`/ },
    { input: 'FROM debian:12.6-slim\nARG U=0\nUSER ${U}\n', line: 3 },
    { input: 'FROM debian:12.6-slim\nARG UID\nUSER ${UID:-0}\nCMD ["x"]\n', line: 3, name: 'default of an unset ARG' },
    { input: 'FROM debian:12.6-slim\nUSER \\\n  0:0\nCMD ["bash"]\n', line: 3 },
    { input: 'FROM debian:12.6-slim\nONBUILD USER app\nCMD ["bash"]\n', line: 3, name: 'ONBUILD USER applies to child images only' },
    // Issue 16: reuse the user the project prepares instead of a new `app` user that owns nothing.
    {
      name: 'saleor: useradd + chown -R: reuse saleor',
      input: 'FROM python:3.12.4-slim\nRUN groupadd -r saleor && useradd -r -g saleor saleor\nRUN mkdir -p /app/media && chown -R saleor:saleor /app/\nCMD ["uvicorn", "saleor.asgi:application"]\n',
      line: 4,
      message: 'The final image runs as root: user `saleor` created on line 2 is never used. Add `USER saleor` before `CMD`',
      unsafeFixed: 'FROM python:3.12.4-slim\nRUN groupadd -r saleor && useradd -r -g saleor saleor\nRUN mkdir -p /app/media && chown -R saleor:saleor /app/\nUSER saleor\nCMD ["uvicorn", "saleor.asgi:application"]\n',
    },
    {
      name: 'bakerydemo: media chowned to a uid:gid',
      input: 'FROM python:3.12.4-slim\nRUN mkdir -p /code/media && chown -R 1000:2000 /code/media\nVOLUME ["/code/media"]\nENTRYPOINT ["/code/docker-entrypoint.sh"]\nCMD ["uwsgi", "/code/etc/uwsgi.ini"]\n',
      files: { 'docker-entrypoint.sh': '#!/bin/sh\nset -e\nexec "$@"\n' },
      message: /files are handed to `1000:2000` \(line 2\) but the image never switches to it/,
      unsafeFixed: 'FROM python:3.12.4-slim\nRUN mkdir -p /code/media && chown -R 1000:2000 /code/media\nVOLUME ["/code/media"]\nUSER 1000:2000\nENTRYPOINT ["/code/docker-entrypoint.sh"]\nCMD ["uwsgi", "/code/etc/uwsgi.ini"]\n',
    },
    {
      name: 'netbox: unit:root with g+w keeps the group',
      input: 'ARG FROM=ubuntu:24.04\nFROM ${FROM}\nRUN mkdir -p /opt/unit && chown -R unit:root /opt/unit/ media && chmod -R g+w /opt/unit/ media\nENTRYPOINT [ "/usr/bin/tini", "--" ]\nCMD [ "/opt/netbox/docker-entrypoint.sh" ]\n',
      unsafeFixed: 'ARG FROM=ubuntu:24.04\nFROM ${FROM}\nRUN mkdir -p /opt/unit && chown -R unit:root /opt/unit/ media && chmod -R g+w /opt/unit/ media\nUSER unit:root\nENTRYPOINT [ "/usr/bin/tini", "--" ]\nCMD [ "/opt/netbox/docker-entrypoint.sh" ]\n',
    },
    {
      name: 'Debian adduser with value options, user created in a parent stage',
      input: 'FROM python:3.12.4-slim AS base\nRUN addgroup --system django && adduser --system --ingroup django --home /home/django django\nFROM base\nCOPY --chown=django:django . /app\nCMD ["/start"]\n',
      message: /user `django` created on line 2 is never used/,
      unsafeFixed: 'FROM python:3.12.4-slim AS base\nRUN addgroup --system django && adduser --system --ingroup django --home /home/django django\nFROM base\nCOPY --chown=django:django . /app\nUSER django\nCMD ["/start"]\n',
    },
    {
      name: 'BusyBox adduser -S -G app: the user, not the group',
      input: 'FROM alpine:3.20.1\nRUN addgroup -S web && adduser -S -G web -h /srv web\nCMD ["/srv/app"]\n',
      unsafeFixed: 'FROM alpine:3.20.1\nRUN addgroup -S web && adduser -S -G web -h /srv web\nUSER web\nCMD ["/srv/app"]\n',
    },
    {
      name: 'COPY --chown only',
      input: 'FROM debian:12.6-slim\nCOPY --chown=10002:10002 app /app\nCMD ["/app/run"]\n',
      unsafeFixed: 'FROM debian:12.6-slim\nCOPY --chown=10002:10002 app /app\nUSER 10002:10002\nCMD ["/app/run"]\n',
    },
    {
      name: '`adduser USER GROUP` adds to a group and creates nobody; chown to root prepares nobody',
      input: 'FROM debian:12.6-slim\nRUN adduser www-data staff && chown -R root:root /srv\nCMD ["/srv/run"]\n',
      unsafeFixed: 'FROM debian:12.6-slim\nRUN adduser www-data staff && chown -R root:root /srv\nRUN groupadd --system --gid 10001 app && useradd --system --uid 10001 --gid app --no-log-init app\nUSER 10001:10001\nCMD ["/srv/run"]\n',
    },
    {
      name: 'last USER root, a user exists: switch back to it',
      input: 'FROM debian:12.6-slim\nRUN useradd -u 1001 -m builder\nUSER builder\nRUN make\nUSER root\nCMD ["/srv/run"]\n',
      line: 5,
      unsafeFixed: 'FROM debian:12.6-slim\nRUN useradd -u 1001 -m builder\nUSER builder\nRUN make\nUSER root\nUSER builder\nCMD ["/srv/run"]\n',
    },
    {
      name: 'mathesar: the entrypoint script (from the context) runs sudo: no fix',
      input: 'FROM python:3.12.4-slim\nRUN useradd -m mathesar\nCOPY ./docker-entrypoint.sh /code/\nENTRYPOINT ["/code/docker-entrypoint.sh"]\nCMD ["gunicorn", "config.wsgi"]\n',
      files: { 'docker-entrypoint.sh': '#!/bin/bash\npg_createcluster 16 main\nsudo -u postgres psql -c "select 1"\nexec "$@"\n' },
      line: 5,
      message: /no fix offered: `\.\/docker-entrypoint\.sh` runs `pg_createcluster`/,
      unsafeFixed: 'FROM python:3.12.4-slim\nRUN useradd -m mathesar\nCOPY ./docker-entrypoint.sh /code/\nENTRYPOINT ["/code/docker-entrypoint.sh"]\nCMD ["gunicorn", "config.wsgi"]\n',
    },
    {
      name: 'CMD runs su -c: no fix',
      input: 'FROM debian:12.6-slim\nCMD su -c "/srv/run" nobody\n',
      message: /no fix offered: `CMD` runs `su`/,
      unsafeFixed: 'FROM debian:12.6-slim\nCMD su -c "/srv/run" nobody\n',
    },
    // Line endings, BOM and escape character are kept by the fix.
    { name: 'fix keeps CRLF line endings', input: 'FROM golang:1.22.5 AS build\r\nUSER builder\r\nRUN go build -o /out/app .\r\nFROM debian:12.6-slim\r\nCOPY --from=build /out/app /usr/local/bin/app\r\nCMD ["app"]\r\n', unsafeFixed: 'FROM golang:1.22.5 AS build\r\nUSER builder\r\nRUN go build -o /out/app .\r\nFROM debian:12.6-slim\r\nCOPY --from=build /out/app /usr/local/bin/app\r\nRUN groupadd --system --gid 10001 app && useradd --system --uid 10001 --gid app --no-log-init app\r\nUSER 10001:10001\r\nCMD ["app"]\r\n' },
    { name: 'fix keeps the BOM', input: '\uFEFFFROM golang:1.22.5 AS build\nUSER builder\nRUN go build -o /out/app .\nFROM debian:12.6-slim\nCOPY --from=build /out/app /usr/local/bin/app\nCMD ["app"]\n', unsafeFixed: '\uFEFFFROM golang:1.22.5 AS build\nUSER builder\nRUN go build -o /out/app .\nFROM debian:12.6-slim\nCOPY --from=build /out/app /usr/local/bin/app\nRUN groupadd --system --gid 10001 app && useradd --system --uid 10001 --gid app --no-log-init app\nUSER 10001:10001\nCMD ["app"]\n' },
    { name: 'fix before a continued CMD', input: 'FROM debian:12.6-slim\nCMD ["app", \\\n  "--serve"]\n', unsafeFixed: 'FROM debian:12.6-slim\nRUN groupadd --system --gid 10001 app && useradd --system --uid 10001 --gid app --no-log-init app\nUSER 10001:10001\nCMD ["app", \\\n  "--serve"]\n' },
    // Inserted lines follow the file's keyword casing (bug: upper-case lines in a lower-case file made ConsistentInstructionCasing fire).
    { name: 'lower-case file', input: 'from debian:12.6-slim\nrun make\ncmd ["app"]\n', unsafeFixed: 'from debian:12.6-slim\nrun make\nrun groupadd --system --gid 10001 app && useradd --system --uid 10001 --gid app --no-log-init app\nuser 10001:10001\ncmd ["app"]\n' },
  ],
});
