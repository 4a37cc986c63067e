import rule from '../../src/rules/shipshape/require-locked-install.js';
import { ruleTable } from '../helpers/rule-table.js';

const PY = 'FROM python:3.12.4-slim\n';

ruleTable(rule, {
  silent: [
    // The same with a lock that covers every dependency, and with two locks (which one the RUN uses is unknown).
    { input: 'FROM python:3.12.4-slim\nCOPY --from=ghcr.io/astral-sh/uv:0.4.20 /uv /bin/\nWORKDIR /app\nCOPY pyproject.toml uv.lock ./\nRUN uv sync --locked --no-dev\n', files: { 'pyproject.toml': '[project]\nname = "site"\nversion = "1"\ndependencies = ["Django>=5"]\n', 'uv.lock': 'version = 1\n\n[[package]]\nname = "django"\nversion = "5.1.1"\n' } },
    { input: 'FROM python:3.12.4-slim\nCOPY --from=ghcr.io/astral-sh/uv:0.4.20 /uv /bin/\nWORKDIR /app\nCOPY pyproject.toml uv.lock ./\nRUN uv sync --locked --no-dev\n', files: { 'pyproject.toml': '[project]\nname = "site"\nversion = "1"\ndependencies = ["Django>=5"]\n', 'uv.lock': 'version = 1\n', 'other/uv.lock': 'version = 1\n' } },
    PY + 'RUN uv sync --locked --no-dev\n',
    PY + 'RUN uv sync --frozen\n',
    PY + 'ENV UV_FROZEN=1\nRUN uv sync --no-dev\n',
    PY + 'RUN UV_LOCKED=1 uv sync\n',
    PY + 'RUN --mount=type=bind,source=uv.lock,target=uv.lock uv sync --locked\n',
    PY + 'COPY pyproject.toml poetry.lock ./\nRUN poetry install --only main\n',
    PY + 'COPY pyproject.toml poetry.lock* ./\nRUN poetry install --only main\n',
    PY + 'RUN --mount=type=bind,source=poetry.lock,target=poetry.lock --mount=type=bind,source=pyproject.toml,target=pyproject.toml poetry install\n',
    { input: PY + 'COPY . .\nRUN poetry install --only main\n', noContext: true },
    { input: PY + 'COPY . .\nRUN poetry install --only main\n', files: { 'pyproject.toml': '', 'poetry.lock': '' } },
    { input: PY + 'COPY app/ /app/\nRUN poetry install\n', files: { 'app/poetry.lock': '' } },
    PY + 'COPY Pipfile Pipfile.lock ./\nRUN pipenv install --deploy --system\n',
    PY + 'RUN pipenv install --system --ignore-pipfile\n',
    PY + 'RUN pipenv sync\n',
    PY + 'RUN pipenv install gunicorn\n',
    PY + 'RUN pdm install --prod --frozen-lockfile\n',
    PY + 'RUN pdm sync --prod\n',
    PY + 'RUN pip install -r requirements.txt\n',
    PY + 'RUN uv pip install -r requirements.txt\n',
  ],
  fires: [
    // A lock that no longer covers pyproject.toml: --locked makes the build fail (a second fresh-user trial:
    // init refused cookiecutter-django's stale lock, lint said nothing).
    {
      input: 'FROM python:3.12.4-slim\nCOPY --from=ghcr.io/astral-sh/uv:0.4.20 /uv /bin/\nWORKDIR /app\nCOPY pyproject.toml uv.lock ./\nRUN uv sync --locked --no-dev\n',
      files: { 'pyproject.toml': '[project]\nname = "site"\nversion = "1"\ndependencies = ["Django>=5", "gunicorn"]\n', 'uv.lock': 'version = 1\n\n[[package]]\nname = "gunicorn"\nversion = "23.0.0"\n' },
      line: 5,
      message: /^`uv sync --locked` fails on this build context: `uv.lock` does not lock `django` from `pyproject.toml`/,
      name: 'stale uv.lock with --locked',
    },
    { name: 'no uv.lock at the working directory: no --locked fix', input: PY + 'RUN uv sync --no-dev\n', line: 2, column: 5, message: /no `uv\.lock` is visible at the working directory/, unsafeFixed: PY + 'RUN uv sync --no-dev\n' },
    { input: PY + 'WORKDIR /app\nCOPY pyproject.toml uv.lock ./\nRUN uv sync --no-dev\n', line: 4, column: 5, message: /--locked/, unsafeFixed: PY + 'WORKDIR /app\nCOPY pyproject.toml uv.lock ./\nRUN uv sync --locked --no-dev\n', fixed: PY + 'WORKDIR /app\nCOPY pyproject.toml uv.lock ./\nRUN uv sync --no-dev\n' },
    { input: PY + 'WORKDIR /app\nRUN --mount=type=cache,target=/root/.cache/uv \\\n    --mount=type=bind,source=uv.lock,target=uv.lock \\\n    uv sync \\\n      --no-dev\n', line: 5, unsafeFixed: PY + 'WORKDIR /app\nRUN --mount=type=cache,target=/root/.cache/uv \\\n    --mount=type=bind,source=uv.lock,target=uv.lock \\\n    uv sync --locked \\\n      --no-dev\n' },
    {
      name: 'cookiecutter-django: target=uv.lock:rw is a file named uv.lock:rw, so no lock and no fix',
      input: PY + 'WORKDIR /app\nRUN --mount=type=bind,source=pyproject.toml,target=pyproject.toml \\\n    --mount=type=bind,source=uv.lock,target=uv.lock:rw \\\n    uv sync --no-install-project\n',
      line: 5,
      message: /`target=uv\.lock:rw` is taken literally/,
      unsafeFixed: PY + 'WORKDIR /app\nRUN --mount=type=bind,source=pyproject.toml,target=pyproject.toml \\\n    --mount=type=bind,source=uv.lock,target=uv.lock:rw \\\n    uv sync --no-install-project\n',
    },
    {
      name: 'cookiecutter-django, after COPY . ${APP_HOME}: the context\'s uv.lock is there',
      input: PY + 'ARG APP_HOME=/app\nWORKDIR ${APP_HOME}\nCOPY . ${APP_HOME}\nRUN --mount=type=bind,source=uv.lock,target=uv.lock:rw uv sync\n',
      files: { 'uv.lock': '', 'pyproject.toml': '' },
      line: 5,
      unsafeFixed: PY + 'ARG APP_HOME=/app\nWORKDIR ${APP_HOME}\nCOPY . ${APP_HOME}\nRUN --mount=type=bind,source=uv.lock,target=uv.lock:rw uv sync --locked\n',
    },
    { name: 'whole-context copy, but the context has no uv.lock', input: PY + 'WORKDIR /app\nCOPY . .\nRUN uv sync\n', files: { 'pyproject.toml': '' }, line: 4, unsafeFixed: PY + 'WORKDIR /app\nCOPY . .\nRUN uv sync\n' },
    { name: 'uv.lock copied to another directory', input: PY + 'WORKDIR /app\nCOPY uv.lock /src/\nRUN uv sync\n', line: 4, unsafeFixed: PY + 'WORKDIR /app\nCOPY uv.lock /src/\nRUN uv sync\n' },
    { name: 'absolute bind-mount target at the working directory', input: PY + 'WORKDIR /app\nRUN --mount=type=bind,source=uv.lock,target=/app/uv.lock uv sync\n', line: 3, unsafeFixed: PY + 'WORKDIR /app\nRUN --mount=type=bind,source=uv.lock,target=/app/uv.lock uv sync --locked\n' },
    { name: '--project points uv elsewhere: no fix', input: PY + 'WORKDIR /app\nCOPY pyproject.toml uv.lock ./\nRUN uv sync --project /srv\n', line: 4, unsafeFixed: PY + 'WORKDIR /app\nCOPY pyproject.toml uv.lock ./\nRUN uv sync --project /srv\n' },
    { input: PY + 'ENV UV_FROZEN=0\nRUN uv sync\n', line: 3 },
    { input: PY + 'COPY pyproject.toml ./\nRUN poetry install --only main\n', line: 3, message: /poetry\.lock/ },
    { input: PY + 'COPY . .\nRUN poetry install --only main\n', files: { 'pyproject.toml': '' }, line: 3 },
    { name: 'first review: --skip-lock gets its own message and no --deploy fix', input: PY + 'COPY Pipfile ./\nRUN pipenv install --system --skip-lock\n', line: 3, message: /--skip-lock` installs from the `Pipfile`'s version ranges and ignores any lock/, unsafeFixed: PY + 'COPY Pipfile ./\nRUN pipenv install --system --skip-lock\n' },
    { input: PY + 'COPY Pipfile Pipfile.lock ./\nRUN pipenv install --system\n', line: 3, unsafeFixed: PY + 'COPY Pipfile Pipfile.lock ./\nRUN pipenv install --deploy --system\n' },
    { input: PY + 'RUN pdm install --prod\n', line: 2, unsafeFixed: PY + 'RUN pdm install --frozen-lockfile --prod\n' },
    { name: 'builder stages count: their files are copied into the image', input: 'FROM python:3.12.4 AS build\nRUN uv sync --no-dev\nFROM python:3.12.4-slim\nCOPY --from=build /app/.venv /app/.venv\n', line: 2 },
    { name: 'CRLF kept by the fix', input: 'FROM python:3.12.4-slim\r\nCOPY uv.lock pyproject.toml /\r\nRUN uv sync\r\n', unsafeFixed: 'FROM python:3.12.4-slim\r\nCOPY uv.lock pyproject.toml /\r\nRUN uv sync --locked\r\n' },
  ],
});
