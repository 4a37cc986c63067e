import rule from '../../src/rules/hadolint/DL3003.js';
import { ruleTable } from '../helpers/rule-table.js';

ruleTable(rule, {
  silent: [
    // The official php image: a cd the same RUN undoes with `cd /` keeps later instructions at `/`.
    'FROM debian:bookworm-slim\nRUN set -eux; cd /usr/src/php; ./configure; make -j4; make install; cd /; docker-php-source delete\n',
    'FROM debian:bookworm-slim\nRUN cd /opt/tool && make && cd -\n',
    // The official httpd image: into a build tree it removes, then back up (WORKDIR .. would be no advice).
    'FROM debian:trixie-slim\nRUN mkdir src && cd src && make && cd .. && rm -r src\n',
    'FROM gcc:13\nWORKDIR /srv/app\n',
    'FROM gcc:13\nRUN make -C /usr/src/lib\n',
    'FROM debian:12-slim\nRUN git clone https://example.com/tool.git /tmp/tool && \\\n    (cd /tmp/tool && ./configure && make && make install) && \\\n    rm -rf /tmp/tool\n',
    'FROM debian:12\nRUN DIR="$(cd /opt && pwd)" && echo "$DIR"\n',
    'FROM debian:12\nONBUILD RUN cd /src && make\n',
    'FROM debian:12\nRUN echo cd /tmp\n',
    'FROM debian:12\nRUN mkdir -p /usr/src/python && cd /usr/src/python && make && cd / && rm -rf /usr/src/python\n',
    'FROM debian:12\nRUN tempDir="$(mktemp -d)"; cd "$tempDir"; make; rm -rf "$tempDir"\n',
    'FROM debian:12\nRUN set -eux; \\\n  cd /usr/src/app/build; \\\n  make; \\\n  rm -rf /usr/src/app\n',
  ],
  fires: [
    // Issue 16: once per RUN (hadolint), at the first cd; the `cd ..` back is not a second finding.
    { input: 'FROM node:20.15.1\nRUN cd web && make && cd ..\n', line: 2, column: 5, count: 1, message: 'Use `WORKDIR web` instead of `cd web` in RUN', name: 'cd web && make && cd ..' },
    { input: 'FROM gcc:13\nRUN cd /a && make && cd /b && make\nRUN cd /c && make\n', count: 2, name: 'one per RUN' },
    {
      input: 'FROM gcc:13\nRUN cd /usr/src/app && make\n',
      line: 2,
      column: 5,
      message: /WORKDIR \/usr\/src\/app/,
      fixed: 'FROM gcc:13\nRUN cd /usr/src/app && make\n',
      unsafeFixed: 'FROM gcc:13\nWORKDIR /usr/src/app\nRUN make\n',
    },
    {
      input: 'FROM gcc:13\nRUN cd /usr/src/app && \\\n    make && \\\n    make install\n',
      line: 2,
      unsafeFixed: 'FROM gcc:13\nWORKDIR /usr/src/app\nRUN make && \\\n    make install\n',
      name: 'continuation lines',
    },
    {
      input: 'FROM gcc:13\nRUN --mount=type=cache,target=/root/.cache cd /src && make\n',
      unsafeFixed: 'FROM gcc:13\nWORKDIR /src\nRUN --mount=type=cache,target=/root/.cache make\n',
      name: 'flags kept',
    },
    {
      input: 'FROM gcc:13\nRUN make && cd /src && make install\n',
      line: 2,
      unsafeFixed: 'FROM gcc:13\nRUN make && cd /src && make install\n',
      name: 'not first: no fix',
    },
    {
      input: 'FROM gcc:13\nRUN cd "$SRC" && make\n',
      unsafeFixed: 'FROM gcc:13\nRUN cd "$SRC" && make\n',
      name: 'variable directory: no fix',
    },
    { input: 'FROM gcc:13\nRUN cd build; make\n', message: /WORKDIR build/, unsafeFixed: 'FROM gcc:13\nRUN cd build; make\n' },
    { input: 'FROM gcc:13\nRUN if true; then cd /x; fi\n', line: 2 },
    {
      input: 'FROM gcc:13\nRUN cd /src && make\nUSER 10001\nWORKDIR /app\nCMD ["./app"]\n',
      fixed: 'FROM gcc:13\nWORKDIR /src\nRUN make\nUSER 10001\nWORKDIR /app\nCMD ["./app"]\n',
      name: 'safe when a WORKDIR follows',
    },
    // The WORKDIR that follows is read as BuildKit expands it (before: only a literal `/…` counted, so the fix was unsafe).
    {
      input: 'FROM gcc:13\nARG APP_HOME=/app\nRUN cd /src && make\nWORKDIR $APP_HOME\nCOPY . .\n',
      fixed: 'FROM gcc:13\nARG APP_HOME=/app\nWORKDIR /src\nRUN make\nWORKDIR $APP_HOME\nCOPY . .\n',
      name: 'safe when a WORKDIR with a variable holding an absolute path follows',
    },
    {
      input: 'FROM gcc:13\nARG SUB=app\nRUN cd /src && make\nWORKDIR $SUB\n',
      fixed: 'FROM gcc:13\nARG SUB=app\nRUN cd /src && make\nWORKDIR $SUB\n',
      name: 'unsafe when the WORKDIR that follows is relative after expansion',
    },
    {
      input: 'FROM gcc:13\nRUN cd /src && make\nCOPY a b\nWORKDIR /app\n',
      fixed: 'FROM gcc:13\nRUN cd /src && make\nCOPY a b\nWORKDIR /app\n',
      name: 'unsafe when an instruction in between uses the directory',
    },
    // Line endings, BOM and escape character are kept by the fix.
    { name: 'fix keeps CRLF line endings', input: 'FROM gcc:13\r\nRUN cd /usr/src/app && \\\r\n    make && \\\r\n    make install\r\n', unsafeFixed: 'FROM gcc:13\r\nWORKDIR /usr/src/app\r\nRUN make && \\\r\n    make install\r\n' },
    { name: 'fix keeps the BOM', input: '\uFEFFFROM gcc:13\nRUN cd /usr/src/app && make\n', fixed: '\uFEFFFROM gcc:13\nRUN cd /usr/src/app && make\n', unsafeFixed: '\uFEFFFROM gcc:13\nWORKDIR /usr/src/app\nRUN make\n' },
    { name: 'fix in an escape=` file', input: '# escape=`\nFROM gcc:13\nRUN cd /usr/src/app && `\n    make && `\n    make install\n', unsafeFixed: '# escape=`\nFROM gcc:13\nWORKDIR /usr/src/app\nRUN make && `\n    make install\n' },
    // The WORKDIR goes above the comment block of the RUN (bug: it went between the comment and its RUN).
    {
      name: 'fix above the comment of the RUN',
      input: 'FROM debian:12\n# build\nRUN cd /src && make\n',
      unsafeFixed: 'FROM debian:12\nWORKDIR /src\n# build\nRUN make\n',
    },
    // The WORKDIR line follows the file's keyword casing.
    { name: 'lower-case file', input: 'from debian:12\nrun cd /src && make\n', unsafeFixed: 'from debian:12\nworkdir /src\nrun make\n' },
  ],
});
