import rule from '../../src/rules/buildkit/ReservedStageName.js';
import { ruleTable } from '../helpers/rule-table.js';

ruleTable(rule, {
  silent: [
    'FROM scratch\nCOPY app /app\n',
    'FROM alpine:3.20 AS scratchpad\n',
    'FROM alpine:3.20 AS contexts\n',
    { input: '# check=skip=ReservedStageName\nFROM alpine AS scratch\n', name: 'file-level skip' },
  ],
  fires: [
    { input: 'FROM alpine:3.20 AS context\nRUN true\n', line: 1, column: 21, message: /build context/ },
    { input: 'FROM alpine:3.20 AS Scratch\n', line: 1, message: /empty base image/ },
    { input: 'FROM alpine\n# check=skip=ReservedStageName\nFROM alpine AS scratch\n', line: 3, name: 'per-instruction comments do not apply' },
  ],
});
