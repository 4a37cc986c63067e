import rule from '../../src/rules/buildkit/JSONArgsRecommended.js';
import { ruleTable } from '../helpers/rule-table.js';

ruleTable(rule, {
  silent: [
    'FROM alpine:3.20\nCMD ["echo", "hi"]\n',
    'FROM alpine:3.20\nENTRYPOINT ["/entrypoint.sh"]\nCMD []\n',
    { input: 'FROM alpine:3.20\nRUN echo hi\nHEALTHCHECK CMD wget -q -O /dev/null http://localhost/ || exit 1\nCMD ["httpd", "-f"]\n', name: 'RUN and HEALTHCHECK are not checked' },
    { input: 'FROM alpine:3.20\nONBUILD CMD echo hi\nCMD ["true"]\n', name: 'ONBUILD triggers are not checked' },
    { input: 'FROM alpine:3.20\nSHELL ["/bin/ash", "-eo", "pipefail", "-c"]\nCMD echo hi\n', name: 'SHELL chosen on purpose' },
    { input: 'FROM alpine:3.20 AS base\nSHELL ["/bin/ash", "-c"]\nFROM base\nCMD echo hi\n', name: 'SHELL in the parent stage' },
    { input: 'FROM alpine:3.20\n# check=skip=JSONArgsRecommended\nCMD echo $HOME\n', name: 'per-instruction skip' },
    { input: '# check=skip=JSONArgsRecommended\nFROM alpine:3.20\nCMD echo hi\n', name: 'file-level skip' },
  ],
  fires: [
    { name: 'Python server: graceful shutdown', input: 'FROM python:3.12.4-slim\nCMD gunicorn --bind 0.0.0.0:8000 site.wsgi\n', line: 2, message: /gunicorn gets no SIGTERM on `docker stop`, so it cannot finish in-flight requests.*CMD \["gunicorn", "--bind", "0\.0\.0\.0:8000", "site\.wsgi"\]/ },
    { name: 'Python server with variables: sh -c exec', input: 'FROM python:3.12.4-slim\nCMD uvicorn app:app --host 0.0.0.0 --port $PORT\n', line: 2, message: /\["\/bin\/sh", "-c", "exec uvicorn \.\.\."\]/ },
    { name: 'celery warm shutdown', input: 'FROM python:3.12.4-slim\nCMD celery -A proj worker\n', message: /warm shutdown/ },
    { name: 'plain python', input: 'FROM python:3.12.4-slim\nCMD python app.py\n', message: /Python gets no SIGTERM/ },
    { name: 'not Python: message unchanged', input: 'FROM nginx:1.27.0\nCMD nginx -g daemon-off\n', message: /forward signals such as SIGTERM to your process; write it/ },
    { input: 'FROM alpine:3.20\nCMD echo hello\n', line: 2, column: 1, unsafeFixed: 'FROM alpine:3.20\nCMD ["echo", "hello"]\n', fixed: 'FROM alpine:3.20\nCMD echo hello\n' },
    { input: "FROM alpine:3.20\nCMD ['nginx', '-g', 'daemon off;']\n", line: 2, name: 'single quotes are shell form', unsafeFixed: "FROM alpine:3.20\nCMD ['nginx', '-g', 'daemon off;']\n" },
    { input: 'FROM alpine:3.20\nCMD ["echo", "hi"] extra\n', line: 2 },
    { input: 'FROM alpine:3.20\nENTRYPOINT /usr/bin/app --port 80\n', line: 2, message: /ENTRYPOINT/, unsafeFixed: 'FROM alpine:3.20\nENTRYPOINT ["/usr/bin/app", "--port", "80"]\n' },
    { input: 'FROM alpine:3.20\nCMD echo $HOME && ls\n', name: 'no fix with shell syntax', unsafeFixed: 'FROM alpine:3.20\nCMD echo $HOME && ls\n' },
    { input: 'FROM alpine:3.20 AS a\nSHELL ["/bin/ash", "-c"]\nFROM alpine:3.20\nCMD echo hi\n', line: 4, name: 'SHELL in an unrelated stage does not count' },
    { input: 'FROM alpine:3.20\nCMD echo hi\nSHELL ["/bin/ash", "-c"]\n', line: 2, name: 'SHELL after the CMD does not count' },
    // Line endings, BOM and escape character are kept by the fix.
    { name: 'fix keeps CRLF line endings', input: 'FROM alpine:3.20\r\nCMD echo hello\r\n', fixed: 'FROM alpine:3.20\r\nCMD echo hello\r\n', unsafeFixed: 'FROM alpine:3.20\r\nCMD ["echo", "hello"]\r\n' },
    { name: 'fix keeps the BOM', input: '\uFEFFFROM alpine:3.20\nCMD echo hello\n', fixed: '\uFEFFFROM alpine:3.20\nCMD echo hello\n', unsafeFixed: '\uFEFFFROM alpine:3.20\nCMD ["echo", "hello"]\n' },
    { name: 'fix in an escape=` file', input: '# escape=`\nFROM alpine:3.20\nCMD echo hello\n', fixed: '# escape=`\nFROM alpine:3.20\nCMD echo hello\n', unsafeFixed: '# escape=`\nFROM alpine:3.20\nCMD ["echo", "hello"]\n' },
    // A continued instruction of plain words is rewritten too (bug: only one-line instructions had a fix).
    { name: 'fix of a continued instruction', input: 'FROM alpine:3.20\nCMD app --serve \\\n  --port 80\n', unsafeFixed: 'FROM alpine:3.20\nCMD ["app", "--serve", "--port", "80"]\n' },
    { name: 'no fix across a comment line', input: 'FROM alpine:3.20\nCMD app --serve \\\n# the port\n  --port 80\n', unsafeFixed: 'FROM alpine:3.20\nCMD app --serve \\\n# the port\n  --port 80\n' },
  ],
});
