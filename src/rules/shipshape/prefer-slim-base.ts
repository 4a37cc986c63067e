import type { Fix } from '../../engine/types.js';
import { defineRule } from '../define.js';
import { imageKey, fromImageWord } from '../lib/images.js';
import { baseName, containerCommand, osPackages, packageName, pythonInstall, stageCommands } from '../lib/python-tools.js';

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
      'Reports the `FROM` at the root of the final stage when it is the full official `python` (or `pypy`) image — a tag without `slim`, `alpine`, `windowsservercore` or `nanoserver`: `python:3.12`, `python:3.12-bookworm`, `python`, `python:latest` — and neither the final stage nor a stage it is built on installs build tools with the package manager (`build-essential`, `gcc`, `g++`, `make`, `cmake`, `pkg-config`, any `*-dev` package...) or runs them itself (`gcc`, `make`, `cmake`, `./configure`, `cargo`, `go`, `python setup.py ...`), or pip-installs by name a package that publishes no wheels and always compiles (`psycopg2` — not `psycopg2-binary` —, `uwsgi`, `mysqlclient`, `python-ldap`, `pycrypto` — also a `uwsgi` CMD or ENTRYPOINT when the package manager did not install uWSGI), or runs `git`, `curl`, `wget`, `hg` or `svn` without installing them (the full image has them, slim has not), or pip-installs VCS requirements (`git+...`, `--src`). `*-onbuild` tags are not reported: no slim onbuild tag was ever published. A `pip install` of a package without a wheel for the platform also needs the full image\'s compilers, which the Dockerfile does not show: the message says so. Builder stages are not judged: that is where the full image belongs. The unsafe fix rewrites the tag to its slim variant (`3.12` → `3.12-slim`, `3.12-bookworm` → `3.12-slim-bookworm`, no tag → `slim`), and is offered only when the final stage installs no package at all with the package manager and the image is written without variables or digest. It is unsafe because the slim image lacks compilers and many shared libraries: a `pip install` that builds from source, or a wheel needing e.g. `libpq`, then fails — build and test the image.',
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
