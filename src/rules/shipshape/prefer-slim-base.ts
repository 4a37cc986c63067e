import type { BuildContext, Fix, RuleContext } from '../../engine/types.js';
import type { Stage } from '../../parse/types.js';
import type { ShellCommand } from '../../shell/types.js';
import { flagValues } from '../../shell/query.js';
import { defineRule } from '../define.js';
import { imageKey, fromImageWord } from '../lib/images.js';
import { readRequirements } from '../lib/python-manifests.js';
import { baseName, containerCommand, feedingStages, pythonInstall, requirementFiles, stageCommands, type CommandToken, type PythonInstall } from '../lib/python-tools.js';
import { osPackages, packageName } from '../lib/packages.js';
import { startsInteractive } from '../lib/programs.js';

/** Build tools: compilers, make, and development headers. */
function isBuildTool(pkg: string): boolean {
  return /^(build-essential|build-base|gcc(-\d+)?|g\+\+(-\d+)?|clang(-\d+)?|make|cmake|ninja-build|autoconf|automake|libtool|pkg-config|pkgconf|gfortran|rustc|cargo|cython3?|swig)$|-dev$|-devel$/.test(pkg);
}

/**
 * Popular PyPI projects that publish no Linux wheels (source distributions only), so `pip install`
 * always compiles them and needs the full image's compilers and headers: psycopg2 (not
 * `psycopg2-binary`), uWSGI, mysqlclient, python-ldap, pycrypto. Names are compared normalised
 * (PEP 503: lower case, runs of `-_.` as `-`).
 */
const SOURCE_ONLY = new Set(['psycopg2', 'uwsgi', 'mysqlclient', 'python-ldap', 'pycrypto', 'pyaudio', 'pygraphviz', 'gdal', 'pycairo', 'pygobject', 'dbus-python', 'mod-wsgi', 'm2crypto', 'pylibmc', 'xmlsec']);

/**
 * PyPI projects whose wheels install but need, when imported or run, a shared library or program that
 * the full image carries (it is built on `buildpack-deps`, with gcc's runtime, the `-scm` tools and
 * hundreds of `-dev` libraries) and slim does not: LightGBM links `libgomp.so.1`, python-magic loads
 * `libmagic`, OpenCV's non-headless wheels `libGL`, WeasyPrint and CairoSVG Pango/Cairo, Wand
 * ImageMagick, pyvips libvips, psycopg 3 without its `binary` extra `libpq`; Ansible runs the OpenSSH
 * client for its default `ssh` connection; GitPython, pre-commit, DVC and ghp-import (Nikola's and MkDocs'
 * GitHub Pages deploys) run `git`. Names normalised (PEP 503).
 */
const NEEDS_SYSTEM = new Set([
  'lightgbm', 'python-magic', 'opencv-python', 'opencv-contrib-python', 'weasyprint', 'cairosvg', 'cairocffi', 'wand', 'pyvips',
  'pdf2image', 'pytesseract', 'psycopg', 'ansible', 'ansible-core', 'ansible-base', 'gitpython', 'pre-commit', 'dvc', 'codecov',
  'ghp-import',
]);

/**
 * Installers whose dependencies the rule does not read: `easy_install` (eggs, often built from
 * source), `flit install` and `hatch` (the project's own metadata), `conda`/`mamba`/`micromamba`,
 * `pipx`, `pip-sync`. A stage that uses one is not judged.
 */
function opaqueInstaller(cmd: ShellCommand): boolean {
  const name = baseName(cmd.name);
  const sub = cmd.args.find((a) => !a.value.startsWith('-'))?.value;
  if (/^(easy_install[\d.-]*|pip-sync|pipx)$/.test(name)) return true;
  return /^(flit|hatch|conda|mamba|micromamba)$/.test(name) && /^(install|create|env|update)$/.test(sub ?? '');
}

/**
 * Popular PyPI projects with compiled extensions and no pure-Python fallback. Their wheels are built per
 * CPython version (`cp36`, `cp312`): a release older than the image's Python has no wheel for it, so a
 * pinned old release (`numpy==1.11.0` on Python 3.6, `spacy==1.8.2` on today's Python) compiles from
 * source and needs the full image's compilers. Without a table of release dates the rule cannot tell
 * an old pin from a new one, so an upper-bounded or exact pin of one of these keeps it silent. Names
 * are normalised (PEP 503).
 */
const COMPILED = new Set([
  'numpy', 'scipy', 'pandas', 'scikit-learn', 'scikit-image', 'matplotlib', 'kiwisolver', 'h5py', 'tables', 'numba', 'llvmlite',
  'spacy', 'thinc', 'cymem', 'preshed', 'murmurhash', 'blis', 'tokenizers', 'lxml', 'pillow', 'cryptography', 'cffi', 'bcrypt',
  'pynacl', 'scrypt', 'gevent', 'greenlet', 'grpcio', 'grpcio-tools', 'pyzmq', 'psutil', 'shapely', 'pyproj', 'netifaces', 'pycurl',
  'regex', 'ujson', 'orjson', 'pydantic-core', 'psycopg2-binary', 'pymssql', 'pyodbc', 'pysqlcipher', 'pysqlcipher3', 'yappi',
  // Twisted published Linux source distributions only (with C extensions) until 20.x; an old Scrapy pin pulls it in.
  'twisted', 'scrapy',
  // C and Cython extensions; releases before 3.2x published no wheels, and its build_ext only warns when
  // the compiler is missing, so on slim an old pin installs a slower pure-Python driver.
  'cassandra-driver',
]);

/** True for a requirement operand that pins a compiled project to an exact or upper-bounded version (`numpy==1.11.0`, `lxml<4`). */
function pinsCompiled(word: string): boolean {
  const name = requirementName(word);
  return name !== null && COMPILED.has(name) && /(===?|<=?|~=)\s*\d/.test(word);
}

/**
 * True for an image tag whose interpreter is end-of-life with unreliable wheel coverage: Python 2.x and
 * 3.0–3.6 (`2.7`, `2`, `2-stretch`, `3.4.3`, `3.6-buster`; for `pypy` the tag's leading version is the
 * Python it implements). Current releases of compiled projects often ship no wheels for them, so pip
 * resolves to an old release or sdist (cffi 1.15 has no cp34 wheel and declares no `python_requires`),
 * and the images' bundled pip often predates manylinux2010 and manylinux2014 (pip 19.0, 19.3), so
 * wheels published only with those tags are ignored and compiled from source. Tags without a version
 * (`latest`, `bookworm`) and `3` are today's Python.
 */
function eolPython(tag: string | null): boolean {
  const m = /^(\d+)(?:\.(\d+))?/.exec(tag ?? '');
  if (!m) return false;
  const major = Number(m[1]);
  if (major === 2) return true;
  return major === 3 && m[2] !== undefined && Number(m[2]) <= 6;
}

/**
 * Network and version-control tools the full image has (it is built on `buildpack-deps`) and slim has
 * not: a stage that runs one without installing it breaks on slim. Keyed by command, valued by the
 * Debian/Alpine package that provides it.
 */
const FULL_IMAGE_TOOLS: Record<string, string> = { git: 'git', curl: 'curl', wget: 'wget', hg: 'mercurial', svn: 'subversion' };

/** The normalised project name of a requirement operand (`uWSGI==2.0.26` → `uwsgi`), or null for paths and URLs. */
function requirementName(word: string): string | null {
  const m = /^([A-Za-z0-9][A-Za-z0-9._-]*)(\[[^\]]*\])?\s*([=<>~!;].*)?$/.exec(word);
  return m ? m[1].toLowerCase().replace(/[-_.]+/g, '-') : null;
}

/**
 * True when a requirement (as written: `lightgbm==4.3.0`, `uWSGI`, `psycopg[c]`) may need more than slim
 * has: it always compiles, it needs a system library or program of the full image, or it pins a
 * compiled project to an old release that may have no wheel for the image's Python.
 */
function needsFullImage(spec: string): boolean {
  const name = requirementName(spec);
  if (name === null) return true;
  if (name === 'psycopg') return !/\[[^\]]*\bbinary\b[^\]]*\]/i.test(spec);
  return SOURCE_ONLY.has(name) || NEEDS_SYSTEM.has(name) || pinsCompiled(spec);
}

/** Finds the context file a path in the image names (`/app/requirements.txt` → `requirements.txt`), when exactly one fits. */
function contextFile(context: BuildContext, path: string): string | null {
  const clean = path.replace(/^\.\//, '');
  if (context.readFile(clean) !== null) return clean;
  const hits = context.listFiles().filter((f) => f === clean || clean.endsWith('/' + f) || f.endsWith('/' + clean));
  return hits.length === 1 ? hits[0] : null;
}

/**
 * Whether every entry of a requirements file (and the files it includes with `-r`, read from the build
 * context) is a named PyPI project that slim can install and run. False when a file is missing, or an
 * entry is a local path, URL, VCS checkout or editable (its dependencies are not visible), or
 * `--no-binary` forces source builds, or an entry {@link needsFullImage}. Names and includes come from
 * {@link readRequirements}; the line scan here only finds the entries it does not list.
 */
function requirementsFit(context: BuildContext, path: string, seen = new Set<string>()): boolean {
  const file = contextFile(context, path);
  if (file === null) return false;
  if (seen.has(file)) return true;
  seen.add(file);
  const content = context.readFile(file)!;
  for (const raw of content.split(/\r?\n/)) {
    const line = raw.replace(/(^|\s)#.*$/, '').trim();
    if (/^(-e|--editable|--no-binary)\b/.test(line)) return false;
    if (line === '' || line.startsWith('-')) continue;
    if (/:\/\/|^[./~]|\s@|\.(whl|zip|tar\.gz|tgz|tar\.bz2)\b/.test(line)) return false;
    // The requirement without per-line options (`--hash=...`), continuation or environment marker.
    const spec = line.replace(/\s--?[a-z][\w-]*(?:[=\s]\S+)?/g, ' ').replace(/\\$/, '').split(';')[0].trim();
    if (spec !== '' && needsFullImage(spec)) return false;
  }
  const parsed = readRequirements(content);
  if (parsed.unpinned.some((u) => u.reason === 'vcs-ref')) return false;
  const dir = file.includes('/') ? file.slice(0, file.lastIndexOf('/') + 1) : '';
  return parsed.includes.every((inc) => requirementsFit(context, inc.startsWith('/') ? inc : dir + inc, seen));
}

/** The package names of a lock file (`uv.lock`, `poetry.lock`, `pdm.lock`: `name = "..."`; `Pipfile.lock`: JSON), or null when it has VCS or local sources. */
function lockNames(text: string, json: boolean): string[] | null {
  if (json) {
    try {
      const lock = JSON.parse(text) as Record<string, Record<string, { git?: string; path?: string; file?: string }>>;
      const entries = Object.entries({ ...(lock.default ?? {}), ...(lock.develop ?? {}) });
      if (entries.some(([, v]) => v.git !== undefined || v.path !== undefined || v.file !== undefined)) return null;
      return entries.map(([k]) => k);
    } catch {
      return null;
    }
  }
  if (/\bgit\s*=|type\s*=\s*"(git|directory|file|url)"/.test(text)) return null;
  return [...text.matchAll(/^name\s*=\s*"([^"]+)"/gm)].map((m) => m[1]);
}

/** The lock file each project manager installs from. */
const LOCKS: Record<string, string> = { uv: 'uv.lock', poetry: 'poetry.lock', pipenv: 'Pipfile.lock', pdm: 'pdm.lock' };

/**
 * True when slim can be seen to be enough for a Python install: every operand is a named project that
 * {@link needsFullImage} accepts, no editable, and every `-r` file (or the project manager's lock file)
 * is read from the build context and fits. False where the rule cannot see, e.g. without a context.
 */
function installFits(install: PythonInstall, context: BuildContext | null): boolean {
  const cmd = install.cmd;
  // A variable is only read as a version (`scenedetect==${VERSION}`), judged like an exact pin.
  const versionVariable = /^([A-Za-z0-9][A-Za-z0-9._-]*(\[[^\]]*\])?\s*===?\s*)\$\{[^}]*\}$/;
  if (cmd.args.some((a) => (a.dynamic && !versionVariable.test(a.value)) || /^--no-binary\b/.test(a.value))) return false;
  if (install.tool === 'pip' || install.tool === 'uv-pip') {
    if (install.operands.some((w) => needsFullImage(w.value.replace(versionVariable, '$10')))) return false;
    if ([...flagValues(cmd, 'e'), ...flagValues(cmd, 'editable')].length > 0) return false;
    const files = requirementFiles(install);
    if (files.length === 0) return true;
    return context !== null && files.every((f) => requirementsFit(context, f));
  }
  const lock = context && contextFile(context, LOCKS[install.tool]);
  if (!context || !lock) return false;
  const names = lockNames(context.readFile(lock)!, install.tool === 'pipenv');
  return names !== null && names.every((n) => !needsFullImage(n));
}

/** Shell and script runners: their first operand is a script file. */
const SHELLS = /^(sh|bash|dash|ash|zsh|ksh|source|\.)$/;

/** Programs of the official image or a venv, which are not scripts from the build context. */
const KNOWN_PROGRAMS = /^(python[\d.]*|pypy[\d.]*|pip[\d.]*|uv|poetry|pipenv|pdm|gunicorn|uvicorn|hypercorn|daphne|celery|flask|django-admin|tini|dumb-init|gosu|su-exec|env)$/;

/** True for a program path that names a script rather than a system or venv program (`./setup.sh`, `/tmp/install`, `/entrypoint.sh`). */
function isScriptPath(word: string): boolean {
  if (/\.(sh|bash)$/.test(word)) return true;
  if (!word.includes('/')) return false;
  return !/^\/(usr\/(local\/)?)?s?bin\//.test(word) && !KNOWN_PROGRAMS.test(baseName(word));
}

/** True for the operand of a shell or `source` that is a script of the build context (a venv's `bin/activate` is not). */
const isScriptOperand = (w: string): boolean => !w.startsWith('-') && !/(^|\/)activate$/.test(w);

/** True when a RUN command executes a script whose content the Dockerfile does not show (`bash /tmp/setup.sh`, `./install.sh`, `curl ... | sh`). */
function runsScript(cmd: ShellCommand): boolean {
  if (isScriptPath(cmd.name)) return true;
  if (!SHELLS.test(baseName(cmd.name))) return false;
  if (cmd.args.some((a) => a.value === '-c' || /^-[a-z]*c$/.test(a.value))) return false;
  return cmd.args.length === 0 || cmd.args.some((a) => isScriptOperand(a.value));
}

/** Words after which a word of a container command is a program. */
const COMMAND_START = new Set(['&&', '||', ';', '|', 'exec', '--', '-c']);

/** True when the container command runs a script of its own (`/entrypoint.sh`, `sh start.sh`, `./boot`) or a notebook server, where people install packages as they work. */
function commandIsOpaque(tokens: readonly CommandToken[]): boolean {
  const words = tokens.map((t) => t.value);
  return words.some((w, i) => {
    const prev = i > 0 ? baseName(words[i - 1]) : null;
    if (/\.(sh|bash)$/.test(w)) return true;
    if ((prev === null || COMMAND_START.has(prev)) && isScriptPath(w)) return true;
    if (prev !== null && SHELLS.test(prev) && isScriptOperand(w)) return true;
    return (baseName(w) === 'jupyter' && /^(lab|notebook)$/.test(words[i + 1] ?? '')) || /^jupyter-(lab|notebook)$/.test(baseName(w));
  });
}

/**
 * True when a builder stage whose files the final stage copies (a virtual environment, wheels) built
 * what slim may not run: it installs development libraries (`libpq-dev`, `libxml2-dev`...; `python*-dev`
 * aside), whose shared libraries what it compiled links; or it installs Python packages the rule
 * cannot see fit slim (see {@link installFits}: a builder on the full image compiles against the
 * libraries it has); or it runs a script or an installer the rule does not read.
 */
function copiesUnseenBuild(ctx: RuleContext, stage: Stage): boolean {
  const own = new Set(ctx.stage(stage).chain);
  return feedingStages(ctx, stage).filter((s) => !own.has(s)).some((s) =>
    stageCommands(ctx, s).some(({ cmd }) => {
      if (runsScript(cmd) || opaqueInstaller(cmd)) return true;
      const install = pythonInstall(cmd);
      if (install && !installFits(install, ctx.context)) return true;
      return (osPackages(cmd)?.words ?? []).some((w) => w.dynamic || (/-dev(el)?$/.test(packageName(w.value)) && !/^(lib)?python[\d.]*-dev/.test(packageName(w.value))));
    }),
  );
}

/**
 * Debian suites with a published slim variant (`3.12-slim-bookworm`, `slim-jessie`): jessie and later.
 * wheezy never had one (`slim` was jessie-based), nor did `onbuild`, `alpine`, `windowsservercore` or
 * `nanoserver`.
 */
const SLIM_SUITES = new Set(['jessie', 'stretch', 'buster', 'bullseye', 'bookworm', 'trixie']);

/**
 * The slim tag for a full-image tag (`3.12` → `3.12-slim`, `3.12-bookworm` → `3.12-slim-bookworm`,
 * `pypy` `3.10-7.3.16` → `3.10-7.3.16-slim`), or null when no slim variant was published for it.
 */
function slimTag(tag: string | null): string | null {
  const t = tag ?? 'latest';
  if (t === 'latest') return 'slim';
  const words = t.split('-');
  const versions = words.findIndex((w) => !/^\d/.test(w));
  const cut = versions === -1 ? words.length : versions;
  if (!words.slice(cut).every((w) => SLIM_SUITES.has(w.toLowerCase()))) return null;
  return [...words.slice(0, cut), 'slim', ...words.slice(cut)].join('-');
}

/** Fires when the final image is the full `python` image and the rule can see that nothing in it needs what only the full image has (compilers, -dev libraries, git, ssh). */
export default defineRule({
  id: 'prefer-slim-base',
  severity: 'info',
  summary: 'Use the slim Python image for the final stage',
  origin: 'shipshape',
  category: 'size',
  fix: 'unsafe',
  docs: {
    description:
      'Reports the `FROM` at the root of the final stage when it is the full official `python` (or `pypy`) image — a tag without `slim`, `alpine`, `windowsservercore` or `nanoserver`: `python:3.12`, `python:3.12-bookworm`, `python`, `python:latest` — and the rule can see that slim is enough. The full image is not only compilers: it also carries git, the OpenSSH client, gcc\'s runtime (`libgomp`) and hundreds of libraries that slim lacks, so a wrong suggestion breaks a build or, worse, an import at run time. The rule therefore reports only when it sees every Python package the final stage installs, and none needs the full image: each is named on the `pip install` (or `uv pip install`) command line, or in a requirements file read from the build context (`-r` files and their `-r` includes), or, for `uv sync`, `poetry install`, `pipenv` and `pdm`, in the lock file read from the build context — or the final stage installs no Python package at all (it copies a virtual environment from a builder, say). A missed finding is better than a wrong one, so it stays silent where it cannot see: a `pip install -r` without a build context (stdin, a corpus file) or of a file that is not in it; a local path, URL, archive, VCS requirement or editable (`.`, `-e .`, `git+https://...`, `/wheels/*.whl`), whose dependencies are not listed; `--no-binary`; a variable in the install other than a version (`pkg==${VERSION}` is judged as an exact pin); a lock file with VCS or local sources; an installer whose dependencies it does not read (`easy_install`, `flit install`, `hatch`, `conda`/`mamba`, `pipx`, `pip-sync`). It is also silent when a dependency needs the full image: a project that publishes no Linux wheels and always compiles (`psycopg2` — not `psycopg2-binary` —, `uwsgi`, `mysqlclient`, `python-ldap`, `pycrypto`, `PyAudio`, `pygraphviz`, `GDAL`, `pycairo`, `PyGObject`, `dbus-python`, `mod_wsgi`, `M2Crypto`, `pylibmc`, `xmlsec`); a wheel that needs a library or program of the full image (`lightgbm` → libgomp, `python-magic` → libmagic, non-headless `opencv-python` → libGL, `WeasyPrint`, `CairoSVG`, `Wand`, `pyvips`, `pdf2image`, `pytesseract`, `psycopg` without its `binary` extra → libpq, `ansible`/`ansible-core` → the ssh client, `GitPython`, `pre-commit`, `dvc`, `codecov`, `ghp-import` → git); or a project with compiled extensions (numpy, scipy, pandas, lxml, Pillow, cryptography, spaCy, grpcio, psutil, yappi, Twisted and Scrapy, psycopg2-binary, cassandra-driver...) pinned to an exact or upper-bounded version (`numpy==1.11.0`, `psutil==5.6.2`: wheels are built per Python version, and an old release may have none for the image\'s Python, so pip compiles it). Nor does it report when something it cannot read runs: a `RUN` of a script (`bash /tmp/setup.sh`, `./install.sh`, `curl ... | sh`; sourcing a venv\'s `activate` is fine), an `ENTRYPOINT`/`CMD` that runs a script (`/entrypoint.sh`, `sh start.sh`, `./boot`), or a notebook server (`jupyter lab`, `jupyter notebook`), where people install packages as they work; nor for a workbench whose command is an interactive shell (`ENTRYPOINT ["/bin/bash"]`), whose users run the tools they installed and whatever the full image carries, nor for an image that installs Python packages but sets no command of its own (a tool image whose use the Dockerfile does not show). Also silent: the final stage or a stage it is built on installs build tools with the package manager (`build-essential`, `gcc`, `make`, any `*-dev` package...) or runs them (`gcc`, `make`, `cmake`, `./configure`, `cargo`, `go`, `python setup.py ...`); a builder whose files the final stage copies (a virtual environment, wheels) installs `-dev` libraries (what it compiled links their shared libraries), or installs Python packages the rule cannot see fit slim by the same reading (a builder on the full image compiles against the libraries it has), or runs a script; the stage runs `npm install`/`yarn` (native addons build with node-gyp, which needs make and g++); the stage runs `git`, `curl`, `wget`, `hg` or `svn` without installing them; uWSGI is named anywhere in the final stage (`uwsgi.ini`, `uwsgi.sh`) without a package-manager install of it; the image\'s command installs packages when it runs (`CMD ["pip", "install", "pkg"]`, `setup.py`); a tag whose slim variant was never published (only jessie and later suites — `jessie`, `stretch`, `buster`, `bullseye`, `bookworm`, `trixie` — and tags without a suite have one: not `-wheezy`, whose `slim` counterpart was jessie, a different Debian release, nor `*-onbuild`); and end-of-life interpreters, Python 2.x and 3.0–3.6 (`python:2.7`, `python:2`, `python:3.4.3`, `python:3.6-stretch`, `pypy:2`), where wheel coverage is unreliable: current releases of compiled projects often ship no wheels for them, so pip resolves to old releases and their source distributions (cffi 1.15 has no cp34 wheel and declares no Python limit), and the images\' bundled pip often predates manylinux2010 and manylinux2014 wheels (pip 19.0, January 2019; pip 19.3, October 2019), so it compiles dependencies that publish only those. Builder stages are not judged: that is where the full image belongs. The unsafe fix rewrites the tag to its slim variant (`3.12` → `3.12-slim`, `3.12-bookworm` → `3.12-slim-bookworm`, no tag → `slim`), and is offered only when the final stage installs no package at all with the package manager and the image is written without variables or digest. It is unsafe because a wheel may still be missing for your platform (arm64, an old glibc) and then compile: build and test the image.',
    why: 'The full `python` image is built on `buildpack-deps`: about 1 GB with compilers, headers and hundreds of `-dev` libraries. The slim variant has the same interpreter at about a sixth of the size. The difference is downloaded by every node that runs the image, slows every deploy, and every extra package is one more CVE for scanners to report. Compile in a builder stage on the full image if you must, and ship slim.',
    bad: 'FROM python:3.12.4\nCOPY requirements.txt .\nRUN pip install --no-cache-dir -r requirements.txt\nCMD ["python", "app.py"]\n',
    good: 'FROM python:3.12.4-slim\nCOPY requirements.txt .\nRUN pip install --no-cache-dir -r requirements.txt\nCMD ["python", "app.py"]\n',
    files: { 'requirements.txt': 'flask==3.0.3\nrequests==2.32.3\n' },
  },
  check(ctx) {
    const stage = ctx.file.stages.find((s) => ctx.stage(s).final);
    if (stage === undefined) return;
    const chain = ctx.stage(stage).chain;
    const root = chain[chain.length - 1];
    if (root.base.kind !== 'image') return;
    const image = root.base.image;
    if (image.unresolved) return;
    const key = imageKey(image);
    if (key !== 'python' && key !== 'pypy') return;
    const slim = slimTag(image.tag);
    if (slim === null) return;
    // An end-of-life interpreter: compiled dependencies may well have no wheel for it, or none its pip reads.
    if (eolPython(image.tag)) return;
    // The image's job is installing packages when it runs (`CMD ["pip", "install", "pkg"]`): whatever
    // they need to compile must be in the image.
    const command = containerCommand(ctx, stage).tokens;
    const words = command.map((t) => baseName(t.value));
    if (words.some((w, i) => (/^pip[\d.]*$/.test(w) && /^(install|wheel|download)$/.test(words[i + 1] ?? '')) || /^setup\.py$/.test(w))) return;
    // A script of the build context runs when the container starts: what it needs is not visible.
    if (commandIsOpaque(command)) return;
    // An interactive shell: a workbench whose users run the tools they installed, and whatever the full
    // image carries (git, ssh, wget, gcc), in ways the Dockerfile does not show.
    if (startsInteractive(command.map((t) => t.value), { interpreters: false })) return;
    // What a builder built for the final stage must be visible too: compiled against -dev libraries, it
    // needs their shared libraries, which slim lacks.
    if (copiesUnseenBuild(ctx, stage)) return;
    let installs = false;
    let pythonInstalls = false;
    const used = new Set<string>();
    const installed = new Set<string>();
    for (const { cmd } of stageCommands(ctx, stage)) {
      const name = baseName(cmd.name);
      if (name in FULL_IMAGE_TOOLS) used.add(FULL_IMAGE_TOOLS[name]);
      // The stage uses the full image's compilers itself.
      if (/^(gcc|g\+\+|cc|c\+\+|make|cmake|configure|ninja|cargo|rustc|go)$/.test(baseName(cmd.name))) return;
      if (cmd.args.some((a) => /(^|\/)setup\.py$/.test(a.value))) return;
      // A script whose content the Dockerfile does not show may install or run anything; so may an
      // installer whose dependencies the rule does not read.
      if (runsScript(cmd) || opaqueInstaller(cmd)) return;
      // Node packages with native addons build with node-gyp, which needs make and g++.
      if (/^(npm|yarn|pnpm)$/.test(name) && /^(install|i|ci|add)$/.test(cmd.args.find((a) => !a.value.startsWith('-'))?.value ?? 'install')) return;
      // Every Python dependency must be visible and fit slim: named on the command line, or in a
      // requirements or lock file read from the build context.
      const install = pythonInstall(cmd);
      if (install && !installFits(install, ctx.context)) return;
      if (install) pythonInstalls = true;
      // VCS requirements (`git+https://...`, and `--src`, which exists for editable VCS checkouts) need git.
      if (install && cmd.args.some((a) => /^(-e)?(git|hg|svn)\+/.test(a.value) || a.value === '--src' || a.value.startsWith('--src='))) used.add('git');
      const pkgs = osPackages(cmd);
      if (pkgs === null) continue;
      installs = true;
      for (const w of pkgs.words) installed.add(packageName(w.value));
      if (pkgs.words.some((w) => w.dynamic || isBuildTool(packageName(w.value)))) return;
    }
    // Python packages installed and no command of the file's own (the base image's `python3` prompt): a
    // tool image whose use the Dockerfile does not show (what its users run may need the full image).
    if (pythonInstalls && command.length === 0) return;
    // git/curl/wget used but never installed: they come from the full image.
    if ([...used].some((pkg) => !installed.has(pkg))) return;
    // uWSGI named anywhere in the final stage (its command, a copied `uwsgi.ini` or `uwsgi.sh`) and not
    // installed by the package manager comes from pip, and uWSGI always compiles.
    const mentionsUwsgi = ctx.stage(stage).chain.some((s) => s.instructions.some((i) => /uwsgi/i.test(i.args.text)));
    if (mentionsUwsgi && ![...installed].some((p) => p.startsWith('uwsgi'))) return;
    const word = fromImageWord(root);
    let fix: Fix | undefined;
    const suggested = `${image.raw.replace(/[:@].*$/, '')}:${slim}`;
    if (!installs && word && image.raw === image.expanded && image.digest === null && word.raw === word.value) {
      fix = ctx.edit().replace(word, suggested).unsafe(`Use ${suggested}`);
    }
    ctx.report({
      at: word ?? root.from,
      message: `\`${image.raw}\` is the full Python image (about 1 GB of compilers, -dev libraries and tools) and nothing the final stage installs or runs is seen to need them: unless a dependency has no wheel for your platform, \`${suggested}\` has the same interpreter at a fraction of the size`,
      fix,
    });
  },
});
