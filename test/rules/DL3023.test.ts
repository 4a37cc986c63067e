import rule from '../../src/rules/hadolint/DL3023.js';
import { ruleTable } from '../helpers/rule-table.js';

ruleTable(rule, {
  silent: [
    'FROM python:3.12 AS deps\nRUN pip install --no-cache-dir -r req.txt\nFROM python:3.12-slim AS app\nCOPY --from=deps /usr/local /usr/local\n',
    'FROM python:3.12\nCOPY --from=0 /src /dst\n',
    'FROM python:3.12 AS app\nONBUILD COPY --from=app /src /dst\n',
  ],
  fires: [
    { input: 'FROM node:20 AS app\nCOPY --from=app main.js /srv/\n', line: 2, column: 6, message: /stage this COPY is in/ },
    { input: 'FROM node:20 AS App\nCOPY --from=app main.js /srv/\n', line: 2, name: 'case-insensitive' },
    { input: 'FROM node:20 AS build\nRUN echo\nFROM node:20 AS app\nCOPY \\\n  --from=app b /c/\n', line: 5, name: 'continuation line' },
  ],
});
