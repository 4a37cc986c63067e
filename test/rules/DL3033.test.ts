import rule from '../../src/rules/hadolint/DL3033.js';
import { ruleTable } from '../helpers/rule-table.js';

const F = 'FROM centos:7\n';

ruleTable(rule, {
  silent: [
    `${F}RUN yum install -y python3-pip-9.0.3 curl-7:7.29.0 gcc-c++-1.1 tomcat-9.2\n`,
    `${F}RUN yum install -y /tmp/x-1.0-1.x86_64.rpm\n`,
    `${F}ENV tmux_version=3.3a-3.el9\nRUN yum -y install tmux-\${tmux_version}\n`,
    `FROM centos:7 AS build\nARG tmux_version=3.3a-3.el9\nFROM centos:7\nRUN yum -y install tmux-\${tmux_version}\n`,
    `FROM rockylinux:9.3\nARG WHICH_VERSION=2.21-29.el9\nRUN yum install -y which-\${WHICH_VERSION} && yum clean all\n`,
    `${F}RUN yum module install -y nodejs:18 && yum clean all\n`,
    `${F}RUN yum remove -y tmux\n`,
    `${F}RUN yum --enablerepo epel install -y jq-1.6 -x jq-devel\n`,
  ],
  fires: [
    { input: `${F}RUN yum install -y tmux && yum clean all\n`, line: 2, column: 20, message: /`tmux`.*tmux-<version>/ },
    { input: `${F}ONBUILD RUN yum install -y tmux && yum clean all\n`, line: 2 },
    { input: `FROM centos:7 AS build\nENV tmux_version=3.3a-3.el9\nFROM centos:7\nRUN yum -y install tmux-\${tmux_version}\n`, line: 4 },
    { input: `${F}RUN yum install -y python3-pip rpm-sign\n`, message: /`python3-pip` and `rpm-sign`/ },
    { input: `${F}RUN yum module install -y nodejs\n`, message: /`nodejs`/ },
    { input: `${F}RUN yum install -y \\\n      tmux-3.2a \\\n      vim\n`, line: 4, column: 7, count: 1 },
    { input: `${F}RUN ["yum", "install", "-y", "tmux"]\n` },
  ],
});
