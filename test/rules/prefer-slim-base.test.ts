import rule from '../../src/rules/shipshape/prefer-slim-base.js';
import { ruleTable } from '../helpers/rule-table.js';

ruleTable(rule, {
  silent: [
    'FROM python:3.12.4-slim\nCMD ["python"]\n',
    'FROM python:3.12-slim-bookworm\n',
    'FROM python:3.12.4-alpine3.20\n',
    'FROM python:3.12-windowsservercore-ltsc2022\n',
    'FROM python:3.12.4\nRUN apt-get update && apt-get install -y --no-install-recommends build-essential\n',
    'FROM python:3.12.4\nRUN apt-get update && apt-get install -y libpq-dev\n',
    'FROM python:3.12.4 AS base\nRUN apt-get install -y gcc\nFROM base\nCMD ["python"]\n',
    // The builder is where the full image belongs.
    'FROM python:3.12.4 AS build\nRUN pip wheel -w /w -r requirements.txt\nFROM python:3.12.4-slim\nCOPY --from=build /w /w\n',
    'FROM debian:12.6\n',
    'FROM cimg/python:3.12\n',
    'ARG PY=3.12\nFROM python:${PY}-slim\n',
    'FROM python:3.12.4\nRUN apt-get install -y $BUILD_DEPS\n',
    'FROM python:3.12.4\nCOPY . /src\nRUN cd /src && ./configure && make install\n',
    'FROM python:3.12.4\nCOPY . /src\nRUN python setup.py install\n',
    // First review: packages without wheels compile from source and need the full image.
    'FROM python:3.12.4\nRUN pip install --no-cache-dir Django==5.0.7 uWSGI==2.0.26\nCMD ["uwsgi", "--ini", "uwsgi.ini"]\n',
    'FROM python:3.12.4\nRUN pip install psycopg2\nCMD ["python", "app.py"]\n',
    'FROM python:3.12.4 AS base\nRUN pip3 install flask==3.0.3 psycopg2==2.9.9 redis==5.0.7\nFROM base\nCMD ["python", "worker.py"]\n',
    // Second review: onbuild tags have no slim variant.
    'FROM python:3.11-onbuild\nCMD ["python", "main.py"]\n',
    // Second review: tools only the full image has, used but not installed.
    'FROM python:3.12.4\nRUN git clone https://example.org/tool.git /opt/tool\nCMD ["python", "/opt/tool/run.py"]\n',
    'FROM python:3.12.4\nRUN curl -fsSL https://example.org/setup.sh -o /tmp/s.sh && sh /tmp/s.sh\n',
    'FROM python:3.12.4\nCOPY deps.txt .\nRUN pip install --src /opt/src -r deps.txt\n',
    'FROM python:3.12.4\nRUN pip install git+https://example.org/lib.git@v1\n',
    // Second review: uwsgi in the command comes from the requirements and compiles.
    'FROM python:3.12.4\nCOPY reqs.txt .\nRUN pip install -r reqs.txt\nCMD ["uwsgi", "--ini", "site.ini"]\n',
    // Third review: an old pin of a compiled project may have no wheel for the image's Python (numpy 1.11.0 has no cp36 wheel).
    'FROM python:3.6\nRUN pip3 install numpy==1.11.0\nCMD ["python", "app.py"]\n',
    'FROM python:3.12.4\nRUN pip install "spacy<2" flask==3.0.3\nCMD ["python", "app.py"]\n',
    // Third review: python:2.7.9 ships pip 6, older than manylinux wheels: every compiled dependency builds from source.
    'FROM python:2.7.9\nRUN pip install -U docker-compose\nCMD ["docker-compose", "up"]\n',
    'FROM python:3.5.1\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\n',
    // Third review: the image's command installs packages at run time; their compilers must be in it.
    'FROM python:3.6\nCMD ["pip", "install", "leap.mail==0.4.0"]\n',
  ],
  fires: [
    { name: 'git installed by the stage itself: slim works', input: 'FROM python:3.12.4\nRUN apt-get update && apt-get install -y --no-install-recommends git && git clone https://example.org/x.git /x\n', line: 1 },
    { input: 'FROM python:3.12.4\nCMD ["python", "app.py"]\n', line: 1, column: 6, message: /`python:3\.12\.4-slim`/, unsafeFixed: 'FROM python:3.12.4-slim\nCMD ["python", "app.py"]\n', fixed: 'FROM python:3.12.4\nCMD ["python", "app.py"]\n' },
    { input: 'FROM python:3.12-bookworm\n', unsafeFixed: 'FROM python:3.12-slim-bookworm\n' },
    { input: 'FROM python\n', unsafeFixed: 'FROM python:slim\n' },
    { input: 'FROM python:bookworm AS app\n', unsafeFixed: 'FROM python:slim-bookworm AS app\n' },
    { input: 'FROM docker.io/library/python:3.12.4\n', unsafeFixed: 'FROM docker.io/library/python:3.12.4-slim\n' },
    { input: 'FROM pypy:3.10\n', unsafeFixed: 'FROM pypy:3.10-slim\n' },
    { name: 'runtime libraries only: reported, no fix', input: 'FROM python:3.12.4\nRUN apt-get update && apt-get install -y libpq5\n', unsafeFixed: 'FROM python:3.12.4\nRUN apt-get update && apt-get install -y libpq5\n' },
    { name: 'digest: reported, no fix', input: 'FROM python:3.12.4@sha256:' + 'a'.repeat(64) + '\n', line: 1, unsafeFixed: 'FROM python:3.12.4@sha256:' + 'a'.repeat(64) + '\n' },
    { name: 'third review: unpinned, pip picks the newest release, which has wheels', input: 'FROM python:3.6\nRUN pip install numpy\nCMD ["python", "app.py"]\n', line: 1 },
    { name: 'third review: the old pip upgraded first', input: 'FROM python:2.7.9\nRUN pip install -U pip && pip install docker-compose\n', line: 1 },
    { name: 'third review: a floating 2.7 tag has a recent pip', input: 'FROM python:2.7\nRUN pip install docker-compose==1.29.2\n', line: 1 },
    { name: 'psycopg2-binary has wheels (unpinned: the newest release)', input: 'FROM python:3.12.4\nRUN pip install psycopg2-binary\n', line: 1 },
    { name: 'through a stage', input: 'FROM python:3.12.4 AS base\nENV A=1\nFROM base\nCMD ["python"]\n', line: 1, unsafeFixed: 'FROM python:3.12.4-slim AS base\nENV A=1\nFROM base\nCMD ["python"]\n' },
  ],
});
