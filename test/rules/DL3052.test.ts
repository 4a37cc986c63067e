import rule from '../../src/rules/hadolint/DL3052.js';
import { ruleTable } from '../helpers/rule-table.js';

const schema = { 'label-schema': { homepage: 'url' } };

ruleTable(rule, {
  silent: [
    { input: 'FROM alpine:3.19\nLABEL homepage="no-scheme-here"\n', name: 'no schema: the rule does not exist' },
    { input: 'FROM alpine:3.19\nLABEL notes="no-scheme-here"\n', config: schema, name: 'other labels are not checked' },
    { input: 'FROM alpine:3.19\nARG V\nLABEL homepage=$V\n', config: schema, name: 'value only known at build time' },
    { input: 'FROM alpine:3.19\nONBUILD LABEL homepage="no-scheme-here"\n', config: schema, name: 'ONBUILD LABEL not checked (hadolint)' },
    { input: 'FROM alpine:3.19\nLABEL homepage="https://example.com"\n', config: schema },
    { input: 'FROM alpine:3.19\nLABEL homepage="http://example.com:8080/path?q=1#frag"\n', config: schema },
    { input: 'FROM alpine:3.19\nLABEL homepage="git+ssh://git@github.com/o/r.git"\n', config: schema },
    { input: 'FROM alpine:3.19\nLABEL homepage="mailto:ops@example.com"\n', config: schema },
    { input: 'FROM alpine:3.19\nLABEL homepage="urn:isbn:0451450523"\n', config: schema },
    { input: 'FROM alpine:3.19\nLABEL homepage="https://[::1]/x"\n', config: schema },
    { input: 'FROM alpine:3.19\nLABEL homepage="file:///etc/hosts"\n', config: schema },
    { input: 'FROM alpine:3.19\nLABEL homepage="https://example.com/a%20b"\n', config: schema },
    { input: 'FROM alpine:3.19\nARG V=https://example.com\nLABEL homepage="${V}"\n', config: schema, name: 'expanded default' },
  ],
  fires: [
    { input: 'FROM alpine:3.19\nLABEL homepage="no-scheme-here"\n', config: schema, line: 2, column: 16, count: 1, message: /`homepage`/ },
    { input: 'FROM alpine:3.19\nLABEL homepage="example.com/path"\n', config: schema, count: 1 },
    { input: 'FROM alpine:3.19\nLABEL homepage="https://example.com/a b"\n', config: schema, count: 1 },
    { input: 'FROM alpine:3.19\nLABEL homepage="1http://x"\n', config: schema, count: 1 },
    { input: 'FROM alpine:3.19\nLABEL homepage="https://example.com/%zz"\n', config: schema, count: 1 },
    { input: 'FROM alpine:3.19\nLABEL homepage="://x"\n', config: schema, count: 1 },
    { input: 'FROM alpine:3.19\nLABEL homepage=""\n', config: schema, count: 1 },
    { input: 'FROM alpine:3.19\nARG V=no-scheme-here\nLABEL homepage="${V}"\n', config: schema, name: 'bad after expansion' },
    { input: 'FROM alpine:3.19\nLABEL homepage="no-scheme-here"\nFROM alpine:3.19\nLABEL a=b homepage="https://example.com"\nLABEL homepage="example.com/path"\n', config: schema, count: 2 },
  ],
});
