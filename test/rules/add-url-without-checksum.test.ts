import rule from '../../src/rules/shipshape/add-url-without-checksum.js';
import { ruleTable } from '../helpers/rule-table.js';

ruleTable(rule, {
  silent: [
    'FROM alpine:3.20\nADD --keep-git-dir=true https://github.com/golangci/golangci-lint.git#v1.60.0 .\n',
    'FROM alpine:3.20\nADD https://github.com/moby/buildkit.git#v0.15.0 /src\n',
    'FROM alpine:3.20\nADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d https://example.com/a.tgz /opt/\n',
    'FROM alpine:3.20\nADD app.tar.gz /opt/\n',
    'FROM alpine:3.20\nADD git@github.com:moby/buildkit.git /src\n',
    'FROM alpine:3.20\nCOPY https.txt /x\n',
  ],
  fires: [
    { input: 'FROM alpine:3.20\nADD ["--checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d", "https://example.com/a.tgz", "/opt/"]\n', line: 2, name: 'flags inside exec form are sources, not flags' },
    { input: 'FROM alpine:3.20\nADD https://example.com/tool-1.2.tar.gz /opt/\n', line: 2, column: 5, count: 1 },
    { input: 'FROM alpine:3.20\nADD --chown=1000 http://example.com/a.sh /a.sh\n', line: 2, column: 18 },
    { input: 'FROM alpine:3.20\nADD ["https://example.com/a.tgz", "/opt/"]\n', line: 2 },
    { input: 'FROM alpine:3.20\nADD \\\n  https://example.com/a.tgz \\\n  /opt/\n', line: 3, column: 3 },
    { input: 'FROM alpine:3.20\nONBUILD ADD https://example.com/a.tgz /opt/\n', line: 2 },
    { input: 'FROM alpine:3.20\nADD https://user:hunter22@example.com/a.tgz /opt/\n', line: 2, message: /^(?!.*hunter22)/ },
  ],
});
