import rule from '../../src/rules/hadolint/DL3020.js';
import { ruleTable } from '../helpers/rule-table.js';

ruleTable(rule, {
  silent: [
    'FROM alpine:3.19\nADD assets.tgz /srv/\n',
    'FROM alpine:3.19\nADD "assets.tgz" /srv/\n',
    'FROM alpine:3.19\nADD assets.bz2 assets.gz /srv/\n',
    'FROM alpine:3.19\nADD https://downloads.acme.example/tool.bin /opt/tool/\n',
    'FROM alpine:3.19\nADD git@github.com:acme/tool.git /src/tool\n',
    'FROM alpine:3.19\nCOPY motd /etc/motd\n',
    { input: 'FROM alpine:3.19\nARG VERSION=v2.0.9\nARG URL=https://github.com/acme/tool/releases/download/$VERSION/tool\nADD $URL /usr/local/bin/tool\n', name: 'ARG holding a URL' },
    { input: 'FROM alpine:3.19\nENV PKG=vendor.tar.gz\nADD ${PKG} /srv/\n', name: 'ENV holding an archive name' },
    { input: 'FROM alpine:3.19\nADD release /opt/\n', files: { release: '\u001f\u008b\u0008\u0000binary' }, name: 'gzip content in the context' },
  ],
  fires: [
    { input: 'FROM debian:12\nADD motd /etc/motd\n', line: 2, column: 1, message: /`motd`/, fixed: 'FROM debian:12\nCOPY motd /etc/motd\n' },
    { input: 'FROM alpine:3.19\nADD assets.zip /srv/\n', fixed: 'FROM alpine:3.19\nCOPY assets.zip /srv/\n' },
    { input: 'FROM alpine:3.19\nADD "assets.zip" /srv/\n', line: 2 },
    { input: 'FROM alpine:3.19\nadd --chown=10001 app/ /srv/\n', fixed: 'FROM alpine:3.19\ncopy --chown=10001 app/ /srv/\n', name: 'lower case, flags kept' },
    { input: 'FROM alpine:3.19\nADD ["a b.txt", "/srv/"]\n', fixed: 'FROM alpine:3.19\nCOPY ["a b.txt", "/srv/"]\n', name: 'exec form' },
    { input: 'FROM alpine:3.19\nADD \\\n  app.py \\\n  /srv/\n', line: 2, fixed: 'FROM alpine:3.19\nCOPY \\\n  app.py \\\n  /srv/\n', name: 'continuation lines' },
    { input: 'FROM alpine:3.19\nADD app.py vendor.tar.gz /srv/\n', fixed: 'FROM alpine:3.19\nADD app.py vendor.tar.gz /srv/\n', name: 'mixed with an archive: no fix' },
    { input: 'FROM alpine:3.19\nADD $SRC /srv/\n', fixed: 'FROM alpine:3.19\nADD $SRC /srv/\n', name: 'variable source: no fix' },
    { input: 'FROM alpine:3.19\nARG SRC=app.py\nADD $SRC /srv/\n', line: 3, message: /`\$SRC`/, name: 'ARG holding a plain file' },
    { input: 'FROM alpine:3.19\nARG URL\nADD $URL /srv/\n', line: 3, name: 'ARG without a value: judged as written' },
    { input: 'FROM alpine:3.19\nADD * /srv/\n', fixed: 'FROM alpine:3.19\nADD * /srv/\n', name: 'glob that may match archives: no fix' },
    { input: 'FROM alpine:3.19\nADD *.py /srv/\n', fixed: 'FROM alpine:3.19\nCOPY *.py /srv/\n' },
    { input: 'FROM alpine:3.19\nADD --checksum=sha256:abc app.py /srv/\n', fixed: 'FROM alpine:3.19\nADD --checksum=sha256:abc app.py /srv/\n', name: 'ADD-only flag: no fix' },
    // Line endings, BOM and escape character are kept by the fix.
    { name: 'fix keeps CRLF line endings', input: 'FROM alpine:3.19\r\nADD \\\r\n  app.py \\\r\n  /srv/\r\n', fixed: 'FROM alpine:3.19\r\nCOPY \\\r\n  app.py \\\r\n  /srv/\r\n' },
    { name: 'fix keeps the BOM', input: '\uFEFFFROM debian:12\nADD motd /etc/motd\n', fixed: '\uFEFFFROM debian:12\nCOPY motd /etc/motd\n' },
    { name: 'fix in an escape=` file', input: '# escape=`\nFROM alpine:3.19\nADD `\n  app.py `\n  /srv/\n', fixed: '# escape=`\nFROM alpine:3.19\nCOPY `\n  app.py `\n  /srv/\n' },
  ],
});
