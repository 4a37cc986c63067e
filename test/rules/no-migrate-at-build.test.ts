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
    // First review: the same RUN starts the image's own database server (all-in-one image).
    PY + 'RUN service mysql start && mysqladmin create app && python manage.py migrate --noinput\n',
    PY + 'RUN sudo -u postgres /etc/init.d/postgresql start && ./manage.py migrate && sudo -u postgres /etc/init.d/postgresql stop\n',
    PY + 'RUN su postgres -c "pg_ctl -D /var/lib/postgresql/data start" && python manage.py migrate\n',
    // An explicit throw-away SQLite database: on the command, or a demo fallback under /tmp.
    PY + 'RUN DATABASE_URL=sqlite:///tmp/db.sqlite SECRET_KEY=build django-admin migrate > /dev/null\n',
    PY + 'ENV DATABASE_URL=sqlite:////tmp/demo.db\nRUN manage.py migrate && manage.py loaddata demo.json\n',
  ],
  fires: [
    { name: 'third review: an all-in-one demo seeding what it migrated has a database file, whatever libpq-dev suggests', input: 'FROM ubuntu:17.10\nWORKDIR /var/app/\nRUN apt-get update && apt-get install -y python-pip libpq-dev redis-server nginx\nCOPY . /var/app/\nRUN python manage.py migrate --noinput\nRUN python manage.py collectstatic --noinput\nRUN python manage.py demo_content\nENTRYPOINT ["docker/services.sh"]\n', line: 5, message: /writes the schema into a SQLite file in the image layer/ },
    { name: 'third review: loaddata after the migration', input: PY + 'ENV DB_HOST=db\nCOPY . .\nRUN python manage.py migrate && python manage.py loaddata initial.json\n', line: 5, message: /SQLite file/ },
    { name: 'third review: data loaded before the migration does not count', input: PY + 'ENV DB_HOST=db\nCOPY . .\nRUN python manage.py loaddata base.json\nRUN python manage.py migrate\n', line: 6, message: /needs a database the build should not reach/ },
    { name: 'third review: a project command that loads nothing', input: PY + 'RUN pip install psycopg2-binary==2.9.9\nCOPY . .\nRUN python manage.py migrate && python manage.py create_cache_table\n', line: 5, message: /needs a database the build should not reach/ },
    { name: 'second review: a switch named POSTGRES is no database server', input: PY + 'ARG POSTGRES=False\nRUN ./enable_postgres.sh $POSTGRES && python manage.py migrate\n', line: 4, message: /either reaches a database server/ },
    { name: 'second review: a SQLite file made by the build gets the SQLite message', input: PY + 'COPY . .\nRUN rm -f site.db && touch site.db && flask db upgrade\nCMD ["gunicorn", "-b", "0.0.0.0:8000", "site:app"]\n', line: 4, message: /writes the schema into a SQLite file in the image layer/ },
    { name: 'second review: a server database named in the build keeps the database message', input: PY + 'ENV DB_HOST=db.internal\nRUN pip install psycopg2-binary==2.9.9 && python manage.py migrate\nCMD ["gunicorn", "-b", "0.0.0.0:8000", "site.wsgi"]\n', line: 4, message: /needs a database the build should not reach/ },
    { name: 'second review: nothing shows the database: both cases named', input: PY + 'RUN python manage.py migrate\nCMD ["gunicorn", "-b", "0.0.0.0:8000", "site.wsgi"]\n', line: 3, message: /either reaches a database server from the build, or creates a database file/ },
    { input: PY + 'RUN python manage.py migrate --noinput\n', line: 3, column: 5, message: /`manage\.py migrate` at build time/ },
    { input: PY + 'RUN ./manage.py migrate\n', line: 3 },
    { name: 'a SQLite DATABASE_URL in ENV outside /tmp is the runtime database', input: PY + 'ENV DATABASE_URL=sqlite:////data/app.db\nVOLUME /data\nRUN python manage.py migrate\n', line: 5 },
    { name: 'a database server started in an earlier RUN', input: PY + 'RUN service postgresql start\nRUN python manage.py migrate\n', line: 4 },
    { name: 'a server started after the migration', input: PY + 'RUN python manage.py migrate && service postgresql start\n', line: 3 },
    { input: PY + 'RUN django-admin migrate --settings=site.settings\n', line: 3 },
    { input: PY + 'RUN python -m django migrate\n', line: 3 },
    { input: PY + 'RUN flask db upgrade\n', line: 3, message: /flask db upgrade/ },
    { input: PY + 'RUN alembic upgrade head\n', line: 3 },
    { input: PY + 'ONBUILD RUN python manage.py migrate\n', line: 3 },
  ],
});
