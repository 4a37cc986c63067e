import rule from '../../src/rules/hadolint/DL3037.js';
import { ruleTable } from '../helpers/rule-table.js';

const F = 'FROM opensuse/leap:15.5\n';

ruleTable(rule, {
  silent: [
    `${F}RUN zypper install -y git=2.43.0 && zypper clean\n`,
    `${F}RUN zypper install -y git-2.43.0-1.1.x86_64.rpm && zypper clean\n`,
    `${F}RUN zypper install -y git\\<=2.50 "curl>8" 'vim<9.1' && zypper clean\n`,
    `${F}RUN zypper -n remove git\n`,
    `${F}RUN zypper install -y --from oss -t package git=2.43.0\n`,
  ],
  fires: [
    { input: `${F}RUN zypper install -y git && zypper clean\n`, line: 2, column: 23, message: /`git`.*git=<version>/ },
    { input: `${F}ONBUILD RUN zypper in -y git\n`, line: 2 },
    { input: `${F}RUN zypper install -y \\\n      git=2.43.0 \\\n      curl\n`, line: 4, column: 7, count: 1 },
    { input: `${F}RUN ["zypper", "install", "-y", "git"]\n` },
  ],
});
