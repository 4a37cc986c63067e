import rule from '../../src/rules/buildkit/FromAsCasing.js';
import { ruleTable } from '../helpers/rule-table.js';

ruleTable(rule, {
  silent: [
    'FROM alpine:3.20 AS build\n',
    'from alpine:3.20 as build\n',
    'From alpine:3.20 as build\n',
    'From alpine:3.20 AS build\n',
    'FROM alpine:3.20\n',
    { input: '# check=skip=FromAsCasing\nFROM alpine:3.20 as build\n', name: 'file-level skip' },
    { input: 'FROM alpine:3.20 AS base\n# check=skip=FromAsCasing\n\nFROM alpine:3.20 as build\n', name: 'per-instruction comment (a blank line does not reset it)' },
  ],
  fires: [
    { input: 'FROM alpine:3.20 as build\nRUN true\n', line: 1, column: 18, fixed: 'FROM alpine:3.20 AS build\nRUN true\n' },
    { input: 'from alpine:3.20 AS build\nrun true\n', line: 1, fixed: 'from alpine:3.20 as build\nrun true\n' },
    { input: 'FROM alpine:3.20 As build\n', fixed: 'FROM alpine:3.20 AS build\n', message: /'As' and 'FROM'/ },
    { input: 'from alpine:3.20 aS build\n', fixed: 'from alpine:3.20 as build\n' },
    { input: 'FROM a AS x\nFROM --platform=$BUILDPLATFORM b as y\n', line: 2, count: 1 },
    // Line endings, BOM and escape character are kept by the fix.
    { name: 'fix keeps CRLF line endings', input: 'FROM alpine:3.20 as build\r\nRUN true\r\n', fixed: 'FROM alpine:3.20 AS build\r\nRUN true\r\n' },
    { name: 'fix keeps the BOM', input: '\uFEFFFROM alpine:3.20 as build\nRUN true\n', fixed: '\uFEFFFROM alpine:3.20 AS build\nRUN true\n' },
    { name: 'fix in an escape=` file', input: '# escape=`\nFROM alpine:3.20 as build\nRUN true\n', fixed: '# escape=`\nFROM alpine:3.20 AS build\nRUN true\n' },
    { name: 'fix on a continuation line', input: 'FROM alpine:3.20 \\\n  as build\n', fixed: 'FROM alpine:3.20 \\\n  AS build\n' },
    { name: 'fix on a continuation line (lower-case FROM)', input: 'from alpine:3.20 \\\n  AS build\n', fixed: 'from alpine:3.20 \\\n  as build\n' },
  ],
});
