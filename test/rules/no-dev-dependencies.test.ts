import rule from '../../src/rules/shipshape/no-dev-dependencies.js';
import { ruleTable } from '../helpers/rule-table.js';

const PY = 'FROM python:3.12.4-slim\n';

/** A command that starts a service: the rule judges only such images (second review). */
const SRV = 'CMD ["gunicorn", "-b", "0.0.0.0:8000", "site.wsgi"]\n';

ruleTable(rule, {
  silent: [
    PY + 'RUN pip install --no-cache-dir -r requirements.txt\n',
    PY + 'RUN pip install -r requirements/production.txt\n',
    PY + 'RUN pip install -r requirements/base.txt\n',
    PY + 'RUN pip install -e .\n',
    PY + 'RUN pip install ".[postgres]"\n',
    PY + 'RUN uv sync --locked --no-dev\n',
    PY + 'RUN uv sync --frozen --no-default-groups\n',
    PY + 'RUN uv sync --locked --only-group prod\n',
    PY + 'ENV UV_NO_DEV=1\nRUN uv sync --locked\n',
    PY + 'RUN poetry install --only main --no-root\n',
    PY + 'RUN poetry install --only=main\n',
    PY + 'RUN poetry install --without dev,test\n',
    PY + 'RUN poetry install --no-dev\n',
    PY + 'RUN pipenv install --deploy --system\n',
    PY + 'RUN pdm install --prod --frozen-lockfile\n',
    PY + 'RUN pdm sync --prod\n',
    // Builder stages are not the image: tests may run there.
    PY + 'FROM python:3.12.4-slim AS test\nRUN pip install -r requirements-dev.txt\nFROM python:3.12.4-slim\nRUN pip install -r requirements.txt\n',
    // With a build context: no development group declared, nothing extra is installed.
    { input: PY + 'RUN uv sync --locked\n', files: { 'pyproject.toml': '[project]\nname = "x"\ndependencies = ["django==5.0.7"]\n' } },
    { input: PY + 'RUN poetry install\n', files: { 'pyproject.toml': '[tool.poetry]\nname = "x"\n[tool.poetry.dependencies]\npython = "^3.12"\n' } },
    // Images for tests or development say so in their command.
    PY + 'RUN pip install -r requirements-dev.txt\nCMD ["pytest", "-q"]\n',
    PY + 'RUN pip install -r requirements-test.txt\nCMD ["python", "manage.py", "test"]\n',
    PY + 'RUN uv sync --locked\nCMD ["python", "manage.py", "runserver", "0.0.0.0:8000"]\n',
    'FROM quay.io/pypa/manylinux2014_x86_64\nRUN /opt/python/cp38-cp38/bin/pip install -r requirements_dev.txt\n',
    PY + 'RUN pip install -r requirements-docs.txt\n',
    PY + 'RUN pip3 install -r requirements/pip.txt && pip3 install -r requirements/local-docs-build.txt\nCMD ["gunicorn", "docs.wsgi"]\n',
    'FROM python:3.12.4-slim AS release\nRUN pip install -r requirements.txt\nFROM release AS development\nRUN pip install -r requirements-dev.txt\n',
    'FROM mcr.microsoft.com/devcontainers/python:3.12\nRUN pip install -r requirements-dev.txt\n',
    'FROM themattrix/tox-base\nRUN pip install -r dev-requirements.txt\n',
    PY + 'RUN uv sync\nRUN useradd dev && echo dev ALL=\\(root\\) NOPASSWD:ALL > /etc/sudoers.d/dev\n',
    // First review: development and test images that say so in other ways than the command.
    PY + 'COPY . /src\nRUN pip install -e ".[testing]"\nCMD pserve /src/development.ini\n',
    'FROM example/project_test:base\nCOPY . /src\nRUN pip install -r requirements-dev.txt\n',
    'FROM ubuntu:14.04\nRUN apt-get install -y python-pip\nRUN pip install pytest pytest-cov\nRUN pip install -e .[develop]\nCMD ["python"]\n',
    'FROM python:3.7-slim\nCOPY . /src\nRUN pip install pipenv\nRUN cd /src && pipenv install --dev && pipenv run pytest tests\n',
    'FROM ubuntu:14.04\nRUN apt-get install -y python3-pip python3-nose\nCOPY requirements-test.txt .\nRUN pip3 install --user -r requirements-test.txt\n',
    'FROM debian:stretch\nRUN apt-get install -y python-pip\nRUN pip install -r test-requirements.txt\nENTRYPOINT ["hack/dind"]\n',
    PY + 'RUN pip install -r requirements.txt\nRUN pip install -r requirements-dev.txt --src /srv/lib\nCMD ["gunicorn", "app.wsgi"]\n',
    // Not an install.
    PY + 'RUN pip download -r requirements-dev.txt\n',
    PY + 'RUN cat requirements-dev.txt\n',
    // Second review: images that start no service install development requirements on purpose.
    PY + 'COPY . /src\nRUN pip install -r /src/requirements-test.txt\n',
    PY + 'RUN pip install -e ".[testing]"\nCMD /bin/bash\n',
    PY + 'RUN pip install -r requirements-dev.txt\nCMD ["tail", "-f", "/dev/null"]\n',
    PY + 'RUN pip install -r requirements-dev.txt\nCMD ["sh", "-c", "bash"]\n',
    'FROM registry.example/company/centos-db:7\nRUN pip install -r requirements/test.txt\n',
    // Second review: debugpy's port exposed: an image built to be debugged.
    PY + 'RUN pipenv install --dev --system --deploy\nEXPOSE 5678\nCMD ["python", "-u", "main.py"]\n',
    // Third review: a process wrapper with nothing after it starts no service (a devcontainer's `fixuid`).
    'FROM continuumio/miniconda3\nCOPY requirements-dev.txt .\nRUN pip install -r requirements-dev.txt\nENTRYPOINT ["fixuid"]\n',
    PY + 'RUN pip install -r requirements-dev.txt\nENTRYPOINT ["tini", "--"]\n',
    // A daemon in the background and an interactive shell in the foreground: a workstation image, not a service.
    'FROM ubuntu:22.04\nRUN apt-get update && apt-get install -y python3-pip tmux vim\nCOPY requirements_dev.txt /root/\nRUN pip3 install -r /root/requirements_dev.txt\nCMD /opt/dropbox/dropboxd & /bin/bash\n',
    // Third review: a build argument chooses between a production and a development install.
    PY + 'ARG ENVIRONMENT=prod\nCOPY poetry.lock pyproject.toml ./\nRUN poetry config virtualenvs.create false && (if [ "$ENVIRONMENT" = "prod" ]; then poetry install --no-dev; else poetry install; fi)\n' + SRV,
    // Third review: the dev install goes into pipenv's virtualenv, which the same RUN deletes.
    PY + 'COPY Pipfile Pipfile.lock ./\nRUN pip install pipenv && pipenv install -d && pipenv install --system && pipenv --rm && pip uninstall -y pipenv\n' + SRV,
    // Third review: the image holds no application code; `server.py` is mounted at run time (a development image).
    'FROM debian:stretch\nADD requirements/requirements.txt /tmp/requirements.txt\nADD requirements/requirements.dev.txt /tmp/requirements.dev.txt\nRUN curl -s https://bootstrap.pypa.io/get-pip.py | python && pip install -r /tmp/requirements.txt && pip install -r /tmp/requirements.dev.txt\nCOPY files/app.conf /home/pi/.app/app.conf\nWORKDIR /home/pi/app\nEXPOSE 8080\nCMD python server.py\n',
    // Fourth review: images that are CI, test, packaging, demo or dependency-base images by what they hold.
    PY + 'ARG with_tests=true\nENV WITH_TESTS ${with_tests}\nRUN if [ "$WITH_TESTS" = true ]; then \\\n  pip install -r requirements_dev.txt -U ;\\\n fi\n' + SRV,
    PY + 'ARG INSTALL_DEV=false\nRUN [ "$INSTALL_DEV" = true ] && pip install -r requirements-dev.txt\n' + SRV,
    PY + 'RUN apt-get update && apt-get install -y --no-install-recommends shellcheck golang-go\nRUN go get -u github.com/client9/misspell/cmd/misspell\nCOPY . /srv/app\nRUN pip install --no-cache-dir -r requirements-dev.txt\nENTRYPOINT ["./manage.sh"]\n',
    PY + 'RUN pip install tox==4.11.0 -r requirements-dev.txt\n' + SRV,
    PY + 'RUN pip install -r requirements-dev.txt\nRUN wget -q https://example.org/PyInstaller-2.1.tar.gz && tar xzf PyInstaller-2.1.tar.gz\nCOPY . /code/\nENTRYPOINT ["/usr/local/bin/mytool"]\n',
    'FROM debian:wheezy\nRUN apt-get update && apt-get install -y python python-pip lxc iptables\nCOPY . /code/\nRUN pip install -r requirements-dev.txt\nENTRYPOINT ["/usr/local/bin/docker-compose"]\n',
    'FROM ubuntu:xenial\nRUN curl -sLo ngrok.zip https://bin.equinox.io/c/x/ngrok-stable-linux-amd64.zip && unzip ngrok.zip ngrok -d /bin\nRUN pip install -r requirements/production.txt -r requirements/development.txt\nCOPY . /opt\nENTRYPOINT ["/opt/entrypoint.sh"]\n',
    'FROM ubuntu:trusty\nCOPY . /src\nRUN pip install -r requirements.txt && pip install -r test_requirements.txt && pip install -r doc_requirements.txt\nCMD uwsgi uwsgi.ini\n',
    'FROM python:3.6\nADD . /code\nWORKDIR /code\nRUN pip3 install -r /code/dev-requirements.txt\nRUN pip3 install -e .\nEXPOSE 8000\nCMD ["python", "examples/cars/main.py"]\n',
    'FROM tiangolo/uvicorn-gunicorn-fastapi:python3.11\nADD requirements /code/requirements\nRUN pip install -r requirements/dev.txt\n',
  ],
  fires: [
    { name: 'second review: no CMD, but the root image is an application server', input: 'FROM tiangolo/uvicorn-gunicorn-fastapi:python3.11\nRUN poetry install -n\n', line: 2 },
    { name: 'second review: no CMD, a Django project collecting static files to serve', input: PY + 'RUN pipenv install --dev --system\nRUN python manage.py collectstatic --noinput\n', line: 2 },
    { name: 'second review: a shell script that starts the server', input: PY + 'RUN pip install -r requirements-dev.txt\nCMD ["sh", "-c", "exec gunicorn site.wsgi"]\n', line: 2 },
    { input: PY + 'RUN pip install --no-cache-dir -r requirements.txt -r requirements-dev.txt\n' + SRV, line: 2, message: /requirements-dev\.txt` installs development requirements/ },
    { input: PY + 'RUN pip3 install -r requirements/local.txt\n' + SRV, line: 2 },
    { input: PY + 'RUN python -m pip install -r dev-requirements.txt\n' + SRV, line: 2 },
    { input: PY + 'RUN uv pip install --system -r requirements/test.txt\n' + SRV, line: 2 },
    { input: PY + 'RUN pip install -e ".[dev,postgres]"\n' + SRV, line: 2, message: /development extras/ },
    { input: PY + 'RUN uv sync --locked\n' + SRV, line: 2, message: /`--no-dev`/ },
    { input: PY + 'RUN uv sync --locked --all-groups\n' + SRV, line: 2 },
    { input: PY + 'RUN poetry install --no-root\n' + SRV, line: 2, message: /--only main/ },
    { input: PY + 'RUN poetry install --only dev\n' + SRV, line: 2 },
    { input: PY + 'RUN pipenv install --dev --system --deploy\n' + SRV, line: 2 },
    { input: PY + 'RUN pdm install --frozen-lockfile\n' + SRV, line: 2 },
    { name: 'a production stage after a dev stage', input: 'FROM python:3.12.4-slim AS dev\nRUN pytest\nFROM python:3.12.4-slim AS prod\nRUN pip install -r requirements-dev.txt\n' + SRV, line: 4 },
    { name: 'inherited from the stage the final stage is built on', input: 'FROM python:3.12.4-slim AS base\nRUN uv sync --locked\nFROM base\nCOPY app.py .\nCMD ["python", "app.py"]\n', line: 2 },
    { name: 'a shell list whose foreground command is the server', input: PY + 'COPY . .\nRUN pip install -r requirements-dev.txt\nCMD /bin/bash -c "python manage.py migrate && exec gunicorn site.wsgi"\n', line: 3 },
    { name: 'third review: a wrapper before the server', input: PY + 'RUN pip install -r requirements-dev.txt\nENTRYPOINT ["tini", "--"]\nCMD ["gunicorn", "site.wsgi"]\n', line: 2 },
    { name: 'third review: gosu and its user before the server', input: PY + 'RUN pip install -r requirements-dev.txt\nENTRYPOINT ["gosu", "app", "gunicorn", "site.wsgi"]\n', line: 2 },
    { name: 'third review: a conditional dev install with no production alternative', input: PY + 'COPY poetry.lock pyproject.toml ./\nRUN if [ -f poetry.lock ]; then poetry install; fi\n' + SRV, line: 3 },
    { name: 'third review: pipenv --rm does not undo a --system install', input: PY + 'COPY Pipfile Pipfile.lock ./\nRUN pipenv install --dev --system && pipenv --rm\n' + SRV, line: 3 },
    { name: 'third review: a RUN downloads the source', input: 'FROM debian:stretch\nADD requirements.dev.txt /tmp/requirements.dev.txt\nRUN pip install -r /tmp/requirements.dev.txt\nRUN curl -fsSL https://example.org/app.tar.gz -o /tmp/app.tar.gz && tar -xzf /tmp/app.tar.gz -C /app\nWORKDIR /app\nCMD python server.py\n', line: 3 },
    { name: 'third review: the script is copied into the image', input: 'FROM debian:stretch\nADD requirements/requirements.dev.txt /tmp/requirements.dev.txt\nRUN pip install -r /tmp/requirements.dev.txt\nCOPY . /home/pi/app\nWORKDIR /home/pi/app\nCMD python server.py\n', line: 3 },
    { name: 'tests in the build of an image that starts a service', input: 'FROM phusion/baseimage:0.9.19\nRUN pipenv install --dev\nRUN pipenv run pytest\n' + SRV, line: 2 },
    { name: 'test tools installed next to a service command', input: PY + 'RUN pip install pytest==8.0.0 -r requirements-dev.txt\nCMD ["gunicorn", "app.wsgi"]\n', line: 2 },
    { name: 'uv with a dev group in pyproject', input: PY + 'RUN uv sync --locked\n' + SRV, files: { 'pyproject.toml': '[project]\nname = "x"\n[dependency-groups]\ndev = ["pytest==8.0.0"]\n' } },
    { name: 'poetry with a dev group', input: PY + 'RUN poetry install\n' + SRV, files: { 'pyproject.toml': '[tool.poetry.group.dev.dependencies]\npytest = "^8"\n' } },
    { name: 'fourth review: a switch fixed by ENV in the Dockerfile is no build argument', input: PY + 'ENV WITH_TESTS=true\nRUN if [ "$WITH_TESTS" = true ]; then pip install -r requirements-dev.txt; fi\n' + SRV, line: 3 },
    { name: 'fourth review: a server root with the application copied', input: 'FROM tiangolo/uvicorn-gunicorn-fastapi:python3.11\nCOPY poetry.lock pyproject.toml ./\nRUN poetry install -n\nCOPY ./app /app/app\n', line: 3 },
    { name: 'fourth review: an editable install with a service command that is no demo', input: PY + 'COPY . /app\nRUN pip install -r requirements-dev.txt && pip install -e .\nCMD ["python", "app/main.py"]\n', line: 3 },
    { name: 'fourth review: test tools named next to the dev install, no CI tooling', input: PY + 'COPY . /srv\nRUN pip install -r test_requirements.txt && pip install mock coverage nose pylint\nCMD python openbazaard.py start\n', line: 3 },
  ],
});
