import rule from '../../src/rules/hadolint/DL3041.js';
import { ruleTable } from '../helpers/rule-table.js';

const F = 'FROM fedora:40\n';

ruleTable(rule, {
  silent: [
    `${F}RUN dnf install -y htop-3.3.0 && dnf clean all\n`,
    `${F}RUN mydnf install htop\n`,
    `${F}RUN dnf -y group install "C Development Tools and Libraries"\n`,
    `${F}ARG htop_version=3.3.0-2.fc40\nRUN dnf -y install htop-$htop_version\n`,
    `${F}ENV htop_version=3.3.0-2.fc40\nRUN dnf -y install htop-\${htop_version}\n`,
    `FROM fedora:40 AS build\nENV htop_version=3.3.0-2.fc40\nFROM build\nRUN dnf -y install htop-\${htop_version}\n`,
    `FROM fedora:40 AS build\nARG htop_version=3.3.0-2.fc40\nFROM fedora:40\nRUN dnf -y install htop-\${htop_version}\n`,
    `${F}RUN dnf module install -y nodejs:20\n`,
    `${F}RUN dnf install -y --use-host-config --installroot /staging \\\n        glibc-2.39-1.azl4 \\\n    && dnf clean all\n`,
    `${F}RUN dnf --enablerepo updates-testing --releasever 40 install -y htop-3.3.0\n`,
  ],
  fires: [
    { input: `${F}RUN dnf install -y htop && dnf clean all\n`, line: 2, column: 20, message: /`htop`.*htop-<version>/ },
    { input: `FROM registry.access.redhat.com/ubi9/ubi-minimal:9.4\nRUN microdnf install -y htop && microdnf clean all\n`, line: 2 },
    { input: `${F}ONBUILD RUN dnf install -y htop && dnf clean all\n`, line: 2 },
    { input: `FROM fedora:40 AS build\nENV htop_version=3.3.0-2.fc40\nFROM fedora:40\nRUN dnf -y install htop-\${htop_version}\n`, line: 4 },
    { input: `${F}RUN dnf install -y \\\n      htop-3.3.0 \\\n      vim\n`, line: 4, column: 7, count: 1 },
    { input: `${F}RUN dnf module install -y nodejs\n`, message: /`nodejs`/ },
    { input: `${F}RUN microdnf install -y tzdata && microdnf clean all\n`, message: /^Pin the version of `tzdata` in microdnf install/, name: 'names microdnf, not dnf' },
    { input: `${F}RUN dnf install -y htop && microdnf install -y tzdata\n`, message: / in dnf\/microdnf install/ },
    { input: `${F}RUN ["dnf", "install", "-y", "htop"]\n` },
  ],
});
