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
    // Line endings, BOM and escape character are kept by the fix.
    { name: 'fix keeps CRLF line endings', input: 'FROM golang:1.22.5 AS build\r\nUSER builder\r\nRUN go build -o /out/app .\r\nFROM debian:12.6-slim\r\nCOPY --from=build /out/app /usr/local/bin/app\r\nCMD ["app"]\r\n', unsafeFixed: 'FROM golang:1.22.5 AS build\r\nUSER builder\r\nRUN go build -o /out/app .\r\nFROM debian:12.6-slim\r\nCOPY --from=build /out/app /usr/local/bin/app\r\nRUN groupadd --system --gid 10001 app && useradd --system --uid 10001 --gid app --no-log-init app\r\nUSER 10001:10001\r\nCMD ["app"]\r\n' },
    { name: 'fix keeps the BOM', input: '\uFEFFFROM golang:1.22.5 AS build\nUSER builder\nRUN go build -o /out/app .\nFROM debian:12.6-slim\nCOPY --from=build /out/app /usr/local/bin/app\nCMD ["app"]\n', unsafeFixed: '\uFEFFFROM golang:1.22.5 AS build\nUSER builder\nRUN go build -o /out/app .\nFROM debian:12.6-slim\nCOPY --from=build /out/app /usr/local/bin/app\nRUN groupadd --system --gid 10001 app && useradd --system --uid 10001 --gid app --no-log-init app\nUSER 10001:10001\nCMD ["app"]\n' },
    { name: 'fix before a continued CMD', input: 'FROM debian:12.6-slim\nCMD ["app", \\\n  "--serve"]\n', unsafeFixed: 'FROM debian:12.6-slim\nRUN groupadd --system --gid 10001 app && useradd --system --uid 10001 --gid app --no-log-init app\nUSER 10001:10001\nCMD ["app", \\\n  "--serve"]\n' },
    // Inserted lines follow the file's keyword casing (bug: upper-case lines in a lower-case file made ConsistentInstructionCasing fire).
    { name: 'lower-case file', input: 'from debian:12.6-slim\nrun make\ncmd ["app"]\n', unsafeFixed: 'from debian:12.6-slim\nrun make\nrun groupadd --system --gid 10001 app && useradd --system --uid 10001 --gid app --no-log-init app\nuser 10001:10001\ncmd ["app"]\n' },
  ],
});
