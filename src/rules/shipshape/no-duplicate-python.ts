import { defineRule } from '../define.js';
import type { ImageRef, Stage } from '../../parse/types.js';
import type { Fix, RuleContext } from '../../engine/types.js';
import { imageKey } from '../lib/images.js';
import { baseName, containerCommand, stageCommands } from '../lib/python-tools.js';
import { osPackages, packageName, removedByRun } from '../lib/packages.js';

/**
 * Distribution packages that are, or pull in, the distribution's own Python 3 interpreter: `python3`,
 * `python3.11`, `python-is-python3`, any `python3-*` (`python3-pip`, `python3-dev`,
 * `python3-psycopg2`: every one depends on the distribution's `python3`), Alpine's `py3-*`. Python 2
 * packages are a different interpreter that some tools still need, not a second copy.
 */
function isInterpreterPackage(name: string): boolean {
  return /^(python3(\.\d+)?|python-is-python3|python3(\.\d+)?-.+|py3-.+)$/.test(name);
}

/**
 * True for a base image whose interpreter is its own build, not the distribution's: the official
 * `python` and `pypy` images (`/usr/local`), CircleCI's `cimg/python` (pyenv), and astral's uv images
 * with a Python tag (`ghcr.io/astral-sh/uv:python3.12-bookworm-slim`). Images that install the
 * distribution's python3 themselves (`frolvlad/alpine-python3`) are not: there the package is the same
 * interpreter.
 */
function ownInterpreterImage(image: ImageRef | null): boolean {
  if (image === null || image.unresolved) return false;
  const key = imageKey(image);
  if (key === 'python' || key === 'pypy' || key === 'cimg/python') return true;
  return key === 'ghcr.io/astral-sh/uv' && /^python\d/.test(image.tag ?? '');
}

/**
 * True when the stage (with the stages it is built on, and its command) runs the distribution's
 * interpreter on purpose: `/usr/bin/python3…` by path, a versioned `python3.N` whose version differs
 * from the one the image's tag names (`python3.7 -m venv` on `python:3.8-slim-buster`, whose own
 * interpreter is 3.8: python3.7 can only be Debian's), or the distribution's uWSGI plugin
 * (`uwsgi-plugin-python3`, which embeds the distribution's Python), or, on a `pypy` image (which has only
 * `pypy3`), a bare `python3`. Then the packages are what the image
 * runs on, and the unused interpreter is the base image's, not the packages.
 */
function usesDistributionPython(ctx: RuleContext, stage: Stage, image: ImageRef): boolean {
  const own = /^(\d+)\.(\d+)/.exec(image.tag ?? '');
  const words: string[] = containerCommand(ctx, stage).tokens.map((t) => t.value);
  for (const { cmd } of stageCommands(ctx, stage)) {
    if (osPackages(cmd)?.words.some((w) => /^uwsgi-plugin-python3/.test(packageName(w.value)))) return true;
    words.push(cmd.name, ...cmd.args.map((a) => a.value));
  }
  // PyPy images have `pypy3` only: a bare `python3` there can only be the distribution's (tenth review).
  const pypy = imageKey(image) === 'pypy';
  return words.some((w) => {
    if (/^\/usr\/bin\/python3(\.\d+)?$/.test(w)) return true;
    if (pypy && /^python3?$/.test(baseName(w))) return true;
    const m = /^python(\d)\.(\d+)$/.exec(baseName(w));
    return m !== null && own !== null && (m[1] !== own[1] || m[2] !== own[2]);
  });
}

/**
 * True when the image's own interpreter is Python 2 by its tag (`python:2.7-alpine3.11`, `python:2`,
 * `pypy:2-slim`, `cimg/python:2.7`): the distribution's Python 3 packages are then another major version
 * (fourth review: `py3-virtualenv` to run `virtualenv -p python2`, since 2.7 has no `venv`), the mirror of
 * Python 2 packages on a Python 3 image, which are not reported either.
 */
function python2Image(image: ImageRef): boolean {
  return /^2(\.\d+)*([-_]|$)/.test(image.tag ?? '');
}

/**
 * True for a full (not `-slim`, not Alpine or Windows) official `python` or `pypy` image on Debian 10
 * (buster) or later: it is built on `buildpack-deps`, whose `libglib2.0-dev` depends on
 * `libglib2.0-dev-bin` and so on Debian's `python3`. Such an image already carries the distribution's
 * interpreter in `/usr/bin`, so `python3-dev` or `python3-pip` add headers or tools for it, not a second
 * interpreter (eighth review). A tag without a suite is taken as a current one; `jessie` and `wheezy`
 * (Python 2 tools in glib and mercurial there) are not.
 */
function fullImageWithDistributionPython(image: ImageRef): boolean {
  const key = imageKey(image);
  if (key !== 'python' && key !== 'pypy') return false;
  const tag = image.tag ?? 'latest';
  return !/slim|alpine|windowsservercore|nanoserver|jessie|wheezy/.test(tag);
}

/**
 * Distribution packages that depend on the distribution's `python3` themselves (Debian:
 * `software-properties-common` is a Python 3 program; `libglib2.0-dev` pulls `libglib2.0-dev-bin`, whose
 * tools are Python scripts, and the GTK development packages pull `libglib2.0-dev`). With one of them in the
 * same install, the interpreter comes anyway: the `python3-*` packages beside it add to it, they do not
 * bring it (ninth review).
 */
const PULLS_PYTHON3 = /^(software-properties-common|libglib2\.0-dev|libglib2\.0-dev-bin|libgtk2\.0-dev|libgtk-3-dev|libgtk-4-dev|gobject-introspection|meson)$/;


/** Fires when a Python image gets the distribution's Python installed on top. */
export default defineRule({
  id: 'no-duplicate-python',
  severity: 'warning',
  summary: 'Do not install the distribution\'s Python on top of a Python image',
  origin: 'shipshape',
  category: 'python',
  fix: 'unsafe',
  docs: {
    description:
      'Reports `apt-get install`/`apt install`/`apk add`/`dnf install` of the distribution\'s Python 3 — `python3`, `python3.11`, `python-is-python3`, any `python3-*` package (`python3-pip`, `python3-dev`, `python3-venv`, `python3-psycopg2`: all depend on the distribution\'s `python3`), Alpine\'s `py3-*` — in a stage whose root image brings its own interpreter: the official `python` and `pypy` images, `cimg/python`, `ghcr.io/astral-sh/uv:python3.12-…`. Not reported either: a package the same RUN removes again (`apk del` of it or of the `--virtual`/`-t` group it was added under, `apt-get purge`/`remove`), since no layer keeps it; a stage that does not end up in the final image (a builder whose wheels are copied out: its `/usr/bin/python3` never ships); and an install that also names a package that depends on Debian\'s `python3` itself (`software-properties-common`, `libglib2.0-dev`, the GTK development packages), which brings the interpreter anyway. The full (non-slim) `python` and `pypy` images of Debian 10 (buster) and later are not judged: they are built on `buildpack-deps`, whose `libglib2.0-dev` pulls in Debian\'s `python3`, so the distribution\'s interpreter is already there and these packages only add to it (tags naming `jessie` or `wheezy` are still judged; a tag without a suite counts as a current release). Python 2 packages (`python2.7`, `python-pip` on old releases) are a different interpreter some tools need and are not reported, nor, the other way round, Python 3 packages on an image whose tag names Python 2 (`python:2.7-alpine3.11` with `py3-virtualenv`, `pypy:2`); nor are stages that run the distribution\'s interpreter on purpose — `/usr/bin/python3` by path, a `python3.N` whose version is not the one the image\'s tag names (`python3.7 -m venv` on `python:3.8-slim-buster`, where python3.7 can only be Debian\'s), the distribution\'s uWSGI plugin `uwsgi-plugin-python3`, which embeds the distribution\'s Python, or on a `pypy` image (which has only `pypy3`) a bare `python3` — where the packages are what the image runs on and the unused interpreter is the base image\'s (a floating tag such as `python:3` names no version, so `python3.N` proves nothing there); nor are images that install the distribution\'s python3 themselves (`frolvlad/alpine-python3`), where the package is the same interpreter. One finding per command, at the first such package. The unsafe fix removes those packages from the command when other packages remain to install; it is unsafe because something in the image may run `/usr/bin/python3` or import a `python3-*` library, which then must come from pip instead.',
    why: 'A Python image already has its interpreter in `/usr/local` with pip, venv and the C headers for building extensions. The distribution\'s packages add a second interpreter in `/usr/bin` (tens of megabytes), and libraries installed as `python3-*` packages belong to that second interpreter: `python` in the image cannot import them, and which interpreter a script gets depends on `PATH`. Install Python libraries with pip, and leave `python3-dev`/`python3-pip` out.',
    bad: 'FROM python:3.12.4-slim\nRUN apt-get update && apt-get install -y --no-install-recommends python3-dev=3.11.2-1+b1 libpq-dev=15.8-0+deb12u1 && rm -rf /var/lib/apt/lists/*\n',
    good: 'FROM python:3.12.4-slim\nRUN apt-get update && apt-get install -y --no-install-recommends libpq-dev=15.8-0+deb12u1 && rm -rf /var/lib/apt/lists/*\n',
  },
  check(ctx) {
    // Per stage, once: whether it is judged at all (reading every command of the stage for each RUN
    // made a long stage quadratic).
    const judged = new Map<Stage, boolean>();
    const isJudged = (stage: Stage, root: ImageRef | null): boolean => {
      let j = judged.get(stage);
      if (j === undefined) {
        j = ownInterpreterImage(root) && !python2Image(root!) && !fullImageWithDistributionPython(root!) && !usesDistributionPython(ctx, stage, root!);
        judged.set(stage, j);
      }
      return j;
    };
    for (const { run, commands } of ctx.runs({ onbuild: false })) {
      const stage = ctx.facts(run).stage;
      const root = stage === null ? null : ctx.stage(stage).rootImage;
      if (stage === null || !isJudged(stage, root)) continue;
      // A builder stage that does not end up in the image: its /usr/bin/python3 never ships.
      if (!ctx.stage(stage!).inFinalImage) continue;
      const removed = removedByRun(commands);
      if (removed === 'all') continue;
      {
        for (const cmd of commands) {
          const pkgs = osPackages(cmd);
          if (pkgs === null) continue;
          if (pkgs.words.some((w) => PULLS_PYTHON3.test(packageName(w.value)))) continue;
          // Removed again before the RUN ends, by name or with the apk `--virtual`/`-t` group it was added
          // under (apk then drops the dependencies nothing else needs, Python included): no layer keeps it.
          if (pkgs.virtual !== null && removed.has(pkgs.virtual)) continue;
          const hits = pkgs.words.filter((w) => !w.dynamic && isInterpreterPackage(packageName(w.value)) && !removed.has(packageName(w.value)));
          if (hits.length === 0) continue;
          const names = hits.map((w) => `\`${packageName(w.value)}\``).join(', ');
          let fix: Fix | undefined;
          if (hits.length < pkgs.words.length) {
            const edit = ctx.edit();
            for (const hit of hits) {
              const i = cmd.args.indexOf(hit);
              if (i > 0) edit.removeAfter(cmd.args[i - 1], hit);
            }
            fix = edit.unsafe(`Remove ${hits.map((w) => packageName(w.value)).join(', ')}`);
          }
          ctx.report({
            at: hits[0],
            fix,
            message: `${names} install${hits.length > 1 ? '' : 's'} the distribution's Python beside the interpreter of \`${root!.raw}\`: the image already has Python, pip, venv and its headers in /usr/local; install Python libraries with pip instead`,
          });
        }
      }
    }
  },
});
