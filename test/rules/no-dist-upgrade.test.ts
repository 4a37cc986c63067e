import rule from '../../src/rules/shipshape/no-dist-upgrade.js';
import { ruleTable } from '../helpers/rule-table.js';

ruleTable(rule, {
  silent: [
    'FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends curl\n',
    'FROM debian:12\nRUN apt-get install -y --only-upgrade openssl\n',
    'FROM alpine:3.20\nRUN apk upgrade --no-cache openssl\n',
    'FROM fedora:40\nRUN dnf upgrade -y openssl && dnf clean all\n',
    'FROM alpine:3.20\nRUN apk update && apk add curl\n',
    'FROM debian:12\nRUN echo apt-get dist-upgrade\n',
    'FROM python:3.12\nRUN pip install --upgrade pip\n',
  ],
  fires: [
    { input: 'FROM debian:12\nRUN apt-get update && apt-get dist-upgrade -y\n', line: 2, column: 23, count: 1, message: /distribution/ },
    { input: 'FROM debian:12\nRUN apt-get update && apt-get -y upgrade\n', line: 2, message: /every package/ },
    { input: 'FROM debian:12\nRUN apt full-upgrade -y\n', line: 2 },
    { input: 'FROM alpine:3.20\nRUN apk upgrade --no-cache\n', line: 2 },
    { input: 'FROM centos:7\nRUN yum -y update && yum clean all\n', line: 2 },
    { input: 'FROM opensuse/leap:15.6\nRUN zypper -n dup\n', line: 2 },
    { input: 'FROM debian:12\nRUN apt-get update \\\n && sudo apt-get -y dist-upgrade\n', line: 3, column: 10 },
    { input: 'FROM debian:12\nRUN ["apt-get", "dist-upgrade", "-y"]\n', line: 2 },
    { input: 'FROM debian:12\nRUN <<EOF\napt-get update\napt-get dist-upgrade -y\nEOF\n', line: 4 },
    { input: 'FROM debian:12\nONBUILD RUN apt-get dist-upgrade -y\n', line: 2 },
  ],
});
