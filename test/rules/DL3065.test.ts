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
    // Line endings, BOM and escape character are kept by the fix.
    { name: 'fix keeps CRLF line endings', input: 'FROM alpine:3.20 AS a\r\nFROM \\\r\n  --platform=$TARGETPLATFORM \\\r\n  alpine:3.20\r\n', fixed: 'FROM alpine:3.20 AS a\r\nFROM \\\r\n  \\\r\n  alpine:3.20\r\n' },
    { name: 'fix keeps the BOM', input: '\uFEFFFROM --platform=$TARGETPLATFORM alpine:3.20\n', fixed: '\uFEFFFROM alpine:3.20\n' },
    { name: 'fix in an escape=` file', input: '# escape=`\nFROM alpine:3.20 AS a\nFROM `\n  --platform=$TARGETPLATFORM `\n  alpine:3.20\n', fixed: '# escape=`\nFROM alpine:3.20 AS a\nFROM `\n  `\n  alpine:3.20\n' },
  ],
});
