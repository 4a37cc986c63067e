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
    { input: `${F}RUN yum clean all && yum install -y httpd-2.4.6\n`, message: /after `yum install`, not before it/, fixed: `${F}RUN yum clean all && yum install -y httpd-2.4.6\n` },
    { input: `${F}RUN rm -rf /tmp/keys && yum install -y httpd-2.4.6 && yum clean all\n`, message: /`yum clean all` comes after `yum install`, but DL3032 .* `rm -rf` on line 2/, name: 'an unrelated rm -rf first: the message says why' },
    { input: `${F}ONBUILD RUN yum install -y httpd-2.4.6\n`, line: 2, fixed: `${F}ONBUILD RUN yum install -y httpd-2.4.6 && yum clean all\n` },
    { input: `${F}RUN yum -y update \\\n && yum install -y \\\n      httpd-2.4.6 \\\n && echo ok\n`, line: 3, fixed: `${F}RUN yum -y update \\\n && yum install -y \\\n      httpd-2.4.6 && yum clean all \\\n && echo ok\n` },
    { input: `${F}RUN yum install -y httpd-2.4.6 | tee /log\n`, fixed: `${F}RUN yum install -y httpd-2.4.6 | tee /log\n`, name: 'piped: no fix' },
    { input: `${F}RUN ["yum", "install", "-y", "httpd-2.4.6"]\n`, fixed: `${F}RUN ["yum", "install", "-y", "httpd-2.4.6"]\n`, name: 'exec form: no fix' },
    // Line endings, BOM and escape character are kept by the fix.
    { name: 'fix keeps CRLF line endings', input: 'FROM centos:7\r\nRUN yum -y update \\\r\n && yum install -y \\\r\n      httpd-2.4.6 \\\r\n && echo ok\r\n', fixed: 'FROM centos:7\r\nRUN yum -y update \\\r\n && yum install -y \\\r\n      httpd-2.4.6 && yum clean all \\\r\n && echo ok\r\n' },
    { name: 'fix keeps the BOM', input: '\uFEFFFROM centos:7\nRUN yum install -y httpd-2.4.6\n', fixed: '\uFEFFFROM centos:7\nRUN yum install -y httpd-2.4.6 && yum clean all\n' },
    { name: 'fix in an escape=` file', input: '# escape=`\nFROM centos:7\nRUN yum -y update `\n && yum install -y `\n      httpd-2.4.6 `\n && echo ok\n', fixed: '# escape=`\nFROM centos:7\nRUN yum -y update `\n && yum install -y `\n      httpd-2.4.6 && yum clean all `\n && echo ok\n' },
  ],
});
