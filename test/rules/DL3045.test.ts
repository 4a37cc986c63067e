import rule from '../../src/rules/hadolint/DL3045.js';
import { ruleTable } from '../helpers/rule-table.js';

ruleTable(rule, {
  silent: [
    'FROM alpine:3.19\nCOPY entry.sh "/usr/local/bin/entry.sh"\n',
    'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nCOPY entry.ps1 c:\\tools\\entry.ps1\n',
    'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nCOPY entry.ps1 "d:\\tools\\entry.ps1"\n',
    'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nWORKDIR c:\\tools\nCOPY entry.ps1 entry.ps1\n',
    'FROM alpine:3.19\nCOPY entry.sh $BIN_DIR\n',
    'FROM alpine:3.19\nWORKDIR /srv\nCOPY entry.sh entry.sh\n',
    'FROM alpine:3.19 AS base\nWORKDIR /srv\nFROM alpine:3.19 AS middle\nRUN echo mid\nFROM base\nCOPY conf conf\n',
    'FROM node:20\nONBUILD WORKDIR /opt/app\nONBUILD COPY package.json package.json\n',
    'FROM python:3.12-slim\nONBUILD COPY requirements.txt .\n',
    'FROM alpine:3.19\nADD entry.sh entry.sh\n',
  ],
  fires: [
    { input: 'FROM alpine:3.19\nCOPY entry.sh entry.sh\n', line: 2, column: 15, count: 1, message: /`entry\.sh`/ },
    { input: 'FROM alpine:3.19\nCOPY x y\n', line: 2 },
    { input: 'FROM alpine:3.19 AS prep\nWORKDIR /srv\nFROM alpine:3.19\nCOPY conf.d conf.d\n', line: 4 },
    { input: 'FROM alpine:3.19\nCOPY entry.sh .\nWORKDIR /srv\n', line: 2, name: 'WORKDIR after the COPY' },
    { input: 'FROM alpine:3.19\nCOPY ["a.sh", "b/"]\n', line: 2, name: 'exec form' },
    { input: 'FROM alpine:3.19\nCOPY a.sh \\\n     bin/\n', line: 3, name: 'continuation line' },
  ],
});
