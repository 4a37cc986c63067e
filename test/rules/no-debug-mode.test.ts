import rule from '../../src/rules/shipshape/no-debug-mode.js';
import { ruleTable } from '../helpers/rule-table.js';

ruleTable(rule, {
  silent: [
    'FROM python:3.12.4-slim\nENV DEBUG=0\n',
    'FROM python:3.12.4-slim\nENV DJANGO_DEBUG=false FLASK_DEBUG=off\n',
    'FROM python:3.12.4-slim\nENV DEBUG=${DEBUG_DEFAULT}\n',
    'FROM python:3.12.4-slim\nENV MY_DEBUG=1\n',
    'FROM python:3.12.4-slim\nARG DEBUG=1\n',
    // Builder stages do not reach the image.
    'FROM python:3.12.4 AS test\nENV DJANGO_DEBUG=True\nRUN pytest\nFROM python:3.12.4-slim\nENV DJANGO_DEBUG=False\n',
    'FROM python:3.12.4-slim\nENV FLASK_ENV=production\n',
    'FROM python:3.12.4-slim\nCMD ["uvicorn", "app:app", "--host", "0.0.0.0"]\n',
    'FROM python:3.12.4-slim\nCMD ["gunicorn", "app:app"]\n',
    'FROM python:3.12.4-slim AS dev\nCMD ["uvicorn", "app:app", "--reload"]\nFROM python:3.12.4-slim\nCMD ["uvicorn", "app:app"]\n',
    'FROM python:3.12.4-slim\nCMD ["pytest", "--debug"]\n',
  ],
  fires: [
    { input: 'FROM python:3.12.4-slim\nENV DJANGO_DEBUG=True\n', line: 2, column: 5, unsafeFixed: 'FROM python:3.12.4-slim\nENV DJANGO_DEBUG=False\n' },
    { input: 'FROM python:3.12.4-slim\nENV FLASK_DEBUG="1"\n', line: 2, unsafeFixed: 'FROM python:3.12.4-slim\nENV FLASK_DEBUG=False\n' },
    { input: 'FROM python:3.12.4-slim\nENV DEBUG yes\n', line: 2, unsafeFixed: 'FROM python:3.12.4-slim\nENV DEBUG False\n' },
    { input: 'FROM python:3.12.4-slim\nENV A=1 \\\n    DEBUG=on\n', line: 3, count: 1 },
    { name: 'inherited stage', input: 'FROM python:3.12.4-slim AS base\nENV DJANGO_DEBUG=1\nFROM base\nCMD ["gunicorn", "s.wsgi"]\n', line: 2 },
    { input: 'FROM python:3.12.4-slim\nENV FLASK_ENV=development\n', line: 2, message: /FLASK_ENV=development/ },
    { input: 'FROM python:3.12.4-slim\nCMD ["uvicorn", "app:app", "--host", "0.0.0.0", "--reload"]\n', line: 2, column: 49, message: /`uvicorn --reload`/ },
    { input: 'FROM python:3.12.4-slim\nCMD gunicorn --reload --bind 0.0.0.0:8000 app:app\n', line: 2, message: /`gunicorn --reload`/ },
    { input: 'FROM python:3.12.4-slim\nENTRYPOINT ["sh", "-c", "flask --debug run --host 0.0.0.0"]\n', line: 2, message: /interactive debugger/ },
    { input: 'FROM python:3.12.4-slim\nENV DEBUG=true\n', fixed: 'FROM python:3.12.4-slim\nENV DEBUG=true\n', name: 'unsafe fix is not applied by --fix' },
    // Line endings, BOM and escape character are kept by the fix.
    { name: 'fix keeps CRLF line endings', input: 'FROM python:3.12.4-slim\r\nENV DJANGO_DEBUG=True\r\n', unsafeFixed: 'FROM python:3.12.4-slim\r\nENV DJANGO_DEBUG=False\r\n' },
    { name: 'fix keeps the BOM', input: '\uFEFFFROM python:3.12.4-slim\nENV DJANGO_DEBUG=True\n', unsafeFixed: '\uFEFFFROM python:3.12.4-slim\nENV DJANGO_DEBUG=False\n' },
    { name: 'fix in an escape=` file', input: '# escape=`\nFROM python:3.12.4-slim\nENV DJANGO_DEBUG=True\n', unsafeFixed: '# escape=`\nFROM python:3.12.4-slim\nENV DJANGO_DEBUG=False\n' },
    { name: 'fix on a continuation line', input: 'FROM alpine:3.20\nENV A=1 \\\n  DEBUG=1\n', unsafeFixed: 'FROM alpine:3.20\nENV A=1 \\\n  DEBUG=False\n' },
  ],
});
