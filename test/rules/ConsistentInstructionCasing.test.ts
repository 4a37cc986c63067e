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
    // Line endings, BOM and escape character are kept by the fix.
    { name: 'fix keeps CRLF line endings', input: 'from alpine:3.20\r\nrun true\r\nCOPY a.txt /a.txt\r\n', fixed: 'from alpine:3.20\r\nrun true\r\ncopy a.txt /a.txt\r\n' },
    { name: 'fix keeps the BOM', input: '\uFEFFfrom alpine:3.20\nrun true\nCOPY a.txt /a.txt\n', fixed: '\uFEFFfrom alpine:3.20\nrun true\ncopy a.txt /a.txt\n' },
    { name: 'fix in an escape=` file', input: '# escape=`\nfrom alpine:3.20\nrun true\nCOPY a.txt /a.txt\n', fixed: '# escape=`\nfrom alpine:3.20\nrun true\ncopy a.txt /a.txt\n' },
    { name: 'fix on a continued instruction', input: 'FROM alpine:3.20\nrun echo a \\\n  b\nRUN true\n', fixed: 'FROM alpine:3.20\nRUN echo a \\\n  b\nRUN true\n' },
    // ONBUILD: BuildKit checks the ONBUILD keyword itself, not the casing of the wrapped instruction.
    { name: 'fix of an ONBUILD keyword', input: 'FROM alpine:3.20\nRUN true\nonbuild run echo a\n', fixed: 'FROM alpine:3.20\nRUN true\nONBUILD run echo a\n' },
  ],
});
