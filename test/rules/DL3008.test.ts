import rule from '../../src/rules/hadolint/DL3008.js';
import { ruleTable } from '../helpers/rule-table.js';

ruleTable(rule, {
  silent: [
    { input: 'FROM debian:12.6\nRUN nginxPackages=" nginx=1.27.0-1~bookworm nginx-module-njs=1.27.0+0.8.4-1~bookworm " \\\n && apt-get update && apt-get install -y --no-install-recommends $nginxPackages && rm -rf /var/lib/apt/lists/*\n', name: 'pinned list in a shell variable of the same RUN (official nginx images)' },
    'FROM debian:12\nRUN apt-get install -y nginx=1.22.1-9\n',
    'FROM debian:12\nRUN apt-get update \\\n && apt-get -yqq --no-install-recommends install libpq5=15.6-0+deb12u1 \\\n && rm -rf /var/lib/apt/lists/*\n',
    'FROM debian:12\nRUN apt-get install -y ./pkgs/mytool_2.1.0-3_amd64.deb\n',
    'FROM debian:12\nRUN apt-get install -y -t bookworm-backports golang-go=2:1.21~2~bpo12+1\n',
    'FROM debian:12\nRUN apt-get install -y --target-release=bookworm-backports golang-go/bookworm-backports\n',
    'FROM debian:12\nRUN apt install -y curl\n',
    'FROM debian:12\nRUN apt-get update && apt-get upgrade -y\n',
    'FROM debian:12\nRUN ["apt-get", "install", "-y", "nginx=1.22.1-9"]\n',
    'FROM debian:12\nRUN echo "apt-get install curl"\n',
    'FROM debian:12\nSHELL ["pwsh", "-c"]\nRUN apt-get install curl\n',
    'FROM debian:12\n# hadolint ignore=DL3008\nONBUILD RUN apt-get install -y curl\n',
    'FROM debian:12\n# hadolint ignore=DL3008\nRUN apt-get update && \\\n    apt-get install -y curl\n',
    { input: 'FROM debian:12\nRUN apt-get install -y curl\n', config: { ignored: ['DL3008'] } },
  ],
  fires: [
    // Issue 16: a variable inside a package name is not a list to pin in its value.
    { input: 'FROM debian:12.6\nARG PG=16\nRUN apt-get install -y postgresql-client-$PG\n', line: 3, message: 'Pin the version of `postgresql-client-$PG` in apt-get install (write `postgresql-client-${PG}=<version>`)', name: 'variable inside the name' },
    { input: 'FROM debian:12.6\nRUN apt-get install -y $BUILD_DEPS\n', line: 2, message: /pin the versions in the variable's value/, name: 'whole variable' },
    { input: 'FROM debian:12.6\nRUN pkgs="$(cat /pkgs)" && apt-get install -y "$pkgs"\n', message: /`"\$pkgs"`/, name: 'shell variable with an unpinned or computed value' },
    { input: 'FROM debian:12\nRUN apt-get update && apt-get install -y curl\n', line: 2, column: 42, message: /`curl`/ },
    { input: 'FROM debian:12\nRUN apt-get install -y -t bookworm-backports golang-go\n', line: 2, message: /`golang-go`/ },
    { input: 'FROM debian:12\nRUN apt-get update && \\\n    apt-get install -y \\\n      curl=7.88.1 \\\n      git \\\n && rm -rf /var/lib/apt/lists/*\n', line: 5, column: 7, count: 1 },
    { input: 'FROM debian:12\nONBUILD RUN apt-get update && apt-get install -y git\n', line: 2, message: /`git`/ },
    { input: 'FROM debian:12\nRUN ["apt-get", "install", "-y", "nginx"]\n', line: 2, column: 34 },
    { input: 'FROM debian:12\nRUN <<EOF\napt-get update\napt-get install -y tree\nEOF\n', line: 4, column: 20 },
    { input: 'FROM debian:12\nRUN apt-get install -y $PKGS\n', message: /^Pin the version of `\$PKGS` in apt-get install/, name: 'a variable named as written (bakerydemo: $RUN_DEPS)' },
    { input: 'FROM debian:12\nRUN apt-get install -y a b c d e\n', count: 1, message: '`a`, `b`, `c` and 2 more' },
  ],
});
