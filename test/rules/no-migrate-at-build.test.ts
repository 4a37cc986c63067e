import rule from '../../src/rules/shipshape/no-migrate-at-build.js';
import { ruleTable } from '../helpers/rule-table.js';

const PY = 'FROM python:3.12.4-slim\nWORKDIR /app\n';

ruleTable(rule, {
  silent: [
    PY + 'RUN python manage.py collectstatic --noinput\n',
    PY + 'RUN python manage.py compilemessages\n',
    PY + 'RUN python manage.py makemigrations --check --dry-run\n',
    PY + 'RUN python manage.py migrate --help\n',
    PY + 'CMD ["sh", "-c", "python manage.py migrate && exec gunicorn site.wsgi"]\n',
    PY + 'ENTRYPOINT ["python", "manage.py", "migrate"]\n',
    PY + 'RUN echo "python manage.py migrate" > /start.sh\n',
    PY + 'RUN pip install django-migrate==1.0\n',
  ],
  fires: [
    { input: PY + 'RUN python manage.py migrate --noinput\n', line: 3, column: 5, message: /`manage\.py migrate` at build time/ },
    { input: PY + 'RUN ./manage.py migrate\n', line: 3 },
    { input: PY + 'RUN DATABASE_URL=sqlite:////tmp/db.sqlite3 python3 /app/manage.py migrate && python3 manage.py collectstatic --noinput\n', line: 3, count: 1 },
    { input: PY + 'RUN django-admin migrate --settings=site.settings\n', line: 3 },
    { input: PY + 'RUN python -m django migrate\n', line: 3 },
    { input: PY + 'RUN flask db upgrade\n', line: 3, message: /flask db upgrade/ },
    { input: PY + 'RUN alembic upgrade head\n', line: 3 },
    { input: PY + 'ONBUILD RUN python manage.py migrate\n', line: 3 },
  ],
});
