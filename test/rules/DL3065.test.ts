import rule from '../../src/rules/hadolint/DL3065.js';
import { ruleTable } from '../helpers/rule-table.js';

ruleTable(rule, {
  silent: [
    'FROM --platform=linux/arm64 alpine:3.20\n',
    'FROM --platform=$CUSTOM_PLATFORM alpine:3.20\n',
    'FROM --platform=$BUILDPLATFORM alpine:3.20\n',
    'FROM alpine:3.20\n',
  ],
  fires: [
    { input: 'FROM --platform=$TARGETPLATFORM alpine:3.20\n', line: 1, column: 6, fixed: 'FROM alpine:3.20\n' },
    { input: 'FROM --platform=${TARGETPLATFORM} alpine:3.20 AS x\n', fixed: 'FROM alpine:3.20 AS x\n' },
    { input: 'FROM alpine:3.20 AS a\nFROM \\\n  --platform=$TARGETPLATFORM \\\n  alpine:3.20\n', line: 3, fixed: 'FROM alpine:3.20 AS a\nFROM \\\n  \\\n  alpine:3.20\n', name: 'continuation lines' },
  ],
});
