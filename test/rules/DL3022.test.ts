import rule from '../../src/rules/hadolint/DL3022.js';
import { ruleTable } from '../helpers/rule-table.js';

ruleTable(rule, {
  silent: [
    'FROM node:20 AS assets\nRUN npm run build\nFROM nginx:1.25\nCOPY --from=assets /dist /usr/share/nginx/html\n',
    'FROM alpine:3.19\nCOPY --from=nginx:1.25 /etc/nginx/nginx.conf /tmp/\n',
    'FROM node:20 AS assets\nRUN npm run build\nFROM nginx:1.25\nCOPY --from=0 /dist /usr/share/nginx/html\n',
    'FROM alpine:3.19\nCOPY --from=docker:24.0.7-cli /usr/local/bin/docker /usr/local/bin/docker\n',
    'FROM node:20 AS Assets\nFROM nginx:1.25\nCOPY --from=assets /dist /srv/\n',
    'FROM alpine:3.19\nCOPY --from=${BUILDER} /x /x\n',
    'FROM alpine:3.19 AS self\nCOPY --from=self /x /y\n',
  ],
  fires: [
    { input: 'FROM alpine:3.19\nCOPY --from=assets /dist .\n', line: 2, column: 6, message: /assets/ },
    { input: 'FROM debian:12\nCOPY --from=busybox /bin/busybox /bin/\n', line: 2, message: /busybox:<tag>/ },
    { input: 'FROM alpine:3.19\nCOPY --from=1 /x /y\n', message: /only 1/ },
    { input: 'FROM alpine:3.19\nCOPY --from=later /x /y\nFROM alpine:3.19 AS later\n', message: /line 3/ },
    { input: 'FROM alpine:3.19\nCOPY --chown=1 \\\n  --from=assets /x /y\n', line: 3, name: 'continuation line' },
  ],
});
