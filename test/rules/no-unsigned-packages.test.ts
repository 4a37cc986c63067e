import rule from '../../src/rules/shipshape/no-unsigned-packages.js';
import { ruleTable } from '../helpers/rule-table.js';

ruleTable(rule, {
  silent: [
    'FROM alpine:3.20 AS builder\nRUN build-packages /tmp/packages\nFROM alpine:3.20\nRUN --mount=type=bind,target=/tmp/packages/,source=/tmp/packages/,from=builder \\\n    apk add --no-cache --allow-untrusted /tmp/packages/nginx-module-*.apk\n',
    'FROM fedora:40 AS build\nRUN rpmbuild -ba x.spec\nFROM fedora:40\nCOPY --from=build /root/rpmbuild/RPMS /rpms\nRUN rpm -i --nosignature /rpms/x86_64/x.rpm\n',
    'FROM debian:12\nRUN echo "deb [ trusted=yes ] file://$tempDir ./" > /etc/apt/sources.list.d/temp.list\n',
    'FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends curl\n',
    'FROM alpine:3.20\nRUN apk add --no-cache curl\n',
    'FROM fedora:40\nRUN dnf install -y curl && dnf clean all\n',
    'FROM fedora:40\nRUN rpm -i /tmp/foo.rpm\n',
    'FROM centos:7\nRUN echo "gpgcheck=1" >> /etc/yum.repos.d/x.repo\n',
    'FROM centos:7\nRUN echo "repo_gpgcheck=0" >> /etc/yum.repos.d/x.repo\n',
    'FROM debian:12\nRUN echo "--force-yes is deprecated"\n',
    'FROM debian:12\nRUN echo "deb [signed-by=/usr/share/keyrings/x.gpg] https://x.example stable main" > /etc/apt/sources.list.d/x.list\n',
  ],
  fires: [
    { input: 'FROM alpine:3.20\nRUN wget https://example.com/glibc.apk && apk add --allow-untrusted glibc.apk\n', line: 2 },
    { input: 'FROM debian:12\nRUN apt-get update && apt-get install -y --allow-unauthenticated foo\n', line: 2, column: 42, count: 1 },
    { input: 'FROM debian:12\nRUN apt-get update && apt-get install -y --force-yes foo\n', line: 2, message: /--force-yes/ },
    { input: 'FROM debian:12\nRUN apt-get -o APT::Get::AllowUnauthenticated=true install -y foo\n', line: 2 },
    { input: 'FROM debian:12\nRUN echo \'APT::Get::AllowUnauthenticated "true";\' > /etc/apt/apt.conf.d/99unauth\n', line: 2 },
    { input: 'FROM debian:12\nRUN echo "deb [trusted=yes] http://x.example stable main" > /etc/apt/sources.list.d/x.list\n', line: 2 },
    { input: 'FROM alpine:3.20\nRUN apk add --allow-untrusted /tmp/foo.apk\n', line: 2, column: 13 },
    { input: 'FROM fedora:40\nRUN dnf install -y --nogpgcheck foo\n', line: 2 },
    { input: 'FROM centos:7\nRUN yum --nogpgcheck localinstall -y /tmp/foo.rpm\n', line: 2 },
    { input: 'FROM fedora:40\nRUN dnf install -y --setopt=gpgcheck=0 foo\n', line: 2 },
    { input: 'FROM fedora:40\nRUN rpm -i --nosignature /tmp/foo.rpm\n', line: 2 },
    { input: 'FROM fedora:40\nRUN rpm -Uvh --nodigest /tmp/foo.rpm\n', line: 2 },
    { input: 'FROM opensuse/leap:15.6\nRUN zypper --no-gpg-checks -n in foo\n', line: 2 },
    { input: 'FROM debian:12\nRUN ["apt-get", "install", "-y", "--allow-unauthenticated", "foo"]\n', line: 2 },
    { input: 'FROM debian:12\nRUN apt-get update && \\\n    sudo apt-get install -y --force-yes foo\n', line: 3 },
    { input: 'FROM debian:12\nRUN <<EOF\napt-get update\napt-get install -y --allow-unauthenticated foo\nEOF\n', line: 4 },
    { input: 'FROM debian:12\nONBUILD RUN apt-get install -y --force-yes foo\n', line: 2 },
    { input: 'FROM centos:7\nCOPY <<EOF /etc/yum.repos.d/x.repo\n[x]\nbaseurl=https://x.example\ngpgcheck=0\nEOF\n', line: 3 },
  ],
});
