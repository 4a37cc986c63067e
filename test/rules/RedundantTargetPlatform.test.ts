import rule from '../../src/rules/buildkit/RedundantTargetPlatform.js';
import { ruleTable } from '../helpers/rule-table.js';

ruleTable(rule, {
  silent: [
    'FROM --platform=$BUILDPLATFORM alpine:3.20 AS build\n',
    'FROM --platform=${TARGETOS}/${TARGETARCH} alpine:3.20\n',
    'FROM --platform=linux/amd64 alpine:3.20\n',
    'FROM alpine:3.20\n',
    { input: '# check=skip=RedundantTargetPlatform\nFROM --platform=$TARGETPLATFORM alpine:3.20\n', name: 'file-level skip' },
  ],
  fires: [
    { input: 'FROM --platform=$TARGETPLATFORM alpine:3.20\nRUN true\n', line: 1, column: 6, fixed: 'FROM alpine:3.20\nRUN true\n' },
    { input: 'FROM --platform=${TARGETPLATFORM} alpine:3.20 AS a\n', fixed: 'FROM alpine:3.20 AS a\n' },
    // Line endings, BOM and escape character are kept by the fix.
    { name: 'fix keeps CRLF line endings', input: 'FROM --platform=$TARGETPLATFORM alpine:3.20\r\nRUN true\r\n', fixed: 'FROM alpine:3.20\r\nRUN true\r\n' },
    { name: 'fix keeps the BOM', input: '\uFEFFFROM --platform=$TARGETPLATFORM alpine:3.20\nRUN true\n', fixed: '\uFEFFFROM alpine:3.20\nRUN true\n' },
    { name: 'fix in an escape=` file', input: '# escape=`\nFROM --platform=$TARGETPLATFORM alpine:3.20\nRUN true\n', fixed: '# escape=`\nFROM alpine:3.20\nRUN true\n' },
    { name: 'fix on a continuation line', input: 'FROM \\\n  --platform=$TARGETPLATFORM alpine:3.20\n', fixed: 'FROM \\\n  alpine:3.20\n' },
  ],
});
