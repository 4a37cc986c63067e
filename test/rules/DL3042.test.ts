import rule from '../../src/rules/hadolint/DL3042.js';
import { ruleTable } from '../helpers/rule-table.js';

const F = 'FROM python:3.12\n';

ruleTable(rule, {
  silent: [
    `${F}RUN pip3 install --no-cache-dir six==1.16.0\n`,
    `${F}RUN PIP_NO_CACHE_DIR=1 pip install six==1.16.0\n`,
    `${F}RUN export PIP_NO_CACHE_DIR=true && pip install six==1.16.0\n`,
    `${F}RUN --mount=type=cache,target=/root/.cache/pip pip install six==1.16.0\n`,
    `${F}ENV PIP_NO_CACHE_DIR=1 PYTHONDONTWRITEBYTECODE=1\nRUN pip install six==1.16.0\n`,
    `${F}ENV PIP_NO_CACHE_DIR=YES\nRUN pip install six==1.16.0\n`,
    `FROM python:3.12 AS base\nENV PIP_NO_CACHE_DIR=on\nFROM base\nRUN pip install six==1.16.0\n`,
    `${F}RUN pipx install ruff==0.4.4\n`,
    `${F}RUN python -m pipx install ruff==0.4.4\n`,
    `${F}RUN pipenv install\n`,
    `${F}RUN pip wheel --wheel-dir /wheels -r requirements.txt\n`,
    // pip expands unambiguous prefixes of long options: these already are --no-cache-dir (issue 16).
    { name: '--no-cache is pip\'s --no-cache-dir', input: `${F}RUN pip install --no-cache /wheels/*\n` },
    { name: '--no-ca is the shortest unambiguous prefix', input: `${F}RUN pip install --no-ca six==1.16.0\n` },
    { name: 'uv pip install --no-cache', input: `${F}RUN uv pip install --no-cache -r /requirements/production.txt\n` },
  ],
  fires: [
    { input: 'FROM python:3.12.4-slim\nRUN /usr/bin/python3 -m pip install flask==3.0.3\n', line: 2, message: /^Add `--no-cache-dir` to `\/usr\/bin\/python3 -m pip install`/, name: 'the message names python -m pip install as written' },
    { input: 'FROM python:3.12.4-slim\nRUN /opt/venv/bin/pip install flask==3.0.3\n', line: 2, fixed: 'FROM python:3.12.4-slim\nRUN /opt/venv/bin/pip install --no-cache-dir flask==3.0.3\n', name: 'pip by its path' },
    { input: `${F}RUN pip install six==1.16.0\n`, line: 2, column: 5, message: /pip install/, fixed: `${F}RUN pip install --no-cache-dir six==1.16.0\n` },
    { name: '--no-c is ambiguous for pip (--no-color, --no-compile, --no-clean)', input: `${F}RUN pip install --no-c six==1.16.0\n`, fixed: `${F}RUN pip install --no-cache-dir --no-c six==1.16.0\n` },
    { input: `${F}ENV PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=0\nRUN pip install six==1.16.0\n`, line: 3 },
    { input: `${F}ENV PIP_NO_CACHE_DIR=OFF\nRUN pip install six==1.16.0\n` },
    { input: `FROM python:3.12-slim AS base\nENV PIP_NO_CACHE_DIR=true\nFROM python:3.12-slim\nRUN pip install six==1.16.0\n`, line: 4 },
    { input: `${F}RUN export PIP_NO_CACHE_DIR=false && pip install six==1.16.0\n` },
    { input: `${F}ONBUILD RUN pip install six==1.16.0\n`, line: 2, fixed: `${F}ONBUILD RUN pip install --no-cache-dir six==1.16.0\n` },
    {
      input: `${F}RUN python3 -m pip install \\\n      six==1.16.0 \\\n && pip3 install attrs==23.2.0\n`,
      line: 2,
      count: 1,
      fixed: `${F}RUN python3 -m pip install --no-cache-dir \\\n      six==1.16.0 \\\n && pip3 install --no-cache-dir attrs==23.2.0\n`,
    },
    { input: `${F}RUN ["pip", "install", "six==1.16.0"]\n`, fixed: `${F}RUN ["pip", "install", "--no-cache-dir", "six==1.16.0"]\n` },
    { input: `${F}RUN <<EOF\npip install six==1.16.0\nEOF\n`, line: 3, fixed: `${F}RUN <<EOF\npip install --no-cache-dir six==1.16.0\nEOF\n` },
    // Line endings, BOM and escape character are kept by the fix.
    { name: 'fix keeps CRLF line endings', input: 'FROM python:3.12\r\nRUN python3 -m pip install \\\r\n      six==1.16.0 \\\r\n && pip3 install attrs==23.2.0\r\n', fixed: 'FROM python:3.12\r\nRUN python3 -m pip install --no-cache-dir \\\r\n      six==1.16.0 \\\r\n && pip3 install --no-cache-dir attrs==23.2.0\r\n' },
    { name: 'fix keeps the BOM', input: '\uFEFFFROM python:3.12\nRUN pip install six==1.16.0\n', fixed: '\uFEFFFROM python:3.12\nRUN pip install --no-cache-dir six==1.16.0\n' },
    { name: 'fix in an escape=` file', input: '# escape=`\nFROM python:3.12\nRUN python3 -m pip install `\n      six==1.16.0 `\n && pip3 install attrs==23.2.0\n', fixed: '# escape=`\nFROM python:3.12\nRUN python3 -m pip install --no-cache-dir `\n      six==1.16.0 `\n && pip3 install --no-cache-dir attrs==23.2.0\n' },
  ],
});
