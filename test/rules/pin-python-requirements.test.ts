import { describe, expect, it } from 'vitest';
import rule from '../../src/rules/shipshape/pin-python-requirements.js';
import { readRequirements } from '../../src/rules/lib/python-manifests.js';
import { ruleTable } from '../helpers/rule-table.js';

const DF = 'FROM python:3.12.4-slim\nCOPY requirements.txt .\nRUN pip install --no-cache-dir -r requirements.txt\nUSER nobody\n';

ruleTable(rule, {
  silent: [
    { input: 'FROM python:3.12.4-slim\nCOPY . .\nRUN pip install .\n', files: { 'pyproject.toml': '[project]\nname = "app"\ndependencies = ["django==5.0.7", "gunicorn==22.0.0 ; sys_platform != \'win32\'"]\n' } },
    { input: 'FROM python:3.12.4-slim\nCOPY . .\nRUN pip install --no-deps .\n', files: { 'pyproject.toml': '[project]\nname = "app"\ndependencies = [\n  "django>=5.0",\n  "gunicorn==22.0.0",\n]\n' } },
    { input: 'FROM python:3.12.4-slim\nCOPY . .\nRUN pip install -r requirements.lock && pip install .\n', files: { ...{ 'pyproject.toml': '[project]\nname = "app"\ndependencies = [\n  "django>=5.0",\n  "gunicorn==22.0.0",\n]\n' }, 'requirements.lock': 'django==5.0.7\n' } },
    { input: 'FROM python:3.12.4-slim\nCOPY . .\nRUN pip install .\n', noContext: true },
    { input: 'FROM python:3.12.4-slim\nCOPY . .\nRUN pip install flask==3.0.3\n', files: { 'pyproject.toml': '[project]\nname = "app"\ndependencies = [\n  "django>=5.0",\n  "gunicorn==22.0.0",\n]\n' } },
    { input: DF, files: { 'requirements.txt': '# web\n--only-binary=:all:\ndjango==5.0.7\ngunicorn==22.0.0 ; python_version >= "3.8"\n' } },
    { input: DF, files: { 'requirements.txt': 'django==5.0.7 \\\n    --hash=sha256:aaaa \\\n    --hash=sha256:bbbb\ncelery[redis]==5.4.0\n' } },
    { input: DF, files: { 'requirements.txt': '-e .\n./libs/shared\nhttps://example.com/pkg-1.0.tar.gz#sha256=abc\nmypkg @ https://example.com/mypkg-2.0-py3-none-any.whl\n' } },
    { input: DF, files: { 'requirements.txt': 'git+https://github.com/org/repo.git@0123456789abcdef0123456789abcdef01234567#egg=repo\n' } },
    { input: DF, files: { 'requirements.txt': '-c constraints.txt\ndjango\n', 'constraints.txt': 'django==5.0.7\n' } },
    { input: DF, files: { 'requirements.txt': '-r base.txt\n', 'base.txt': 'django==5.0.7\n' } },
    { input: DF, files: {} },
    { input: DF, noContext: true },
    { input: 'FROM python:3.12.4-slim\nONBUILD COPY requirements.txt .\n', files: { 'requirements.txt': 'django\n' }, name: 'ONBUILD copies from the child build context' },
    { input: 'FROM python:3.12.4-slim\nCOPY requirements.in .\n', files: { 'requirements.in': 'django\n' } },
    { input: 'FROM python:3.12.4-slim\nCOPY . .\nRUN pip install .\n', files: { 'requirements.txt': 'django\n' }, name: 'whole copy, requirements not used' },
    { input: 'FROM python:3.12.4-slim\nCOPY --from=build requirements.txt .\n', files: { 'requirements.txt': 'django\n' } },
  ],
  fires: [
    { name: 'pip install . with ranges in pyproject', input: 'FROM python:3.12.4-slim\nCOPY . /app\nRUN pip install --no-cache-dir .\n', files: { 'pyproject.toml': '[project]\nname = "app"\ndependencies = [\n  "django>=5.0",\n  "gunicorn==22.0.0",\n]\n' }, line: 3, message: /resolves the `\[project\] dependencies` of `pyproject\.toml`, which are not pinned: `django>=5\.0`/ },
    { input: 'FROM python:3.12.4-slim\nCOPY . .\nRUN pip install -e ".[postgres]"\n', files: { 'pyproject.toml': '[project]\nname = "app"\ndependencies = [\n  "django>=5.0",\n  "gunicorn==22.0.0",\n]\n' }, line: 3 },
    { input: 'FROM python:3.12.4-slim\nCOPY . .\nRUN uv pip install --system -r pyproject.toml\n', files: { 'pyproject.toml': '[project]\nname = "app"\ndependencies = [\n  "django>=5.0",\n  "gunicorn==22.0.0",\n]\n' }, line: 3 },
    { input: DF, files: { 'requirements.txt': 'django\nrequests>=2.31\n' }, line: 2, column: 6, count: 1, message: /`requirements\.txt` has requirements not pinned with `==`: `django` \(line 1\), `requests>=2\.31` \(line 2\)/ },
    { input: DF, files: { 'requirements.txt': '-r base.txt\nflask==3.0.3\n', 'base.txt': '# base\nsqlalchemy~=2.0\n' }, message: /`base\.txt` \(included from `requirements\.txt`\).*sqlalchemy~=2\.0/ },
    { input: DF, files: { 'requirements.txt': 'django==5.*\n' }, message: /wildcard/ },
    { input: DF, files: { 'requirements.txt': 'git+https://github.com/org/repo.git@main#egg=repo\n' }, message: /`repo` \(line 1, VCS URL without a commit hash\)/ },
    { input: 'FROM python:3.12.4-slim\nCOPY requirements/ /tmp/req/\nRUN pip install -r /tmp/req/prod.txt\n', files: { 'requirements/prod.txt': '-r base.txt\n', 'requirements/base.txt': 'django\n' }, line: 2, message: /requirements\/base\.txt/ },
    { input: 'FROM python:3.12.4-slim\nWORKDIR /app\nCOPY . .\nRUN pip install --no-cache-dir \\\n  -r requirements.txt\n', files: { 'requirements.txt': 'django\n', 'main.py': '' }, line: 4 },
    { input: 'FROM python:3.12.4-slim\nCOPY requirements*.txt ./\n', files: { 'requirements.txt': 'django==5.0.7\n', 'requirements-dev.txt': 'pytest\n' }, count: 1, message: /requirements-dev\.txt/ },
    { input: 'FROM python:3.12.4-slim\nCOPY ["requirements.txt", "./"]\n', files: { 'requirements.txt': 'Django (>=5)\n' }, line: 2 },
    // A "requirements" file that is not one (a symlink to an environment dump): only names are shown, never values.
    { input: DF, files: { 'requirements.txt': 'CI_JOB_TOKEN=glcbt-64_s3cretvalue\nroot:x:0:0:root:/root:/bin/bash\n' }, message: /^(?!.*(s3cretvalue|\/bin\/bash|root:x)).*`CI_JOB_TOKEN` \(line 1\)/s, name: 'no file contents beyond requirement names' },
    { input: DF, files: { 'requirements.txt': 'git+https://deploy:hunter2pass@git.example.com/org/repo.git@main\n' }, message: /^(?!.*hunter2pass).*VCS URL without a commit hash/s, name: 'no credentials of a VCS URL' },
  ],
});

describe('readRequirements', () => {
  it('reads names, markers, extras and continuation lines', () => {
    const r = readRequirements('a==1 ; python_version < "3.9"  # comment\nb[x,y] >= 2 \\\n  ; sys_platform == "linux"\n--index-url https://x/simple\n  # only a comment\nc===1.0\n');
    expect(r.unpinned.map((u) => [u.name, u.line, u.reason])).toEqual([['b', 2, 'range']]);
    expect([...r.pinned].sort()).toEqual(['a', 'c']);
  });
});
