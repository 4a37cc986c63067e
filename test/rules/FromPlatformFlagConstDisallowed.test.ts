import rule from '../../src/rules/buildkit/FromPlatformFlagConstDisallowed.js';
import { ruleTable } from '../helpers/rule-table.js';

ruleTable(rule, {
  silent: [
    'FROM --platform=linux/amd64 alpine:3.20 AS build-amd64\n',
    'FROM --platform=linux/arm64 alpine:3.20 AS linux-tools\n',
    'FROM --platform=$BUILDPLATFORM alpine:3.20 AS xbuild\n',
    'FROM alpine:3.20\n',
    { input: 'FROM --platform=not/a/valid/platform alpine\n', name: 'invalid platform: the build fails instead' },
    { input: 'FROM alpine\n# check=skip=FromPlatformFlagConstDisallowed\nFROM --platform=linux/amd64 alpine:3.20\n', name: 'per-instruction skip' },
  ],
  fires: [
    { input: 'FROM --platform=linux/amd64 alpine:3.20\nRUN true\n', line: 1, column: 6, message: /"linux\/amd64"/ },
    { input: 'FROM --platform=linux/arm64 alpine:3.20 AS build\n', line: 1 },
    { input: 'FROM --platform=arm64 alpine:3.20 AS builder\n', line: 1, name: 'architecture only' },
  ],
});
