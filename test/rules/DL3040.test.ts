import rule from '../../src/rules/hadolint/DL3040.js';
import { ruleTable } from '../helpers/rule-table.js';

const F = 'FROM fedora:40\n';
const UBI = 'FROM registry.access.redhat.com/ubi9/ubi-minimal:9.4\n';

ruleTable(rule, {
  silent: [
    `${F}RUN dnf install -y redis-7.2.4 && dnf clean all\n`,
    `${F}RUN dnf in -y redis-7.2.4 && dnf clean all\n`,
    `${F}RUN dnf rei -y tzdata && dnf clean all\n`,
    `${F}RUN dnf -q -y up-min && dnf clean all\n`,
    `${UBI}RUN microdnf install -y redis-7.2.4 && microdnf clean all\n`,
    `${UBI}RUN microdnf install -y redis-7.2.4 && rm -rf /var/cache/yum/*\n`,
    `${F}RUN --mount=type=cache,target=/var/cache/libdnf5 dnf install -y redis-7.2.4\n`,
    `${F}RUN dnf makecache\n`,
  ],
  fires: [
    { input: `${F}RUN dnf install -y redis-7.2.4\n`, line: 2, column: 5, message: /dnf clean all.*dnf install/, fixed: `${F}RUN dnf install -y redis-7.2.4 && dnf clean all\n` },
    { input: `${F}RUN dnf in -y redis-7.2.4\n`, fixed: `${F}RUN dnf in -y redis-7.2.4 && dnf clean all\n` },
    { input: `${F}RUN dnf upgrade-minimal -y --security\n` },
    { input: `${F}RUN dnf install -y redis-7.2.4 && microdnf clean all\n`, fixed: `${F}RUN dnf install -y redis-7.2.4 && dnf clean all && microdnf clean all\n` },
    { input: `${F}RUN microdnf clean all && dnf install -y redis-7.2.4\n` },
    { input: `${F}RUN rm -rf /var/cache/libdnf5 && dnf install -y redis-7.2.4\n`, message: /the only cleanup, the `rm -rf` on line 2, comes before it/, fixed: `${F}RUN rm -rf /var/cache/libdnf5 && dnf install -y redis-7.2.4\n` },
    { input: `${F}RUN dnf clean all && dnf install -y redis-7.2.4\n`, message: /after `dnf install`, not before it/ },
    { input: `${F}RUN set -eux; \\\n  rm -rf "$GNUPGHOME"; \\\n  microdnf reinstall -y tzdata; \\\n  microdnf clean all\n`, line: 4, message: /`microdnf clean all` comes after `microdnf reinstall`, but DL3040 \(like hadolint\) judges the first cleanup of the RUN, which is the `rm -rf` on line 3/, name: 'unrelated rm -rf before the install, clean after it (MariaDB ubi images)' },
    { input: `${F}ONBUILD RUN dnf install -y redis-7.2.4\n`, line: 2, fixed: `${F}ONBUILD RUN dnf install -y redis-7.2.4 && dnf clean all\n` },
    { input: `${UBI}RUN microdnf update -y \\\n && microdnf install -y \\\n      redis-7.2.4\n`, line: 3, fixed: `${UBI}RUN microdnf update -y \\\n && microdnf install -y \\\n      redis-7.2.4 && microdnf clean all\n` },
    { input: `${F}RUN ["dnf", "install", "-y", "redis-7.2.4"]\n`, fixed: `${F}RUN ["dnf", "install", "-y", "redis-7.2.4"]\n`, name: 'exec form: no fix' },
    // Line endings, BOM and escape character are kept by the fix.
    { name: 'fix keeps CRLF line endings', input: 'FROM registry.access.redhat.com/ubi9/ubi-minimal:9.4\r\nRUN microdnf update -y \\\r\n && microdnf install -y \\\r\n      redis-7.2.4\r\n', fixed: 'FROM registry.access.redhat.com/ubi9/ubi-minimal:9.4\r\nRUN microdnf update -y \\\r\n && microdnf install -y \\\r\n      redis-7.2.4 && microdnf clean all\r\n' },
    { name: 'fix keeps the BOM', input: '\uFEFFFROM fedora:40\nRUN dnf install -y redis-7.2.4\n', fixed: '\uFEFFFROM fedora:40\nRUN dnf install -y redis-7.2.4 && dnf clean all\n' },
    { name: 'fix in an escape=` file', input: '# escape=`\nFROM registry.access.redhat.com/ubi9/ubi-minimal:9.4\nRUN microdnf update -y `\n && microdnf install -y `\n      redis-7.2.4\n', fixed: '# escape=`\nFROM registry.access.redhat.com/ubi9/ubi-minimal:9.4\nRUN microdnf update -y `\n && microdnf install -y `\n      redis-7.2.4 && microdnf clean all\n' },
  ],
});
