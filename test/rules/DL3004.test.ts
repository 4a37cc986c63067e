import rule from '../../src/rules/hadolint/DL3004.js';
import { ruleTable } from '../helpers/rule-table.js';

ruleTable(rule, {
  silent: [
    'FROM debian:12\nRUN apt-get install -y sudo\n',
    'FROM debian:12\nONBUILD RUN apt-get install -y sudo\n',
    'FROM debian:12\nRUN echo sudo\n',
    // Shell-form RUN under PowerShell is not read as POSIX shell.
    'FROM mcr.microsoft.com/powershell:7.4-ubuntu-22.04\nSHELL ["pwsh", "-c"]\nRUN sudo apt-get update\n',
  ],
  fires: [
    { input: 'FROM fedora:40\nRUN sudo dnf -y update\n', line: 2, column: 5, message: /sudo/ },
    { input: 'FROM debian:12\nRUN apt-get update; sudo make install\n', line: 2, column: 21 },
    { input: 'FROM fedora:40\nONBUILD RUN sudo chown -R app /data\n', line: 2, name: 'ONBUILD' },
    { input: 'FROM node:20\nONBUILD RUN npm ci && sudo npm link\n', line: 2 },
    { input: 'FROM debian:12\nRUN make && \\\n    sudo make install\n', line: 3, name: 'continuation line' },
    { input: 'FROM debian:12\nRUN ["sudo", "make", "install"]\n', line: 2, name: 'exec form' },
    // Issue 16: exec form never goes through SHELL, so a PowerShell SHELL or a Windows image does not hide it.
    { input: 'FROM mcr.microsoft.com/powershell:7.4-ubuntu-22.04\nSHELL ["pwsh", "-c"]\nRUN ["sudo", "apt-get", "update"]\n', line: 3, name: 'exec form after SHELL pwsh' },
    { input: '# hadolint shell=powershell\nFROM debian:12\nRUN ["sudo", "make", "install"]\n', line: 3, name: 'exec form under a shell=powershell pragma' },
  ],
});
