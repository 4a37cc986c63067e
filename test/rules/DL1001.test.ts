import rule from '../../src/rules/hadolint/DL1001.js';
import { ruleTable } from '../helpers/rule-table.js';

const on = { override: { info: ['DL1001'] } };

ruleTable(rule, {
  silent: [
    { input: 'FROM alpine:3.19\n# hadolint ignore=DL3018\nRUN apk add --no-cache jq\n', name: 'off by default' },
    { input: 'FROM debian:12\n# install the build helpers\nRUN echo build\n', config: on },
    { input: '# hadolint global ignore=DL3018\nFROM alpine:3.19\nRUN apk add --no-cache jq\n', config: on },
    { input: '# hadolint stage ignore=DL3018\nFROM alpine:3.19\n', config: on },
    { input: '# hadolint shell=powershell\nFROM alpine:3.19\n', config: on },
    { input: 'FROM alpine:3.19\n# hadolint ignroe=DL3018\nRUN apk add jq\n', config: on, name: 'not a pragma (typo)' },
  ],
  fires: [
    { input: 'FROM alpine:3.19\n# hadolint ignore=DL3018\nRUN apk add --no-cache jq\n', config: on, line: 2, column: 1, count: 1, message: /DL3018/ },
    { input: 'FROM alpine:3.19\n#hadolint ignore=DL3018,DL3019 # why\nRUN apk add jq\n', config: on, line: 2, message: /DL3018, DL3019/ },
    { input: 'FROM alpine:3.19\nRUN apk add jq \\\n# shipshape ignore=DL3018\n  curl\n', config: on, line: 3 },
  ],
});
