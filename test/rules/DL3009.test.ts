import rule from '../../src/rules/hadolint/DL3009.js';
import { ruleTable } from '../helpers/rule-table.js';

ruleTable(rule, {
  silent: [
    'FROM debian:12\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\n',
    'FROM debian:12\nRUN apt update && apt install -y htop && rm -rf /var/lib/apt/lists/*\n',
    'FROM debian:12\nRUN aptitude update && aptitude install -y htop && rm -fr /var/lib/apt/lists/*\n',
    'FROM debian:12\nRUN apt-get update && apt-get install -y curl && rm -rf /tmp/whatever\n',
    'FROM debian:12\nRUN --mount=type=cache,target=/var/lib/apt,sharing=locked \\\n    --mount=type=cache,target=/var/cache/apt,sharing=locked \\\n    apt-get update && apt-get install -y curl\n',
    'FROM debian:12\nRUN --mount=type=tmpfs,target=/var/lib/apt/lists apt-get update && apt-get install -y curl\n',
    'FROM debian:12\nRUN \\\n  --mount=type=tmpfs,target=/var/cache/apt \\\n  --mount=type=cache,target=/var/lib/apt,sharing=locked \\\n  apt-get -qq update\n',
    'FROM ubuntu:22.04 AS build\nRUN apt-get update && apt-get install -y gcc\nFROM ubuntu:22.04\nCOPY --from=build /out /out\n',
    'FROM debian:12\nRUN apt-get install -y curl\n',
    'FROM debian:12\nRUN echo apt-get update\n',
    'FROM debian:12\nRUN set -ex; \\\n\tapt-get update; \\\n\tapt-get install -y --no-install-recommends git; \\\n\tapt-get dist-clean\n',
  ],
  fires: [
    { input: 'FROM debian:12\nRUN apt-get update && apt-get install -y curl\n', line: 2, column: 5, fixed: 'FROM debian:12\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\n' },
    { input: 'FROM debian:12\nRUN aptitude update && aptitude install -y htop\n', message: /aptitude update/ },
    { input: 'FROM ubuntu:22.04 AS base\nRUN apt-get update && apt-get install -y curl\nFROM base\nRUN echo next\n', line: 2 },
    { input: 'FROM ubuntu:22.04 AS fetcher\nRUN echo start\nFROM debian:12\nRUN apt-get update && apt-get install -y curl\n', line: 4 },
    { input: 'FROM debian:12 AS a\nRUN apt-get update\nFROM debian:12 AS a\nRUN echo\n', line: 2, name: 'same FROM text as the last stage' },
    { input: 'FROM debian:12 AS deps\nONBUILD RUN apt-get update && apt-get install -y wget\nFROM nginx:1.25\n', line: 2, fixed: 'FROM debian:12 AS deps\nONBUILD RUN apt-get update && apt-get install -y wget && rm -rf /var/lib/apt/lists/*\nFROM nginx:1.25\n' },
    { input: 'FROM debian:12\nRUN --mount=type=cache,target=/var/cache/apt apt-get update && apt-get install -y curl\n' },
    {
      input: 'FROM debian:12\nRUN apt-get update \\\n && apt-get install -y \\\n      curl \\\n && make\n',
      line: 2,
      fixed: 'FROM debian:12\nRUN apt-get update \\\n && apt-get install -y \\\n      curl && rm -rf /var/lib/apt/lists/* \\\n && make\n',
    },
    { input: 'FROM debian:12\nRUN apt-get update && apt-get install -y curl || true\n', fixed: 'FROM debian:12\nRUN apt-get update && apt-get install -y curl || true\n', name: 'no fix before ||' },
    { input: 'FROM debian:12\nRUN apt-get update\nRUN apt-get install -y curl\n', line: 2, fixed: 'FROM debian:12\nRUN apt-get update\nRUN apt-get install -y curl\n', name: 'a later RUN needs the lists: no fix' },
    { input: 'FROM debian:12\nRUN apt-get update\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\n', line: 2, fixed: 'FROM debian:12\nRUN apt-get update && rm -rf /var/lib/apt/lists/*\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\n' },
    { input: 'FROM debian:12\nRUN ["apt-get", "update"]\n', fixed: 'FROM debian:12\nRUN ["apt-get", "update"]\n', name: 'exec form: no fix' },
    { input: 'FROM debian:12\nRUN <<EOF\napt-get update\napt-get install -y tree\nEOF\n', line: 3, fixed: 'FROM debian:12\nRUN <<EOF\napt-get update\napt-get install -y tree && rm -rf /var/lib/apt/lists/*\nEOF\n' },
    // Line endings, BOM and escape character are kept by the fix.
    { name: 'fix keeps CRLF line endings', input: 'FROM debian:12\r\nRUN apt-get update \\\r\n && apt-get install -y \\\r\n      curl \\\r\n && make\r\n', fixed: 'FROM debian:12\r\nRUN apt-get update \\\r\n && apt-get install -y \\\r\n      curl && rm -rf /var/lib/apt/lists/* \\\r\n && make\r\n' },
    { name: 'fix keeps the BOM', input: '\uFEFFFROM debian:12\nRUN apt-get update && apt-get install -y curl\n', fixed: '\uFEFFFROM debian:12\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\n' },
    { name: 'fix in an escape=` file', input: '# escape=`\nFROM debian:12\nRUN apt-get update `\n && apt-get install -y `\n      curl `\n && make\n', fixed: '# escape=`\nFROM debian:12\nRUN apt-get update `\n && apt-get install -y `\n      curl && rm -rf /var/lib/apt/lists/* `\n && make\n' },
  ],
});
