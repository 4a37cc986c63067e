import rule from '../../src/rules/hadolint/DL3043.js';
import { ruleTable } from '../helpers/rule-table.js';

ruleTable(rule, {
  silent: [
    'FROM debian:12\nONBUILD STOPSIGNAL SIGTERM\n',
    'FROM debian:12\nONBUILD USER builder\n',
    'FROM debian:12\nONBUILD LABEL stage="child"\n',
    'FROM debian:12\nONBUILD EXPOSE 8080\n',
    'FROM debian:12\nMAINTAINER "Pat Example"\n',
    'FROM debian:12\nONBUILD WORKDIR /srv\n',
    'FROM debian:12\nONBUILD ENTRYPOINT make\n',
    'FROM debian:12\nONBUILD RUN echo \\\n  ONBUILD FROM\n',
  ],
  fires: [
    { input: 'FROM debian:12\nONBUILD ONBUILD RUN echo nested\n', line: 2, column: 9, count: 1, message: /`ONBUILD` is not allowed/ },
    { input: 'FROM debian:12\nONBUILD MAINTAINER "Pat Example"\n', line: 2, count: 1 },
    { input: 'FROM debian:12\nONBUILD FROM alpine:3.19\n', line: 2, count: 1 },
    { input: 'FROM debian:12\nONBUILD \\\n  FROM alpine:3.19\n', line: 3, count: 1, name: 'continuation line' },
  ],
});
