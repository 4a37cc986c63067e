import rule from '../../src/rules/hadolint/DL3027.js';
import { ruleTable } from '../helpers/rule-table.js';

const F = 'FROM ubuntu:22.04\n';

ruleTable(rule, {
  silent: [
    `${F}RUN apt-get install -y htop\n`,
    `${F}RUN apt-cache policy htop\n`,
    `${F}RUN echo apt install htop\n`,
    `${F}RUN /usr/bin/apt install htop\n`,
  ],
  fires: [
    { input: `${F}RUN apt install -y htop\n`, line: 2, column: 5, message: /apt install/, fixed: `${F}RUN apt-get install -y htop\n` },
    { input: `${F}RUN apt update && apt install -y htop\n`, count: 1, fixed: `${F}RUN apt-get update && apt-get install -y htop\n` },
    { input: `${F}ONBUILD RUN apt install -y htop\n`, line: 2, fixed: `${F}ONBUILD RUN apt-get install -y htop\n` },
    { input: `${F}RUN apt list --installed\n`, fixed: `${F}RUN apt list --installed\n`, name: 'no apt-get equivalent: no fix' },
    { input: `${F}RUN apt-get update \\\n && apt \\\n      install -y htop\n`, line: 3, fixed: `${F}RUN apt-get update \\\n && apt-get \\\n      install -y htop\n` },
    { input: `${F}RUN ["apt", "install", "-y", "htop"]\n`, fixed: `${F}RUN ["apt-get", "install", "-y", "htop"]\n` },
    { input: `${F}RUN <<EOF\napt update\nEOF\n`, line: 3, fixed: `${F}RUN <<EOF\napt-get update\nEOF\n` },
    // Line endings, BOM and escape character are kept by the fix.
    { name: 'fix keeps CRLF line endings', input: 'FROM ubuntu:22.04\r\nRUN apt-get update \\\r\n && apt \\\r\n      install -y htop\r\n', fixed: 'FROM ubuntu:22.04\r\nRUN apt-get update \\\r\n && apt-get \\\r\n      install -y htop\r\n' },
    { name: 'fix keeps the BOM', input: '\uFEFFFROM ubuntu:22.04\nRUN apt install -y htop\n', fixed: '\uFEFFFROM ubuntu:22.04\nRUN apt-get install -y htop\n' },
    { name: 'fix in an escape=` file', input: '# escape=`\nFROM ubuntu:22.04\nRUN apt-get update `\n && apt `\n      install -y htop\n', fixed: '# escape=`\nFROM ubuntu:22.04\nRUN apt-get update `\n && apt-get `\n      install -y htop\n' },
  ],
});
