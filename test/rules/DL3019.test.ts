import rule from '../../src/rules/hadolint/DL3019.js';
import { ruleTable } from '../helpers/rule-table.js';

const F = 'FROM alpine:3.19\n';

ruleTable(rule, {
  silent: [
    `${F}RUN apk add --no-cache bash=5.2.21-r0\n`,
    `${F}RUN --mount=type=cache,target=/var/cache/apk apk add -U git=2.43.0-r0\n`,
    `${F}RUN --mount=type=tmpfs,target=/var/cache/apk apk add git=2.43.0-r0\n`,
    `${F}RUN apk del curl\n`,
    `${F}RUN echo apk add curl\n`,
    `${F}RUN apk add --no-network --virtual .rundeps $runDeps\n`,
    // apk update is needed by an upgrade, or its index is removed in the same RUN.
    `${F}RUN apk update && apk upgrade && apk add --no-cache curl=8.5.0-r0\n`,
    `${F}RUN apk update && apk add --no-cache curl=8.5.0-r0 && rm -rf /var/cache/apk/*\n`,
  ],
  fires: [
    { input: `${F}RUN apk add bash=5.2.21-r0\n`, line: 2, column: 5, fixed: `${F}RUN apk add --no-cache bash=5.2.21-r0\n` },
    { input: `${F}ONBUILD RUN apk add bash=5.2.21-r0\n`, fixed: `${F}ONBUILD RUN apk add --no-cache bash=5.2.21-r0\n` },
    { input: `${F}RUN --mount=type=cache,target=/root/.cache apk add -U git=2.43.0-r0\n` },
    {
      input: `${F}RUN apk update \\\n && apk add \\\n      git=2.43.0-r0 \\\n && apk add --no-cache curl=8.5.0-r0\n`,
      line: 3,
      count: 1,
      fixed: `${F}RUN apk add --no-cache \\\n      git=2.43.0-r0 \\\n && apk add --no-cache curl=8.5.0-r0\n`,
    },
    // A fresh-user trial: the fix added --no-cache but left apk update, whose index stays in the layer.
    { input: `${F}RUN apk update && apk add postgresql-dev=16.3-r0 gcc=13.2.1-r0\n`, line: 2, fixed: `${F}RUN apk add --no-cache postgresql-dev=16.3-r0 gcc=13.2.1-r0\n` },
    { input: `${F}RUN apk update && apk upgrade && apk add curl=8.5.0-r0\n`, name: 'apk update kept for an upgrade', fixed: `${F}RUN apk update && apk upgrade && apk add --no-cache curl=8.5.0-r0\n` },
    { input: `${F}RUN apk update -q \\\n && apk add --no-cache curl=8.5.0-r0\n`, line: 2, column: 5, message: /^`apk update` writes the package index/, name: 'a leftover apk update beside --no-cache adds', fixed: `${F}RUN apk add --no-cache curl=8.5.0-r0\n` },
    { input: `${F}RUN ["apk", "add", "git=2.43.0-r0"]\n`, fixed: `${F}RUN ["apk", "add", "--no-cache", "git=2.43.0-r0"]\n` },
    { input: `${F}RUN <<EOF\napk add git=2.43.0-r0\nEOF\n`, line: 3, fixed: `${F}RUN <<EOF\napk add --no-cache git=2.43.0-r0\nEOF\n` },
    // Line endings, BOM and escape character are kept by the fix.
    { name: 'fix keeps CRLF line endings', input: 'FROM alpine:3.19\r\nRUN apk update \\\r\n && apk add \\\r\n      git=2.43.0-r0 \\\r\n && apk add --no-cache curl=8.5.0-r0\r\n', fixed: 'FROM alpine:3.19\r\nRUN apk add --no-cache \\\r\n      git=2.43.0-r0 \\\r\n && apk add --no-cache curl=8.5.0-r0\r\n' },
    { name: 'fix keeps the BOM', input: '\uFEFFFROM alpine:3.19\nRUN apk add bash=5.2.21-r0\n', fixed: '\uFEFFFROM alpine:3.19\nRUN apk add --no-cache bash=5.2.21-r0\n' },
    { name: 'fix in an escape=` file', input: '# escape=`\nFROM alpine:3.19\nRUN apk update `\n && apk add `\n      git=2.43.0-r0 `\n && apk add --no-cache curl=8.5.0-r0\n', fixed: '# escape=`\nFROM alpine:3.19\nRUN apk add --no-cache `\n      git=2.43.0-r0 `\n && apk add --no-cache curl=8.5.0-r0\n' },
  ],
});
