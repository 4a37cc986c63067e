import rule from '../../src/rules/hadolint/DL3038.js';
import { ruleTable } from '../helpers/rule-table.js';

const F = 'FROM fedora:40\n';

ruleTable(rule, {
  silent: [
    `${F}RUN dnf install -y nginx-1.24.0 && dnf clean all\n`,
    `FROM registry.access.redhat.com/ubi9/ubi-minimal:9.4\nRUN microdnf install -y nginx-1.24.0 && microdnf clean all\n`,
    `${F}RUN dnf --assumeyes install nginx-1.24.0\n`,
    `${F}RUN mydnf install nginx\n`,
    `${F}RUN dnf clean all\n`,
  ],
  fires: [
    { input: `${F}RUN dnf install nginx-1.24.0 && dnf clean all\n`, line: 2, column: 5, fixed: `${F}RUN dnf install -y nginx-1.24.0 && dnf clean all\n` },
    { input: `${F}ONBUILD RUN dnf install nginx-1.24.0 && dnf clean all\n`, line: 2, fixed: `${F}ONBUILD RUN dnf install -y nginx-1.24.0 && dnf clean all\n` },
    { input: `FROM registry.access.redhat.com/ubi9/ubi-minimal:9.4\nRUN microdnf install nginx-1.24.0\n`, message: /microdnf install/, fixed: `FROM registry.access.redhat.com/ubi9/ubi-minimal:9.4\nRUN microdnf install -y nginx-1.24.0\n` },
    { input: `${F}RUN dnf \\\n    groupinstall \\\n    "Development Tools"\n`, line: 2, fixed: `${F}RUN dnf \\\n    groupinstall -y \\\n    "Development Tools"\n` },
    { input: `${F}RUN ["dnf", "install", "nginx-1.24.0"]\n`, fixed: `${F}RUN ["dnf", "install", "-y", "nginx-1.24.0"]\n` },
    // Line endings, BOM and escape character are kept by the fix.
    { name: 'fix keeps CRLF line endings', input: 'FROM fedora:40\r\nRUN dnf \\\r\n    groupinstall \\\r\n    "Development Tools"\r\n', fixed: 'FROM fedora:40\r\nRUN dnf \\\r\n    groupinstall -y \\\r\n    "Development Tools"\r\n' },
    { name: 'fix keeps the BOM', input: '\uFEFFFROM fedora:40\nRUN dnf install nginx-1.24.0 && dnf clean all\n', fixed: '\uFEFFFROM fedora:40\nRUN dnf install -y nginx-1.24.0 && dnf clean all\n' },
    { name: 'fix in an escape=` file', input: '# escape=`\nFROM fedora:40\nRUN dnf `\n    groupinstall `\n    "Development Tools"\n', fixed: '# escape=`\nFROM fedora:40\nRUN dnf `\n    groupinstall -y `\n    "Development Tools"\n' },
  ],
});
