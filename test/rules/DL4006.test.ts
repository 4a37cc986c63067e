import rule from '../../src/rules/hadolint/DL4006.js';
import { ruleTable } from '../helpers/rule-table.js';

ruleTable(rule, {
  silent: [
    'FROM mcr.microsoft.com/powershell:7.4-ubuntu-22.04 AS build\nSHELL ["pwsh", "-Command"]\nRUN Get-ChildItem | Select-Object Name\n',
    'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nSHELL [ "cmd.exe", "/S", "/C" ]\nRUN dir | findstr tmp\n',
    'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nSHELL ["C:\\\\Windows\\\\System32\\\\WindowsPowerShell\\\\v1.0\\\\powershell.exe", "-Command"]\nRUN Get-Process | Sort-Object CPU\n',
    'FROM alpine:3.19 AS build\nSHELL ["/bin/bash", "-o", "nounset", "-o", "pipefail", "-c"]\nRUN curl -fsSL https://acme.example/list | sort > /sorted\n',
    'FROM alpine:3.19 AS build\nSHELL ["/bin/bash", "-euo", "pipefail", "-c"]\nRUN curl -fsSL https://acme.example/list | sort > /sorted\n',
    'FROM alpine:3.19 AS build\nSHELL ["/bin/ash", "-eo", "pipefail", "-c"]\nRUN wget -qO- https://acme.example/list | sort > /sorted\n',
    'FROM alpine:3.19 AS build\nRUN curl -fsSL https://acme.example/list -o /list && sort /list > /sorted\n',
    'FROM alpine:3.19\nRUN yq eval \'.services[0] | keys\' /config.yml > /keys.txt\n',
    'FROM alpine:3.19\nRUN test -f /x || echo missing\n',
    '# syntax=docker/dockerfile:1\nFROM debian:12-slim\nRUN <<EOF bash\nset -euo pipefail\nprintf \'b\\na\\n\' | sort\nEOF\nRUN echo finished\n',
    'FROM debian:12\nRUN set -o pipefail && curl -fsSL https://x | sort\n',
    'FROM debian:12 AS base\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nFROM base\nRUN curl -fsSL https://x | sort\n',
    'FROM debian:12\nRUN ["sh", "-c", "a | b"]\n',
    'FROM debian:12\nONBUILD RUN a | b\n',
    'FROM debian:12\nRUN echo "$SHA *python.tar.xz" | sha256sum -c -\n',
    "FROM debian:12\nRUN { echo '[repo]'; printf 'x\\n'; } | tee /etc/yum.repos.d/x.repo\n",
  ],
  fires: [
    {
      input: 'FROM alpine:3.19\nRUN curl -fsSL https://acme.example/list | sort > /sorted\n',
      line: 2,
      column: 5,
      count: 1,
      message: /`curl \| sort`/,
      fixed: 'FROM alpine:3.19\nRUN curl -fsSL https://acme.example/list | sort > /sorted\n',
      unsafeFixed: 'FROM alpine:3.19\nSHELL ["/bin/ash", "-o", "pipefail", "-c"]\nRUN curl -fsSL https://acme.example/list | sort > /sorted\n',
    },
    {
      input: 'FROM debian:12\nRUN apt-get update\nRUN curl -fsSL https://x/key \\\n    | gpg --dearmor > /k.gpg\nRUN a | b\n',
      line: 3,
      count: 2,
      unsafeFixed: 'FROM debian:12\nRUN apt-get update\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN curl -fsSL https://x/key \\\n    | gpg --dearmor > /k.gpg\nRUN a | b\n',
      name: 'continuation line; one SHELL per stage',
    },
    { input: 'FROM alpine:3.19 AS build\nSHELL ["/bin/sh", "-o", "pipefail", "-c"]\nRUN curl -fsSL https://acme.example/list | sort > /sorted\n', line: 3 },
    { input: 'FROM alpine:3.19\nSHELL ["/bin/sh", "-e", "-o", "pipefail", "-c"]\nRUN wget -qO- https://example.com/install.sh | sh\n', line: 3 },
    { input: 'FROM alpine:3.19 AS build\nSHELL ["/bin/bash", "-o", "pipefail", "-ec"]\nRUN curl -fsSL https://acme.example/a | sort > /a\nFROM alpine:3.19 AS build2\nRUN curl -fsSL https://acme.example/b | sort > /b\n', line: 5, count: 1 },
    { input: 'FROM debian:12\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nSHELL ["/bin/sh", "-c"]\nRUN a | b\n', line: 4 },
    { input: 'FROM debian:12\nRUN curl -fsSL https://x | sort && set -o pipefail\n', line: 2, name: 'pipefail set too late' },
    { input: 'FROM debian:12\nRUN echo x | grep -q x && find / | awk 1\n', message: /`find \| awk`/ },
    // Line endings, BOM and escape character are kept by the fix.
    { name: 'fix keeps CRLF line endings', input: 'FROM debian:12\r\nRUN apt-get update\r\nRUN curl -fsSL https://x/key \\\r\n    | gpg --dearmor > /k.gpg\r\nRUN a | b\r\n', unsafeFixed: 'FROM debian:12\r\nRUN apt-get update\r\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\r\nRUN curl -fsSL https://x/key \\\r\n    | gpg --dearmor > /k.gpg\r\nRUN a | b\r\n' },
    { name: 'fix keeps the BOM', input: '\uFEFFFROM alpine:3.19\nRUN curl -fsSL https://acme.example/list | sort > /sorted\n', fixed: '\uFEFFFROM alpine:3.19\nRUN curl -fsSL https://acme.example/list | sort > /sorted\n', unsafeFixed: '\uFEFFFROM alpine:3.19\nSHELL ["/bin/ash", "-o", "pipefail", "-c"]\nRUN curl -fsSL https://acme.example/list | sort > /sorted\n' },
    { name: 'fix in an escape=` file', input: '# escape=`\nFROM debian:12\nRUN apt-get update\nRUN curl -fsSL https://x/key `\n    | gpg --dearmor > /k.gpg\nRUN a | b\n', unsafeFixed: '# escape=`\nFROM debian:12\nRUN apt-get update\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN curl -fsSL https://x/key `\n    | gpg --dearmor > /k.gpg\nRUN a | b\n' },
    // The SHELL goes above the comment block of the RUN (bug: it went between the comment and its RUN).
    {
      name: 'fix above the comment of the RUN',
      input: 'FROM debian:12\nRUN apt-get update\n\n# fetch the key\n# (armored)\nRUN curl -fsSL https://x/key | gpg --dearmor > /k.gpg\n',
      unsafeFixed: 'FROM debian:12\nRUN apt-get update\n\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\n# fetch the key\n# (armored)\nRUN curl -fsSL https://x/key | gpg --dearmor > /k.gpg\n',
    },
    // No second SHELL in a stage that inherits the first one's fix (issue 16, mathesar).
    {
      name: 'child stage inherits the fixed SHELL',
      input: 'FROM debian:12 AS base\nRUN curl -fsSL https://x | sort > /a\nFROM base AS prod\nRUN curl -fsSL https://y | sort > /b\n',
      count: 2,
      unsafeFixed: 'FROM debian:12 AS base\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN curl -fsSL https://x | sort > /a\nFROM base AS prod\nRUN curl -fsSL https://y | sort > /b\n',
    },
    {
      name: 'a bash SHELL without pipefail gets -o pipefail (also when inherited)',
      input: 'FROM debian:12 AS base\nSHELL ["/bin/bash", "-c"]\nRUN echo base\nFROM base\nRUN curl -fsSL https://y | sort > /b\n',
      line: 5,
      unsafeFixed: 'FROM debian:12 AS base\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN echo base\nFROM base\nRUN curl -fsSL https://y | sort > /b\n',
    },
    // The SHELL line follows the file's keyword casing.
    { name: 'lower-case file', input: 'from debian:12\nrun curl -fsSL https://x/key | gpg --dearmor > /k.gpg\n', unsafeFixed: 'from debian:12\nshell ["/bin/bash", "-o", "pipefail", "-c"]\nrun curl -fsSL https://x/key | gpg --dearmor > /k.gpg\n' },
  ],
});
