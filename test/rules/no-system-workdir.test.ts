import rule from '../../src/rules/shipshape/no-system-workdir.js';
import { ruleTable } from '../helpers/rule-table.js';

ruleTable(rule, {
  silent: [
    'FROM alpine:3.20\nWORKDIR /app\n',
    'FROM alpine:3.20\nWORKDIR /srv/proc\n',
    'FROM alpine:3.20\nWORKDIR /process\n',
    'FROM alpine:3.20\nWORKDIR /usr/src/app\nWORKDIR build\n',
    'FROM alpine:3.20\nWORKDIR $UNSET/proc\n',
    'FROM alpine:3.20\nWORKDIR /proc/../app\n',
    // After a WORKDIR whose value is unknown, a relative one is not judged (it was joined to the WORKDIR before).
    'FROM alpine:3.20\nWORKDIR /\nARG SUB\nWORKDIR $SUB\nWORKDIR dev\n',
  ],
  fires: [
    { input: 'FROM alpine:3.20\nWORKDIR \\\n  /dev/app\n', line: 3, column: 3 },
    { input: 'FROM alpine:3.20\nWORKDIR /proc/app\n', line: 2, column: 9, count: 1, message: /\/proc/ },
    { input: 'FROM alpine:3.20\nWORKDIR /dev\n', line: 2 },
    { input: 'FROM alpine:3.20\nWORKDIR "/sys/fs"\n', line: 2 },
    { input: 'FROM alpine:3.20\nWORKDIR /boot/\n', line: 2 },
    { input: 'FROM alpine:3.20\nWORKDIR /lost+found\n', line: 2 },
    { input: 'FROM alpine:3.20\nARG BASE=/proc\nWORKDIR ${BASE}/x\n', line: 3 },
    { input: 'FROM alpine:3.20\nWORKDIR /\nWORKDIR dev/shm\n', line: 3, count: 1 },
    { input: 'FROM alpine:3.20\nWORKDIR /app/../initrd\n', line: 2, message: /\/initrd/ },
    { input: 'FROM alpine:3.20\nONBUILD WORKDIR /proc/x\n', line: 2 },
    // A WORKDIR outside any stage (no FROM) is judged too (found by the property test: the rule threw).
    { input: 'WORKDIR /proc/x\r\n', line: 1, name: 'WORKDIR without FROM' },
    // A relative WORKDIR continues the parent stage's (BuildKit: `FROM <stage>` inherits its WORKDIR); it was joined to `/`.
    { input: 'FROM alpine:3.20 AS base\n# hadolint ignore=no-system-workdir\nWORKDIR /proc\nFROM base\nWORKDIR self\n', line: 5, count: 1, message: /\/proc\/self/, name: 'relative WORKDIR in a child stage' },
  ],
});
