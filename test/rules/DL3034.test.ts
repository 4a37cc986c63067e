import rule from '../../src/rules/hadolint/DL3034.js';
import { ruleTable } from '../helpers/rule-table.js';

const F = 'FROM opensuse/leap:15.5\n';

ruleTable(rule, {
  silent: [
    `${F}RUN zypper install --no-confirm nginx=1.21.5 && zypper clean\n`,
    `${F}RUN zypper install -y nginx=1.21.5 && zypper clean\n`,
    `${F}ONBUILD RUN zypper --non-interactive install nginx=1.21.5 && zypper clean\n`,
    `${F}RUN zypper -n rm nginx\n`,
    `${F}RUN zypper refresh\n`,
  ],
  fires: [
    { input: `${F}RUN zypper install nginx=1.21.5 && zypper clean\n`, line: 2, column: 5, message: /zypper install/, fixed: `${F}RUN zypper -n install nginx=1.21.5 && zypper clean\n` },
    { input: `${F}ONBUILD RUN zypper rm nginx\n`, line: 2, fixed: `${F}ONBUILD RUN zypper -n rm nginx\n` },
    { input: `${F}RUN zypper si nginx\n` },
    { input: `${F}RUN zypper refresh \\\n && zypper \\\n      patch\n`, line: 3, fixed: `${F}RUN zypper refresh \\\n && zypper -n \\\n      patch\n` },
    { input: `${F}RUN ["zypper", "install", "nginx=1.21.5"]\n`, fixed: `${F}RUN ["zypper", "-n", "install", "nginx=1.21.5"]\n` },
    // Line endings, BOM and escape character are kept by the fix.
    { name: 'fix keeps CRLF line endings', input: 'FROM opensuse/leap:15.5\r\nRUN zypper refresh \\\r\n && zypper \\\r\n      patch\r\n', fixed: 'FROM opensuse/leap:15.5\r\nRUN zypper refresh \\\r\n && zypper -n \\\r\n      patch\r\n' },
    { name: 'fix keeps the BOM', input: '\uFEFFFROM opensuse/leap:15.5\nRUN zypper install nginx=1.21.5 && zypper clean\n', fixed: '\uFEFFFROM opensuse/leap:15.5\nRUN zypper -n install nginx=1.21.5 && zypper clean\n' },
    { name: 'fix in an escape=` file', input: '# escape=`\nFROM opensuse/leap:15.5\nRUN zypper refresh `\n && zypper `\n      patch\n', fixed: '# escape=`\nFROM opensuse/leap:15.5\nRUN zypper refresh `\n && zypper -n `\n      patch\n' },
  ],
});
