import rule from '../../src/rules/hadolint/DL3010.js';
import { ruleTable } from '../helpers/rule-table.js';

ruleTable(rule, {
  silent: [
    'FROM alpine:3.19\nCOPY site.tar /srv/site\nFROM nginx:1.25 AS web\n',
    'FROM alpine:3.19 AS builder\nRUN echo build\nFROM alpine:3.19\nCOPY --from=builder /out/dist.tar /opt/dist.tar\nRUN tar -xf /opt/dist.tar\n',
    'FROM alpine:3.19\nCOPY site.tar /srv/\nRUN tar -cf other.tar /srv\n',
    'FROM alpine:3.19\nCOPY site.tar /srv/\nFROM alpine:3.19\nRUN tar -xf /srv/site.tar\n',
    'FROM alpine:3.19\nCOPY site.zip /srv/\nRUN unzip /srv/site.zip\n',
    'FROM alpine:3.19\nCOPY a.tar /srv/\nRUN tar -xf /srv/b.tar\n',
    'FROM alpine:3.19\nCOPY GeoIP.dat.gz /usr/share/GeoIP/\nRUN gunzip /usr/share/GeoIP/GeoIP.dat.gz\n',
  ],
  fires: [
    { input: 'FROM alpine:3.19\nCOPY site.tar /var/www\nWORKDIR /var/www\nRUN echo unpack && ls && tar -xvf site.tar\n', line: 2, count: 1, message: /site\.tar.*line 4/ },
    { input: 'FROM alpine:3.19\nCOPY dist/release/app-1.0.tar /app.tar\nRUN tar -xf /app.tar\n', line: 2 },
    { input: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nCOPY out\\pkg\\tools.tar.gz "D:\\Build Tools\\Pkg"\nRUN tar -xf "D:\\Build Tools\\Pkg\\tools.tar.gz"\n', line: 2, name: 'windows paths, cmd shell' },
    { input: 'FROM alpine:3.19\nCOPY data.tar.gz /tmp/\nRUN gunzip \\\n    /tmp/data.tar.gz\n', line: 2, name: 'continuation line' },
    { input: 'FROM alpine:3.19\nCOPY ["data.tar.xz", "/tmp/"]\nRUN ["tar", "--extract", "-f", "/tmp/data.tar.xz"]\n', line: 2, name: 'exec form' },
    { input: 'FROM alpine:3.19\nCOPY a.tgz b.tgz /tmp/\nRUN tar -xzf /tmp/b.tgz && tar -xzf /tmp/a.tgz\n', count: 1 },
  ],
});
