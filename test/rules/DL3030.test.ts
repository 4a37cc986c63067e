import rule from '../../src/rules/hadolint/DL3030.js';
import { ruleTable } from '../helpers/rule-table.js';

const F = 'FROM centos:7\n';

ruleTable(rule, {
  silent: [
    `${F}RUN yum install -y nginx-1.20.1 && yum clean all\n`,
    `${F}ONBUILD RUN yum install --assumeyes nginx-1.20.1 && yum clean all\n`,
    `${F}RUN yum -y groupinstall 'Development Tools'\n`,
    `${F}RUN yum clean all\n`,
    `${F}RUN dnf install nginx\n`,
  ],
  fires: [
    { input: `${F}RUN yum install nginx-1.20.1 && yum clean all\n`, line: 2, column: 5, fixed: `${F}RUN yum install -y nginx-1.20.1 && yum clean all\n` },
    { input: `${F}RUN yum groupinstall 'Development Tools' && yum clean all\n`, message: /yum groupinstall/, fixed: `${F}RUN yum groupinstall -y 'Development Tools' && yum clean all\n` },
    { input: `${F}ONBUILD RUN yum localinstall /tmp/x-1.0.rpm\n`, line: 2, fixed: `${F}ONBUILD RUN yum localinstall -y /tmp/x-1.0.rpm\n` },
    { input: `${F}RUN yum update -y \\\n && yum install \\\n      nginx-1.20.1\n`, line: 3, fixed: `${F}RUN yum update -y \\\n && yum install -y \\\n      nginx-1.20.1\n` },
    { input: `${F}RUN ["yum", "install", "nginx-1.20.1"]\n`, fixed: `${F}RUN ["yum", "install", "-y", "nginx-1.20.1"]\n` },
    // Line endings, BOM and escape character are kept by the fix.
    { name: 'fix keeps CRLF line endings', input: 'FROM centos:7\r\nRUN yum update -y \\\r\n && yum install \\\r\n      nginx-1.20.1\r\n', fixed: 'FROM centos:7\r\nRUN yum update -y \\\r\n && yum install -y \\\r\n      nginx-1.20.1\r\n' },
    { name: 'fix keeps the BOM', input: '\uFEFFFROM centos:7\nRUN yum install nginx-1.20.1 && yum clean all\n', fixed: '\uFEFFFROM centos:7\nRUN yum install -y nginx-1.20.1 && yum clean all\n' },
    { name: 'fix in an escape=` file', input: '# escape=`\nFROM centos:7\nRUN yum update -y `\n && yum install `\n      nginx-1.20.1\n', fixed: '# escape=`\nFROM centos:7\nRUN yum update -y `\n && yum install -y `\n      nginx-1.20.1\n' },
  ],
});
