import rule from '../../src/rules/hadolint/DL3060.js';
import { ruleTable } from '../helpers/rule-table.js';

const F = 'FROM node:20\n';

ruleTable(rule, {
  silent: [
    `${F}RUN yarn install --frozen-lockfile && yarn cache clean\n`,
    `${F}RUN echo skip\n`,
    `${F}RUN --mount=type=cache,target=/usr/local/share/.cache/yarn yarn install --frozen-lockfile\n`,
    `${F}RUN --mount=type=tmpfs,target=/usr/local/share/.cache/yarn yarn install --frozen-lockfile\n`,
    `FROM node:20-alpine AS deps\nRUN yarn install --ignore-scripts\nFROM nginx:1.25\nCOPY --from=deps /app /app\n`,
    `${F}RUN yarn add left-pad\n`,
  ],
  fires: [
    { input: `${F}RUN yarn install --frozen-lockfile\n`, line: 2, column: 5, fixed: `${F}RUN yarn install --frozen-lockfile && yarn cache clean\n` },
    { input: `FROM node:20-alpine AS deps\nRUN echo prep\nFROM node:20-alpine\nRUN yarn install --production\n`, line: 4 },
    { input: `FROM node:20-alpine AS deps\nRUN yarn install\nFROM deps\nRUN echo next\n`, line: 2 },
    { input: `FROM node:20-alpine AS deps\nONBUILD RUN yarn install\nFROM nginx:1.25\nRUN echo next\n`, line: 2, fixed: `FROM node:20-alpine AS deps\nONBUILD RUN yarn install && yarn cache clean\nFROM nginx:1.25\nRUN echo next\n` },
    { input: `${F}RUN --mount=type=cache,target=/var/lib/scratch yarn install --frozen-lockfile\n` },
    { input: `${F}RUN yarn cache clean && yarn install\n`, message: /not before/, fixed: `${F}RUN yarn cache clean && yarn install\n` },
    { input: `${F}RUN yarn install \\\n      --frozen-lockfile \\\n && yarn build\n`, line: 2, fixed: `${F}RUN yarn install \\\n      --frozen-lockfile \\\n && yarn build && yarn cache clean\n` },
    { input: `${F}RUN ["yarn", "install"]\n`, fixed: `${F}RUN ["yarn", "install"]\n`, name: 'exec form: no fix' },
    // Line endings, BOM and escape character are kept by the fix.
    { name: 'fix keeps CRLF line endings', input: 'FROM node:20\r\nRUN yarn install \\\r\n      --frozen-lockfile \\\r\n && yarn build\r\n', fixed: 'FROM node:20\r\nRUN yarn install \\\r\n      --frozen-lockfile \\\r\n && yarn build && yarn cache clean\r\n' },
    { name: 'fix keeps the BOM', input: '\uFEFFFROM node:20\nRUN yarn install --frozen-lockfile\n', fixed: '\uFEFFFROM node:20\nRUN yarn install --frozen-lockfile && yarn cache clean\n' },
    { name: 'fix in an escape=` file', input: '# escape=`\nFROM node:20\nRUN yarn install `\n      --frozen-lockfile `\n && yarn build\n', fixed: '# escape=`\nFROM node:20\nRUN yarn install `\n      --frozen-lockfile `\n && yarn build && yarn cache clean\n' },
  ],
});
