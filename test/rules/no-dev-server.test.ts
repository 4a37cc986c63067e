import rule from '../../src/rules/shipshape/no-dev-server.js';
import { ruleTable } from '../helpers/rule-table.js';

ruleTable(rule, {
  silent: [
    'FROM python:3.12.4-slim\nUSER nobody\nCMD ["gunicorn", "--bind", "0.0.0.0:8000", "site.wsgi:application"]\n',
    'FROM python:3.12.4-slim\nRUN python manage.py collectstatic --noinput\nUSER nobody\nCMD ["uvicorn", "site.asgi:application", "--host", "0.0.0.0"]\n',
    'FROM python:3.12.4-slim AS dev\nCMD ["python", "manage.py", "runserver"]\nFROM python:3.12.4-slim\nCMD ["gunicorn", "site.wsgi"]\n',
    'FROM node:20.15.1-slim\nCMD ["npm", "run", "build"]\n',
    'FROM node:20.15.1-slim\nCMD ["npm", "start"]\n',
    'FROM python:3.12.4-slim\nRUN flask run --help\nCMD ["gunicorn", "app:app"]\n',
    'FROM python:3.12.4-slim\nENTRYPOINT python app.py\nCMD ["flask", "run"]\n',
    'FROM python:3.12.4-slim\nCMD ["python", "-m", "myapp.server"]\n',
    'FROM python:3.12.4-slim\nONBUILD CMD ["flask", "run"]\nCMD ["gunicorn", "app:app"]\n',
    // --reload is a debug switch of a production server: no-debug-mode reports it.
    'FROM python:3.12.4-slim\nCMD ["uvicorn", "app:app", "--reload"]\n',
    'FROM python:3.12.4-slim\nCMD ["flask", "shell"]\n',
  ],
  fires: [
    { input: 'FROM python:3.12.4-slim\nUSER nobody\nCMD python manage.py runserver 0.0.0.0:8000\n', line: 3, column: 22, message: /Django's development server/ },
    // Issue 16: the suggested command names the project's own WSGI/ASGI module, or says it is a placeholder.
    { input: 'FROM python:3.12.4-slim\nUSER nobody\nCMD python manage.py runserver 0.0.0.0:8000\n', files: { 'manage.py': '', 'mysite/__init__.py': '', 'mysite/wsgi.py': '', 'mysite/settings.py': '', 'blog/views.py': '' }, message: /use a WSGI\/ASGI server \(`gunicorn mysite\.wsgi:application`\)$/, name: 'detected mysite/wsgi.py' },
    { input: 'FROM python:3.12.4-slim\nUSER nobody\nCMD python src/manage.py runserver\n', files: { 'src/manage.py': '', 'src/config/asgi.py': '', '.venv/lib/python3.12/site-packages/django/core/wsgi.py': '' }, message: /\(`uvicorn config\.asgi:application`\)$/, name: 'asgi.py only, manage.py in src/, a virtualenv ignored' },
    { input: 'FROM python:3.12.4-slim\nUSER nobody\nCMD python manage.py runserver\n', files: { 'manage.py': 'import os\nos.environ.setdefault("DJANGO_SETTINGS_MODULE", "shop.settings.production")\n' }, message: /\(`gunicorn shop\.wsgi:application`\)$/, name: 'from DJANGO_SETTINGS_MODULE' },
    { input: 'FROM python:3.12.4-slim\nUSER nobody\nCMD python manage.py runserver\n', noContext: true, message: /\(`gunicorn <your_project>\.wsgi:application`, naming the package that holds wsgi\.py\)/, name: 'no context: a placeholder that says so' },
    { input: 'FROM python:3.12.4-slim\nUSER nobody\nCMD ["flask", "run", "--host=0.0.0.0"]\n', line: 3, column: 6, message: /flask run/ },
    { input: 'FROM python:3.12.4-slim\nCMD ["python", "-m", "flask", "run", "--host=0.0.0.0"]\n', line: 2, message: /flask run/ },
    { input: 'FROM python:3.12.4-slim\nCMD flask --app hello run --host 0.0.0.0\n', line: 2, message: /flask run/ },
    { input: 'FROM python:3.12.4-slim\nCMD ["python", "-m", "http.server", "8000"]\n', message: /http\.server/ },
    { input: 'FROM node:20.15.1-slim\nCMD ["npm", "run", "dev"]\n', message: /npm run dev/ },
    { input: 'FROM node:20.15.1-slim\nENTRYPOINT ["yarn"]\nCMD ["dev"]\n', line: 2, message: /yarn dev/ },
    { input: 'FROM python:3.12.4-slim\nENTRYPOINT ["sh", "-c", "python manage.py migrate && python manage.py runserver 0.0.0.0:8000"]\n', line: 2 },
    { input: 'FROM python:3.12.4-slim AS base\nCMD ["python", "manage.py", "runserver"]\nFROM base\nUSER nobody\n', line: 2, name: 'inherited from the stage the final one is built on' },
    { input: 'FROM python:3.12.4-slim\nCMD python \\\n  manage.py \\\n  runserver\n', line: 4 },
    { input: 'FROM php:8.3.9-cli\nCMD php -S 0.0.0.0:8000 -t public\n', message: /php -S/ },
  ],
});
