import rule from '../../src/rules/hadolint/DL3007.js';
import { ruleTable } from '../helpers/rule-table.js';

ruleTable(rule, {
  silent: [
    'FROM redis:7.2.4\n',
    'FROM redis\n',
    'FROM docker.io/library/redis@sha256:5f2b8d1a2c79f6d1b6f3a1a4b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5\n',
    'FROM redis:latest@sha256:5f2b8d1a2c79f6d1b6f3a1a4b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5\n',
    'FROM redis:latest-alpine\n',
    'ARG TAG\nFROM redis:$TAG\n',
  ],
  fires: [
    { input: 'FROM redis:latest\n', line: 1, column: 6, message: /redis:latest/ },
    { input: 'FROM redis:latest AS cache\n', line: 1 },
    { input: 'FROM --platform=linux/amd64 \\\n  redis:latest \\\n  AS cache\n', line: 2, column: 3 },
    { input: 'ARG TAG=latest\nFROM redis:${TAG}\n', line: 2 },
    { input: 'FROM golang:1.22.5 AS b\nFROM localhost:5000/app:latest\n', line: 2, count: 1 },
  ],
});
