import rule from '../../src/rules/hadolint/DL3053.js';
import { ruleTable } from '../helpers/rule-table.js';

const schema = { 'label-schema': { 'build-date': 'rfc3339' } };

ruleTable(rule, {
  silent: [
    { input: 'FROM alpine:3.19\nLABEL build-date="yesterday"\n', name: 'no schema: the rule does not exist' },
    { input: 'FROM alpine:3.19\nLABEL notes="yesterday"\n', config: schema, name: 'other labels are not checked' },
    { input: 'FROM alpine:3.19\nARG V\nLABEL build-date=$V\n', config: schema, name: 'value only known at build time' },
    { input: 'FROM alpine:3.19\nONBUILD LABEL build-date="yesterday"\n', config: schema, name: 'ONBUILD LABEL not checked (hadolint)' },
    { input: 'FROM alpine:3.19\nLABEL build-date="2024-05-01T12:30:00Z"\n', config: schema },
    { input: 'FROM alpine:3.19\nLABEL build-date="2024-05-01T12:30:00.123456Z"\n', config: schema },
    { input: 'FROM alpine:3.19\nLABEL build-date="2024-05-01T12:30:00+02:00"\n', config: schema },
    { input: 'FROM alpine:3.19\nLABEL build-date="2024-02-29T00:00:00-05:30"\n', config: schema },
    { input: 'FROM alpine:3.19\nLABEL build-date="2024-05-01t12:30:00z"\n', config: schema },
    { input: 'FROM alpine:3.19\nARG V=2024-05-01T12:30:00Z\nLABEL build-date="${V}"\n', config: schema, name: 'expanded default' },
  ],
  fires: [
    { input: 'FROM alpine:3.19\nLABEL build-date="yesterday"\n', config: schema, line: 2, column: 18, count: 1, message: /`build-date`/ },
    { input: 'FROM alpine:3.19\nLABEL build-date="2024-05-01"\n', config: schema, count: 1 },
    { input: 'FROM alpine:3.19\nLABEL build-date="2024-05-01T12:30:00"\n', config: schema, count: 1 },
    { input: 'FROM alpine:3.19\nLABEL build-date="2024-05-01 12:30:00Z"\n', config: schema, count: 1 },
    { input: 'FROM alpine:3.19\nLABEL build-date="2023-02-29T00:00:00Z"\n', config: schema, count: 1 },
    { input: 'FROM alpine:3.19\nLABEL build-date="2024-13-01T00:00:00Z"\n', config: schema, count: 1 },
    { input: 'FROM alpine:3.19\nLABEL build-date="2024-05-01T25:00:00Z"\n', config: schema, count: 1 },
    { input: 'FROM alpine:3.19\nLABEL build-date="1714566600"\n', config: schema, count: 1 },
    { input: 'FROM alpine:3.19\nLABEL build-date=""\n', config: schema, count: 1 },
    { input: 'FROM alpine:3.19\nARG V=yesterday\nLABEL build-date="${V}"\n', config: schema, name: 'bad after expansion' },
    { input: 'FROM alpine:3.19\nLABEL build-date="yesterday"\nFROM alpine:3.19\nLABEL a=b build-date="2024-05-01T12:30:00Z"\nLABEL build-date="2024-05-01"\n', config: schema, count: 2 },
  ],
});
