import rule from '../../src/rules/hadolint/DL4001.js';
import { ruleTable } from '../helpers/rule-table.js';

ruleTable(rule, {
  silent: [
    'FROM node:20 AS web\nRUN wget https://acme.example/a.tgz\n',
    'FROM node:20 AS web\nRUN wget https://acme.example/a.tgz\nFROM debian:12\nRUN curl -fsSL https://acme.example/c\n',
    'FROM debian:12\nRUN apt-get install -y curl wget\n',
    'FROM debian:12\nRUN curl -fsSLO https://acme.example/a && curl -fsSLO https://acme.example/b\n',
  ],
  fires: [
    { input: 'FROM node:20 AS web\nRUN wget https://acme.example/a.tgz && curl -fsSL https://acme.example/b\n', line: 2, column: 5, count: 1, message: /both curl and wget/ },
    { input: 'FROM node:20 AS web\nRUN wget https://acme.example/a.tgz\nRUN curl -fsSL https://acme.example/b\nFROM debian:12\nRUN curl -fsSL https://acme.example/c\n', line: 3, count: 1, message: /`wget` on line 2/ },
    { input: 'FROM node:20 AS web\nRUN wget https://acme.example/a.tgz\nRUN curl -fsSL https://acme.example/b\nRUN echo done\nRUN wget https://acme.example/c\n', count: 2 },
    { input: 'FROM debian:12\nONBUILD RUN wget https://acme.example/a\nONBUILD RUN curl -O https://acme.example/b\n', line: 3, count: 1, name: 'ONBUILD' },
    { input: 'FROM debian:12\nRUN curl -O https://acme.example/a\nRUN set -e; \\\n    wget https://acme.example/b\n', line: 4, name: 'continuation line' },
  ],
});
