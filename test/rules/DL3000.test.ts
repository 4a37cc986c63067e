import rule from '../../src/rules/hadolint/DL3000.js';
import { ruleTable } from '../helpers/rule-table.js';

ruleTable(rule, {
  silent: [
    'FROM alpine:3.19\nWORKDIR /opt/service\n',
    'FROM alpine:3.19\nARG APP_HOME=/app\nWORKDIR ${APP_HOME}\n',
    'FROM alpine:3.19\nWORKDIR "${BUILD_DIR}"\n',
    'FROM alpine:3.19\nWORKDIR "/home/runner"\n',
    'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nWORKDIR F:/\n',
    "FROM mcr.microsoft.com/windows/servercore:ltsc2022\nWORKDIR 'D:\\'\n",
    'FROM mcr.microsoft.com/dotnet/framework/sdk:4.8\nWORKDIR C:/build\n',
    'FROM alpine:3.19\nENV SRC_DIR=/usr/src\nWORKDIR "$SRC_DIR"\n',
    'FROM alpine:3.19\nONBUILD WORKDIR app\n',
  ],
  fires: [
    { input: 'FROM alpine:3.19\nWORKDIR /usr/src/acarsdec\nWORKDIR build\n', line: 3, message: /`build` is relative \(to `\/usr\/src\/acarsdec`\); write the absolute path \(`\/usr\/src\/acarsdec\/build`\)/, name: 'relative to the previous WORKDIR' },
    { input: 'FROM alpine:3.19 AS base\nARG SRC=/src\nWORKDIR $SRC/app\nFROM base\nWORKDIR ../lib\n', line: 5, message: /write the absolute path \(`\/src\/lib`\)/, name: 'inherited from the parent stage, with .. and a variable' },
    { input: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nWORKDIR download\n', line: 2, message: /use an absolute path \(`C:\\download`\)/, name: 'Windows suggestion' },
    { input: 'FROM alpine:3.19\nWORKDIR app\n', line: 2, column: 9, count: 1, message: /`app` is relative/ },
    { input: 'FROM alpine:3.19\nWORKDIR "build/out"\n', line: 2 },
    { input: "FROM alpine:3.19\nWORKDIR 'srv/www'\n", line: 2 },
    { input: 'FROM alpine:3.19\nWORKDIR ./x\n', line: 2 },
    { input: 'FROM alpine:3.19\nWORKDIR ~/x\n', line: 2 },
    { input: 'FROM alpine:3.19\nRUN echo a\nWORKDIR \\\n  srv\n', line: 4, name: 'continuation line: reported at the path' },
    { input: 'FROM ubuntu:22.04\nWORKDIR srv\nFROM ubuntu:22.04\nWORKDIR app\n', count: 2 },
  ],
});
