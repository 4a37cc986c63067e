import rule from '../../src/rules/hadolint/DL3002.js';
import { ruleTable } from '../helpers/rule-table.js';

ruleTable(rule, {
  silent: [
    'FROM debian:12.6-slim\nRUN echo\n',
    'FROM python:3.12\nUSER root\nRUN pip install --no-cache-dir uv==0.4.0\nUSER appuser\n',
    'FROM golang:1.22 AS toolchain\nUSER root\nRUN go version\nUSER nobody\nFROM debian:12\nRUN echo ok\n',
    'FROM debian:12.6-slim\nUSER 1000:0\n',
    'FROM debian:12.6-slim\nUSER rootless\n',
    'FROM debian:12.6-slim\nARG U\nUSER $U\n',
    'FROM debian:12.6-slim\nONBUILD USER root\n',
  ],
  fires: [
    { input: 'FROM debian:12.6-slim\nUSER root\nCMD ["bash"]\n', line: 2, column: 6 },
    { input: 'FROM node:20-slim\nUSER 0\n', line: 2 },
    { input: 'FROM node:20-slim\nUSER 0:1000\n', line: 2 },
    { input: 'FROM alpine:3.20\nUSER app\nUSER root\n', line: 3, count: 1 },
    { input: 'FROM golang:1.22 AS toolchain\nUSER root\nRUN go version\nFROM toolchain\nRUN go env\n', line: 2, count: 1 },
    { input: 'FROM a:1 AS a\nUSER root\nFROM b:1\nUSER root:root\n', count: 2 },
    { input: 'FROM debian:12.6-slim\nARG U=root\nUSER ${U}\n', line: 3 },
    { input: 'FROM debian:12.6-slim\nUSER \\\n  root\n', line: 3 },
  ],
});
