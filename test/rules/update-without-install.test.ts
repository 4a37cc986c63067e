import rule from '../../src/rules/shipshape/update-without-install.js';
import { ruleTable } from '../helpers/rule-table.js';

ruleTable(rule, {
  silent: [
    'FROM debian:12\nRUN set -eux; apt-get purge -y --auto-remove foo; apt-get update; apt-get dist-clean\n',
    'FROM debian:12\nRUN apt-get update && ./install-deps.sh && rm -rf /var/lib/apt/lists/*\n',
    'FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\n',
    'FROM debian:12\nRUN set -eux; apt-get update; apt-get install -y curl; rm -rf /var/lib/apt/lists/*\n',
    'FROM debian:12\nRUN apt-get -o Acquire::Retries=3 update && apt -y upgrade\n',
    'FROM alpine:3.20\nRUN apk update && apk add curl\n',
    'FROM alpine:3.20\nRUN apk add --no-cache curl\n',
    'FROM fedora:40\nRUN dnf -y update && dnf clean all\n',
    'FROM opensuse/leap:15.6\nRUN zypper --non-interactive refresh && zypper --non-interactive in curl\n',
    'FROM debian:12\nRUN sudo apt-get update && sudo apt-get install -y curl\n',
    'FROM debian:12\nRUN <<EOF\napt-get update\napt-get install -y curl\nEOF\n',
    'FROM debian:12\nRUN echo apt-get update\n',
  ],
  fires: [
    { input: 'FROM alpine:3.20\nRUN apk update\n', line: 2, column: 5, count: 1 },
    { input: 'FROM debian:12\nRUN apt-get update\nRUN apt-get install -y curl\n', line: 2, count: 1 },
    { input: 'FROM debian:12\nRUN apt-get install -y curl && apt-get update\n', line: 2 },
    { input: 'FROM debian:12\nRUN apt-get update && apk add curl\n', line: 2 },
    { input: 'FROM debian:12\nRUN echo start && \\\n  apt-get -q update\n', line: 3, column: 3 },
    { input: 'FROM debian:12\nRUN ["apt-get", "update"]\n', line: 2 },
    { input: 'FROM debian:12\nRUN <<EOF\nset -e\napt-get update\nEOF\n', line: 4 },
    { input: 'FROM debian:12\nONBUILD RUN apt-get update\n', line: 2 },
    { input: 'FROM fedora:40\nRUN dnf makecache\n', line: 2 },
    { input: 'FROM opensuse/leap:15.6\nRUN zypper ref\n', line: 2 },
  ],
});
