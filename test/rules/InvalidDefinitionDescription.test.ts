import rule from '../../src/rules/buildkit/InvalidDefinitionDescription.js';
import { ruleTable } from '../helpers/rule-table.js';

const X = '# check=experimental=InvalidDefinitionDescription\n';

ruleTable(rule, {
  silent: [
    { input: 'FROM alpine:3.20 AS base\n# install the compiler\nARG GCC_VERSION=13\n', name: 'experimental: off unless enabled' },
    X + '# base is the shared runtime layer\nFROM alpine:3.20 AS base\n# GCC_VERSION selects the compiler\nARG GCC_VERSION=13\n',
    X + 'FROM alpine:3.20 AS base\n# bar is one of the keys\nARG foo=1 bar=2\n',
    X + 'FROM alpine:3.20 AS base\n# not a description\n#\nARG GCC_VERSION=13\n',
    X + '# some comment\nFROM alpine:3.20\nRUN true\n',
    X + 'FROM alpine:3.20\nARG GCC_VERSION=13\n',
  ],
  fires: [
    { input: X + '# the base image\nFROM alpine:3.20 AS base\n', line: 2, message: /# base <description>/ },
    { input: X + 'FROM alpine:3.20 AS base\n# install the compiler\nARG GCC_VERSION=13\n', line: 3, message: /# GCC_VERSION <description>/ },
    { input: '# check=skip=all;experimental=InvalidDefinitionDescription\n# wrong comment\nARG V=1\nFROM alpine:3.20\n', line: 2, name: 'skip=all does not affect enabled experimental rules' },
    { input: '# check=experimental=all\nFROM alpine AS a\n# x\nARG A=1 B=2\n', message: /<arg_key>/ },
  ],
});
