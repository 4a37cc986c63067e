import rule from '../../src/rules/hadolint/DL3066.js';
import { ruleTable } from '../helpers/rule-table.js';

ruleTable(rule, {
  silent: [
    'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nUSER ContainerAdministrator\n',
    'FROM mcr.microsoft.com/windows/nanoserver:ltsc2022\nUSER app\n',
    'FROM debian:12\nUSER 10001\n',
    'FROM debian:12\nUSER 10001:10001\n',
    'FROM alpine:3.19\nARG UID=1000\nARG GID=1000\nRUN addgroup -g "${GID}" app && adduser -D -u "${UID}" -G app app\nUSER ${UID}:${GID}\n',
    'FROM alpine:3.19\nARG APP_UID\nUSER $APP_UID\n',
    'FROM alpine:3.19\nENV APP_UID=10001\nUSER ${APP_UID}\n',
    'FROM alpine:3.19\nONBUILD USER app\n',
  ],
  fires: [
    { input: 'FROM debian:12\nUSER www-data\n', line: 2, column: 6, message: /`USER www-data`/ },
    { input: 'FROM debian:12\nUSER ${UNDECLARED_UID}\n', line: 2 },
    { input: 'FROM debian:12\nUSER root\n', line: 2 },
    { input: 'FROM debian:12\nUSER app:1000\n', line: 2 },
    { input: 'FROM debian:12\nENV APP_USER=app\nUSER $APP_USER\n', line: 3 },
    { input: 'FROM debian:12\nUSER \\\n  app\n', line: 3, name: 'continuation line' },
  ],
});
