import rule from '../../src/rules/buildkit/InvalidDefaultArgInFrom.js';
import { ruleTable } from '../helpers/rule-table.js';

ruleTable(rule, {
  silent: [
    'ARG TAG=3.20\nFROM alpine:${TAG}\n',
    'ARG TAG\nFROM alpine:${TAG:-3.20}\n',
    'ARG V\nFROM busybox:stable$V\n',
    'ARG TAG_SUFFIX\nFROM alpine:3.20${TAG_SUFFIX}\n',
    'ARG BASE_IMAGE=alpine:3.19\nFROM ${BASE_IMAGE} AS main\n',
    'ARG REG=ghcr.io/acme\nFROM ${REG}/app@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\n',
    'FROM node:22${VARIANT}\n',
    'FROM scratch\nCOPY a /a\n',
    'FROM golang:1.22 AS Build\nFROM Build\n',
    'FROM Registry.Example.com:5000/acme/app:1\n',
    { input: '# check=skip=InvalidDefaultArgInFrom\nARG TAG\nFROM alpine:${TAG}\n', name: 'file-level skip' },
  ],
  fires: [
    { input: 'ARG TAG\nFROM alpine:${TAG}\nRUN true\n', line: 2, column: 6, message: /alpine:/ },
    { input: 'FROM alpine:3.20 AS base\nARG IMG=alpine:3.20\nFROM ${IMG}\n', line: 3, message: /empty/ },
    { input: 'ARG IMAGE=Alpine\nFROM ${IMAGE}\n', message: /lowercase/ },
    { input: 'FROM Ubuntu:22.04\n', line: 1, message: /'Ubuntu:22.04' is not a valid image reference/, name: 'literal invalid name' },
    { input: 'FROM ghcr.io/Acme/app:1\n', message: /lowercase/, name: 'upper case after the registry' },
    { input: 'ARG TAG\n# check=skip=InvalidDefaultArgInFrom\nFROM alpine:${TAG}\n', line: 3, name: 'per-instruction comments do not apply' },
  ],
});
