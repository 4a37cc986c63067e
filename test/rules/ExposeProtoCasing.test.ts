import rule from '../../src/rules/buildkit/ExposeProtoCasing.js';
import { ruleTable } from '../helpers/rule-table.js';

ruleTable(rule, {
  silent: [
    'FROM alpine:3.20\nEXPOSE 80/tcp 443 8125/udp\n',
    'FROM alpine:3.20\nEXPOSE 8000-8010/tcp\n',
    { input: 'FROM alpine:3.20\n# check=skip=ExposeProtoCasing\nEXPOSE 80/TCP\n', name: 'per-instruction skip' },
  ],
  fires: [
    { input: 'FROM alpine:3.20\nEXPOSE 53/Udp 53/tcp\n', line: 2, column: 8, count: 1, fixed: 'FROM alpine:3.20\nEXPOSE 53/udp 53/tcp\n' },
    { input: 'FROM alpine:3.20\nEXPOSE 80/TCP 443/TCP\n', count: 2, fixed: 'FROM alpine:3.20\nEXPOSE 80/tcp 443/tcp\n' },
    { input: 'FROM alpine:3.20\nARG PROTO=TCP\nEXPOSE 80/$PROTO\n', line: 3, count: 1, name: 'after expansion (no fix)', fixed: 'FROM alpine:3.20\nARG PROTO=TCP\nEXPOSE 80/$PROTO\n' },
    // Line endings, BOM and escape character are kept by the fix.
    { name: 'fix keeps CRLF line endings', input: 'FROM alpine:3.20\r\nEXPOSE 53/Udp 53/tcp\r\n', fixed: 'FROM alpine:3.20\r\nEXPOSE 53/udp 53/tcp\r\n' },
    { name: 'fix keeps the BOM', input: '\uFEFFFROM alpine:3.20\nEXPOSE 53/Udp 53/tcp\n', fixed: '\uFEFFFROM alpine:3.20\nEXPOSE 53/udp 53/tcp\n' },
    { name: 'fix in an escape=` file', input: '# escape=`\nFROM alpine:3.20\nEXPOSE 53/Udp 53/tcp\n', fixed: '# escape=`\nFROM alpine:3.20\nEXPOSE 53/udp 53/tcp\n' },
    { name: 'fix on a continuation line', input: 'FROM alpine:3.20\nEXPOSE 80 \\\n  8080/TCP\n', fixed: 'FROM alpine:3.20\nEXPOSE 80 \\\n  8080/tcp\n' },
  ],
});
