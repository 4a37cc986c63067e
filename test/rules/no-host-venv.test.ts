import rule from '../../src/rules/shipshape/no-host-venv.js';
import { findingsOf, ruleTable } from '../helpers/rule-table.js';
import { describe, expect, it } from 'vitest';

const PY = 'FROM python:3.12.4-slim\nWORKDIR /app\n';
const VENV = { '.venv/pyvenv.cfg': 'home = /usr/bin\n', '.venv/bin/python': '', 'app.py': '' };

ruleTable(rule, {
  silent: [
    { input: PY + 'COPY . .\n', files: { ...VENV, '.dockerignore': '.venv\n' } },
    { input: PY + 'COPY . .\n', files: { ...VENV, '.dockerignore': '**/.venv\n' } },
    { input: PY + 'COPY app.py .\n', files: VENV },
    { input: PY + 'COPY src/ ./src/\n', files: { ...VENV, 'src/main.py': '' } },
    { input: PY + 'COPY . .\n', files: { 'app.py': '', 'env/settings.py': '' } },
    { input: PY + 'COPY --from=build /app/.venv /app/.venv\n', files: VENV },
    { input: PY + 'COPY . .\n', noContext: true },
    // A virtual environment created in the image is fine.
    { input: PY + 'COPY . .\nRUN python -m venv /app/.venv\n', files: { 'app.py': '' } },
  ],
  fires: [
    { input: PY + 'COPY . .\n', files: VENV, line: 3, column: 6, message: /`\.venv\/`/ },
    { input: PY + 'COPY . .\n', files: { 'venv/bin/python3': '', 'venv/lib/python3.12/site-packages/x.py': '' }, line: 3 },
    { input: PY + 'ADD backend /app\n', files: { 'backend/.venv/pyvenv.cfg': '', 'backend/main.py': '' }, line: 3, message: /backend\/\.venv/ },
    { input: PY + 'COPY . .\n', files: { ...VENV, '.dockerignore': '.git\n' }, count: 1, fixedFiles: { '.dockerignore': '.git\n.venv\n' } },
    { name: 'the fix creates .dockerignore', input: PY + 'COPY . .\n', files: VENV, fixedFiles: { '.dockerignore': '.venv\n' } },
  ],
});

describe('no-host-venv fix', () => {
  it('appends the environment to .dockerignore, creating it when missing', async () => {
    const [f] = await findingsOf(rule, { input: PY + 'COPY . .\n', files: VENV });
    expect(f.fix?.applicability).toBe('unsafe');
    expect(f.fix?.files).toEqual([{ path: '.dockerignore', create: true, edits: [{ start: 0, end: 0, text: '.venv\n' }] }]);
    const [g] = await findingsOf(rule, { input: PY + 'COPY . .\n', files: { ...VENV, '.dockerignore': '.git' } });
    expect(g.fix?.files?.[0]).toEqual({ path: '.dockerignore', create: false, edits: [{ start: 4, end: 4, text: '\n.venv\n' }] });
  });
});
