import rule from '../../src/rules/hadolint/DL3054.js';
import { ruleTable } from '../helpers/rule-table.js';

const schema = { 'label-schema': { license: 'spdx' } };

ruleTable(rule, {
  silent: [
    { input: 'FROM alpine:3.19\nLABEL license="proprietary-ish"\n', name: 'no schema: the rule does not exist' },
    { input: 'FROM alpine:3.19\nLABEL notes="proprietary-ish"\n', config: schema, name: 'other labels are not checked' },
    { input: 'FROM alpine:3.19\nARG V\nLABEL license=$V\n', config: schema, name: 'value only known at build time' },
    { input: 'FROM alpine:3.19\nONBUILD LABEL license="proprietary-ish"\n', config: schema, name: 'ONBUILD LABEL not checked (hadolint)' },
    { input: 'FROM alpine:3.19\nLABEL license="MIT"\n', config: schema },
    { input: 'FROM alpine:3.19\nLABEL license="Apache-2.0"\n', config: schema },
    { input: 'FROM alpine:3.19\nLABEL license="GPL-3.0-or-later"\n', config: schema },
    { input: 'FROM alpine:3.19\nLABEL license="BSD-3-Clause"\n', config: schema },
    { input: 'FROM alpine:3.19\nLABEL license="GPL-2.0"\n', config: schema },
    { input: 'FROM alpine:3.19\nLABEL license="0BSD"\n', config: schema },
    { input: 'FROM alpine:3.19\nLABEL license="MPL-2.0"\n', config: schema },
    { input: 'FROM alpine:3.19\nARG V=MIT\nLABEL license="${V}"\n', config: schema, name: 'expanded default' },
  ],
  fires: [
    { input: 'FROM alpine:3.19\nLABEL license="proprietary-ish"\n', config: schema, line: 2, column: 15, count: 1, message: /`license`/ },
    { input: 'FROM alpine:3.19\nLABEL license="mit"\n', config: schema, count: 1 },
    { input: 'FROM alpine:3.19\nLABEL license="MIT OR Apache-2.0"\n', config: schema, count: 1 },
    { input: 'FROM alpine:3.19\nLABEL license="GPL-2.0+"\n', config: schema, count: 1 },
    { input: 'FROM alpine:3.19\nLABEL license="LicenseRef-Proprietary"\n', config: schema, count: 1 },
    { input: 'FROM alpine:3.19\nLABEL license="Apache 2.0"\n', config: schema, count: 1 },
    { input: 'FROM alpine:3.19\nLABEL license=""\n', config: schema, count: 1 },
    { input: 'FROM alpine:3.19\nARG V=proprietary-ish\nLABEL license="${V}"\n', config: schema, name: 'bad after expansion' },
    { input: 'FROM alpine:3.19\nLABEL license="proprietary-ish"\nFROM alpine:3.19\nLABEL a=b license="MIT"\nLABEL license="mit"\n', config: schema, count: 2 },
  ],
});
