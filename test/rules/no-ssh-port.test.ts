import rule from '../../src/rules/shipshape/no-ssh-port.js';
import { ruleTable } from '../helpers/rule-table.js';

ruleTable(rule, {
  silent: [
    { input: 'FROM alpine:3.20\n# hadolint ignore=DS004\nEXPOSE 22\n', name: 'Trivy id accepted in pragmas' },
    { input: 'FROM alpine:3.20\nEXPOSE 22\n', config: { ignored: ['CKV_DOCKER_1'] }, name: 'Checkov id accepted in config' },
    'FROM alpine:3.20\nEXPOSE 2222\n',
    'FROM alpine:3.20\nEXPOSE 8080 443/tcp\n',
    'FROM alpine:3.20\nEXPOSE 22:8080\n',
    'FROM alpine:3.20\nEXPOSE 23-80\n',
    'FROM alpine:3.20\nEXPOSE ${PORT}\n',
    'FROM alpine:3.20\nARG PORT=8022\nEXPOSE $PORT\n',
  ],
  fires: [
    { input: 'FROM alpine:3.20\nEXPOSE 22\n', line: 2, column: 8, count: 1, message: /SSH/ },
    { input: 'FROM alpine:3.20\nEXPOSE 80 22/tcp\n', line: 2, column: 11 },
    { input: 'FROM alpine:3.20\nEXPOSE 22/udp\n', line: 2 },
    { input: 'FROM alpine:3.20\nEXPOSE 20-25\n', line: 2 },
    { input: 'FROM alpine:3.20\nEXPOSE 0.0.0.0:2222:22\n', line: 2 },
    { input: 'FROM alpine:3.20\nARG SSH_PORT=22\nEXPOSE ${SSH_PORT}\n', line: 3, message: /\$\{SSH_PORT\} \(22\)/ },
    { input: 'FROM alpine:3.20\nEXPOSE 80 \\\n  22\n', line: 3, column: 3 },
    { input: 'FROM alpine:3.20\nONBUILD EXPOSE 22\n', line: 2 },
  ],
});
