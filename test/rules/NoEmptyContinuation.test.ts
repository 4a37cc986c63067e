import rule from '../../src/rules/buildkit/NoEmptyContinuation.js';
import { ruleTable } from '../helpers/rule-table.js';

ruleTable(rule, {
  silent: [
    'FROM alpine:3.20\nRUN echo a \\\n    b\n',
    { input: 'FROM alpine:3.20\nRUN <<EOF\necho a\n\necho b\nEOF\n', name: 'blank lines in a heredoc body' },
    { input: 'FROM alpine:3.20\nRUN echo a \\\n# comment\n    b\n', name: 'comment lines inside a continuation' },
    { input: '# check=skip=NoEmptyContinuation\nFROM alpine:3.20\nRUN echo a \\\n\n  b\n', name: 'file-level skip' },
    'FROM alpine:3.20\n\nRUN true\n',
  ],
  fires: [
    { input: 'FROM alpine:3.20\nRUN echo a \\\n\n  b\n', line: 4, count: 1, fixed: 'FROM alpine:3.20\nRUN echo a \\\n  b\n' },
    { input: 'FROM alpine:3.20\nEXPOSE \\\n   \t \n8080\n', line: 4, fixed: 'FROM alpine:3.20\nEXPOSE \\\n8080\n', name: 'whitespace-only line' },
    { input: 'FROM alpine:3.20\nRUN a \\\n\n    b \\\n\n    c\n', line: 6, count: 1, name: 'one finding per instruction', fixed: 'FROM alpine:3.20\nRUN a \\\n    b \\\n    c\n' },
    { input: 'FROM alpine:3.20\nRUN echo one \\\n\nRUN echo two\n', line: 4, message: /new instruction/, fixed: 'FROM alpine:3.20\nRUN echo one \\\n\nRUN echo two\n', name: 'no fix when two instructions were joined' },
    { input: 'FROM alpine:3.20\n# check=skip=NoEmptyContinuation\nRUN echo a \\\n\n  b\n', line: 5, name: 'per-instruction comments do not apply' },
    { input: 'FROM alpine:3.20\r\nRUN echo a \\\r\n\r\n  b\r\n', line: 4, fixed: 'FROM alpine:3.20\r\nRUN echo a \\\r\n  b\r\n', name: 'CRLF' },
    // Line endings, BOM and escape character are kept by the fix.
    { name: 'fix keeps CRLF line endings', input: 'FROM alpine:3.20\r\nRUN echo a \\\r\n\r\n  b\r\n', fixed: 'FROM alpine:3.20\r\nRUN echo a \\\r\n  b\r\n' },
    { name: 'fix keeps the BOM', input: '\uFEFFFROM alpine:3.20\nRUN echo a \\\n\n  b\n', fixed: '\uFEFFFROM alpine:3.20\nRUN echo a \\\n  b\n' },
    { name: 'fix in an escape=` file', input: '# escape=`\nFROM alpine:3.20\nRUN echo a `\n\n  b\n', fixed: '# escape=`\nFROM alpine:3.20\nRUN echo a `\n  b\n' },
    { name: 'fix inside ONBUILD', input: 'FROM alpine:3.20\nONBUILD RUN a \\\n\n  b\n', fixed: 'FROM alpine:3.20\nONBUILD RUN a \\\n  b\n' },
  ],
});
