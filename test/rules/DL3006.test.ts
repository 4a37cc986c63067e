import rule from '../../src/rules/hadolint/DL3006.js';
import { ruleTable } from '../helpers/rule-table.js';

ruleTable(rule, {
  silent: [
    'FROM debian:12.6\n',
    'FROM scratch\nCOPY app /app\n',
    'FROM nginx@sha256:0d17b565c37bcbd895e9d92315a05c1c3c9a29f762b011a10c54a66cd53c9b31\n',
    'FROM rust:1.77 AS compile\nRUN cargo build\nFROM compile AS check\nRUN cargo test\n',
    'ARG BASE_IMAGE=alpine:3.19\nFROM ${BASE_IMAGE}\n',
    'ARG BASE_IMAGE\nFROM ${BASE_IMAGE:-debian:12-slim}\n',
    'ARG BASE_IMAGE\nFROM $BASE_IMAGE\n',
    'ARG V=8.12.0\nFROM docker.elastic.co/logstash/logstash:${V}\n',
    'FROM localhost:5000/app:1.0\n',
    'FROM --platform=$BUILDPLATFORM golang:1.22.5 AS build\n',
  ],
  fires: [
    { input: 'FROM centos\n', line: 1, column: 6, message: /`centos`/ },
    { input: 'FROM rust:1.77 AS compile\nRUN cargo build\nFROM ruby AS check\nRUN ruby -v\n', line: 3, count: 1 },
    { input: 'ARG BASE=alpine\nFROM $BASE\n', line: 2, message: /`alpine`.*ARG default/ },
    { input: 'FROM localhost:5000/app\n', line: 1 },
    { input: 'FROM --platform=linux/amd64 \\\n  debian AS x\n', line: 2 },
    { input: 'FROM build\nFROM build AS build\n', count: 2, line: 1, name: 'a name is an alias only after its FROM' },
  ],
});
