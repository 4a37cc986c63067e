import rule from '../../src/rules/buildkit/WorkdirRelativePath.js';
import { ruleTable } from '../helpers/rule-table.js';

ruleTable(rule, {
  silent: [
    'FROM alpine:3.20\nWORKDIR /app\nWORKDIR src\n',
    'FROM alpine:3.20 AS base\nWORKDIR /srv\nFROM base\nWORKDIR www\n',
    'FROM alpine:3.20\nARG DIR=/srv\nWORKDIR $DIR\n',
    'FROM alpine:3.20\nENV SRC_DIR=/usr/src\nWORKDIR "$SRC_DIR"\n',
    '# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nWORKDIR C:\\app\n',
    'FROM mcr.microsoft.com/dotnet/framework/sdk:4.8\nWORKDIR C:/build\n',
    { input: 'FROM mcr.microsoft.com/dotnet/sdk:8.0\nSHELL ["cmd", "/S", "/C"]\nWORKDIR C:/build\n', name: 'a stage with a cmd SHELL is a Windows stage' },
    { input: 'FROM alpine:3.20\n# check=skip=WorkdirRelativePath\nWORKDIR app\n', name: 'per-instruction skip' },
  ],
  fires: [
    { input: 'FROM alpine:3.20\nWORKDIR app\n', line: 2, message: /'app'/ },
    // Issue 16: on a Linux stage only a leading `/` is absolute (BuildKit); a drive letter is a directory name.
    { input: 'FROM alpine:3.20\nWORKDIR c:/build\n', line: 2, message: /'c:\/build'.*WORKDIR \/c:\/build/, name: 'c:/build on Linux' },
    { input: 'FROM alpine:3.20\nWORKDIR C:\\build\n', line: 2, name: 'C:\\build on Linux' },
    { input: 'FROM alpine:3.20\nWORKDIR ./src\n', line: 2 },
    { input: 'FROM alpine:3.20\nARG APP_HOME=opt/app\nWORKDIR ${APP_HOME}\n', line: 3, message: /opt\/app/ },
    { input: 'FROM alpine:3.20 AS a\nWORKDIR /a\nFROM alpine:3.20\nWORKDIR b\nWORKDIR c\n', line: 4, count: 1 },
  ],
});
