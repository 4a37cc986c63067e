import rule from '../../src/rules/shipshape/uv-cache-link-mode.js';
import { ruleTable } from '../helpers/rule-table.js';

const PY = 'FROM python:3.12.4-slim\n';

ruleTable(rule, {
  silent: [
    PY + 'ENV UV_LINK_MODE=copy\nRUN --mount=type=cache,target=/root/.cache/uv uv sync --locked\n',
    PY + 'ENV UV_COMPILE_BYTECODE=1 UV_LINK_MODE=copy\nRUN --mount=type=cache,target=/root/.cache/uv uv sync --locked\n',
    PY + 'RUN --mount=type=cache,target=/root/.cache/uv UV_LINK_MODE=copy uv sync --locked\n',
    PY + 'RUN --mount=type=cache,target=/root/.cache/uv uv sync --locked --link-mode=copy\n',
    PY + 'RUN --mount=type=cache,target=/root/.cache/uv uv pip install --link-mode copy -r requirements.txt\n',
    PY + 'RUN uv sync --locked --no-cache\n',
    PY + 'RUN --mount=type=cache,target=/root/.cache/pip pip install -r requirements.txt\n',
    PY + 'RUN --mount=type=cache,target=/var/cache/apt uv sync --locked\n',
    PY + 'RUN --mount=type=cache,target=/root/.cache/uv uv lock --check\n',
    PY + 'RUN --mount=type=cache,target=/root/.cache/uv uv --version\n',
  ],
  fires: [
    { input: PY + 'RUN --mount=type=cache,target=/root/.cache/uv uv sync --locked\n', line: 2, message: /`uv sync` with a cache mount at `\/root\/\.cache\/uv` cannot hard-link from the cache \(another filesystem\): uv warns and falls back to copying/, fixed: PY + 'RUN --mount=type=cache,target=/root/.cache/uv uv sync --link-mode=copy --locked\n' },
    { input: PY + 'RUN --mount=type=cache,target=/root/.cache/uv \\\n    uv pip install --system -r requirements.txt\n', line: 3, fixed: PY + 'RUN --mount=type=cache,target=/root/.cache/uv \\\n    uv pip install --link-mode=copy --system -r requirements.txt\n' },
    { input: PY + 'ENV UV_CACHE_DIR=/cache\nRUN --mount=type=cache,target=/cache uv sync --frozen\n', line: 3 },
    { input: PY + 'ENV UV_LINK_MODE=hardlink\nRUN --mount=type=cache,target=/root/.cache/uv uv sync --frozen\n', line: 3, message: /link mode `hardlink`/ },
    { input: PY + 'RUN --mount=type=cache,target=/root/.cache/uv uv tool install ruff==0.6.9\n', line: 2 },
  ],
});
