import rule from '../../src/rules/hadolint/DL3063.js';
import { ruleTable } from '../helpers/rule-table.js';

ruleTable(rule, {
  silent: [
    'FROM golang:1.22 AS compile\n',
    'FROM scratch\n',
    'FROM golang:1.22 AS contexts\n',
  ],
  fires: [
    { input: 'FROM golang:1.22 AS context\n', line: 1, column: 21, count: 1, message: /`context`/ },
    { input: 'FROM golang:1.22 AS scratch\n', line: 1 },
    { input: 'FROM golang:1.22 AS Scratch\n', line: 1, name: 'case-insensitive' },
    { input: 'FROM alpine:3.19\nFROM golang:1.22 \\\n  AS context\n', line: 3, name: 'continuation line' },
  ],
});
