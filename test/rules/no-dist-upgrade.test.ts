import rule from '../../src/rules/shipshape/no-dist-upgrade.js';
import { ruleTable } from '../helpers/rule-table.js';

ruleTable(rule, {
  silent: [
    'FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends curl\n',
    'FROM debian:12\nRUN apt-get update && apt-get -y upgrade\n',
    'FROM debian:12\nRUN apt-get install -y --only-upgrade openssl\n',
    'FROM alpine:3.20\nRUN apk upgrade --no-cache\n',
    'FROM alpine:3.20\nRUN apk upgrade --available openssl\n',
    'FROM fedora:40\nRUN dnf upgrade -y && dnf clean all\n',
    'FROM registry.access.redhat.com/ubi9/ubi-minimal:9.4\nRUN microdnf update -y && microdnf clean all\n',
    'FROM debian:12\nRUN echo apt-get dist-upgrade\n',
  ],
  fires: [
    { input: 'FROM debian:12\nRUN apt-get update && apt-get dist-upgrade -y\n', line: 2, column: 23, count: 1, message: /apt-get dist-upgrade/ },
    { input: 'FROM debian:12\nRUN apt full-upgrade -y\n', line: 2 },
    { input: 'FROM debian:12\nRUN aptitude -y dist-upgrade\n', line: 2 },
    { input: 'FROM alpine:3.20\nRUN apk upgrade --available --no-cache\n', line: 2 },
    { input: 'FROM fedora:40\nRUN dnf -y distro-sync\n', line: 2 },
    { input: 'FROM opensuse/leap:15.6\nRUN zypper -n dup\n', line: 2 },
    { input: 'FROM debian:12\nRUN apt-get update \\\n && sudo apt-get -y dist-upgrade\n', line: 3, column: 10 },
    { input: 'FROM debian:12\nRUN ["apt-get", "dist-upgrade", "-y"]\n', line: 2 },
    { input: 'FROM debian:12\nRUN <<EOF\napt-get update\napt-get dist-upgrade -y\nEOF\n', line: 4 },
    { input: 'FROM debian:12\nONBUILD RUN apt-get dist-upgrade -y\n', line: 2 },
  ],
});
