import rule from '../../src/rules/hadolint/DL3029.js';
import { ruleTable } from '../helpers/rule-table.js';

ruleTable(rule, {
  silent: [
    'FROM debian:12\n',
    'FROM --platform=$BUILDPLATFORM golang:1.22 AS build\n',
    'FROM --platform="${BUILDPLATFORM:-}" golang:1.22 AS build\n',
    'FROM --platform=$TARGETPLATFORM golang:1.22\n',
  ],
  fires: [
    { input: 'FROM --platform=linux/amd64 debian:12\n', line: 1, column: 6, count: 1, message: /linux\/amd64/ },
    { input: 'ARG P=linux/arm64\nFROM --platform=$P debian:12\n', line: 2 },
    { input: 'FROM debian:12 AS a\nFROM \\\n  --platform=linux/arm64 debian:12\n', line: 3, name: 'continuation line' },
  ],
});
