import rule from '../../src/rules/hadolint/DL3024.js';
import { ruleTable } from '../helpers/rule-table.js';

ruleTable(rule, {
  silent: [
    'FROM golang:1.22 AS build\nRUN go build ./...\nFROM alpine:3.19 AS final\nRUN echo ok\n',
    'FROM golang:1.22\nFROM alpine:3.19\n',
  ],
  fires: [
    { input: 'FROM golang:1.22 AS build\nRUN go build ./...\nFROM alpine:3.19 AS build\nRUN echo dup\n', line: 3, column: 21, count: 1, message: /line 1/ },
    { input: 'FROM golang:1.22 AS build\nFROM alpine:3.19 AS Build\n', line: 2, name: 'case-insensitive' },
    { input: 'FROM golang:1.22 AS build\nFROM alpine:3.19 \\\n  AS build\n', line: 3, name: 'continuation line' },
    { input: 'FROM a:1 AS x\nFROM b:1 AS x\nFROM c:1 AS x\n', count: 2 },
  ],
});
