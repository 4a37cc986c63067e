import rule from '../../src/rules/hadolint/DL3047.js';
import { ruleTable } from '../helpers/rule-table.js';

ruleTable(rule, {
  silent: [
    'FROM debian:12 AS fetch\nRUN wget --output-file=/tmp/dl.log https://downloads.acme.example/pkg.tgz\n',
    'FROM debian:12 AS fetch\nRUN wget -nv https://downloads.acme.example/pkg.tgz\n',
    'FROM debian:12 AS fetch\nRUN wget --progress=dot:giga https://downloads.acme.example/pkg.tgz\n',
    'FROM debian:12 AS fetch\nRUN wget -a /tmp/dl.log https://downloads.acme.example/pkg.tgz\n',
    'FROM debian:12 AS fetch\nRUN wget --no-verbose https://downloads.acme.example/pkg.tgz\n',
    'FROM debian:12 AS fetch\nRUN wget --quiet https://downloads.acme.example/pkg.tgz\n',
    'FROM alpine:3.19\nRUN wget -qO- https://downloads.acme.example/x | tar -x\n',
    'FROM debian:12\nRUN curl -fsSLO https://downloads.acme.example/pkg.tgz\n',
  ],
  fires: [
    { input: 'FROM debian:12\nRUN wget https://example.com/pkg.tgz\n', line: 2, column: 5, fixed: 'FROM debian:12\nRUN wget --progress=dot:giga https://example.com/pkg.tgz\n' },
    { input: 'FROM debian:12\nONBUILD RUN wget https://example.com/pkg.tgz\n', line: 2, fixed: 'FROM debian:12\nONBUILD RUN wget --progress=dot:giga https://example.com/pkg.tgz\n', name: 'ONBUILD' },
    { input: 'FROM debian:12\nRUN set -e; \\\n    wget -O /tmp/x.tgz \\\n      https://example.com/x.tgz\n', line: 3, fixed: 'FROM debian:12\nRUN set -e; \\\n    wget --progress=dot:giga -O /tmp/x.tgz \\\n      https://example.com/x.tgz\n', name: 'continuation lines' },
    { input: 'FROM alpine:3.19\nRUN wget https://example.com/pkg.tgz\n', message: /-q/, fixed: 'FROM alpine:3.19\nRUN wget https://example.com/pkg.tgz\n', name: 'busybox wget: no fix' },
    { input: 'FROM debian:12\nRUN ["wget", "https://example.com/pkg.tgz"]\n', line: 2, name: 'exec form' },
    // Line endings, BOM and escape character are kept by the fix.
    { name: 'fix keeps CRLF line endings', input: 'FROM debian:12\r\nRUN set -e; \\\r\n    wget -O /tmp/x.tgz \\\r\n      https://example.com/x.tgz\r\n', fixed: 'FROM debian:12\r\nRUN set -e; \\\r\n    wget --progress=dot:giga -O /tmp/x.tgz \\\r\n      https://example.com/x.tgz\r\n' },
    { name: 'fix keeps the BOM', input: '\uFEFFFROM debian:12\nRUN wget https://example.com/pkg.tgz\n', fixed: '\uFEFFFROM debian:12\nRUN wget --progress=dot:giga https://example.com/pkg.tgz\n' },
    { name: 'fix in an escape=` file', input: '# escape=`\nFROM debian:12\nRUN set -e; `\n    wget -O /tmp/x.tgz `\n      https://example.com/x.tgz\n', fixed: '# escape=`\nFROM debian:12\nRUN set -e; `\n    wget --progress=dot:giga -O /tmp/x.tgz `\n      https://example.com/x.tgz\n' },
  ],
});
