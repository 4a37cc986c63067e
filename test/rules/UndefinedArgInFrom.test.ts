import rule from '../../src/rules/buildkit/UndefinedArgInFrom.js';
import { ruleTable } from '../helpers/rule-table.js';

ruleTable(rule, {
  silent: [
    'ARG TAG_SUFFIX\nFROM alpine:3.20${TAG_SUFFIX}\n',
    'FROM --platform=$BUILDPLATFORM golang:1.22 AS build\n',
    'ARG BASE_IMAGE=alpine:3.19\nFROM ${BASE_IMAGE} AS main\n',
    'ARG BASE_IMAGE\nFROM ${BASE_IMAGE:-debian:12-slim}\n',
    'FROM alpine:3.20\n',
    { input: 'FROM alpine:3.20\n# check=skip=UndefinedArgInFrom\nFROM node:22${VARIANT}\n', name: 'per-instruction skip above the FROM' },
  ],
  fires: [
    { input: 'FROM node:22${VARIANT} AS jsbuild\nRUN true\n', line: 1, column: 13, message: /'VARIANT' is not declared/ },
    { input: 'FROM alpine:3.20 AS base\nARG IMG=alpine:3.20\nFROM ${IMG}\n', line: 3, name: 'a stage ARG is not global' },
    { input: 'ARG TAG=3.19\nFROM alpine:${TAG}${SUFFIX} AS base\n', line: 2, count: 1, message: /SUFFIX/ },
    { input: 'FROM alpine:${TAG:-3.20}\n', line: 1, name: 'fires even with a default' },
    { input: 'ARG ALPINE_VERSION=3.20\nFROM alpine:${ALPINE_VERSON}\n', message: /did you mean ALPINE_VERSION\?/ },
    { input: 'FROM --platform=$TARGETPLATFROM alpine:3.20\n', message: /did you mean TARGETPLATFORM\?/ },
  ],
});
