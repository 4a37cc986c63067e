import rule from '../../src/rules/hadolint/DL3051.js';
import { ruleTable } from '../helpers/rule-table.js';

const schema = { 'label-schema': { summary: 'text', homepage: 'url' } };

ruleTable(rule, {
  silent: [
    'FROM alpine:3.19\nLABEL summary=""\n',
    { input: 'FROM alpine:3.19\nLABEL notes=""\n', config: schema },
    { input: 'FROM alpine:3.19\nLABEL summary="x"\n', config: schema },
    { input: 'FROM alpine:3.19\nARG SUMMARY\nLABEL summary=$SUMMARY\n', config: schema, name: 'value only known at build time' },
  ],
  fires: [
    { input: 'FROM alpine:3.19\nLABEL summary=""\n', config: schema, line: 2, column: 15, count: 1, message: 'Label `summary` is empty' },
    { input: 'FROM alpine:3.19\nLABEL homepage=\'\' summary=""\n', config: schema, count: 2, name: 'any schema type' },
    { input: 'FROM alpine:3.19\nARG S=\nLABEL summary=${S}\n', config: schema, name: 'empty after expansion' },
  ],
});
