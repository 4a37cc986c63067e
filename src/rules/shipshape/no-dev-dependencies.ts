import type { PythonInstall } from '../lib/python-tools.js';
import { baseName, containerCommand, envAt, hasAny, pythonInstall, requirementFiles, stageCommands, truthy } from '../lib/python-tools.js';
import { osPackages, packageName } from '../lib/packages.js';
import { afterWrappers, startsInteractive } from '../lib/programs.js';
import { readPyproject } from '../lib/python-manifests.js';
import { defineRule } from '../define.js';
import type { RuleContext } from '../../engine/types.js';
import type { Instruction } from '../../parse/types.js';
import { imageKey } from '../lib/images.js';

/** A requirements file named for development or testing: `requirements-dev.txt`, `requirements/test.txt`, `dev-requirements.txt`. */
const DEV_WORD = /(^|[-_./])(dev|devel|develop|development|test|tests|testing|lint|linting|local|ci)([-_.]|$)/i;

function isDevRequirements(path: string): boolean {
  const base = baseName(path).replace(/\.(txt|in)$/i, '');
  // Documentation builds (`requirements-docs.txt`, readthedocs' `local-docs-build.txt`) are not development tools:
  // an image that builds documentation needs them at run time.
  if (/(^|[-_.])docs?([-_.]|$)/i.test(base)) return false;
  const parent = path.includes('/') ? baseName(path.slice(0, path.lastIndexOf('/'))) : '';
  if (/requirements?/i.test(base)) return DEV_WORD.test(base.replace(/requirements?/i, ''));
  if (/^requirements?$/i.test(parent)) return DEV_WORD.test('-' + base);
  return false;
}

/** `.[dev]`, `.[dev,test]`, `-e ".[tests]"`: the project with development extras. */
function devExtras(install: PythonInstall): string | null {
  const words = [...install.operands.map((w) => w.value), ...install.cmd.args.map((w) => w.value)];
  for (const w of words) {
    const m = /^(?:\.|\.\/|[\w./-]*\/)?\[([^\]]+)\]$/.exec(w);
    if (m && m[1].split(',').some((e) => DEV_WORD.test('-' + e.trim() + '-'))) return w;
  }
  return null;
}

/** The pyproject.toml facts, when the build context has one at its root. */
function pyproject(ctx: RuleContext) {
  const text = ctx.context?.readFile('pyproject.toml') ?? null;
  return text === null ? null : readPyproject(text);
}

function problem(ctx: RuleContext, run: Instruction, install: PythonInstall): string | null {
  const { cmd } = install;
  switch (install.tool) {
    case 'pip':
    case 'uv-pip': {
      const dev = requirementFiles(install).find(isDevRequirements);
      // `--src DIR` is where pip checks out editable VCS requirements (`-e git+...`): such a file holds
      // runtime libraries at development versions, not development tools.
      if (dev && hasAny(cmd, 'src')) return null;
      if (dev) return `\`${install.label} -r ${dev}\` installs development requirements`;
      const extras = devExtras(install);
      if (extras) return `\`${install.label} ${extras}\` installs the project's development extras`;
      return null;
    }
    case 'uv': {
      if (hasAny(cmd, 'no-dev', 'only-group', 'no-default-groups', 'no-group', 'only-dev') && !hasAny(cmd, 'only-dev')) {
        return null;
      }
      if (hasAny(cmd, 'only-dev')) return '`uv sync --only-dev` installs only development dependencies';
      if (truthy(envAt(ctx, run, 'UV_NO_DEV', cmd)) || truthy(envAt(ctx, run, 'UV_NO_DEFAULT_GROUPS', cmd))) return null;
      if (hasAny(cmd, 'all-groups')) return '`uv sync --all-groups` installs every dependency group, development ones included';
      const facts = pyproject(ctx);
      if (facts && !facts.groups.includes('dev') && !facts.uvDev) return null;
      return '`uv sync` installs the `dev` dependency group by default; add `--no-dev`';
    }
    case 'poetry': {
      if (hasAny(cmd, 'only-root', 'no-dev')) return null;
      const only = [...flagValuesOf(install, 'only')];
      if (only.length > 0) return only.some((g) => DEV_WORD.test('-' + g + '-')) ? `\`poetry install --only ${only.join(',')}\` installs development dependencies` : null;
      const without = flagValuesOf(install, 'without');
      if (without.some((g) => /^dev$/i.test(g))) return null;
      const facts = pyproject(ctx);
      if (facts && facts.poetryGroups.filter((g) => !without.includes(g)).length === 0) return null;
      if (without.length > 0 && !facts) return null;
      return '`poetry install` installs every non-optional group, `dev` included; add `--only main` (or `--without dev`)';
    }
    case 'pipenv':
      if (hasAny(cmd, 'dev', 'd')) return `\`pipenv ${install.sub} --dev\` installs the \`[dev-packages]\``;
      return null;
    case 'pdm': {
      if (hasAny(cmd, 'prod', 'production')) return null;
      if (flagValuesOf(install, 'G').length > 0 || flagValuesOf(install, 'group').length > 0) return null;
      const facts = pyproject(ctx);
      if (facts && !facts.pdmDev && facts.groups.length === 0) return null;
      return `\`pdm ${install.sub}\` installs development dependencies by default; add \`--prod\``;
    }
  }
}

function flagValuesOf(install: PythonInstall, name: string): string[] {
  const out: string[] = [];
  const args = install.cmd.args;
  for (let i = 0; i < args.length; i++) {
    const v = args[i].value;
    const long = name.length > 1 ? `--${name}` : `-${name}`;
    if (v === long && args[i + 1]) for (const x of args[i + 1].value.split(',')) out.push(x);
    else if (v.startsWith(long + '=')) for (const x of v.slice(long.length + 1).split(',')) out.push(x);
  }
  return out.map((s) => s.trim()).filter(Boolean);
}

const DEV_TOOLS = new Set(['dind', 'pytest', 'py.test', 'tox', 'nox', 'nosetests', 'coverage', 'behave', 'pylint', 'flake8', 'mypy', 'ruff', 'jupyter', 'jupyter-lab', 'jupyter-notebook', 'ipython', 'runserver', 'runserver_plus']);

/** Test runners and linters, run or installed by name (pip operand or a distribution package such as `python3-nose`). */
const TEST_TOOL = /^(?:python[23]?-)?(pytest(-[\w-]+)?|py\.test|tox|nox|nose|nosetests|coverage|flake8|pylint)([=<>~!\[].*)?$/i;

/** Root images whose default command is an interpreter or a shell, not a service. */
const PLAIN_ROOTS = new Set(['python', 'pypy', 'debian', 'ubuntu', 'alpine', 'centos', 'fedora', 'rockylinux', 'almalinux', 'amazonlinux', 'buildpack-deps']);

/**
 * True when the final image starts no service: no CMD/ENTRYPOINT in the stage chain and a root image
 * whose default command is an interpreter or shell (`python`, `debian`, `ubuntu`...), or a command
 * that is a bare interpreter or shell (`CMD ["python"]`, `CMD bash`).
 */
function noServiceCommand(ctx: RuleContext, stage: import('../../parse/types.js').Stage): boolean {
  const { tokens } = containerCommand(ctx, stage);
  if (tokens.length === 0) {
    const root = ctx.stage(stage).rootImage;
    return root !== null && !root.unresolved && PLAIN_ROOTS.has(imageKey(root));
  }
  return tokens.length === 1 && /^(python[\d.]*|ipython|bash|sh|ash|zsh)$/.test(baseName(tokens[0].value));
}

/** Root images whose own (inherited) command starts an application server: `tiangolo/uvicorn-gunicorn-fastapi`, `*-uwsgi-nginx`. */
const SERVER_ROOT = /gunicorn|uvicorn|uwsgi|meinheld|fastapi|flask|django|nginx|httpd|apache|tomcat|(^|[-_/])server([-_/]|$)/i;

/** Commands that keep a container alive or print something, but start no service. */
const IDLE = /^(tail|sleep|echo|true|cat|printenv|env|ls|exit)$/;

/**
 * True when the final image starts a service — a server or an application entry point — so its
 * dependencies are what it ships (second review: images starting no service install development
 * requirements on purpose). The command in effect (own or inherited from a stage it is built on)
 * after leading shells and their options (`sh -c`, `/bin/bash -l`) and `exec` must be something
 * other than a bare interpreter (`python`), a shell, or an idle command (`tail -f /dev/null`, `sleep`).
 * With no CMD/ENTRYPOINT in the Dockerfile, the root image's own command counts when the image is named
 * for a server (`tiangolo/uvicorn-gunicorn-fastapi`), and a Django project that collects static files
 * (`manage.py collectstatic`, only done to serve them) counts as a web service whose command the
 * orchestrator supplies.
 */
function startsService(ctx: RuleContext, stage: import('../../parse/types.js').Stage): boolean {
  const words = containerCommand(ctx, stage).tokens.map((t) => baseName(t.value));
  if (words.length === 0) {
    const root = ctx.stage(stage).rootImage;
    if (root !== null && !root.unresolved && SERVER_ROOT.test(root.repository) && !copiesOnlyManifests(ctx, stage)) return true;
    return stageCommands(ctx, stage).some(({ cmd }) => cmd.args.some((a) => a.value === 'collectstatic'));
  }
  let i = 0;
  for (;;) {
    const before = i;
    while (i < words.length && (/^(sh|bash|ash|dash|zsh|exec)$/.test(words[i]) || words[i].startsWith('-'))) i++;
    // Process wrappers run the command after them and are no service themselves: init processes
    // (`tini --`, `dumb-init`), uid fixers (`fixuid`, which alone only fixes ownership and exits),
    // privilege droppers with their user (`gosu app`). With nothing after them: no service.
    i += afterWrappers(words.slice(i));
    if (i === before) break;
  }
  const rest = words.slice(i);
  if (rest.length === 0 || IDLE.test(rest[0])) return false;
  // A command list whose last, foreground command is an interactive shell (`dropboxd & /bin/bash`): the
  // container lives as long as that shell, so it is used interactively, not run as a service.
  const sep = words.map((w, j) => (/^(&&|\|\||;|&)$/.test(w) ? j : -1)).filter((j) => j >= 0).pop();
  if (sep !== undefined && sep >= i && startsInteractive(words.slice(sep + 1), { interpreters: false })) return false;
  // A bare interpreter (`python`, `ipython`): a prompt, no service.
  if (startsInteractive(rest, { interpreters: true })) return false;
  return true;
}

/** True when the image exposes debugpy's default port (5678): it is built to be debugged. */
function exposesDebugger(ctx: RuleContext, stage: import('../../parse/types.js').Stage): boolean {
  return ctx.stage(stage).chain.some((s) => s.instructions.some((i) => i.keyword === 'EXPOSE' && i.argsAfterFlags.text.split(/\s+/).some((p) => /^5678(\/tcp)?$/i.test(p))));
}

/**
 * True when the image is a development, test or build image by its own account: its command runs a
 * test runner, linter, notebook or development server (`pytest`, `tox`, `manage.py test`,
 * `runserver`, `flask run`, `jupyter`) or a development configuration (`pserve development.ini`,
 * `--settings=...settings_local`), the final stage or one it is built on is named for development
 * (`AS dev`, `AS test`), its root image is a development or wheel-building image (devcontainers,
 * manylinux, tox) or named for testing (`org/project_test:base`), it gives a user passwordless sudo
 * (a devcontainer), or it starts no service (see noServiceCommand) and runs or installs a test runner
 * or linter by name in a RUN (`pip install pytest`, `apt-get install python3-nose`, `pipenv run pytest`).
 */
function developmentImage(ctx: RuleContext, stage: import('../../parse/types.js').Stage): boolean {
  const root = ctx.stage(stage).rootImage;
  if (root && /manylinux|musllinux|devcontainer|(^|[-_/])tox([-_/]|$)/i.test(root.repository)) return true;
  // A root image named for testing or development (`snakebite_test:base`, `org/app-ci`, `:dev`).
  if (root && !root.unresolved && [baseName(root.repository), root.tag ?? ''].some((w) => /(^|[-_.])(dev|devel|development|test|tests|testing|ci)([-_.]|$)/i.test(w))) return true;
  // A final stage named for development (`AS dev`, `AS test`), or built on one, is a development target.
  if (ctx.stage(stage).chain.some((s) => s.name !== null && DEV_WORD.test(`-${s.name}-`))) return true;
  // Passwordless sudo for a user is a development container (devcontainer), never a production image.
  const commands = stageCommands(ctx, stage);
  for (const { cmd } of commands) {
    if (cmd.args.some((a) => /NOPASSWD/.test(a.value))) return true;
  }
  const words = containerCommand(ctx, stage).tokens.map((t) => baseName(t.value));
  if (words.some((w, i) => DEV_TOOLS.has(w) || (w === 'test' && (words[i - 1] === 'manage.py' || words[i - 1] === 'make')) || (w === 'run' && words[i - 1] === 'flask'))) return true;
  // A development configuration in the command: Pyramid's `development.ini`, Django's local/dev settings.
  if (words.some((w) => /^(development|dev|local)\.ini$/i.test(w) || /settings[._](local|dev|development|test)/i.test(w))) return true;
  if (noServiceCommand(ctx, stage)) {
    for (const { cmd } of commands) {
      if ([cmd.name, ...cmd.args.map((a) => a.value)].some((w) => TEST_TOOL.test(baseName(w)))) return true;
    }
  }
  return false;
}

/**
 * True when a shell conditional of the same RUN chooses between this install and one of the same tool
 * that leaves development dependencies out (`if [ "$ENV" = prod ]; then poetry install --no-dev; else
 * poetry install; fi`): the Dockerfile builds a production image and a development one from a build
 * argument, and which branch runs is the builder's choice, not visible to a linter.
 */
function alternativeToProduction(ctx: RuleContext, run: Instruction, install: PythonInstall, siblings: readonly import('../../shell/types.js').ShellCommand[]): boolean {
  if (!install.cmd.inCompound) return false;
  return siblings.some((other) => {
    if (other === install.cmd || !other.inCompound) return false;
    const alt = pythonInstall(other);
    return alt !== null && alt.tool === install.tool && problem(ctx, run, alt) === null;
  });
}

/**
 * True when `pipenv install --dev` went into pipenv's own virtual environment (no `--system`, no
 * `PIPENV_SYSTEM`) and a later command of the same RUN deletes that environment (`pipenv --rm`): no
 * file of it reaches the layer.
 */
function venvRemovedInSameRun(ctx: RuleContext, run: Instruction, install: PythonInstall, siblings: readonly import('../../shell/types.js').ShellCommand[]): boolean {
  if (install.tool !== 'pipenv' || hasAny(install.cmd, 'system') || truthy(envAt(ctx, run, 'PIPENV_SYSTEM', install.cmd))) return false;
  return siblings.some((other) => other.index > install.cmd.index && baseName(other.name) === 'pipenv' && other.args.some((a) => a.value === '--rm'));
}

/** Programs a RUN can fetch or unpack application source with. */
const FETCHES_SOURCE = /^(git|curl|wget|svn|hg|unzip|tar|rsync|scp|bsdtar|cookiecutter|django-admin(\.py)?)$/;

/**
 * True when the container's command runs a Python script by a relative path (`CMD python server.py`)
 * that nothing in the image could have put there: the root image is a plain interpreter or
 * distribution image (no application, no ONBUILD copy), no COPY/ADD source of the image's stages could
 * be or contain that file (only named files with other names: `COPY requirements.txt .`), no
 * `COPY --from`, and no RUN fetches, unpacks or writes it. The application is then mounted into the
 * container at run time (`docker run -v $PWD:/app`): a development setup, whose image carries the
 * development requirements on purpose.
 */
function sourceMountedAtRunTime(ctx: RuleContext, stage: import('../../parse/types.js').Stage): boolean {
  const words = containerCommand(ctx, stage).tokens.map((t) => t.value);
  const py = words.findIndex((w) => /^python[\d.]*$/.test(baseName(w)));
  if (py < 0) return false;
  const script = words.slice(py + 1).find((w) => !w.startsWith('-'));
  if (script === undefined || !/^[\w.-][\w./-]*\.py$/.test(script) || script.startsWith('/') || script.includes('$')) return false;
  const root = ctx.stage(stage).rootImage;
  if (root === null || root.unresolved || !PLAIN_ROOTS.has(imageKey(root)) || /onbuild/i.test(root.tag ?? '')) return false;
  const name = baseName(script);
  for (const s of ctx.stage(stage).chain) {
    for (const instr of s.instructions) {
      if (instr.keyword !== 'COPY' && instr.keyword !== 'ADD') continue;
      const copy = ctx.facts(instr).copy;
      if (!copy || copy.from !== null || copy.sources.length === 0) return false;
      for (const src of copy.sources) {
        const path = src.value.replace(/\/+$/, '');
        const last = baseName(path);
        // `.`, a directory, a glob, a URL, an archive ADD unpacks, a variable, or the script itself.
        if (path === '' || path === '.' || src.value.endsWith('/') || /[*?[$]/.test(path) || /^[a-z]+:\/\//i.test(path) || !last.includes('.') || last === name || /\.(tar|tgz|tbz2?|txz|zip|gz|bz2|xz)$/i.test(last)) return false;
      }
    }
  }
  const commands = stageCommands(ctx, stage).map((c) => c.cmd);
  for (const [i, cmd] of commands.entries()) {
    // A download piped into an interpreter or shell runs an installer (`curl get-pip.py | python`); it is no source.
    const runsInstaller = cmd.pipedOut && /^(python[\d.]*|sh|bash|dash|ash)$/.test(baseName(commands[i + 1]?.name ?? ''));
    if (FETCHES_SOURCE.test(baseName(cmd.name)) && !runsInstaller) return false;
    if (cmd.redirects.some((r) => baseName(r.target) === name)) return false;
    if (cmd.args.some((a) => baseName(a.value) === name)) return false;
  }
  return true;
}

/**
 * True when the install runs only if a build argument says so (fourth review): it is in the body of
 * an `if` (or after `[ ... ] &&`) whose test reads a variable that is an ARG, or an ENV set from one
 * (`ARG with_tests=true`, `ENV WITH_TESTS ${with_tests}`, `if [ "$WITH_TESTS" = true ]; then pip
 * install -r requirements_dev.txt; fi`). The builder sets that switch deliberately with `--build-arg`,
 * like the if/else of alternativeToProduction, and the linter cannot know the value passed. A test of a
 * file (`[ -f poetry.lock ]`) or of a fixed ENV is no switch.
 */
function guardedByBuildArgument(ctx: RuleContext, run: Instruction, install: PythonInstall): boolean {
  // The shell model keeps no test commands (`[ ... ]`), so the guard is read from the RUN's text just
  // before the install, continuation lines joined: `if [ COND ]; then` or `[ COND ] &&`.
  const before = ctx.file.text.slice(run.range.start.offset, install.cmd.range.start.offset).replace(/\\\r?\n/g, ' ');
  const m = /\bif\s+(?:\[\[?|test\s)([^;\n]*?)\]?\]?\s*(?:;|\n)\s*then\s*$/.exec(before) ?? /(?:\[\[?|\btest\s)([^\]&|;\n]*)\]?\]?\s*&&\s*$/.exec(before);
  if (m === null) return false;
  const scope = ctx.scope(run);
  const isBuildArg = (name: string): boolean => {
    const v = scope.get(name);
    if (v === undefined) return false;
    if (v.kind === 'arg' || v.kind === 'global-arg') return true;
    if (v.kind !== 'env' || v.instruction === null) return false;
    const envScope = ctx.scope(v.instruction);
    return [...v.instruction.argsAfterFlags.text.matchAll(/\$\{?(\w+)/g)].some((r) => {
      const k = envScope.get(r[1])?.kind;
      return k === 'arg' || k === 'global-arg';
    });
  };
  return [...m[1].matchAll(/\$\{?(\w+)/g)].some((r) => isBuildArg(r[1]));
}

/** Linters of other languages and test orchestrators, installed by name (apt, apk, pip, `go get`, `npm -g`): CI tooling. */
const CI_TOOL = /^(?:python[23]?-)?(shellcheck|hadolint|misspell|golint|golangci-lint|yamllint|markdownlint(-cli)?|codespell|tox|nox)([=<>~!@].*)?$/i;
/** Freezers that turn a Python program into a binary: an image that runs them is a packaging image. */
const FREEZER = /pyinstaller|cx[_-]?freeze|nuitka|py2exe|py2app/i;
/** Tunnels that expose a local development server to the internet. */
const DEV_TUNNEL = /(^|[^\w])(ngrok|localtunnel)([^\w]|$)/i;
/** Container runtimes a docker-in-docker test harness installs: a service image does not run containers. */
const NESTED_RUNTIME = new Set(['lxc']);

/**
 * The reason the final image is a CI, test, packaging or development image by what it installs or
 * runs beside the Python install (fourth review), or null: a linter of another language or a test
 * orchestrator installed by name (`apt-get install shellcheck`, `go get .../misspell`, `pip install
 * tox`); a freezer run or fetched (PyInstaller, cx_Freeze, nuitka: the image builds a binary, it is
 * not the one shipped); a development tunnel (ngrok); lxc, the runtime of docker-in-docker test
 * harnesses; or a documentation requirements file installed in the same image as the development ones
 * (tests and docs built together is a CI image; a docs-only install is not reported either way).
 */
function toolingImage(ctx: RuleContext, stage: import('../../parse/types.js').Stage): string | null {
  for (const { cmd } of stageCommands(ctx, stage)) {
    const words = [cmd.name, ...cmd.args.map((a) => a.value)];
    const os = osPackages(cmd);
    if (os && os.words.some((w) => NESTED_RUNTIME.has(packageName(w.value)))) return 'docker-in-docker runtime';
    if (words.some((w) => FREEZER.test(w))) return 'freezer';
    if (words.some((w) => DEV_TUNNEL.test(w))) return 'tunnel';
    const install = pythonInstall(cmd);
    const named = os ? os.words.map((w) => packageName(w.value)) : install ? install.operands.map((w) => w.value) : /^(go|npm|yarn|cargo|gem)$/.test(baseName(cmd.name)) ? cmd.args.map((a) => baseName(a.value)) : [];
    if (named.some((w) => CI_TOOL.test(w))) return 'ci tool';
    if (install && requirementFiles(install).some((f) => /requirements?/i.test(baseName(f)) && /(^|[-_.])docs?([-_.]|$)/i.test(baseName(f).replace(/\.(txt|in)$/i, '')))) return 'docs';
  }
  return null;
}

/** Directories that hold a library's demonstrations, not its application. */
const DEMO_DIR = /^(examples?|demos?|samples?)$/i;

/**
 * True when the command runs a script from an examples/demo directory (`python examples/cars/main.py`)
 * and the image installs the project itself from the build context (`pip install -e .`, `pip install
 * .`, `setup.py install`/`develop`): a library's demonstration container, whose development
 * requirements are what the demo needs (fourth review).
 */
function libraryDemo(ctx: RuleContext, stage: import('../../parse/types.js').Stage): boolean {
  const words = containerCommand(ctx, stage).tokens.map((t) => t.value);
  if (!words.some((w) => /\.py$/.test(w) && w.split('/').slice(0, -1).some((d) => DEMO_DIR.test(d)))) return false;
  return stageCommands(ctx, stage).some(({ cmd }) => {
    const install = pythonInstall(cmd);
    // `.` as an operand or as the value of `-e`/`--editable` (which the operands leave out).
    if (install && (install.tool === 'pip' || install.tool === 'uv-pip')) return cmd.args.some((w) => /^\.\/?$/.test(w.value));
    return cmd.args.some((a) => /(^|\/)setup\.py$/.test(a.value)) && cmd.args.some((a) => a.value === 'install' || a.value === 'develop');
  });
}

/** Files that declare dependencies and are no application source. */
const MANIFEST = /^(requirements?([-_.][\w.-]*)?|[\w.-]*[-_]requirements?(\.[\w]+)?|Pipfile(\.lock)?|pyproject\.toml|poetry\.lock|uv\.lock|pdm\.lock|setup\.(py|cfg)|constraints?([-_.][\w.-]*)?)$/i;

/**
 * True when the image's stages COPY/ADD something and every source is a dependency manifest (`ADD
 * requirements /code/requirements`, `COPY Pipfile Pipfile.lock ./`): with no command either, the image
 * is a dependency base for another image or a container whose source is mounted, not the service
 * (fourth review: a root merely named for a server does not make it one). An image that copies nothing
 * at all is left to the server root's command (second review's `FROM tiangolo/...` + `RUN poetry install`).
 */
function copiesOnlyManifests(ctx: RuleContext, stage: import('../../parse/types.js').Stage): boolean {
  let copies = 0;
  for (const s of ctx.stage(stage).chain) {
    for (const instr of s.instructions) {
      if (instr.keyword !== 'COPY' && instr.keyword !== 'ADD') continue;
      const copy = ctx.facts(instr).copy;
      if (!copy || copy.from !== null) return false;
      if (copy.sources.some((src) => !MANIFEST.test(baseName(src.value.replace(/\/+$/, ''))))) return false;
      copies++;
    }
  }
  return copies > 0;
}

/** Fires when the final image installs development dependencies. */
export default defineRule({
  id: 'no-dev-dependencies',
  severity: 'warning',
  summary: 'Do not install development dependencies in the final image',
  origin: 'shipshape',
  category: 'python',
  fix: 'none',
  docs: {
    description:
      'Reports a `RUN` of the final stage (or of a stage it is built on) that installs Python development dependencies: `pip install -r` (also `pip3`, `python -m pip`, `uv pip install`) of a requirements file named for development (`requirements-dev.txt`, `dev-requirements.txt`, `requirements/test.txt`, `requirements/local.txt`; the words dev, develop, development, test, tests, testing, lint, local, ci; not a file named for documentation, `requirements-docs.txt`, `local-docs-build.txt`) or of the project with such extras (`pip install -e ".[dev]"`); `uv sync` without `--no-dev`, `--only-group`, `--no-default-groups` or `UV_NO_DEV=1` (uv includes the `dev` group by default), and `uv sync --all-groups`/`--only-dev`; `poetry install` without `--only main`, `--without dev`, `--only-root` or the old `--no-dev`; `pipenv install --dev`; `pdm install`/`pdm sync` without `--prod` or a `-G` group selection. With a build context, `uv sync`, `poetry install` and `pdm install` are not reported when the root `pyproject.toml` declares no development group. Builder stages whose files are not the final image are not judged: tests may run there. Nor are images that say they are for development or testing: the final command runs a test runner, linter, notebook or development server (`pytest`, `tox`, `nox`, `coverage`, `manage.py test`, `make test`, `runserver`, `flask run`, `jupyter`...), or the final stage or a stage it is built on is named for development (`AS dev`, `AS development`, `AS test`, `AS ci`, `AS local`), or the root image is a development or wheel-building image (`mcr.microsoft.com/devcontainers/*`, `manylinux`, `musllinux`, tox images), or a RUN gives a user passwordless sudo (`NOPASSWD`: a devcontainer, like cookiecutter-django\'s `compose/local/django/Dockerfile`), or the root image is named for testing or development (`org/project_test:base`, a `dev`/`test`/`ci` word in its name or tag), or the command names a development configuration (`pserve development.ini`, `--settings=app.settings_local`) or is moby\'s development-environment entrypoint (`hack/dind`), or the image starts no service (no CMD/ENTRYPOINT on a `python`/distribution root, or a bare `python`/shell command) and a RUN runs or installs a test runner or linter by name (`pipenv run pytest`, `pip install pytest`, `apt-get install python3-nose`). A `pip install -r requirements-dev.txt --src DIR` is not reported: `--src` is where editable VCS checkouts (`-e git+...`) go, so that file holds runtime libraries at development versions. Only images that start a service are judged: the command in effect (own or from a stage it is built on), after leading shells and `exec`, must be something other than a bare interpreter, a shell (`CMD /bin/bash`, or a list whose last, foreground command is one: `CMD daemon & /bin/bash`) or an idle command (`tail -f /dev/null`, `sleep`); with no CMD/ENTRYPOINT, the root image must be named for a server (`tiangolo/uvicorn-gunicorn-fastapi`) or the stage must run `collectstatic` (a Django web service whose command the orchestrator supplies). An image that EXPOSEs debugpy\'s port 5678 is built to be debugged and not judged either. Test, CI, lint and development images that start no service install development requirements on purpose. A process wrapper (`tini --`, `dumb-init`, `fixuid`, `gosu USER`, `su-exec USER`) is looked through: with nothing after it, as in a devcontainer whose `ENTRYPOINT ["fixuid"]` only fixes file ownership, the image starts no service. Also not reported: an install in a branch of a shell conditional when another branch of the same RUN installs with the same tool without development dependencies (`if [ "$ENV" = prod ]; then poetry install --no-dev; else poetry install; fi`: the build argument chooses the image, and the linter cannot know which value the builder passes); `pipenv install --dev` into pipenv\'s own virtual environment (no `--system`, no `PIPENV_SYSTEM`) when the same RUN deletes that environment with `pipenv --rm`, so none of it reaches the layer; and an image whose command runs a script by a relative path (`CMD python server.py`) that nothing in it provides — a plain `python`/distribution root, COPY/ADD of other named files only, no `COPY --from`, no RUN that fetches, unpacks or writes the file (a download piped into an interpreter or shell, `curl …/get-pip.py | python`, runs an installer and fetches no source): the application is mounted at run time (`docker run -v $PWD:/app`), which is a development setup. Nor (fourth review) are images that show they are CI, test, packaging, demo or dependency-base images by what they hold: an install that runs only when a build argument says so (`ARG with_tests=true` … `if [ "$WITH_TESTS" = true ]; then pip install -r requirements_dev.txt; fi`, or `[ "$INSTALL_DEV" = true ] && …`; the builder sets that switch with `--build-arg`, and a test of a file or of an ENV fixed in the Dockerfile is no switch); linters of other languages or test orchestrators installed by name (`shellcheck`, `hadolint`, `misspell` by `go get`, `yamllint`, `tox`, `nox`), which only a CI image runs; a freezer run or fetched (PyInstaller, cx_Freeze, nuitka, py2exe: the image builds a binary and is not the one shipped); a development tunnel (`ngrok`, `localtunnel`), which exposes a local development server; `lxc`, the runtime of docker-in-docker test harnesses; a documentation requirements file installed next to the development ones (tests and documentation built together: a CI image); a command running a script from an `examples/`, `demo/` or `samples/` directory of a project installed from the build context (`pip install -e .`), a library\'s demonstration container; and, with no CMD/ENTRYPOINT, an image whose COPY/ADD bring only dependency manifests (`ADD requirements /code/requirements`): a dependency base image, even on a root named for a server. No fix: which groups the application needs is the project\'s choice.',
    why: 'Test runners, linters, debuggers and their dependencies make the image larger, slower to pull and scan, and give an attacker more code to use. Some (debug toolbars, `werkzeug` debuggers, `django-extensions`) weaken the application when they are importable. Install them in a test stage or a development image, not in the image you ship.',
    bad: 'FROM python:3.12.4-slim\nCOPY requirements.txt requirements-dev.txt ./\nRUN pip install --no-cache-dir -r requirements.txt -r requirements-dev.txt\nCMD ["gunicorn", "--bind", "0.0.0.0:8000", "site.wsgi"]\n',
    good: 'FROM python:3.12.4-slim\nCOPY requirements.txt ./\nRUN pip install --no-cache-dir -r requirements.txt\nCMD ["gunicorn", "--bind", "0.0.0.0:8000", "site.wsgi"]\n',
  },
  check(ctx) {
    const stage = ctx.file.stages.find((s) => ctx.stage(s).final);
    if (stage === undefined || !startsService(ctx, stage) || exposesDebugger(ctx, stage) || developmentImage(ctx, stage) || sourceMountedAtRunTime(ctx, stage)) return;
    if (toolingImage(ctx, stage) !== null || libraryDemo(ctx, stage)) return;
    const commands = stageCommands(ctx, stage);
    for (const { run, cmd } of commands) {
      const install = pythonInstall(cmd);
      if (install === null) continue;
      const message = problem(ctx, run, install);
      if (message === null) continue;
      const siblings = commands.filter((c) => c.run === run).map((c) => c.cmd);
      if (alternativeToProduction(ctx, run, install, siblings) || venvRemovedInSameRun(ctx, run, install, siblings) || guardedByBuildArgument(ctx, run, install)) continue;
      ctx.report({ at: cmd, message: `${message}: development tools do not belong in the final image` });
    }
  },
});
