import rule from '../../src/rules/shipshape/server-bind-all.js';
import { ruleTable } from '../helpers/rule-table.js';

const PY = 'FROM python:3.12.4-slim\nWORKDIR /app\n';

ruleTable(rule, {
  silent: [
    PY + 'CMD ["gunicorn", "--bind", "0.0.0.0:8000", "site.wsgi"]\n',
    PY + 'CMD ["gunicorn", "-b", ":8000", "site.wsgi"]\n',
    PY + 'CMD ["gunicorn", "--bind=unix:/run/gunicorn.sock", "site.wsgi"]\n',
    PY + 'CMD gunicorn -b [::]:8000 site.wsgi\n',
    PY + 'CMD ["gunicorn", "-c", "gunicorn.conf.py", "site.wsgi"]\n',
    PY + 'CMD ["gunicorn", "--config", "python:site.gunicorn", "site.wsgi"]\n',
    PY + 'ENV GUNICORN_CMD_ARGS="--bind=0.0.0.0:8000 --workers=3"\nCMD ["gunicorn", "site.wsgi"]\n',
    PY + 'ENV PORT=8080\nCMD ["gunicorn", "site.wsgi"]\n',
    { input: PY + 'COPY . .\nCMD ["gunicorn", "site.wsgi"]\n', files: { 'gunicorn.conf.py': 'bind = "0.0.0.0:8000"\n', 'site/wsgi.py': '' } },
    PY + 'ENV HOST=0.0.0.0\nCMD gunicorn --bind $HOST:8000 site.wsgi\n',
    PY + 'CMD gunicorn --bind $BIND site.wsgi\n',
    PY + 'CMD ["uvicorn", "app.main:app", "--host", "0.0.0.0", "--port", "80"]\n',
    PY + 'CMD ["uvicorn", "app.main:app", "--host=0.0.0.0"]\n',
    PY + 'CMD ["uvicorn", "app.main:app", "--uds", "/run/app.sock"]\n',
    PY + 'ENV UVICORN_HOST=0.0.0.0\nCMD ["uvicorn", "app.main:app"]\n',
    PY + 'CMD ["python", "-m", "uvicorn", "app:app", "--host", "0.0.0.0"]\n',
    PY + 'CMD ["hypercorn", "--bind", "0.0.0.0:8000", "app:app"]\n',
    PY + 'CMD ["daphne", "-b", "0.0.0.0", "-p", "8000", "site.asgi:application"]\n',
    PY + 'CMD ["python", "manage.py", "runserver", "0.0.0.0:8000"]\n',
    PY + 'CMD ["python", "manage.py", "runserver", "0:8000"]\n',
    PY + 'CMD ["flask", "run", "--host=0.0.0.0"]\n',
    PY + 'CMD ["fastapi", "run", "app/main.py"]\n',
    // Only the final image counts.
    PY + 'CMD ["uvicorn", "app:app"]\nFROM python:3.12.4-slim\nCMD ["uvicorn", "app:app", "--host", "0.0.0.0"]\n',
    // gunicorn configured another way, or not the command.
    PY + 'CMD ["gunicorn", "--paste", "/etc/app.ini"]\n',
    PY + 'CMD GUNICORN_CMD_ARGS="--bind=0.0.0.0:5002" gunicorn api:app\n',
    PY + 'CMD python anyserver.py -s gunicorn -i 0.0.0.0 -p 8000\n',
    PY + 'CMD ["/etc/init.d/gunicorn"]\n',
    PY + 'ENTRYPOINT ["gunicorn"]\n',
    // Not a server we know.
    PY + 'CMD ["/entrypoint.sh"]\n',
    PY + 'CMD ["python", "app.py"]\n',
  ],
  fires: [
    { input: PY + 'CMD ["gunicorn", "site.wsgi:application"]\n', line: 3, column: 6, message: /gunicorn binds 127\.0\.0\.1:8000.*--bind 0\.0\.0\.0:8000/ },
    { input: PY + 'CMD gunicorn -w 4 site.wsgi\n', line: 3, column: 5 },
    { input: PY + 'CMD ["gunicorn", "--bind", "127.0.0.1:8000", "site.wsgi"]\n', line: 3, message: /listens on 127\.0\.0\.1/, unsafeFixed: PY + 'CMD ["gunicorn", "--bind", "0.0.0.0:8000", "site.wsgi"]\n' },
    { input: PY + 'CMD gunicorn --bind=localhost:8000 site.wsgi\n', line: 3, unsafeFixed: PY + 'CMD gunicorn --bind=0.0.0.0:8000 site.wsgi\n' },
    { input: PY + 'CMD ["uvicorn", "app.main:app", "--port", "8000"]\n', line: 3, message: /uvicorn's default host is 127\.0\.0\.1/ },
    { input: PY + 'CMD ["uvicorn", "app.main:app", "--host", "127.0.0.1"]\n', line: 3, unsafeFixed: PY + 'CMD ["uvicorn", "app.main:app", "--host", "0.0.0.0"]\n' },
    { input: PY + 'CMD ["python", "-m", "uvicorn", "app:app"]\n', line: 3 },
    { input: PY + 'ENTRYPOINT ["sh", "-c", "python manage.py migrate && uvicorn app:app"]\n', line: 3 },
    { input: PY + 'CMD ["hypercorn", "app:app"]\n', line: 3 },
    { input: PY + 'CMD ["daphne", "site.asgi:application"]\n', line: 3 },
    { input: PY + 'CMD ["python", "manage.py", "runserver"]\n', line: 3 },
    { input: PY + 'CMD python manage.py runserver 8000\n', line: 3, message: /port alone/ },
    { input: PY + 'CMD ["python", "manage.py", "runserver", "127.0.0.1:8000"]\n', line: 3, message: /runserver listens on 127\.0\.0\.1, the container/, unsafeFixed: PY + 'CMD ["python", "manage.py", "runserver", "0.0.0.0:8000"]\n' },
    { input: PY + 'ENTRYPOINT ["tini", "--"]\nCMD ["gunicorn", "app:app"]\n', line: 4 },
    { input: PY + 'CMD exec gunicorn app:app\n', line: 3 },
    { input: PY + 'ENTRYPOINT ["gunicorn"]\nCMD ["app:app"]\n', line: 3 },
    { input: PY + 'CMD ["flask", "run"]\n', line: 3 },
    { input: PY + 'ENV HOST=127.0.0.1\nCMD gunicorn --bind ${HOST}:8000 site.wsgi\n', line: 4 },
    { input: 'FROM python:3.12.4-slim AS base\nCMD ["gunicorn", "site.wsgi"]\nFROM base\nUSER nobody\n', line: 2, name: 'inherited CMD' },
    { input: PY + 'COPY . .\nCMD ["gunicorn", "site.wsgi"]\n', files: { 'site/wsgi.py': '' }, line: 4, name: 'no gunicorn.conf.py in the context' },
  ],
});
