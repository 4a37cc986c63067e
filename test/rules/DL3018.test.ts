import rule from '../../src/rules/hadolint/DL3018.js';
import { ruleTable } from '../helpers/rule-table.js';

const F = 'FROM alpine:3.19\n';

ruleTable(rule, {
  silent: [
    { input: 'FROM alpine:3.20\nENV NGINX_VERSION=1.27.0 PKG_RELEASE=1\nRUN set -x \\\n    && nginxPackages=" \\\n        nginx=${NGINX_VERSION}-r${PKG_RELEASE} \\\n        nginx-module-njs=${NGINX_VERSION}.0.8.4-r1 \\\n    " \\\n    && apk add --no-cache $nginxPackages\n', name: 'pinned list in a shell variable of the same RUN (official nginx images)' },
    `${F}RUN apk add bash=5.2.21-r0\n`,
    `${F}RUN apk add --no-cache bash=~5.2 git~2.45\n`,
    `${F}RUN apk add --no-cache \\\n  "bash>=5.2" \\\n  "coreutils~9.4" \\\n  "tzdata<2025"\n`,
    `${F}RUN apk add \\\n--virtual .build-deps \\\ngcc=13.2.1-r0 musl-dev=1.2.4-r2 \\\n&& apk del .build-deps\n`,
    `${F}RUN apk add -t .build-deps gcc=13.2.1-r0\n`,
    `${F}RUN apk add --no-cache --repository https://dl-cdn.alpinelinux.org/alpine/edge/community hugo=0.125.4-r0\n`,
    `${F}RUN apk add --no-cache -X https://dl-cdn.alpinelinux.org/alpine/edge/community hugo=0.125.4-r0\n`,
    `${F}RUN apk add --no-cache --allow-untrusted /tmp/tool-1.4.0-r0.apk\n`,
    `${F}RUN apk del curl\n`,
    `${F}RUN apk add --no-cache --initdb -p /out alpine-baselayout=3.4.3-r2 --arch x86_64\n`,
  ],
  fires: [
    { input: 'FROM alpine:3.20\nRUN pkgs="curl git=2.45.2-r0" && apk add --no-cache $pkgs\n', message: /`(curl|\$pkgs)`/, name: 'shell variable with an unpinned or computed value' },
    { input: `${F}RUN apk add curl\n`, line: 2, column: 13, message: /`curl`.*curl=<version>/ },
    { input: 'from alpine:3.19\nrun apk add curl\n', line: 2 },
    { input: '# escape=`\nFROM alpine:3.19\nRUN apk add --no-cache `\n    curl\n', line: 4, column: 5 },
    { input: `${F}ONBUILD RUN apk add --no-cache curl\n`, line: 2 },
    { input: `${F}RUN apk add --virtual .deps gcc=13.2.1-r0 make\n`, message: /`make`/, count: 1 },
    { input: `${F}RUN ["apk", "add", "curl"]\n`, line: 2 },
    { input: `${F}RUN apk add --no-cache $runDeps curl\n`, message: /`\$runDeps` and `curl`.*write `curl=<version>`/ },
    { input: `${F}RUN apk add --no-cache $runDeps\n`, message: /pin the versions in the variable's value/ },
  ],
});
