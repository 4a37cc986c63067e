import type { Instruction } from '../../parse/types.js';
import type { BuildContext, Fix, RuleContext } from '../../engine/types.js';
import { envAt, hasAny, pythonInstall, truthy, type PythonInstall } from '../lib/python-tools.js';
import { defineRule } from '../define.js';
import { isWholeContext, normaliseSource } from '../lib/copy-sources.js';
import { expandWord } from '../../parse/expand.js';
import { scopeLookup } from '../../parse/semantics.js';
import { hasFlag } from '../../shell/query.js';
import { parsePyprojectToml, unlockedNames } from '../lib/python-manifests.js';

/** POSIX path join and clean (`/app` + `./uv.lock` → `/app/uv.lock`); `rel` absolute wins. */
function resolvePath(dir: string, rel: string): string {
  const parts: string[] = [];
  for (const seg of (rel.startsWith('/') ? rel : `${dir}/${rel}`).split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') parts.pop();
    else parts.push(seg);
  }
  return '/' + parts.join('/');
}

/** `word` with the ARG/ENV values in scope at `instr`, or null when a variable has no value. */
function expanded(ctx: RuleContext, instr: Instruction, word: string): string | null {
  const r = expandWord(word, scopeLookup(ctx.scope(instr)), { escape: ctx.file.escape });
  return r.error !== null || r.unmatched.length > 0 ? null : r.value;
}

/**
 * Where `uv sync` in `run` finds `uv.lock`: whether a file of that name is visibly at the RUN's working
 * directory (uv reads the project in the current directory). It is when a bind mount of the RUN has the
 * target `<workdir>/uv.lock` (a relative target is relative to the working directory, as in BuildKit),
 * or mounts a directory of the context holding it at the working directory; or when a COPY/ADD of the
 * stage chain before it puts a source named `uv.lock`, or a directory or the whole context holding one
 * (with a build context, the file must exist there), at that path. False when a path cannot be resolved
 * (a variable without value) or `uv sync` is pointed elsewhere (`--project`, `--directory`): then the
 * `--locked` fix, which would fail the build without a lock, is not offered.
 */
function uvLockAtWorkdir(ctx: RuleContext, run: Instruction, install: PythonInstall): boolean {
  if (hasFlag(install.cmd, 'project', 'directory')) return false;
  const workdir = ctx.facts(run).workdir.path;
  if (workdir === null) return false;
  const want = resolvePath(workdir, 'uv.lock');
  const holds = (dir: string): boolean => ctx.context === null || ctx.context.exists(dir === '' ? 'uv.lock' : `${dir}/uv.lock`);
  for (const m of ctx.facts(run).mounts) {
    if (m.type !== 'bind' || m.target === null) continue;
    const target = expanded(ctx, run, m.target);
    if (target === null) continue;
    const at = resolvePath(workdir, target);
    const src = normaliseSource(m.options.source ?? m.options.src ?? '.');
    const fromHere = m.options.from === undefined;
    if (at === want && (!fromHere || src.split('/').pop() === 'uv.lock')) return true;
    if (at === workdir && fromHere && holds(src)) return true;
  }
  const stage = ctx.file.stages[run.stageIndex];
  if (!stage) return false;
  for (const s of ctx.stage(stage).chain) {
    for (const instr of s.instructions) {
      if (s === stage && instr.index >= run.index) break;
      const copy = ctx.facts(instr).copy;
      if (copy === null || copy.dest === null) continue;
      const dir = ctx.facts(instr).workdir.path;
      const destRaw = expanded(ctx, instr, copy.dest.value);
      if (dir === null || destRaw === null) continue;
      const dest = resolvePath(dir, destRaw);
      const intoDir = destRaw.endsWith('/') || destRaw === '.' || copy.sources.length > 1;
      for (const src of copy.sources) {
        const path = normaliseSource(src.value);
        const base = path.split('/').pop() ?? '';
        if (base === 'uv.lock' && (intoDir ? resolvePath(dest, 'uv.lock') : dest) === want) return true;
        if (dest === workdir && base !== 'uv.lock' && !/[*?[]/.test(path) && !/\.[A-Za-z0-9]+$/.test(path) && (copy.from !== null || holds(path))) return true;
      }
    }
  }
  return false;
}

/** A bind mount of `uv.lock` whose target ends in `:rw`/`:ro` (`docker run -v` syntax that `--mount` takes literally). */
function suffixedLockMount(ctx: RuleContext, run: Instruction): string | null {
  for (const m of ctx.facts(run).mounts) {
    if (m.type === 'bind' && m.target !== null && /(^|\/)uv\.lock:(rw|ro|z|Z)$/.test(m.target)) return m.target;
  }
  return null;
}

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

/**
 * The `pyproject.toml` dependencies that the build context's `uv.lock` does not record (at most five
 * names), when the context holds exactly one `uv.lock`, at its root beside `pyproject.toml`: `uv sync
 * --locked` then stops with "The lockfile needs to be updated". Null when the lock covers them all, when
 * there is no context or several locks (which one a RUN uses is not known), or a file does not parse.
 */
function staleUvLock(context: BuildContext | null): string[] | null {
  if (context === null || context.listFiles().filter((f) => f === 'uv.lock' || f.endsWith('/uv.lock')).length !== 1) return null;
  const lockText = context.readFile('uv.lock');
  const pyprojectText = context.readFile('pyproject.toml');
  if (lockText === null || pyprojectText === null) return null;
  try {
    const missing = unlockedNames(parsePyprojectToml(pyprojectText).dependencies, lockText, 'uv.lock');
    return missing.length > 0 ? missing.slice(0, 5) : null;
  } catch {
    return null;
  }
}

/**
 * What is wrong with one install, or null. `staleLock` gives {@link staleUvLock} of the file's context,
 * read once per file however many `uv sync --locked` it has.
 */
function problem(ctx: RuleContext, run: Instruction, install: PythonInstall, staleLock: () => string[] | null): { message: string; fix?: Fix } | null {
  const { cmd } = install;
  switch (install.tool) {
    case 'uv':
      if (hasAny(cmd, 'locked') || truthy(envAt(ctx, run, 'UV_LOCKED', cmd))) {
        const stale = staleLock();
        return stale ? { message: `\`uv sync --locked\` fails on this build context: \`uv.lock\` does not lock ${stale.map((n) => `\`${n}\``).join(', ')} from \`pyproject.toml\`, so it is out of date ("The lockfile needs to be updated"). Run \`uv lock\` and commit the lock` } : null;
      }
      if (hasAny(cmd, 'frozen')) return null;
      if (truthy(envAt(ctx, run, 'UV_FROZEN', cmd))) return null;
    {
      const message = '`uv sync` without `--locked` re-resolves when `uv.lock` is out of date and installs versions nobody reviewed; add `--locked` (fail on a stale lock) or `--frozen`';
      if (uvLockAtWorkdir(ctx, run, install)) return { message, fix: addFlag(ctx, run, install, '--locked') };
      const suffixed = suffixedLockMount(ctx, run);
      if (suffixed !== null) {
        return { message: `\`uv sync\` runs without \`uv.lock\`, so it resolves afresh: the bind mount's \`target=${suffixed}\` is taken literally (\`--mount\` has no \`:rw\` suffix), so the lock is mounted at a file named \`${suffixed}\`. Write \`target=uv.lock\` (add \`,rw\` if the lock must be writable), then add \`--locked\`` };
      }
      return { message: `${message}; no \`uv.lock\` is visible at the working directory, so copy or bind-mount it there first (\`--locked\` fails without it)` };
    }
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
      'Reports, in any stage, installs that may resolve versions instead of reading the lock file: `uv sync` without `--locked` or `--frozen` (or `UV_LOCKED`/`UV_FROZEN` set in `ENV` or on the command); `poetry install` when no `poetry.lock` reaches the stage before it (no `COPY`/`ADD` or bind mount names it or a glob matching it, and no whole-context or directory copy brings it — with a build context, the file must exist there); `pipenv install` without `--deploy` or `--ignore-pipfile` (`pipenv install NAME`, which adds a package, is not judged; `--skip-lock` or `PIPENV_SKIP_LOCK`, which ignore the lock altogether, get their own message and no fix); `pdm install` without `--frozen-lockfile` or `--check` (`pdm sync` reads the lock as is). Requirement files of `pip install -r` are judged by `pin-python-requirements`. The unsafe fix adds `--locked`, `--deploy` or `--frozen-lockfile` after the subcommand. For `uv sync` it does so only when a `uv.lock` is visibly at the RUN\'s working directory: bind-mounted at that path (`--mount=type=bind,source=uv.lock,target=uv.lock`) or with the directory it is in, or copied there by an earlier `COPY`/`ADD` (a named `uv.lock`, or a directory or the whole context holding one); `uv sync --locked` fails without a lock, so otherwise the message asks to bring the lock first. A bind mount with `target=uv.lock:rw` gets its own message: `--mount` takes the target literally (the `:rw` suffix belongs to `docker run -v`), so the lock lands in a file named `uv.lock:rw` and `uv sync` resolves without it. Otherwise the fix: the build then fails when the lock is stale, which is the point, but it is a change of behaviour. With a build context, a `uv sync --locked` (or `UV_LOCKED`) whose lock is already stale is reported too: when the context holds one `uv.lock`, at its root beside `pyproject.toml`, and the lock does not record a dependency `pyproject.toml` declares, the build fails there ("The lockfile needs to be updated"); run `uv lock`.',
    why: 'A lock file is only a promise if the build keeps it. `uv sync`, `pipenv install` and `pdm install` quietly re-resolve when the lock no longer matches the manifest, and `poetry install` without its lock resolves from scratch: the image then contains versions that were never tested or reviewed, and two builds of the same commit differ.',
    bad: 'FROM python:3.12.4-slim\nCOPY --from=ghcr.io/astral-sh/uv:0.4.20 /uv /bin/\nCOPY pyproject.toml uv.lock ./\nRUN uv sync --no-dev\n',
    good: 'FROM python:3.12.4-slim\nCOPY --from=ghcr.io/astral-sh/uv:0.4.20 /uv /bin/\nCOPY pyproject.toml uv.lock ./\nRUN uv sync --locked --no-dev\n',
  },
  check(ctx) {
    let stale: string[] | null | undefined;
    const staleLock = (): string[] | null => (stale === undefined ? (stale = staleUvLock(ctx.context)) : stale);
    for (const { run, commands } of ctx.runs({ onbuild: false })) {
      for (const cmd of commands) {
        const install = pythonInstall(cmd);
        if (install === null) continue;
        const p = problem(ctx, run, install, staleLock);
        if (p) ctx.report({ at: cmd, message: p.message, fix: p.fix });
      }
    }
  },
});
