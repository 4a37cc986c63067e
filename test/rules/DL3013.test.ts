import rule from '../../src/rules/hadolint/DL3013.js';
import { ruleTable } from '../helpers/rule-table.js';

const F = 'FROM python:3.12\n';

ruleTable(rule, {
  silent: [
    `${F}RUN pip3 install requests==2.31.0\n`,
    `${F}RUN pip install flask==3.0.2 --user\n`,
    `${F}RUN pip3 install --build /opt/flake flake8==7.0.0\n`,
    `${F}RUN pip install --index-url https://bot:s3cret@pypi.internal.example/simple --extra-index-url https://bot:s3cret@mirror.example/simple flask==3.0.2\n`,
    `${F}RUN python3 -m pip install attrs==23.2.0\n`,
    `${F}RUN pip install -r requirements/prod.txt\n`,
    `${F}RUN pip install --requirement requirements/prod.txt\n`,
    `${F}RUN pip install --no-cache-dir .\n`,
    `${F}RUN pip install celery -c constraints.txt\n`,
    `${F}RUN pip install git+https://github.com/acme/widgets.git@v1.4.0#egg=widgets\n`,
    `${F}RUN pip install https://downloads.acme.example/widgets.zip vendor/widgets ./dist/w-1.0-py3-none-any.whl\n`,
    `${F}RUN pip install 'sphinx!=7.1.0' "flask>=3,<4" attrs~=23.2\n`,
    `${F}RUN pip install --no-cache-dir --root-user-action ignore hatch==1.9.4\n`,
    `${F}RUN pipenv install ruff\n`,
    `${F}ENV POETRY_VERSION=1.8.5\nRUN pip install --no-cache-dir pipx==1.6.0 && \\\n    pipx install --python "$(command -v python)" "poetry==\${POETRY_VERSION}"\n`,
    `${F}RUN pip download flask\n`,
    `${F}RUN ["pip", "install", "flask==3.0.2"]\n`,
  ],
  fires: [
    // A virtual environment's pip, called by its path (netbox-docker; a second fresh-user trial).
    { input: 'FROM python:3.12.4-slim\nRUN /opt/venv/bin/pip install --no-cache-dir flask\n', line: 2, message: /flask/, name: 'pip by its path' },
    { input: 'FROM python:3.12.4-slim\nRUN /usr/bin/python3 -m pip install --no-cache-dir --upgrade pip setuptools\n', line: 2, name: 'python -m pip by its path' },
    { input: 'FROM python:3.12.4\nRUN pip install git+https://github.com/scrapy/scrapyd-client.git\n', message: /write `git\+https:\/\/github.com\/scrapy\/scrapyd-client.git@<tag or commit>`/, name: 'VCS URL: pin with @, not ==' },
    { input: `${F}RUN pip install flask\n`, line: 2, column: 17, message: /`flask`.*flask==<version>/ },
    { input: `${F}RUN pip3 install requests\n`, line: 2 },
    { input: `${F}ONBUILD RUN python -m pip install --index-url https://pypi.internal.example/simple attrs\n`, line: 2, message: /`attrs`/ },
    { input: `${F}RUN pip install git+https://github.com/acme/widgets.git#egg=widgets\n` },
    { input: `${F}RUN pipx install ruff\n`, message: /`ruff`/ },
    { input: `${F}RUN pip install --no-cache-dir \\\n      flask==3.0.2 \\\n      gunicorn\n`, line: 4, column: 7, count: 1 },
    { input: `${F}RUN ["pip", "install", "flask"]\n`, line: 2, column: 24 },
    { input: `${F}RUN <<EOF\nset -e\npip install flask\nEOF\n`, line: 4, column: 13 },
  ],
});
