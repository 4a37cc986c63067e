import rule from '../../src/rules/hadolint/DL3001.js';
import { ruleTable } from '../helpers/rule-table.js';

ruleTable(rule, {
  silent: [
    'FROM centos:7\nRUN yum install -y vim && yum clean all\n',
    'FROM debian:12\nRUN apt-get install -y openssh-client ssh\n',
    'FROM debian:12\nRUN /usr/bin/vim --version\n',
    'FROM debian:12\nRUN echo top ps kill\n',
    'FROM debian:12\nCMD service nginx start\n',
  ],
  fires: [
    { input: 'FROM debian:12\nRUN service nginx restart\n', line: 2, column: 5, message: /`service`/ },
    { input: 'FROM debian:12\nRUN ps -ef\n', line: 2 },
    { input: 'FROM debian:12\nRUN mount -t tmpfs none /mnt/scratch\n', line: 2 },
    { input: 'FROM debian:12\nRUN apt-get update && \\\n    top -b -n1\n', line: 3, name: 'continuation line' },
    { input: 'FROM debian:12\nRUN ["ps", "aux"]\n', line: 2, name: 'exec form' },
    { input: 'FROM debian:12\nONBUILD RUN vim /etc/hosts\n', line: 2, name: 'ONBUILD' },
    { input: 'FROM debian:12\nRUN free -m; kill 1\n', count: 2 },
  ],
});
