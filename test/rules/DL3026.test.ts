import rule from '../../src/rules/hadolint/DL3026.js';
import { ruleTable } from '../helpers/rule-table.js';

const acme = { trustedRegistries: ['registry.acme.example'] };

ruleTable(rule, {
  silent: [
    'FROM registry.acme.example/base/debian:12\n',
    { input: 'FROM registry.acme.example/base/debian:12\n', config: { trustedRegistries: ['quay.io', 'registry.acme.example'] } },
    { input: 'FROM eu.registry.acme.example/base:1\n', config: { trustedRegistries: ['quay.io', '*.acme.example'] } },
    { input: 'FROM scratch\nCOPY app /app\n', config: acme },
    { input: 'FROM debian:12\n', config: { trustedRegistries: ['docker.io'] } },
    { input: 'FROM ghcr.io/acme/x:1\n', config: { trustedRegistries: ['ghcr.*'] } },
    { input: 'FROM anything.example/x:1\n', config: { trustedRegistries: ['*'] } },
    { input: 'FROM registry.acme.example/b:1 AS build\nFROM build\nCOPY --from=build /x /x\nCOPY --from=0 /x /y\n', config: acme },
    { input: 'FROM registry.acme.example/base:1\nRUN --mount=type=cache,from=registry.acme.example/tools/image:2,target=/mnt/cache make\n', config: acme },
    { input: 'FROM registry.acme.example/base:1\nRUN --mount=type=secret,id=x cat /run/secrets/x\n', config: acme },
    { input: 'ARG BASE\nFROM $BASE\n', config: acme },
  ],
  fires: [
    { input: 'FROM registry.acme.example/base/debian:12\n', config: { trustedRegistries: ['docker.io'] }, line: 1, column: 6, message: /registry\.acme\.example/ },
    { input: 'FROM quay.io/acme/base:1\n', config: { trustedRegistries: ['*.acme.example'] } },
    { input: 'FROM debian:12 AS b1\nFROM bitnami/redis:7.2 AS b2\nFROM docker.io/bitnami/redis:7.2 AS b3\n', config: acme, count: 3 },
    { input: 'FROM registry.acme.example/base:1\nRUN --mount=type=cache,from=ghcr.io/other/image:2,target=/mnt/cache make\n', config: acme, line: 2 },
    { input: 'FROM registry.acme.example/base:1\nRUN --mount=type=bind,from=ghcr.io/other/image:2,target=/mnt/tool /mnt/tool/run\n', config: acme, line: 2 },
    { input: 'FROM registry.acme.example/base:1\nCOPY --from=nginx:1.25 /etc/nginx /etc/nginx\n', config: acme, line: 2, message: /docker\.io/ },
    { input: 'FROM registry.acme.example/base:1\nCOPY \\\n  --from=ghcr.io/x/y:1 /a /b\n', config: acme, line: 3, name: 'continuation line' },
    { input: 'FROM localhost:5000/base:1\n', config: acme, message: /localhost:5000/ },
  ],
});
