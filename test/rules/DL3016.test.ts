import rule from '../../src/rules/hadolint/DL3016.js';
import { ruleTable } from '../helpers/rule-table.js';

const F = 'FROM node:20\n';

ruleTable(rule, {
  silent: [
    `${F}RUN npm install lodash@4.17.21\n`,
    `${F}RUN npm install -g typescript@"5.4.5"\n`,
    `${F}RUN npm install && npm cache clean --force\n`,
    `${F}RUN npm install --no-audit\n`,
    `${F}RUN npm run --silent install\n`,
    `${F}RUN npm install @acme/ui-kit@">=2.0.0 <3.0.0"\n`,
    `${F}RUN npm install git+https://builder@github.com/acme/ui-kit.git#v2.0.1\n`,
    `${F}RUN npm install ./packages/ui-kit ../ui-kit /opt/ui-kit ~/ui-kit ui-kit-2.0.0.tgz\n`,
    `${F}RUN npm install --registry https://npm.internal.example chalk@5.3.0\n`,
    `${F}RUN npm i lodash\n`,
    `${F}RUN npm ci\n`,
  ],
  fires: [
    { input: `${F}RUN npm install lodash\n`, line: 2, column: 17, message: /`lodash`.*lodash@<version>/ },
    { input: `${F}ONBUILD RUN npm install lodash\n`, line: 2 },
    { input: `${F}RUN npm install --registry https://npm.internal.example lodash\n`, message: /`lodash`/ },
    { input: `${F}RUN npm install --registry=https://npm.internal.example lodash\n` },
    { input: `${F}RUN npm install git+ssh://git@github.com:acme/ui-kit.git\n` },
    { input: `${F}RUN npm install @types/node\n`, message: /@types\/node/ },
    { input: `${F}RUN npm install -g \\\n    typescript@5.4.5 \\\n    eslint\n`, line: 4, column: 5 },
    { input: `${F}RUN ["npm", "install", "lodash"]\n`, line: 2 },
  ],
});
