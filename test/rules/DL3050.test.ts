import rule from '../../src/rules/hadolint/DL3050.js';
import { ruleTable } from '../helpers/rule-table.js';

const strict = { 'label-schema': { team: 'text' }, 'strict-labels': true };

ruleTable(rule, {
  silent: [
    'FROM alpine:3.19\nLABEL stage="beta"\n',
    { input: 'FROM alpine:3.19\nLABEL stage="beta"\n', config: { 'label-schema': { team: 'text' } }, name: 'schema without strict-labels' },
    { input: 'FROM alpine:3.19\n', config: strict },
    { input: 'FROM alpine:3.19\nLABEL team="infra"\n', config: strict },
  ],
  fires: [
    { input: 'FROM alpine:3.19\nLABEL stage="beta"\n', config: strict, line: 2, column: 7, message: /`stage`/ },
    { input: 'FROM alpine:3.19\nLABEL team="infra" stage="beta" tier=web\n', config: strict, count: 1, column: 20, message: /`stage`, `tier`/ },
    { input: 'FROM alpine:3.19\nLABEL a=1\nLABEL b=2\n', config: { 'strict-labels': true }, count: 2, name: 'strict labels with an empty schema: every label' },
  ],
});
