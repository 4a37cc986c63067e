import rule from '../../src/rules/hadolint/DL3025.js';
import { ruleTable } from '../helpers/rule-table.js';

ruleTable(rule, {
  silent: [
    'FROM ruby:3.3\nCMD ["rails", "server"]\n',
    'FROM ruby:3.3\nHEALTHCHECK CMD [ "/usr/local/bin/healthcheck" ]\n',
    'FROM ruby:3.3\nHEALTHCHECK NONE\n',
    // Issue 16: hadolint's DL3025 covers CMD and ENTRYPOINT only (its check matches `Cmd` and `Entrypoint`).
    { input: 'FROM ruby:3.3\nHEALTHCHECK --interval=30s CMD curl -f http://localhost:3000/up\n', name: 'shell-form HEALTHCHECK CMD' },
    'FROM eclipse-temurin:21-jre\nENTRYPOINT ["java", "-Dapp.banner=\\"hello\\"", "-jar", "/app.jar"]\n',
    'FROM ruby:3.3\nONBUILD CMD rails server\n',
    'FROM ruby:3.3\nRUN echo shell form is fine here\n',
  ],
  fires: [
    // A fresh-user trial: single-quoted "JSON" is shell form for Docker and fails at start.
    {
      input: "FROM python:3.12.4-slim\nUSER 1000\nCMD ['gunicorn', '-b', '0.0.0.0:8000', 'app:app']\n",
      line: 3,
      count: 1,
      message: /^The CMD array uses single quotes, which JSON does not allow: .* Write `CMD \["gunicorn", "-b", "0\.0\.0\.0:8000", "app:app"\]`$/,
      fixed: 'FROM python:3.12.4-slim\nUSER 1000\nCMD ["gunicorn", "-b", "0.0.0.0:8000", "app:app"]\n',
      name: 'single-quoted array',
    },
    { input: "FROM python:3.12.4-slim\nENTRYPOINT ['/entrypoint.sh']\n", fixed: 'FROM python:3.12.4-slim\nENTRYPOINT ["/entrypoint.sh"]\n', name: 'single-quoted ENTRYPOINT' },
    { input: 'FROM ruby:3.3 AS web\nCMD rails server\n', line: 2, column: 1, message: /\["rails", "server"\]/, fixed: 'FROM ruby:3.3 AS web\nCMD ["rails", "server"]\n' },
    { input: 'FROM ruby:3.3 AS web\nENTRYPOINT bundle exec puma\n', fixed: 'FROM ruby:3.3 AS web\nENTRYPOINT ["bundle", "exec", "puma"]\n' },
    { input: 'FROM python:3.12-slim\nENV APP_PORT=8000\nCMD ["uvicorn", "app:main", "--port", $APP_PORT]\n', fixed: 'FROM python:3.12-slim\nENV APP_PORT=8000\nCMD ["uvicorn", "app:main", "--port", $APP_PORT]\n', name: 'invalid JSON is shell form; no fix' },
    { input: 'FROM node:20\nCMD node server.js --port $PORT\n', fixed: 'FROM node:20\nCMD node server.js --port $PORT\n', name: 'variables need a shell: no fix' },
    { input: 'FROM node:20\nCMD npm run migrate && npm start\n', fixed: 'FROM node:20\nCMD npm run migrate && npm start\n', name: 'shell operators: no fix' },
    { input: "FROM node:20\nCMD exec node -e 'console.log(1)'\n", fixed: 'FROM node:20\nCMD ["node", "-e", "console.log(1)"]\n', name: 'exec and single quotes' },
    { input: 'FROM node:20\nCMD node \\\n    server.js\n', line: 2, fixed: 'FROM node:20\nCMD ["node", "server.js"]\n', name: 'continuation line' },
    {
      input: 'FROM node:20\nENTRYPOINT ["tini", "--"]\nCMD node server.js\n',
      fixed: 'FROM node:20\nENTRYPOINT ["tini", "--"]\nCMD node server.js\n',
      unsafeFixed: 'FROM node:20\nENTRYPOINT ["tini", "--"]\nCMD ["node", "server.js"]\n',
      name: 'CMD with an ENTRYPOINT: unsafe',
    },
    {
      input: 'FROM node:20\nENTRYPOINT node server.js\nCMD ["--port", "80"]\n',
      fixed: 'FROM node:20\nENTRYPOINT node server.js\nCMD ["--port", "80"]\n',
      unsafeFixed: 'FROM node:20\nENTRYPOINT ["node", "server.js"]\nCMD ["--port", "80"]\n',
      name: 'ENTRYPOINT with a CMD: unsafe',
    },
    { input: 'FROM node:20\nCMD cd /srv && node .\n', fixed: 'FROM node:20\nCMD cd /srv && node .\n' },
    // Line endings, BOM and escape character are kept by the fix.
    { name: 'fix keeps CRLF line endings', input: 'FROM node:20\r\nCMD node \\\r\n    server.js\r\n', fixed: 'FROM node:20\r\nCMD ["node", "server.js"]\r\n' },
    { name: 'fix keeps the BOM', input: '\uFEFFFROM ruby:3.3 AS web\nCMD rails server\n', fixed: '\uFEFFFROM ruby:3.3 AS web\nCMD ["rails", "server"]\n' },
    { name: 'fix in an escape=` file', input: '# escape=`\nFROM node:20\nCMD node `\n    server.js\n', fixed: '# escape=`\nFROM node:20\nCMD ["node", "server.js"]\n' },
  ],
});
