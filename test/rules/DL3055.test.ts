import rule from '../../src/rules/hadolint/DL3055.js';
import { ruleTable } from '../helpers/rule-table.js';

const schema = { 'label-schema': { revision: 'hash' } };

ruleTable(rule, {
  silent: [
    { input: 'FROM alpine:3.19\nLABEL revision="main-branch"\n', name: 'no schema: the rule does not exist' },
    { input: 'FROM alpine:3.19\nLABEL notes="main-branch"\n', config: schema, name: 'other labels are not checked' },
    { input: 'FROM alpine:3.19\nARG V\nLABEL revision=$V\n', config: schema, name: 'value only known at build time' },
    { input: 'FROM alpine:3.19\nONBUILD LABEL revision="main-branch"\n', config: schema, name: 'ONBUILD LABEL not checked (hadolint)' },
    { input: 'FROM alpine:3.19\nLABEL revision="9fceb02"\n', config: schema },
    { input: 'FROM alpine:3.19\nLABEL revision="9fceb02d0ae598e95dc970b74767f19372d61af8"\n', config: schema },
    { input: 'FROM alpine:3.19\nARG V=9fceb02\nLABEL revision="${V}"\n', config: schema, name: 'expanded default' },
  ],
  fires: [
    { input: 'FROM alpine:3.19\nLABEL revision="main-branch"\n', config: schema, line: 2, column: 16, count: 1, message: /`revision`/ },
    { input: 'FROM alpine:3.19\nLABEL revision="9FCEB02"\n', config: schema, count: 1 },
    { input: 'FROM alpine:3.19\nLABEL revision="9fceb0"\n', config: schema, count: 1 },
    { input: 'FROM alpine:3.19\nLABEL revision="9fceb02d"\n', config: schema, count: 1 },
    { input: 'FROM alpine:3.19\nLABEL revision="9fceb02d0ae598e95dc970b74767f19372d61af8a"\n', config: schema, count: 1 },
    { input: 'FROM alpine:3.19\nLABEL revision=""\n', config: schema, count: 1 },
    { input: 'FROM alpine:3.19\nARG V=main-branch\nLABEL revision="${V}"\n', config: schema, name: 'bad after expansion' },
    { input: 'FROM alpine:3.19\nLABEL revision="main-branch"\nFROM alpine:3.19\nLABEL a=b revision="9fceb02"\nLABEL revision="9FCEB02"\n', config: schema, count: 2 },
  ],
});
