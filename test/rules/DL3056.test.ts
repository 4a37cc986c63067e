import rule from '../../src/rules/hadolint/DL3056.js';
import { ruleTable } from '../helpers/rule-table.js';

const schema = { 'label-schema': { version: 'semver' } };

ruleTable(rule, {
  silent: [
    { input: 'FROM alpine:3.19\nLABEL version="release-one"\n', name: 'no schema: the rule does not exist' },
    { input: 'FROM alpine:3.19\nLABEL notes="release-one"\n', config: schema, name: 'other labels are not checked' },
    { input: 'FROM alpine:3.19\nARG V\nLABEL version=$V\n', config: schema, name: 'value only known at build time' },
    { input: 'FROM alpine:3.19\nONBUILD LABEL version="release-one"\n', config: schema, name: 'ONBUILD LABEL not checked (hadolint)' },
    { input: 'FROM alpine:3.19\nLABEL version="3.4.5"\n', config: schema },
    { input: 'FROM alpine:3.19\nLABEL version="1.0.0-beta.2"\n', config: schema },
    { input: 'FROM alpine:3.19\nLABEL version="1.0.0+build.7"\n', config: schema },
    { input: 'FROM alpine:3.19\nLABEL version="0.0.1-rc.1+sha.5114f85"\n', config: schema },
    { input: 'FROM alpine:3.19\nLABEL version="10.20.30"\n', config: schema },
    { input: 'FROM alpine:3.19\nARG V=3.4.5\nLABEL version="${V}"\n', config: schema, name: 'expanded default' },
  ],
  fires: [
    { input: 'FROM alpine:3.19\nLABEL version="release-one"\n', config: schema, line: 2, column: 15, count: 1, message: /`version`/ },
    { input: 'FROM alpine:3.19\nLABEL version="v1.2.3"\n', config: schema, count: 1 },
    { input: 'FROM alpine:3.19\nLABEL version="1.2"\n', config: schema, count: 1 },
    { input: 'FROM alpine:3.19\nLABEL version="1.2.3.4"\n', config: schema, count: 1 },
    { input: 'FROM alpine:3.19\nLABEL version="01.2.3"\n', config: schema, count: 1 },
    { input: 'FROM alpine:3.19\nLABEL version="1.2.3-"\n', config: schema, count: 1 },
    { input: 'FROM alpine:3.19\nLABEL version="latest"\n', config: schema, count: 1 },
    { input: 'FROM alpine:3.19\nLABEL version=""\n', config: schema, count: 1 },
    { input: 'FROM alpine:3.19\nARG V=release-one\nLABEL version="${V}"\n', config: schema, name: 'bad after expansion' },
    { input: 'FROM alpine:3.19\nLABEL version="release-one"\nFROM alpine:3.19\nLABEL a=b version="3.4.5"\nLABEL version="v1.2.3"\n', config: schema, count: 2 },
  ],
});
