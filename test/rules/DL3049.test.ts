import rule from '../../src/rules/hadolint/DL3049.js';
import { ruleTable } from '../helpers/rule-table.js';

const owner = { 'label-schema': { owner: 'text' } };
const two = { 'label-schema': { owner: 'text', version: 'semver' } };

ruleTable(rule, {
  silent: [
    { input: 'FROM alpine:3.19\n', name: 'no schema: the rule does not exist' },
    { input: 'FROM alpine:3.19\nLABEL owner="core"\n', config: owner },
    { input: 'FROM alpine:3.19\nLABEL team=x \\\n  owner="core"\n', config: owner },
    { input: 'FROM alpine:3.19 AS base\nLABEL owner="core"\nFROM base\n', config: owner, name: 'child inherits from its parent' },
    { input: 'FROM alpine:3.19 AS base\nLABEL owner="core"\nFROM base AS mid\nFROM mid\n', config: owner, name: 'transitively' },
    { input: 'FROM golang:1.22 AS build\nRUN go build\nFROM alpine:3.19\nLABEL owner="core"\nCOPY --from=build /app /app\n', config: owner, name: 'copied-from stage excused' },
    { input: 'FROM golang:1.22\nRUN go build\nFROM alpine:3.19\nLABEL owner="core"\nCOPY --from=0 /app /app\n', config: owner, name: 'COPY --from=<index>' },
    { input: 'FROM alpine:3.19 AS base\nFROM base AS mid\nFROM mid\nLABEL owner="core"\n', config: owner, name: 'ancestors of a labelled stage excused' },
    { input: 'FROM alpine:3.19\nLABEL owner=a version=1.0.0\n', config: two },
  ],
  fires: [
    { input: 'FROM alpine:3.19\nLABEL team="core"\n', config: owner, line: 1, column: 6, count: 1, message: 'Label `owner` is missing' },
    { input: 'FROM alpine:3.19\nFROM debian:12\n', config: owner, count: 2 },
    { input: 'FROM alpine:3.19\nFROM debian:12\nLABEL owner="core"\n', config: owner, count: 1, line: 1 },
    { input: 'FROM alpine:3.19 AS base\nFROM base\n', config: owner, count: 2 },
    { input: 'FROM alpine:3.19 AS base\nFROM base\n\nFROM base\nLABEL owner="core"\n', config: owner, count: 1, line: 2 },
    { input: 'FROM alpine:3.19 AS base\nFROM base\nLABEL owner="core"\n\nFROM base\n', config: owner, count: 1, line: 5 },
    {
      input: 'FROM alpine:3.19 AS base\nFROM debian:12\nLABEL owner="core"\nCOPY --from=base /opt /opt\n\nFROM debian:12\nCOPY --from=base /opt /opt\n',
      config: owner,
      count: 1,
      line: 6,
    },
    { input: 'FROM alpine:3.19\nLABEL owner=a\n', config: two, count: 1, message: /`version`/ },
    { input: 'FROM alpine:3.19\nONBUILD LABEL owner=a\n', config: owner, name: 'ONBUILD LABEL does not label this image' },
  ],
});
