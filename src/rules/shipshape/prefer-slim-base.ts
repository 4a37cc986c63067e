import type { Fix } from '../../engine/types.js';
import { defineRule } from '../define.js';
import { imageKey, fromImageWord } from '../lib/images.js';
import { baseName, containerCommand, installsPip, osPackages, packageName, pythonInstall, stageCommands } from '../lib/python-tools.js';

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
const SOURCE_ONLY = new Set(['psycopg2', 'uwsgi', 'mysqlclient', 'python-ldap', 'pycrypto']);

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
  'regex', 'ujson', 'orjson', 'pydantic-core', 'psycopg2-binary', 'pymssql', 'pyodbc', 'pysqlcipher', 'pysqlcipher3',
]);

/** True for a requirement operand that pins a compiled project to an exact or upper-bounded version (`numpy==1.11.0`, `lxml<4`). */
function pinsCompiled(word: string): boolean {
  const name = requirementName(word);
  return name !== null && COMPILED.has(name) && /(===?|<=?|~=)\s*\d/.test(word);
}

/**
 * True for an official image tag whose pip may predate manylinux wheels (pip 8.1, March 2016): the
 * images of a patch release were built only while it was current, so `2.7.0`–`2.7.11`, `3.0`–`3.3`,
 * `3.4.0`–`3.4.4` and `3.5.0`–`3.5.1` (superseded by June 2016 at the latest) ship pip 6 or 7 — or,
 * for their last rebuilds, an early 8.1 — and with the older ones pip installs every compiled
 * dependency from its source distribution. Which build a tag pulls is not in the Dockerfile, so the
 * rule stays silent for all of them. Floating tags (`2.7`, `3.5`) are today's last patch release,
 * with a newer pip.
 */
function pipPredatesManylinux(tag: string | null): boolean {
  const m = /^(\d+)\.(\d+)\.(\d+)/.exec(tag ?? '');
  if (!m) return false;
  const [major, minor, patch] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (major === 2) return minor < 7 || (minor === 7 && patch <= 11);
  if (major !== 3) return false;
  return minor <= 3 || (minor === 4 && patch <= 4) || (minor === 5 && patch <= 1);
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

/** The slim tag for a full-image tag (`3.12` → `3.12-slim`, `3.12-bookworm` → `3.12-slim-bookworm`), or null. */
function slimTag(tag: string | null): string | null {
  const t = tag ?? 'latest';
  const words = t.toLowerCase().split('-');
  // onbuild tags were only ever published for the full image: no `*-slim-onbuild` tag exists.
  if (words.some((w) => w === 'slim' || w === 'onbuild' || w === 'alpine' || w.startsWith('alpine') || w.startsWith('windowsservercore') || w.startsWith('nanoserver'))) return null;
  if (t === 'latest') return 'slim';
  if (/^\d/.test(words[0])) return [t.split('-')[0], 'slim', ...t.split('-').slice(1)].join('-');
  return `slim-${t}`;
}

/** Fires when the final image is the full `python` image although nothing in it needs the build tools. */
export default defineRule({
  id: 'prefer-slim-base',
  severity: 'info',
  summary: 'Use the slim Python image for the final stage',
  origin: 'shipshape',
  category: 'size',
  fix: 'unsafe',
  docs: {
    description:
      'Reports the `FROM` at the root of the final stage when it is the full official `python` (or `pypy`) image — a tag without `slim`, `alpine`, `windowsservercore` or `nanoserver`: `python:3.12`, `python:3.12-bookworm`, `python`, `python:latest` — and neither the final stage nor a stage it is built on installs build tools with the package manager (`build-essential`, `gcc`, `g++`, `make`, `cmake`, `pkg-config`, any `*-dev` package...) or runs them itself (`gcc`, `make`, `cmake`, `./configure`, `cargo`, `go`, `python setup.py ...`), or pip-installs by name a package that publishes no wheels and always compiles (`psycopg2` — not `psycopg2-binary` —, `uwsgi`, `mysqlclient`, `python-ldap`, `pycrypto` — also a `uwsgi` CMD or ENTRYPOINT when the package manager did not install uWSGI), or runs `git`, `curl`, `wget`, `hg` or `svn` without installing them (the full image has them, slim has not), or pip-installs VCS requirements (`git+...`, `--src`). `*-onbuild` tags are not reported: no slim onbuild tag was ever published. Nor, because whether a wheel exists is not in the Dockerfile and the rule stays silent where it cannot know: a pip install that pins a project with compiled extensions (numpy, scipy, pandas, lxml, Pillow, cryptography, spaCy, grpcio, psycopg2-binary...) to an exact or upper-bounded version (`numpy==1.11.0`: wheels are built per Python version, and a release older than the image\'s Python has none for it, so pip compiles it); any pip install on an image whose pip may predate manylinux wheels (pip 8.1, March 2016: the patch tags `2.7.0`–`2.7.11`, `3.3.x` and older, `3.4.0`–`3.4.4`, `3.5.0`–`3.5.1`, which were built only while current, mostly with pip 6 or 7) unless pip upgrades itself first; and an image whose command installs packages when it runs (`CMD ["pip", "install", "pkg"]`, `setup.py`), which needs the compilers at run time. A `pip install` of a package without a wheel for the platform also needs the full image\'s compilers, which the Dockerfile does not show: the message says so. Builder stages are not judged: that is where the full image belongs. The unsafe fix rewrites the tag to its slim variant (`3.12` → `3.12-slim`, `3.12-bookworm` → `3.12-slim-bookworm`, no tag → `slim`), and is offered only when the final stage installs no package at all with the package manager and the image is written without variables or digest. It is unsafe because the slim image lacks compilers and many shared libraries: a `pip install` that builds from source, or a wheel needing e.g. `libpq`, then fails — build and test the image.',
    why: 'The full `python` image is built on `buildpack-deps`: about 1 GB with compilers, headers and hundreds of `-dev` libraries. The slim variant has the same interpreter at about a sixth of the size. The difference is downloaded by every node that runs the image, slows every deploy, and every extra package is one more CVE for scanners to report. Compile in a builder stage on the full image if you must, and ship slim.',
    bad: 'FROM python:3.12.4\nCOPY requirements.txt .\nRUN pip install --no-cache-dir -r requirements.txt\nCMD ["python", "app.py"]\n',
    good: 'FROM python:3.12.4-slim\nCOPY requirements.txt .\nRUN pip install --no-cache-dir -r requirements.txt\nCMD ["python", "app.py"]\n',
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
    // The image's job is installing packages when it runs (`CMD ["pip", "install", "pkg"]`): whatever
    // they need to compile must be in the image.
    const words = containerCommand(ctx, stage).tokens.map((t) => baseName(t.value));
    if (words.some((w, i) => (/^pip[\d.]*$/.test(w) && /^(install|wheel|download)$/.test(words[i + 1] ?? '')) || /^setup\.py$/.test(w))) return;
    const oldPip = pipPredatesManylinux(image.tag);
    let pipUpgraded = false;
    let installs = false;
    const used = new Set<string>();
    const installed = new Set<string>();
    for (const { cmd } of stageCommands(ctx, stage)) {
      const name = baseName(cmd.name);
      if (name in FULL_IMAGE_TOOLS) used.add(FULL_IMAGE_TOOLS[name]);
      // The stage uses the full image's compilers itself.
      if (/^(gcc|g\+\+|cc|c\+\+|make|cmake|configure|ninja|cargo|rustc|go)$/.test(baseName(cmd.name))) return;
      if (cmd.args.some((a) => /(^|\/)setup\.py$/.test(a.value))) return;
      // A package that always compiles from source: slim would break the build.
      const install = pythonInstall(cmd);
      if (install && (install.tool === 'pip' || install.tool === 'uv-pip') && install.operands.some((w) => SOURCE_ONLY.has(requirementName(w.value) ?? ''))) return;
      // An old pinned release of a compiled project may have no wheel for this Python.
      if (install && (install.tool === 'pip' || install.tool === 'uv-pip') && install.operands.some((w) => pinsCompiled(w.value))) return;
      // A pip too old for manylinux wheels compiles every compiled dependency.
      if (install && install.tool === 'pip' && oldPip && !pipUpgraded) {
        if (installsPip(install)) pipUpgraded = true;
        else return;
      }
      // VCS requirements (`git+https://...`, and `--src`, which exists for editable VCS checkouts) need git.
      if (install && cmd.args.some((a) => /^(-e)?(git|hg|svn)\+/.test(a.value) || a.value === '--src' || a.value.startsWith('--src='))) used.add('git');
      const pkgs = osPackages(cmd);
      if (pkgs === null) continue;
      installs = true;
      for (const w of pkgs.words) installed.add(packageName(w.value));
      if (pkgs.words.some((w) => w.dynamic || isBuildTool(packageName(w.value)))) return;
    }
    // git/curl/wget used but never installed: they come from the full image.
    if ([...used].some((pkg) => !installed.has(pkg))) return;
    // A uWSGI server in CMD/ENTRYPOINT not installed by the package manager comes from pip, and uWSGI always compiles.
    if (containerCommand(ctx, stage).tokens.some((t) => /^uwsgi(\.py)?$/.test(baseName(t.value))) && ![...installed].some((p) => p.startsWith('uwsgi'))) return;
    const word = fromImageWord(root);
    let fix: Fix | undefined;
    const suggested = `${image.raw.replace(/[:@].*$/, '')}:${slim}`;
    if (!installs && word && image.raw === image.expanded && image.digest === null && word.raw === word.value) {
      fix = ctx.edit().replace(word, suggested).unsafe(`Use ${suggested}`);
    }
    ctx.report({
      at: word ?? root.from,
      message: `\`${image.raw}\` is the full Python image (about 1 GB of compilers and -dev libraries) and the final stage neither installs nor runs build tools: unless a dependency has no wheel and compiles from source, \`${suggested}\` has the same interpreter at a fraction of the size`,
      fix,
    });
  },
});
