/**
 * Python packaging and serving knowledge shared by the Python/Django rule pack: which shell commands
 * install dependencies (pip, `python -m pip`, uv, poetry, pipenv, pdm) and with which flags, which
 * commands start an application server, and where a stage's commands come from.
 *
 * Facts (checked against each tool's documentation):
 * - pip: `-r/--requirement FILE`, `-e/--editable`, `--break-system-packages` (PEP 668, pip ≥ 23.0.1),
 *   env `PIP_BREAK_SYSTEM_PACKAGES`.
 * - uv: `uv sync` installs the project from `uv.lock`, re-locking unless `--locked` (fail when the lock
 *   is stale) or `--frozen` (use the lock as is); env `UV_LOCKED`, `UV_FROZEN`. It includes the `dev`
 *   dependency group by default (`default-groups`) unless `--no-dev`, `--only-group`, `--no-default-groups`
 *   or env `UV_NO_DEV`.
 * - poetry: `poetry install` installs every non-optional group unless `--only main` / `--without dev`
 *   (1.2+), `--no-dev` (before 2.0) or `--only-root`; without a `poetry.lock` it resolves afresh.
 * - pipenv: `pipenv install` re-locks when `Pipfile.lock` is stale unless `--deploy` (fail instead) or
 *   `--ignore-pipfile`; `pipenv sync` installs the lock as is; `--dev/-d` adds `[dev-packages]`.
 * - pdm: `pdm install` re-locks when `pdm.lock` is stale unless `--frozen-lockfile` or `--check`;
 *   `pdm sync` installs the lock as is; both include dev dependencies unless `--prod`/`--production`.
 *
 * No `node:` imports: rules run in browsers and language servers too.
 */
import type { ShellCommand, ShellWord } from '../../shell/types.js';
import type { Instruction, Stage } from '../../parse/types.js';
import type { RuleContext } from '../../engine/types.js';
import { hasFlag, flagValues, positionalArgs } from '../../shell/query.js';

/** The last path component (`/opt/venv/bin/pip` → `pip`). */
export const baseName = (s: string): string => s.slice(s.lastIndexOf('/') + 1);

/** A Python dependency installer invocation. */
export interface PythonInstall {
  /** `pip` (also pip3, pip3.12, `python -m pip`), `uv-pip` (`uv pip ...`), `uv`, `poetry`, `pipenv`, `pdm`. */
  tool: 'pip' | 'uv-pip' | 'uv' | 'poetry' | 'pipenv' | 'pdm';
  /** Subcommand (`install`, `sync`). */
  sub: string;
  /** How the user wrote it, for messages (`pip install`, `uv sync`). */
  label: string;
  /** The command. */
  cmd: ShellCommand;
  /** The program as written (`pip`, `/opt/venv/bin/pip`, `python3`). */
  program: string;
  /** Positional arguments after the subcommand. */
  operands: ShellWord[];
}

const PIP_VALUE_FLAGS = ['r', 'requirement', 'c', 'constraint', 'i', 'index-url', 'extra-index-url', 't', 'target', 'prefix', 'root', 'e', 'editable', 'f', 'find-links', 'trusted-host', 'python', 'p', 'only-binary', 'no-binary', 'platform', 'python-version', 'implementation', 'abi', 'cache-dir', 'log', 'timeout', 'retries', 'proxy', 'upgrade-strategy', 'progress-bar', 'group', 'extra', 'with', 'without', 'only', 'E', 'G', 'L', 'lockfile', 'project', 'directory', 'C', 'config-file'];

/** Reads a command as a Python dependency install (`install`/`sync`), or null. */
export function pythonInstall(cmd: ShellCommand): PythonInstall | null {
  const name = baseName(cmd.name);
  const pos = positionalArgs(cmd, { valueFlags: PIP_VALUE_FLAGS });
  const mk = (tool: PythonInstall['tool'], sub: string, label: string, operands: ShellWord[]): PythonInstall => ({ tool, sub, label, cmd, program: cmd.name, operands });
  if (/^pip(\d+(\.\d+)?)?$/.test(name)) {
    if (pos[0]?.value === 'install') return mk('pip', 'install', `${name} install`, pos.slice(1));
    return null;
  }
  if (/^python(\d+(\.\d+)?)?$/.test(name)) {
    const a = cmd.args.map((w) => w.value);
    const m = a.indexOf('-m');
    if (m >= 0 && a[m + 1] === 'pip') {
      const rest = pos.filter((w) => w.value !== 'pip');
      if (rest[0]?.value === 'install') return mk('pip', 'install', `${name} -m pip install`, rest.slice(1));
    }
    return null;
  }
  if (name === 'uv') {
    if (pos[0]?.value === 'pip' && (pos[1]?.value === 'install' || pos[1]?.value === 'sync')) return mk('uv-pip', pos[1].value, `uv pip ${pos[1].value}`, pos.slice(2));
    if (pos[0]?.value === 'sync') return mk('uv', 'sync', 'uv sync', pos.slice(1));
    return null;
  }
  if (name === 'poetry' && pos[0]?.value === 'install') return mk('poetry', 'install', 'poetry install', pos.slice(1));
  if (name === 'pipenv' && (pos[0]?.value === 'install' || pos[0]?.value === 'sync')) return mk('pipenv', pos[0].value, `pipenv ${pos[0].value}`, pos.slice(1));
  if (name === 'pdm' && (pos[0]?.value === 'install' || pos[0]?.value === 'sync')) return mk('pdm', pos[0].value, `pdm ${pos[0].value}`, pos.slice(1));
  return null;
}

/**
 * True when a pip install installs or upgrades pip itself (`pip install -U pip`, `python3.7 -m pip
 * install --upgrade pip setuptools`, `pip install pip==24.0`). Read from the words after `install`,
 * since `python -m pip`'s operands leave out the module name.
 */
export function installsPip(install: PythonInstall): boolean {
  if (install.tool !== 'pip') return false;
  const args = install.cmd.args;
  const at = args.findIndex((a) => a.value === 'install');
  return at >= 0 && args.slice(at + 1).some((a) => /^pip([=<>~!].*)?$/i.test(a.value));
}

/** The requirement files of a pip/uv-pip install (`-r FILE`, `--requirement=FILE`). */
export function requirementFiles(install: PythonInstall): string[] {
  return [...flagValues(install.cmd, 'r'), ...flagValues(install.cmd, 'requirement')];
}

/** True when the command has one of the long flags (`--only`, `--no-dev`); short ones as hadolint reads them. */
export function hasAny(cmd: ShellCommand, ...names: string[]): boolean {
  return hasFlag(cmd, ...names);
}

/** A RUN of a stage together with one of its commands. */
interface StageCommand {
  run: Instruction;
  cmd: ShellCommand;
  stage: Stage;
}

/**
 * Every simple command of the RUN instructions of `stage` and the stages it is built on (ancestry
 * first, in file order): what has run in the stage's filesystem by its end. ONBUILD RUNs are not
 * included (they run in a child build). Read from the fact model (`ctx.runs`, `ctx.stage`).
 */
export function stageCommands(ctx: RuleContext, stage: Stage): StageCommand[] {
  const chain = ctx.stage(stage).chain;
  const out: StageCommand[] = [];
  for (const { run, commands } of ctx.runs({ onbuild: false })) {
    const s = ctx.facts(run).stage;
    if (s === null || !chain.includes(s)) continue;
    for (const cmd of commands) out.push({ run, cmd, stage: s });
  }
  return out;
}

/**
 * The value of an ENV variable just before `instr` (BuildKit scoping, earlier stages of the chain
 * included), or of a leading assignment on the command itself (`UV_FROZEN=1 uv sync`). Undefined when
 * not set.
 */
export function envAt(ctx: RuleContext, instr: Instruction, name: string, cmd?: ShellCommand): string | undefined {
  const inline = cmd?.assignments.find((a) => a.name === name);
  if (inline) return inline.value;
  const v = ctx.scope(instr).get(name);
  if (v === undefined || v.kind !== 'env') return undefined;
  return v.value ?? '';
}

/** True for a value that switches a boolean env var on (uv/pip read `1`, `true`, `yes`, `on`). */
export function truthy(value: string | undefined | null): boolean {
  return value !== undefined && value !== null && /^(1|true|yes|on|y)$/i.test(value.trim());
}

/** One word of a CMD/ENTRYPOINT, with the instruction it came from. */
export interface CommandToken {
  value: string;
  instr: Instruction;
}

/** Splits shell text into words (quotes removed); `&&`, `;`, `|` become separate tokens. */
export function shellWords(text: string): string[] {
  const out: string[] = [];
  const re = /"((?:[^"\\]|\\.)*)"|'([^']*)'|(&&|\|\||[;|&])|([^\s"';|&]+)/g;
  let m: RegExpExecArray | null;
  let cur = '';
  let last = -1;
  while ((m = re.exec(text))) {
    const glued = m.index === last;
    const piece = m[1] ?? m[2] ?? m[3] ?? m[4] ?? '';
    if (m[3] !== undefined) {
      if (cur) out.push(cur);
      out.push(piece);
      cur = '';
    } else if (glued && cur) cur += piece;
    else {
      if (cur) out.push(cur);
      cur = piece;
    }
    last = re.lastIndex;
  }
  if (cur) out.push(cur);
  return out;
}

/** The words a CMD/ENTRYPOINT runs; `sh -c "script"` arguments are split into their words too. */
function commandTokens(instr: Instruction): CommandToken[] {
  const words = instr.json ?? shellWords(instr.argsAfterFlags.text);
  return words.flatMap((w) => (/\s/.test(w) ? shellWords(w) : [w])).map((value) => ({ value, instr }));
}

/**
 * The command the final image runs: the ENTRYPOINT and CMD in effect at the end of `stage` (inherited
 * from the stages it is built on), as words. A shell-form ENTRYPOINT ignores CMD (Docker semantics).
 */
export function containerCommand(ctx: RuleContext, stage: Stage): { tokens: CommandToken[]; entrypoint: Instruction | null; cmd: Instruction | null } {
  let entrypoint: Instruction | null = null;
  let cmd: Instruction | null = null;
  for (const s of ctx.stage(stage).chain) {
    for (let i = s.instructions.length - 1; i >= 0; i--) {
      const instr = s.instructions[i];
      if (instr.keyword === 'ENTRYPOINT' && entrypoint === null) entrypoint = instr;
      if (instr.keyword === 'CMD' && cmd === null) cmd = instr;
    }
    if (entrypoint && cmd) break;
  }
  const tokens: CommandToken[] = [];
  // Loops, not push(...spread): an exec form of 200,000 elements must not overflow the stack.
  if (entrypoint) for (const t of commandTokens(entrypoint)) tokens.push(t);
  if (cmd && !(entrypoint && !entrypoint.execForm)) for (const t of commandTokens(cmd)) tokens.push(t);
  return { tokens, entrypoint, cmd };
}

/** Application servers whose process should receive SIGTERM (JSONArgsRecommended's message). */
const PYTHON_SERVERS = new Set(['gunicorn', 'uvicorn', 'hypercorn', 'daphne', 'granian', 'uwsgi', 'celery', 'waitress-serve', 'fastapi']);

/** The Python server a CMD/ENTRYPOINT starts (`gunicorn`, `uvicorn`, `manage.py runserver`...), or null. */
export function pythonServerOf(words: readonly string[]): string | null {
  const v = words.map(baseName);
  for (let i = 0; i < v.length; i++) {
    if (PYTHON_SERVERS.has(v[i])) return v[i];
    if (v[i] === '-m' && PYTHON_SERVERS.has(v[i + 1] ?? '')) return v[i + 1];
    if (v[i].endsWith('manage.py') && v.slice(i + 1).includes('runserver')) return 'manage.py runserver';
    if (/^python\d*(\.\d+)?$/.test(v[i]) && i === 0) return 'python';
  }
  return null;
}

/**
 * The stages whose files end up in the image built from `stage`: its ancestry, and — recursively — the
 * stages (and their ancestry) that a `COPY --from=<stage name or index>` of those stages reads.
 */
export function feedingStages(ctx: RuleContext, stage: Stage): Stage[] {
  const out: Stage[] = [];
  const visit = (s: Stage): void => {
    for (const c of ctx.stage(s).chain) {
      if (out.includes(c)) continue;
      out.push(c);
      for (const instr of c.instructions) {
        const from = ctx.facts(instr).copy?.from;
        if (!from) continue;
        const target = /^\d+$/.test(from) ? ctx.file.stages[Number(from)] : ctx.file.stages.find((x) => x.index < c.index && x.name?.toLowerCase() === from.toLowerCase());
        if (target && target.index < c.index) visit(target);
      }
    }
  };
  visit(stage);
  return out;
}

/**
 * Where the build compiles Python bytecode on purpose, in the stages that feed `stage`: `ENV
 * UV_COMPILE_BYTECODE` switched on, `--compile-bytecode` on a uv command, `python -m compileall`, or
 * `pip install --compile`. Null when none does. (pip compiles installed packages by default; only an
 * explicit request counts as a decision.)
 */
export function precompilesBytecode(ctx: RuleContext, stage: Stage): string | null {
  for (const s of feedingStages(ctx, stage)) {
    for (const instr of s.instructions) {
      if (instr.keyword === 'ENV' && instr.pairs.some((p) => p.key === 'UV_COMPILE_BYTECODE' && truthy(p.value))) return 'UV_COMPILE_BYTECODE';
      if (instr.keyword !== 'RUN') continue;
      for (const cmd of ctx.shell(instr)?.commands ?? []) {
        if (baseName(cmd.name) === 'uv' && hasFlag(cmd, 'compile-bytecode')) return '--compile-bytecode';
        if (cmd.assignments.some((a) => a.name === 'UV_COMPILE_BYTECODE' && truthy(a.value))) return 'UV_COMPILE_BYTECODE';
        if (/^python/.test(baseName(cmd.name)) && cmd.args.some((a, i) => a.value === 'compileall' && cmd.args[i - 1]?.value === '-m')) return 'compileall';
        if (pythonInstall(cmd)?.tool === 'pip' && hasFlag(cmd, 'compile')) return 'pip install --compile';
      }
    }
  }
  return null;
}

/**
 * Advice for a Django secret key declared with ARG/ENV when a later RUN of the file runs
 * `manage.py collectstatic` (which imports the settings, so it needs *a* key, not the real one): a
 * build-only value on the command, or a secret mount. Empty when it does not apply.
 */
export function collectstaticAdvice(ctx: RuleContext, instr: Instruction, key: string): string {
  if (!/(^|_)SECRET_KEY$/i.test(key)) return '';
  for (const { reportOn, commands } of ctx.runs()) {
    if (reportOn.index <= instr.index) continue;
    for (const cmd of commands) {
      const words = [cmd.name, ...cmd.args.map((a) => a.value)].map(baseName);
      const m = words.findIndex((w) => w === 'manage.py' || w === 'django-admin');
      if (m >= 0 && words.slice(m + 1).includes('collectstatic')) {
        return `. \`collectstatic\` needs a key, not the real one: give that RUN a build-only value (\`RUN ${key}=build-only python manage.py collectstatic --noinput\`, which persists nowhere) or a secret mount (\`RUN --mount=type=secret,id=${key.toLowerCase()},env=${key} ...\`)`;
      }
    }
  }
  return '';
}
