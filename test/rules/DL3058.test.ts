import rule from '../../src/rules/hadolint/DL3058.js';
import { ruleTable } from '../helpers/rule-table.js';

const schema = { 'label-schema': { contact: 'email' } };

ruleTable(rule, {
  silent: [
    { input: 'FROM alpine:3.19\nLABEL contact="ops team"\n', name: 'no schema: the rule does not exist' },
    { input: 'FROM alpine:3.19\nLABEL notes="ops team"\n', config: schema, name: 'other labels are not checked' },
    { input: 'FROM alpine:3.19\nARG V\nLABEL contact=$V\n', config: schema, name: 'value only known at build time' },
    { input: 'FROM alpine:3.19\nONBUILD LABEL contact="ops team"\n', config: schema, name: 'ONBUILD LABEL not checked (hadolint)' },
    { input: 'FROM alpine:3.19\nLABEL contact="ops@example.com"\n', config: schema },
    { input: 'FROM alpine:3.19\nLABEL contact="first.last+tag@sub.example.org"\n', config: schema },
    { input: 'FROM alpine:3.19\nLABEL contact="\\"ops team\\"@example.com"\n', config: schema },
    { input: 'FROM alpine:3.19\nLABEL contact="root@localhost"\n', config: schema },
    { input: 'FROM alpine:3.19\nLABEL contact="x@[192.168.0.1]"\n', config: schema },
    { input: 'FROM alpine:3.19\nARG V=ops@example.com\nLABEL contact="${V}"\n', config: schema, name: 'expanded default' },
  ],
  fires: [
    { input: 'FROM alpine:3.19\nLABEL contact="ops team"\n', config: schema, line: 2, column: 15, count: 1, message: /`contact`/ },
    { input: 'FROM alpine:3.19\nLABEL contact="ops@"\n', config: schema, count: 1 },
    { input: 'FROM alpine:3.19\nLABEL contact="@example.com"\n', config: schema, count: 1 },
    { input: 'FROM alpine:3.19\nLABEL contact="Ops <ops@example.com>"\n', config: schema, count: 1 },
    { input: 'FROM alpine:3.19\nLABEL contact="ops@@example.com"\n', config: schema, count: 1 },
    { input: 'FROM alpine:3.19\nLABEL contact="ops@exa mple.com"\n', config: schema, count: 1 },
    { input: 'FROM alpine:3.19\nLABEL contact="a..b@example.com"\n', config: schema, count: 1 },
    { input: 'FROM alpine:3.19\nLABEL contact=""\n', config: schema, count: 1 },
    { input: 'FROM alpine:3.19\nARG V="ops team"\nLABEL contact="${V}"\n', config: schema, name: 'bad after expansion' },
    { input: 'FROM alpine:3.19\nLABEL contact="ops team"\nFROM alpine:3.19\nLABEL a=b contact="ops@example.com"\nLABEL contact="ops@"\n', config: schema, count: 2 },
  ],
});
