import rule from '../../src/rules/hadolint/DL3064.js';
import { ruleTable } from '../helpers/rule-table.js';

ruleTable(rule, {
  silent: [
    'FROM debian:12\nENV DB_PASSWORD=""\n',
    'FROM debian:12\nRUN echo build\n',
    'FROM debian:12\nENV PASSWD_FILE=/etc/passwd\n',
    'FROM postgres:16\nENV POSTGRES_PASSWORD_FILE=/run/secrets/db\n',
    'FROM debian:12\nRUN echo $GITHUB_TOKEN\n',
    'FROM debian:12\nLABEL secret=none\n',
  ],
  fires: [
    { input: 'FROM debian:12\nENV db_password=hunter2hunter2\nRUN echo build\n', line: 2, column: 5, message: /ENV db_password/ },
    { input: 'ARG npm_token\nFROM debian:12\nRUN echo build\n', line: 1 },
    { input: 'FROM debian:12\nARG SERVICE_API_KEY\nRUN echo build\n', line: 2 },
    { input: 'FROM debian:12\nONBUILD ENV DEPLOY_TOKEN=placeholder\n', line: 2, name: 'ONBUILD' },
    { input: 'FROM debian:12\nENV A=1 \\\n    AWS_ACCESS_KEY_ID=x\n', line: 3, count: 1, name: 'continuation line, known name' },
    { input: 'FROM debian:12\nARG DOCKER_EMAIL GH_TOKEN\n', count: 2 },
  ],
});
