import rule from '../../src/rules/buildkit/DuplicateStageName.js';
import { ruleTable } from '../helpers/rule-table.js';

ruleTable(rule, {
  silent: [
    'FROM alpine:3.20 AS a\nFROM alpine:3.20 AS b\n',
    'FROM alpine:3.20\nFROM alpine:3.20\n',
    { input: '# check=skip=DuplicateStageName\nFROM alpine AS a\nFROM alpine AS a\n', name: 'file-level skip' },
  ],
  fires: [
    { input: 'FROM alpine:3.20 AS build\nRUN true\nFROM alpine:3.20 AS build\nRUN true\n', line: 3, column: 21, count: 1, message: /line 1/ },
    { input: 'FROM alpine AS Build\nFROM alpine AS build\nFROM alpine AS BUILD\n', line: 2, count: 2, name: 'case-insensitive' },
    { input: 'FROM alpine AS a\n# check=skip=DuplicateStageName\nFROM alpine AS a\n', line: 3, name: 'per-instruction comments do not apply' },
  ],
});
