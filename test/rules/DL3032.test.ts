import rule from '../../src/rules/hadolint/DL3032.js';
import { ruleTable } from '../helpers/rule-table.js';

const F = 'FROM centos:7\n';

ruleTable(rule, {
  silent: [
    `${F}RUN yum install -y httpd-2.4.6 && yum clean all\n`,
    `${F}RUN yum install -y httpd-2.4.6 && rm -rf /var/cache/yum/*\n`,
    `${F}RUN bash -c \`# nothing to do with yum\`\n`,
    `${F}RUN yum makecache\n`,
  ],
  fires: [
    { input: `${F}RUN yum install -y httpd-2.4.6\n`, line: 2, column: 5, fixed: `${F}RUN yum install -y httpd-2.4.6 && yum clean all\n` },
    { input: `${F}RUN yum clean all && yum install -y httpd-2.4.6\n`, message: /Move/, fixed: `${F}RUN yum clean all && yum install -y httpd-2.4.6\n` },
    { input: `${F}ONBUILD RUN yum install -y httpd-2.4.6\n`, line: 2, fixed: `${F}ONBUILD RUN yum install -y httpd-2.4.6 && yum clean all\n` },
    { input: `${F}RUN yum -y update \\\n && yum install -y \\\n      httpd-2.4.6 \\\n && echo ok\n`, line: 3, fixed: `${F}RUN yum -y update \\\n && yum install -y \\\n      httpd-2.4.6 && yum clean all \\\n && echo ok\n` },
    { input: `${F}RUN yum install -y httpd-2.4.6 | tee /log\n`, fixed: `${F}RUN yum install -y httpd-2.4.6 | tee /log\n`, name: 'piped: no fix' },
    { input: `${F}RUN ["yum", "install", "-y", "httpd-2.4.6"]\n`, fixed: `${F}RUN ["yum", "install", "-y", "httpd-2.4.6"]\n`, name: 'exec form: no fix' },
  ],
});
