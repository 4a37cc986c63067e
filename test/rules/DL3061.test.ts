import rule from '../../src/rules/hadolint/DL3061.js';
import { ruleTable } from '../helpers/rule-table.js';

ruleTable(rule, {
  silent: [
    '# build image for the API\nFROM alpine:3.19\n',
    'ARG ALPINE_TAG=3.19\nFROM alpine:${ALPINE_TAG}\nLABEL org.acme.team="x"\n',
    'ARG LOGSTASH_VERSION=8.12.0\nFROM docker.elastic.co/logstash/logstash:${LOGSTASH_VERSION}\n',
    'FROM busybox:1.36\nONBUILD COPY settings.conf /etc/app/\n',
    '# syntax=docker/dockerfile:1\n# escape=\\\nARG A \\\n  B\nFROM alpine:3.19\nRUN echo\n',
  ],
  fires: [
    { input: 'LABEL org.acme.team="x"\nFROM alpine:3.19\n', line: 1, column: 1, count: 1, message: /`LABEL` comes before the first FROM/ },
    { input: 'ENV LANG=C.UTF-8\nFROM alpine:3.19\n', line: 1, count: 1 },
    { input: 'ARG A=1\nMAINTAINER Pat\nRUN \\\n  echo\nFROM alpine:3.19\nRUN echo\n', line: 2, count: 2, name: 'after ARG; continuation line' },
  ],
});
