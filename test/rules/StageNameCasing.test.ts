import rule from '../../src/rules/buildkit/StageNameCasing.js';
import { ruleTable } from '../helpers/rule-table.js';

ruleTable(rule, {
  silent: [
    'FROM alpine:3.20 AS build\nRUN true\n',
    'FROM alpine:3.20\nRUN true\n',
    'FROM Alpine\n',
    { input: '# check=skip=StageNameCasing\nFROM alpine:3.20 AS Build\n', name: 'file-level skip' },
    { input: 'FROM alpine:3.20\n# check=skip=StageNameCasing\nFROM alpine:3.20 AS Build\n', name: 'per-instruction skip above the FROM' },
  ],
  fires: [
    { input: 'FROM alpine:3.20 AS BUILD\nRUN true\n', line: 1, column: 21, count: 1, message: /'BUILD' should be lowercase/, fixed: 'FROM alpine:3.20 AS build\nRUN true\n' },
    {
      input: 'FROM golang:1.22 AS Builder\nRUN go build -o /app .\nFROM Builder AS Test\nRUN --mount=type=cache,from=BUILDER,target=/x true\nFROM alpine:3.20\nCOPY --from=Builder /app /app\nCOPY --from=test /t /t\nONBUILD COPY --from=Builder /a /a\n',
      line: 1,
      count: 2,
      name: 'renames every reference',
      fixed: 'FROM golang:1.22 AS builder\nRUN go build -o /app .\nFROM builder AS test\nRUN --mount=type=cache,from=builder,target=/x true\nFROM alpine:3.20\nCOPY --from=builder /app /app\nCOPY --from=test /t /t\nONBUILD COPY --from=Builder /a /a\n',
    },
    { input: 'FROM alpine:3.20\nCOPY --from=Build /a /a\nFROM alpine AS Build\n', name: 'earlier references are image names, not the stage', fixed: 'FROM alpine:3.20\nCOPY --from=Build /a /a\nFROM alpine AS build\n' },
    { input: 'FROM alpine:3.20\n# check=skip=JSONArgsRecommended\nFROM alpine:3.20 AS Build\n', line: 3, name: 'other per-instruction skip does not apply' },
    // Line endings, BOM and escape character are kept by the fix.
    { name: 'fix keeps CRLF line endings', input: 'FROM alpine:3.20 AS BUILD\r\nRUN true\r\n', fixed: 'FROM alpine:3.20 AS build\r\nRUN true\r\n' },
    { name: 'fix keeps the BOM', input: '\uFEFFFROM alpine:3.20 AS BUILD\nRUN true\n', fixed: '\uFEFFFROM alpine:3.20 AS build\nRUN true\n' },
    { name: 'fix in an escape=` file', input: '# escape=`\nFROM alpine:3.20 AS BUILD\nRUN true\n', fixed: '# escape=`\nFROM alpine:3.20 AS build\nRUN true\n' },
    { name: 'fix on a continuation line', input: 'FROM alpine:3.20 AS \\\n  Build\nFROM Build\n', fixed: 'FROM alpine:3.20 AS \\\n  build\nFROM build\n' },
  ],
});
