import rule from '../../src/rules/hadolint/DL3035.js';
import { ruleTable } from '../helpers/rule-table.js';

const F = 'FROM opensuse/leap:15.5\n';

ruleTable(rule, {
  silent: [
    `${F}RUN zypper -n install nginx=1.21.5\n`,
    `${F}RUN zypper -n update\n`,
    `${F}RUN echo zypper dup\n`,
  ],
  fires: [
    { input: `${F}RUN zypper --non-interactive dist-upgrade\n`, line: 2, column: 5, message: /dist-upgrade/ },
    { input: `${F}ONBUILD RUN zypper dup\n`, line: 2, message: /zypper dup/ },
    { input: `${F}RUN zypper refresh && \\\n    zypper -n dup\n`, line: 3, column: 5 },
    { input: `${F}RUN ["zypper", "-n", "dup"]\n` },
  ],
});
