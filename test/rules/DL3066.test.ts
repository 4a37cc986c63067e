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
    // the base image sets these to numbers: 1654 (.NET), 1000 (Jupyter), 1200 (Selenium)
    'FROM mcr.microsoft.com/dotnet/aspnet:8.0.7\nUSER $APP_UID\n',
    'ARG BASE_IMAGE=quay.io/jupyter/base-notebook\nFROM $BASE_IMAGE\nUSER ${NB_UID}\n',
    'FROM selenium/node-base:4.23.0\nUSER ${SEL_UID}:${SEL_GID}\n',
  ],
  fires: [
    { input: 'FROM debian:12\nUSER www-data\n', line: 2, column: 6, message: /`USER www-data`/ },
    { input: 'FROM debian:12\nUSER ${UNDECLARED_UID}\n', line: 2 },
    { input: 'FROM debian:12\nUSER root\n', line: 2 },
    { input: 'FROM debian:12\nUSER app:1000\n', line: 2 },
    { input: 'FROM debian:12\nENV APP_USER=app\nUSER $APP_USER\n', line: 3, message: /`APP_USER` is not an ARG and has no numeric value here/ },
    { input: 'FROM debian:12.6\nUSER $APP_UID\n', line: 2, name: 'APP_UID only counts on an image known to set it' },
    { input: 'FROM mcr.microsoft.com/dotnet/aspnet:8.0.7\nENV APP_UID=app\nUSER $APP_UID\n', line: 3, name: 'a redefined base variable is judged by its value' },
    { input: 'FROM debian:12\nUSER \\\n  app\n', line: 3, name: 'continuation line' },
  ],
});
