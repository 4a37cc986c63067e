import type { Instruction } from '../../parse/types.js';
import type { Fix, RuleContext } from '../../engine/types.js';
import { envAt, hasAny, pythonInstall, truthy, type PythonInstall } from '../lib/python-tools.js';
import { defineRule } from '../define.js';
import { isWholeContext } from '../lib/copy-sources.js';

/** Inserts ` flag` after the subcommand word of the install (`uv sync` → `uv sync --locked`). */
function addFlag(ctx: RuleContext, run: Instruction, install: PythonInstall, flag: string): Fix | undefined {
  const word = install.cmd.args.find((w) => w.value === install.sub);
  if (!word) return undefined;
  return ctx.edit().insertFlagAfter(run, word, flag).unsafe(`Add ${flag}`);
}

/**
 * Whether `lock` reaches the filesystem before `run`: a COPY/ADD source or a `--mount=type=bind` naming
 * it (or a glob that can match it), or a whole-context COPY — then, with a build context, only if the
 * file exists there. Stages the RUN's stage is built on count.
 */
function lockAvailable(ctx: RuleContext, run: Instruction, lock: string): boolean {
  const stage = ctx.file.stages[run.stageIndex];
  if (!stage) return true;
  const names = (v: string): boolean => {
    const base = v.replace(/\/+$/, '').slice(v.replace(/\/+$/, '').lastIndexOf('/') + 1);
    return base === lock || (/[*?[]/.test(base) && new RegExp('^' + base.replace(/[.+^${}()|\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.') + '$').test(lock));
  };
  for (const m of ctx.facts(run).mounts) {
    if (m.type === 'bind' && m.options.from === undefined) {
      const src = m.options.source ?? m.options.src ?? '.';
      if (names(src) || isWholeContext(src)) return true;
    }
  }
  for (const s of ctx.stage(stage).chain) {
    for (const instr of s.instructions) {
      if (s === stage && instr.index >= run.index) break;
      const copy = ctx.facts(instr).copy;
      if (copy === null || copy.from !== null) continue;
      for (const src of copy.sources) {
        if (names(src.value)) return true;
        if (isWholeContext(src.value) || !/\.[A-Za-z0-9]+$/.test(src.value)) {
          // A directory or the whole context: the lock file comes along if it is there.
          if (ctx.context === null) return true;
          const dir = src.value.replace(/^\.\/?/, '').replace(/\/+$/, '');
          if (ctx.context.exists(dir === '' ? lock : `${dir}/${lock}`)) return true;
        }
      }
    }
  }
  return false;
}

function problem(ctx: RuleContext, run: Instruction, install: PythonInstall): { message: string; fix?: Fix } | null {
  const { cmd } = install;
  switch (install.tool) {
    case 'uv':
      if (hasAny(cmd, 'locked', 'frozen')) return null;
      if (truthy(envAt(ctx, run, 'UV_LOCKED', cmd)) || truthy(envAt(ctx, run, 'UV_FROZEN', cmd))) return null;
      return { message: '`uv sync` without `--locked` re-resolves when `uv.lock` is out of date and installs versions nobody reviewed; add `--locked` (fail on a stale lock) or `--frozen`', fix: addFlag(ctx, run, install, '--locked') };
    case 'poetry':
      if (lockAvailable(ctx, run, 'poetry.lock')) return null;
      return { message: '`poetry install` runs without a `poetry.lock` in the image, so Poetry resolves the dependencies afresh: copy `poetry.lock` with `pyproject.toml` before installing' };
    case 'pipenv':
      if (install.sub !== 'install' || install.operands.length > 0) return null;
      if (hasAny(cmd, 'deploy', 'ignore-pipfile')) return null;
      if (truthy(envAt(ctx, run, 'PIPENV_DEPLOY', cmd))) return null;
      // A deliberate unlocked install: `--deploy` would contradict it, so no fix.
      if (hasAny(cmd, 'skip-lock') || truthy(envAt(ctx, run, 'PIPENV_SKIP_LOCK', cmd))) {
        return { message: '`pipenv install --skip-lock` installs from the `Pipfile`\'s version ranges and ignores any lock: copy `Pipfile.lock` and use `pipenv install --deploy` (or `pipenv sync`) instead' };
      }
      return { message: '`pipenv install` without `--deploy` re-locks when `Pipfile.lock` is out of date; add `--deploy` (or use `pipenv sync`)', fix: addFlag(ctx, run, install, '--deploy') };
    case 'pdm':
      if (install.sub !== 'install') return null;
      if (hasAny(cmd, 'frozen-lockfile', 'check')) return null;
      return { message: '`pdm install` updates `pdm.lock` when it is out of date; add `--frozen-lockfile` (or use `pdm sync`)', fix: addFlag(ctx, run, install, '--frozen-lockfile') };
    default:
      return null;
  }
}

/** Fires when a Python project manager installs without enforcing its lock file. */
export default defineRule({
  id: 'require-locked-install',
  severity: 'warning',
  summary: 'Install Python dependencies from the lock file, and fail when it is stale',
  origin: 'shipshape',
  category: 'reproducibility',
  fix: 'unsafe',
  docs: {
    description:
      'Reports, in any stage, installs that may resolve versions instead of reading the lock file: `uv sync` without `--locked` or `--frozen` (or `UV_LOCKED`/`UV_FROZEN` set in `ENV` or on the command); `poetry install` when no `poetry.lock` reaches the stage before it (no `COPY`/`ADD` or bind mount names it or a glob matching it, and no whole-context or directory copy brings it — with a build context, the file must exist there); `pipenv install` without `--deploy` or `--ignore-pipfile` (`pipenv install NAME`, which adds a package, is not judged; `--skip-lock` or `PIPENV_SKIP_LOCK`, which ignore the lock altogether, get their own message and no fix); `pdm install` without `--frozen-lockfile` or `--check` (`pdm sync` reads the lock as is). Requirement files of `pip install -r` are judged by `pin-python-requirements`. The unsafe fix adds `--locked`, `--deploy` or `--frozen-lockfile` after the subcommand: the build then fails when the lock is stale, which is the point, but it is a change of behaviour.',
    why: 'A lock file is only a promise if the build keeps it. `uv sync`, `pipenv install` and `pdm install` quietly re-resolve when the lock no longer matches the manifest, and `poetry install` without its lock resolves from scratch: the image then contains versions that were never tested or reviewed, and two builds of the same commit differ.',
    bad: 'FROM python:3.12.4-slim\nCOPY --from=ghcr.io/astral-sh/uv:0.4.20 /uv /bin/\nCOPY pyproject.toml uv.lock ./\nRUN uv sync --no-dev\n',
    good: 'FROM python:3.12.4-slim\nCOPY --from=ghcr.io/astral-sh/uv:0.4.20 /uv /bin/\nCOPY pyproject.toml uv.lock ./\nRUN uv sync --locked --no-dev\n',
  },
  check(ctx) {
    for (const { run, commands } of ctx.runs({ onbuild: false })) {
      for (const cmd of commands) {
        const install = pythonInstall(cmd);
        if (install === null) continue;
        const p = problem(ctx, run, install);
        if (p) ctx.report({ at: cmd, message: p.message, fix: p.fix });
      }
    }
  },
});
