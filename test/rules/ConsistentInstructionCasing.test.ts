import rule from '../../src/rules/buildkit/ConsistentInstructionCasing.js';
import { ruleTable } from '../helpers/rule-table.js';

ruleTable(rule, {
  silent: [
    'FROM alpine:3.20\nRUN true\n',
    'from alpine:3.20\nrun true\ncopy a.txt /a.txt\n',
    { input: 'arg VERSION=3.20\nFROM alpine:${VERSION}\nRUN true\n', name: 'global ARGs are not counted or checked' },
    { input: 'FROM alpine:3.20\nONBUILD run echo hi\nRUN true\n', name: 'only the ONBUILD keyword is checked' },
    { input: '# check=skip=ConsistentInstructionCasing\nFROM alpine:3.20\nrun true\n', name: 'file-level skip' },
  ],
  fires: [
    { input: 'from alpine:3.20\nrun true\nCOPY a.txt /a.txt\n', line: 3, column: 1, count: 1, message: /lowercase/, fixed: 'from alpine:3.20\nrun true\ncopy a.txt /a.txt\n' },
    { input: 'FROM alpine:3.20\nRun true\nRUN echo\n', line: 2, count: 1, fixed: 'FROM alpine:3.20\nRUN true\nRUN echo\n' },
    { input: 'FROM alpine:3.20\nrun true\n', line: 2, count: 1, name: 'a tie goes to upper case', fixed: 'FROM alpine:3.20\nRUN true\n' },
    { input: 'From alpine:3.20 as build\nRUN true\nRUN echo done\n', line: 1, count: 1, fixed: 'FROM alpine:3.20 as build\nRUN true\nRUN echo done\n' },
    { input: 'FROM alpine:3.20\n# check=skip=ConsistentInstructionCasing\nrun true\nRUN x\n', line: 3, name: 'per-instruction comments do not apply' },
  ],
});
