import rule from '../../src/rules/buildkit/MultipleInstructionsDisallowed.js';
import { ruleTable } from '../helpers/rule-table.js';

ruleTable(rule, {
  silent: [
    'FROM alpine:3.20 AS a\nCMD ["a"]\nFROM alpine:3.20\nCMD ["b"]\n',
    'FROM alpine:3.20 AS base\nENTRYPOINT ["/base"]\nFROM base\nENTRYPOINT ["/child"]\n',
    'FROM alpine:3.20\nCMD ["a"]\nENTRYPOINT ["/b"]\nHEALTHCHECK NONE\n',
    { input: 'FROM alpine:3.20\nONBUILD CMD ["a"]\nCMD ["b"]\n', name: 'ONBUILD triggers do not count' },
    { input: 'FROM alpine:3.20\nCMD ["a"]\n# check=skip=MultipleInstructionsDisallowed\nCMD ["b"]\n', name: 'the skip comment sits above the later instruction' },
  ],
  fires: [
    { input: 'FROM alpine:3.20\nENTRYPOINT ["/a"]\nRUN true\nCOPY x /x\nENTRYPOINT ["/b"]\n', line: 2, count: 1, message: /line 5/, fixed: 'FROM alpine:3.20\nRUN true\nCOPY x /x\nENTRYPOINT ["/b"]\n' },
    { input: 'FROM alpine:3.20\nHEALTHCHECK CMD ["/ok"]\nHEALTHCHECK NONE\n', line: 2, count: 1 },
    { input: 'FROM alpine:3.20\nCMD ["a"]\nCMD ["b"]\nCMD ["c"]\n', line: 2, count: 2, fixed: 'FROM alpine:3.20\nCMD ["c"]\n' },
    { input: 'FROM alpine:3.20\n# start the app\nCMD node \\\n  a.js\nCMD ["b"]\n', line: 3, fixed: 'FROM alpine:3.20\n# start the app\nCMD ["b"]\n', name: 'multi-line instruction removed whole' },
    { input: 'FROM alpine:3.20\n# check=skip=MultipleInstructionsDisallowed\nCMD ["a"]\nCMD ["b"]\n', line: 3, name: 'a skip comment above the earlier instruction does not apply' },
    // Line endings, BOM and escape character are kept by the fix.
    { name: 'fix keeps CRLF line endings', input: 'FROM alpine:3.20\r\n# start the app\r\nCMD node \\\r\n  a.js\r\nCMD ["b"]\r\n', fixed: 'FROM alpine:3.20\r\n# start the app\r\nCMD ["b"]\r\n' },
    { name: 'fix keeps the BOM', input: '\uFEFFFROM alpine:3.20\nENTRYPOINT ["/a"]\nRUN true\nCOPY x /x\nENTRYPOINT ["/b"]\n', fixed: '\uFEFFFROM alpine:3.20\nRUN true\nCOPY x /x\nENTRYPOINT ["/b"]\n' },
    { name: 'fix in an escape=` file', input: '# escape=`\nFROM alpine:3.20\n# start the app\nCMD node `\n  a.js\nCMD ["b"]\n', fixed: '# escape=`\nFROM alpine:3.20\n# start the app\nCMD ["b"]\n' },
  ],
});
