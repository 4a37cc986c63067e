import rule from '../../src/rules/hadolint/DL3011.js';
import { ruleTable } from '../helpers/rule-table.js';

ruleTable(rule, {
  silent: [
    'FROM nginx:1.25\nEXPOSE 8443\n',
    'FROM nginx:1.25\nEXPOSE ${APP_PORT}\n',
    'FROM nginx:1.25\nEXPOSE 30000-32767/udp\n',
    'FROM nginx:1.25\nEXPOSE 0 65535/tcp\n',
    'FROM nginx:1.25\nEXPOSE $PORT-99999\n',
  ],
  fires: [
    { input: 'FROM nginx:1.25\nEXPOSE 80 65536\n', line: 2, column: 11, count: 1, message: /65536/ },
    { input: 'FROM nginx:1.25\nEXPOSE 30000-99999/udp\n', line: 2, message: /99999/ },
    { input: 'FROM nginx:1.25\nEXPOSE 80 \\\n  443 \\\n  100000\n', line: 4, name: 'continuation line' },
    { input: 'FROM nginx:1.25\nEXPOSE 70000/tcp 80000\n', count: 2 },
  ],
});
