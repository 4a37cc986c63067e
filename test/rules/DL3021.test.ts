import rule from '../../src/rules/hadolint/DL3021.js';
import { ruleTable } from '../helpers/rule-table.js';

ruleTable(rule, {
  silent: [
    '# escape=`\nFROM mcr.microsoft.com/windows/nanoserver:ltsc2022\nCOPY a.dll b.dll C:\\Windows\\System32\\\n',
    'FROM alpine:3.19\nCOPY app.py main.py\n',
    'FROM alpine:3.19\nCOPY app.py util.py "/srv/"\n',
    'FROM alpine:3.19\nCOPY app.py util.py /srv/\n',
    'FROM alpine:3.19\nADD app.py util.py /srv\n',
    'FROM alpine:3.19\nCOPY --chown=1:1 app.py /srv\n',
  ],
  fires: [
    { input: 'FROM alpine:3.19\nCOPY app.py util.py /srv\n', line: 2, column: 21, message: /`\/srv\/`/, fixed: 'FROM alpine:3.19\nCOPY app.py util.py /srv/\n' },
    { input: 'FROM alpine:3.19\nCOPY app.py util.py "/srv"\n', fixed: 'FROM alpine:3.19\nCOPY app.py util.py "/srv/"\n' },
    { input: 'FROM alpine:3.19\nCOPY ["app.py", "util.py", "/srv"]\n', fixed: 'FROM alpine:3.19\nCOPY ["app.py", "util.py", "/srv/"]\n', name: 'exec form' },
    { input: 'FROM alpine:3.19\nCOPY --from=build a b \\\n     /srv\n', line: 3, fixed: 'FROM alpine:3.19\nCOPY --from=build a b \\\n     /srv/\n', name: 'continuation line' },
    { input: 'FROM node:20 AS app\nCOPY main.js util.js .\n', fixed: 'FROM node:20 AS app\nCOPY main.js util.js ./\n' },
    // Line endings, BOM and escape character are kept by the fix.
    { name: 'fix keeps CRLF line endings', input: 'FROM alpine:3.19\r\nCOPY --from=build a b \\\r\n     /srv\r\n', fixed: 'FROM alpine:3.19\r\nCOPY --from=build a b \\\r\n     /srv/\r\n' },
    { name: 'fix keeps the BOM', input: '\uFEFFFROM alpine:3.19\nCOPY app.py util.py /srv\n', fixed: '\uFEFFFROM alpine:3.19\nCOPY app.py util.py /srv/\n' },
    { name: 'fix in an escape=` file', input: '# escape=`\nFROM alpine:3.19\nCOPY --from=build a b `\n     /srv\n', fixed: '# escape=`\nFROM alpine:3.19\nCOPY --from=build a b `\n     /srv/\n' },
  ],
});
