import rule from '../../src/rules/buildkit/ExposeInvalidFormat.js';
import { ruleTable } from '../helpers/rule-table.js';

ruleTable(rule, {
  silent: [
    'FROM alpine:3.20\nEXPOSE 80/tcp 443 8125/udp\n',
    'FROM alpine:3.20\nEXPOSE 8000-8010\n',
    'FROM alpine:3.20\nEXPOSE $PORT\n',
    { input: 'FROM alpine:3.20\n# check=skip=ExposeInvalidFormat\nEXPOSE 8080:80\n', name: 'per-instruction skip' },
  ],
  fires: [
    { input: 'FROM alpine:3.20\nEXPOSE 8080:80\n', line: 2, column: 8, message: /host port/, fixed: 'FROM alpine:3.20\nEXPOSE 80\n' },
    { input: 'FROM alpine:3.20\nEXPOSE 127.0.0.1:5432:5432/tcp\n', message: /IP address/, fixed: 'FROM alpine:3.20\nEXPOSE 5432/tcp\n' },
    { input: 'FROM alpine:3.20\nEXPOSE [::1]:8080:8080\n', fixed: 'FROM alpine:3.20\nEXPOSE 8080\n' },
    { input: 'FROM alpine:3.20\nENV PORTS=8080:80\nEXPOSE $PORTS 443\n', line: 3, count: 1, name: 'after expansion (no fix)', fixed: 'FROM alpine:3.20\nENV PORTS=8080:80\nEXPOSE $PORTS 443\n' },
    // Line endings, BOM and escape character are kept by the fix.
    { name: 'fix keeps CRLF line endings', input: 'FROM alpine:3.20\r\nEXPOSE 8080:80\r\n', fixed: 'FROM alpine:3.20\r\nEXPOSE 80\r\n' },
    { name: 'fix keeps the BOM', input: '\uFEFFFROM alpine:3.20\nEXPOSE 8080:80\n', fixed: '\uFEFFFROM alpine:3.20\nEXPOSE 80\n' },
    { name: 'fix in an escape=` file', input: '# escape=`\nFROM alpine:3.20\nEXPOSE 8080:80\n', fixed: '# escape=`\nFROM alpine:3.20\nEXPOSE 80\n' },
    { name: 'fix on a continuation line', input: 'FROM alpine:3.20\nEXPOSE 80 \\\n  0.0.0.0:8080:8080\n', fixed: 'FROM alpine:3.20\nEXPOSE 80 \\\n  8080\n' },
  ],
});
