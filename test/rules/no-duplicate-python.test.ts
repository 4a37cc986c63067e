import rule from '../../src/rules/shipshape/no-duplicate-python.js';
import { ruleTable } from '../helpers/rule-table.js';

ruleTable(rule, {
  silent: [
    // Tenth review: a pypy image has only pypy3; the build running a bare python3 uses Debian's on purpose.
    'FROM pypy:3-6-jessie\nRUN apt-get update && apt-get install -y python3-dev python3-venv\nRUN python3 -m venv /venv\n',
    // Ninth review: removed again in the same RUN (by name or by its apk --virtual group); a builder stage
    // that does not end up in the image; another package of the same install brings Debian's python3 anyway.
    'FROM python:3.12-alpine\nRUN apk add --no-cache --virtual .build-deps gcc python3-dev musl-dev && pip install psutil && apk del .build-deps\n',
    'FROM python:3.12-alpine\nRUN apk add -t build python3-dev && pip install psutil && apk del build\n',
    'FROM python:3.12-slim\nRUN apt-get update && apt-get install -y python3-dev gcc && pip install psutil && apt-get purge -y python3-dev gcc\n',
    // The official images' pattern: everything installed is marked automatic and auto-removed in the same RUN.
    "FROM python:3.12-slim\nRUN apt-get update && apt-get install -y python3-dev gcc && pip install psutil && apt-mark auto '.*' > /dev/null && apt-get purge -y --auto-remove\n",
    'FROM python:3.12-slim AS wheels\nRUN apt-get update && apt-get install -y python3-dev gcc && pip wheel -w /wheels psutil\nFROM python:3.12-slim\nCOPY --from=wheels /wheels /wheels\nRUN pip install /wheels/*\n',
    'FROM python:3.12-slim\nRUN apt-get update && apt-get install -y software-properties-common python3-distutils\n',
    // Eighth review: the full images (buildpack-deps, buster and later) already carry Debian's python3 through
    // libglib2.0-dev; python3-dev or python3-pip add to that interpreter, not a second one.
    'FROM python:3.6\nRUN apt-get update && apt-get install -y python3-dev python3-pip\n',
    'FROM python:3.6-buster\nRUN apt-get update && apt-get install -y --no-install-recommends python3.6 python3-psycopg2\n',
    'FROM pypy:3.10-bookworm\nRUN apt-get update && apt-get install -y python3-venv\n',
    // Fourth review: on a Python 2 image the distribution's Python 3 is another major version, not a duplicate.
    'FROM python:2.7-alpine3.11 AS package\nRUN apk add --no-cache py3-virtualenv && virtualenv -p python2 .venv\n',
    'FROM pypy:2-slim\nRUN apt-get update && apt-get install -y --no-install-recommends python3-venv\n',
    'FROM python:3.12.4-slim\nRUN apt-get update && apt-get install -y --no-install-recommends libpq-dev gcc\n',
    'FROM debian:12.6\nRUN apt-get update && apt-get install -y python3 python3-pip\n',
    'FROM ubuntu:24.04\nRUN apt-get install -y python3.12-venv\n',
    'FROM python:3.12.4-alpine\nRUN apk add --no-cache postgresql-libs\n',
    'FROM python:3.12.4-slim\nRUN pip install python-dateutil==2.9.0\n',
    'FROM python:3.12.4-slim\nRUN apt-get remove -y python3\n',
    'FROM python:3.12.4 AS build\nRUN pip wheel -w /w .\nFROM debian:12.6\nRUN apt-get install -y python3\n',
    'FROM python:3.12.4-slim\nRUN apt-get install -y $PACKAGES\n',
    'FROM frolvlad/alpine-python3\nRUN apk add --no-cache python3-dev\n',
    'FROM tuttleofx/tuttleofx:python3-latest\nRUN apt-get install -y python3-pyqt5\n',
    'FROM python:3.5.6-slim-stretch\nRUN apt-get install -y --no-install-recommends python2.7 python-pip\n',
    // Third review: the stage runs the distribution's interpreter on purpose (python3.7 on a 3.8 image, Debian's uWSGI plugin).
    'FROM python:3.8-slim-buster\nRUN apt-get update && apt-get install -y --no-install-recommends python3-dev python3-venv uwsgi uwsgi-plugin-python3\nWORKDIR /app\nRUN python3.7 -m venv .virtualenv && .virtualenv/bin/pip install -r requirements.txt\nCMD ["uwsgi", "--plugin", "python3", "--ini", "app.ini"]\n',
    'FROM python:3.12.4-slim\nRUN apt-get update && apt-get install -y --no-install-recommends python3-gi\nCMD ["/usr/bin/python3", "applet.py"]\n',
  ],
  fires: [
    { input: 'FROM python:3.12-alpine\nRUN apk add --virtual .bd python3-dev && pip install psutil\nRUN apk del .bd\n', line: 2, name: 'removed in a later RUN: the layer keeps it' },
    { input: 'FROM python:3.6-jessie\nRUN apt-get update && apt-get install -y python3-dev\n', line: 2, name: 'jessie full images had no Debian python3' },
    { name: 'fourth review: Alpine py3 packages on a Python 3 image still duplicate it', input: 'FROM python:3.12.4-alpine3.20\nRUN apk add --no-cache py3-virtualenv\n', line: 2 },
    { name: 'third review: python3.N of the image\'s own version proves nothing', input: 'FROM python:3.12.4-slim\nRUN apt-get update && apt-get install -y --no-install-recommends python3-dev\nRUN python3.12 -m pip install --no-cache-dir flask==3.0.3\n', line: 2 },
    { name: 'third review: a floating tag names no version', input: 'FROM python:3-slim\nRUN apt-get update && apt-get install -y --no-install-recommends python3-dev\nRUN python3.11 -m pip install --no-cache-dir flask==3.0.3\n', line: 2 },
    { input: 'FROM python:3.12.4-slim\nRUN apt-get update && apt-get install -y --no-install-recommends python3-dev libpq-dev\n', line: 2, column: 66, message: /`python3-dev` installs the distribution's Python/ },
    { input: 'FROM python:3.12.4-slim\nRUN apt-get install -y python3 python3-pip\n', count: 1, message: /`python3`, `python3-pip` install /, unsafeFixed: 'FROM python:3.12.4-slim\nRUN apt-get install -y python3 python3-pip\n', name: 'nothing else to install: no fix' },
    { input: 'FROM python:3.12.4-slim\nRUN apt-get install -y --no-install-recommends python3-dev libpq-dev python3-pip gcc\n', unsafeFixed: 'FROM python:3.12.4-slim\nRUN apt-get install -y --no-install-recommends libpq-dev gcc\n' },
    { input: 'FROM python:3.12.4-slim\nRUN apt-get update && apt-get install -y \\\n    libpq-dev \\\n    python3-dev \\\n  && rm -rf /var/lib/apt/lists/*\n', unsafeFixed: 'FROM python:3.12.4-slim\nRUN apt-get update && apt-get install -y \\\n    libpq-dev \\\n  && rm -rf /var/lib/apt/lists/*\n' },
    { input: 'FROM python:3.12.4-slim\nRUN apt-get install -y python3-psycopg2=2.9.5-1+b1\n', line: 2 },
    { input: 'FROM python:3.12.4-alpine\nRUN apk add --no-cache py3-numpy\n', line: 2 },
    { input: 'FROM ghcr.io/astral-sh/uv:python3.12-bookworm-slim\nRUN apt-get install -y python3-venv\n', line: 2 },
    { input: 'FROM python:3.12.4-slim AS base\nFROM base\nRUN apt-get install -y python-is-python3\n', line: 3, name: 'root image through a stage' },
  ],
});
