import rule from '../../src/rules/hadolint/DL3044.js';
import { ruleTable } from '../helpers/rule-table.js';

ruleTable(rule, {
  silent: [
    'FROM alpine:3.19\nENV APP="core" LOGS="${APPDIR}/logs"\n',
    'FROM alpine:3.19\nARG RELEASE\nENV RELEASE=${RELEASE}\n',
    'FROM alpine:3.19\nENV MODE prod\nENV MODE=${MODE}\n',
    'FROM alpine:3.19\nENV APP="core" LOGS="${MYAPP}/logs"\n',
    'FROM alpine:3.19\nENV PATH=/opt/tools/bin:${PATH}\n',
    'FROM alpine:3.19\nENV APP="core" LOGS="APP/$APPDIR/APP"\n',
    'FROM alpine:3.19\nENV APP="core" LOGS="$MYAPP/logs"\n',
    'FROM alpine:3.19\nENV APP_HOME="/srv"\nENV LOG_DIR="${APP_HOME}/logs"\n',
    'FROM alpine:3.19\nENV APP=/srv\nENV APP=/opt LOGS=$APP/logs\n',
  ],
  fires: [
    { input: 'FROM alpine:3.19\nENV NAME="svc" DISPLAY="$NAME/prod"\n', line: 2, column: 24, count: 1, message: /`DISPLAY` uses `\$NAME`/ },
    { input: 'FROM alpine:3.19\nENV NAME="svc" ALIAS="${NAME}"\n', line: 2 },
    { input: 'FROM alpine:3.19\nENV LOGS=${HOME}/logs HOME=/srv\n', line: 2, name: 'order does not matter' },
    { input: 'FROM alpine:3.19\nENV NAME=svc \\\n    ALIAS=${NAME:-x}\n', line: 3, name: 'continuation line, modifier' },
  ],
});
