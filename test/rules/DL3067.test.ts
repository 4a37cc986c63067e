import rule from '../../src/rules/hadolint/DL3067.js';
import { ruleTable } from '../helpers/rule-table.js';

ruleTable(rule, {
  silent: [
    'FROM --platform=$BUILDPLATFORM tonistiigi/xx:1.6.1 AS xx\nFROM golang:1.22\nCOPY --from=xx / /\n',
    'FROM scratch AS export\nCOPY bin /bin\nFROM alpine:3.19\nCOPY --link --from=export / /\n',
    'FROM scratch AS bin-linux\nFROM bin-$TARGETOS AS bin\nFROM alpine:3.19\nCOPY --from=bin / /\n',
    'FROM alpine:3.19\nCOPY --chown=0:0 / /\n',
    'FROM alpine:3.19 AS rootfs\nRUN echo prep\nFROM scratch\nCOPY --from=rootfs /usr /\n',
    'FROM alpine:3.19 AS rootfs\nRUN echo prep\nFROM scratch\nCOPY --from=rootfs / /rootfs/\n',
  ],
  fires: [
    { input: 'FROM alpine:3.19 AS rootfs\nRUN echo prep\nFROM scratch\nCOPY --from=rootfs / /\n', line: 4, column: 1, count: 1, message: /rootfs/ },
    { input: 'FROM scratch\nCOPY --from=alpine:3.19 ["/", "/"]\n', line: 2, name: 'exec form' },
    { input: 'FROM scratch\nCOPY --from=alpine:3.19 \\\n  "/" "/"\n', line: 2, name: 'continuation line, quoted' },
  ],
});
