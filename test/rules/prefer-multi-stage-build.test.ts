import rule from '../../src/rules/shipshape/prefer-multi-stage-build.js';
import { ruleTable } from '../helpers/rule-table.js';

ruleTable(rule, {
  silent: [
    'FROM debian:12.6-slim\nRUN apt-get update && apt-get install -y --no-install-recommends gcc=12.2.0-14 && make && apt-get purge -y gcc && rm -rf /var/lib/apt/lists/*\nUSER nobody\n',
    'FROM python:3.12.4-slim AS build\nRUN apt-get update && apt-get install -y gcc=4:12.2.0-3 libpq-dev=15.8-0+deb12u1\nFROM python:3.12.4-slim\nCOPY --from=build /wheels /wheels\n',
    'FROM alpine:3.20.1\nRUN apk add --no-cache --virtual .build-deps gcc=13.2.1-r0 musl-dev=1.2.5-r0 && pip install x==1 && apk del --no-network .build-deps\n',
    'FROM alpine:3.20.1\nRUN apk add -t .deps build-base && make && apk del .deps\n',
    { input: 'FROM debian:12.6-slim\nRUN apt-get install -y gcc && make && apt-get purge -y --auto-remove gcc\nCMD ["/app"]\n', name: 'purge --auto-remove naming the package' },
    'FROM debian:12.6-slim\nRUN savedAptMark="$(apt-mark showmanual)" && apt-get install -y gcc libc6-dev && apt-mark auto \'.*\' && apt-get purge -y --auto-remove -o APT::AutoRemove::RecommendsImportant=false\n',
    'FROM debian:12.6-slim\nRUN apt-get install -y curl=7.88.1-10 libpq5=15.8-0 udev=252\n',
    'FROM debian:12.6-slim\nRUN apt-get install -y $BUILD_DEPS\n',
    'FROM rockylinux:9.3\nRUN dnf install -y gcc make && make && dnf remove -y gcc make\n',
    'FROM debian:12.6-slim\nONBUILD RUN apt-get install -y gcc\nCMD ["app"]\n',
    'FROM golang:1.22.5\nRUN apt-get install -y gcc libc6-dev\n',
    // The official images' form of marking everything automatic before purge --auto-remove (postgres).
    { input: 'FROM debian:trixie-slim\nRUN savedAptMark="$(apt-mark showmanual)"; apt-get update; apt-get install -y --no-install-recommends dpkg-dev gcc; make; apt-mark showmanual | xargs apt-mark auto > /dev/null; apt-mark manual $savedAptMark; apt-get purge -y --auto-remove -o APT::AutoRemove::RecommendsImportant=false\nCMD ["postgres"]\n', name: 'apt-mark auto through xargs' },
    // A language image whose command is the interpreter keeps its headers for the builds on top (docker-library python).
    { input: 'FROM buildpack-deps:trixie\nRUN apt-get update && apt-get install -y --no-install-recommends libbluetooth-dev tk-dev uuid-dev && rm -rf /var/lib/apt/lists/*\nCMD ["python3"]\n', name: 'full language image: CMD python3' },
    // An upper-case group name (corpus: twemproxy's Dockerfile); removing it removes its packages.
    { input: 'FROM alpine:3.20.1\nRUN apk --no-cache add -t TMP alpine-sdk autoconf libtool && make && apk del TMP\nCMD ["nutcracker"]\n', name: 'apk del of an upper-case -t group' },
  ],
  fires: [
    // Issue 16: autoremove never removes packages installed by name (apt marks them manual).
    { input: 'FROM debian:12.6-slim\nRUN apt-get update && apt-get install -y gcc libc6-dev && make && apt-get purge -y --auto-remove && rm -rf /var/lib/apt/lists/*\nCMD ["/app"]\n', line: 2, message: /`gcc`/, name: 'purge --auto-remove without names' },
    { input: 'FROM debian:12.6-slim\nRUN apt-get install -y build-essential && make && apt-get autoremove -y\nCMD ["/app"]\n', line: 2, name: 'apt-get autoremove alone' },
    {
      input: 'FROM python:3.12.4-slim\nRUN apt-get update && apt-get install -y --no-install-recommends gcc=12.2.0-14 libpq-dev=15.8-0+deb12u1 && rm -rf /var/lib/apt/lists/*\nCOPY requirements.txt .\nCMD ["app"]\n',
      line: 2,
      column: 66,
      count: 1,
      message: /^`gcc`, `libpq-dev` are build-only packages installed in the final stage/,
    },
    { input: 'FROM alpine:3.20.1\nRUN apk add --no-cache build-base=0.5-r3 && make -C /src\nUSER nobody\nCMD ["app"]\n', line: 2, message: /`build-base`/ },
    { input: 'FROM alpine:3.20.1\nRUN apk add --virtual .build-deps gcc && apk del other\nCMD ["app"]\n', line: 2 },
    // Install words as package managers take them: a program with its path, apk's repository tag,
    // apt's /release; names are shown as written (rpm names have upper case).
    { input: 'FROM rockylinux:9.3\nRUN /usr/bin/yum -y install git gcc make\nCMD ["app"]\n', line: 2, message: /^`gcc`, `make` are build-only/, name: 'yum called by its path' },
    { input: 'FROM alpine:3.20.1\nRUN apk add "postgresql-dev@edge<9.6" olm-dev@edge_community\nCMD ["app"]\n', line: 2, message: /^`postgresql-dev`, `olm-dev` are build-only/, name: 'apk repository tags' },
    { input: 'FROM debian:12.6-slim\nRUN apt-get install -y libcairo2-dev/unstable\nCMD ["app"]\n', line: 2, message: /^`libcairo2-dev` is a build-only/, name: 'apt /release' },
    { input: 'FROM rockylinux:9.3\nRUN dnf install -y ImageMagick-devel unixODBC-devel\nCMD ["app"]\n', line: 2, message: /^`ImageMagick-devel`, `unixODBC-devel` are build-only/, name: 'rpm names as written' },
    { input: 'FROM debian:12.6-slim\nRUN apt-get update \\\n && apt-get install -y \\\n    python3-dev \\\n && rm -rf /var/lib/apt/lists/*\nCMD ["app"]\n', line: 4, message: /`python3-dev`/ },
    { input: 'FROM rockylinux:9.3\nRUN dnf install -y gcc-c++ openssl-devel\nCMD ["app"]\n', message: /`gcc-c\+\+`, `openssl-devel`/ },
    { input: 'FROM debian:12.6-slim AS base\nRUN apt-get install -y make\nFROM base\nCMD ["x"]\n', line: 2, message: /stage `base`, which the final stage is built on/ },
    { input: 'FROM debian:12.6-slim\nRUN apt-get install -y gcc g++ && apt-get purge -y gcc\nCMD ["app"]\n', message: /^`g\+\+` is/ },
  ],
});
