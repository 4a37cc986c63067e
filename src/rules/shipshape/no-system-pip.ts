import type { ImageRef, Instruction } from '../../parse/types.js';
import type { RuleContext } from '../../engine/types.js';
import type { ShellCommand } from '../../shell/types.js';
import { hasFlag } from '../../shell/query.js';
import { defineRule } from '../define.js';
import { imageKey } from '../lib/images.js';
import { isPythonImage } from '../lib/python.js';
import { baseName, envAt, installsPip, pythonInstall, stageCommands, truthy } from '../lib/python-tools.js';
import { osPackages, packageName } from '../lib/packages.js';

const DEBIAN_MANAGED = new Set(['bookworm', 'trixie', 'forky', 'sid', 'testing', 'stable', 'latest', 'unstable']);
const UBUNTU_MANAGED = new Set(['lunar', 'mantic', 'noble', 'oracular', 'plucky', 'questing', 'resolute', 'latest', 'rolling', 'devel']);

/** Tag names that follow a moving release, per distribution image. */
const FLOATING: Record<string, Set<string>> = {
  debian: new Set(['sid', 'unstable', 'testing', 'stable', 'latest']),
  ubuntu: new Set(['devel', 'rolling', 'latest']),
  alpine: new Set(['edge', 'latest']),
};

/**
 * The day (YYYYMMDD) from which every dated snapshot of a floating name has the `EXTERNALLY-MANAGED`
 * marker, taken conservatively as the first release that shipped it: Debian 12 (2023-06-10), Ubuntu
 * 23.04 (2023-04-20), Alpine 3.19 (2023-12-07). Older snapshots are not judged, even where the
 * development branch had the marker a little earlier.
 */
const MARKER_SINCE: Record<string, string> = { debian: '20230610', ubuntu: '20230420', alpine: '20231207' };

/**
 * The distribution release (as Markdown, with a note for floating tags) of a root image whose system Python is marked externally managed (PEP 668:
 * an `EXTERNALLY-MANAGED` file beside the standard library), or null: Debian 12 (bookworm) and later,
 * Ubuntu 23.04 (lunar) and later, Alpine 3.19 and later.
 */
function externallyManaged(image: ImageRef | null): string | null {
  if (image === null || image.unresolved) return null;
  // Pinned by digest alone: the release is unknown (it is not `latest` today).
  if (image.digest !== null && image.tag === null) return null;
  const key = imageKey(image);
  const tag = (image.tag ?? 'latest').toLowerCase();
  const word = tag.split(/[-_]/)[0];
  // A dated snapshot of a floating name (`debian:sid-20200224-slim`, `alpine:20230329`, an edge snapshot)
  // is that release as it was on that day: judged by the date, not by what the name means today.
  const date = /(?:^|[-_])((?:19|20)\d{6})(?=$|[-_])/.exec(tag)?.[1];
  if (date !== undefined && (FLOATING[key]?.has(word) || (key === 'alpine' && word === date))) {
    const since = MARKER_SINCE[key];
    return since !== undefined && date >= since ? `\`${key}:${tag}\`` : null;
  }
  const num = /^(\d+)(?:\.(\d+))?/.exec(tag);
  if (key === 'debian') {
    if (DEBIAN_MANAGED.has(word) || (num && Number(num[1]) >= 12)) return num || !['latest', 'stable', 'testing', 'sid', 'unstable'].includes(word) ? `\`debian:${tag}\`` : `\`debian:${tag}\` (today Debian 12 or later)`;
  } else if (key === 'ubuntu') {
    if (num && (Number(num[1]) > 23 || (Number(num[1]) === 23 && Number(num[2] ?? 0) >= 4))) return `\`ubuntu:${tag}\``;
    if (UBUNTU_MANAGED.has(word)) return word === 'latest' || word === 'rolling' || word === 'devel' ? `\`ubuntu:${tag}\` (today Ubuntu 24.04 or later)` : `\`ubuntu:${tag}\``;
  } else if (key === 'alpine') {
    if (num && (Number(num[1]) > 3 || Number(num[2] ?? 0) >= 19)) return `\`alpine:${tag}\``;
    if (word === 'latest' || word === 'edge') return `\`alpine:${tag}\` (today Alpine 3.19 or later)`;
  }
  return null;
}

/**
 * True when an OS package-manager command or a command of the stage gives the distribution's default
 * `python3` a pip: the `python3-pip`/`py3-pip` package (Alpine's `python3` has had no pip since 3.12,
 * Debian's never had), `python3 -m ensurepip`, or `get-pip.py` run by the unversioned `python3`.
 * A versioned interpreter (`python3.6` from a PPA, with `get-pip.py | python3.6`) is not the
 * distribution's, and its site-packages carry no `EXTERNALLY-MANAGED` marker.
 */
function givesSystemPip(cmd: ShellCommand, prev: ShellCommand | undefined): boolean {
  if (osPackages(cmd)?.words.some((w) => /^(python3-pip|py3-pip)$/.test(packageName(w.value)))) return true;
  // Unversioned `python` is Python 2 on the releases that had it, and absent on the PEP 668 ones.
  return baseName(cmd.name) === 'python3' && bootstrapsPip(cmd, prev);
}

/**
 * True when an interpreter command installs pip into itself: `-m ensurepip`, `get-pip.py` run as a file, or
 * a downloaded `get-pip.py` piped into it (`curl -sS https://bootstrap.pypa.io/get-pip.py | python3`).
 */
function bootstrapsPip(cmd: ShellCommand, prev: ShellCommand | undefined): boolean {
  if (cmd.args.some((a) => a.value === 'ensurepip' || /(^|\/)get-pip\.py$/.test(a.value))) return true;
  return cmd.pipedIn && prev !== undefined && prev.pipedOut && prev.args.some((a) => /get-pip\.py$/.test(a.value));
}

/** True when an OS package-manager command installs Python 2's pip (Debian/Ubuntu `python-pip`, Alpine `py-pip`/`py2-pip`). */
function givesPython2Pip(cmd: ShellCommand): boolean {
  // `easy_install pip`: the unversioned easy_install is Python 2's (`python-setuptools`; Python 3's is
  // `easy_install3`), and the `pip` it installs runs Python 2.
  if (/^easy_install(-?2(\.\d+)?)?$/.test(baseName(cmd.name)) && cmd.args.some((a) => a.value === 'pip')) return true;
  return osPackages(cmd)?.words.some((w) => /^(python-pip|python2-pip|py2-pip)$/.test(packageName(w.value))) ?? false;
}

/** A versioned interpreter's program (`python3.7`, `pip3.7`): not the distribution's default `python3`. */
const VERSIONED = /^(python|pip)\d\.\d+$/;

/**
 * True when `cmd` gives a versioned interpreter its own pip (`python3.7 -m pip install --upgrade pip`,
 * `python3.7 -m ensurepip`, `python3.7 get-pip.py`, `... get-pip.py | python3.7`): pip then installs its
 * `pip`/`pip3` scripts into /usr/local/bin, ahead of the system pip on PATH, so a bare `pip` afterwards
 * runs that interpreter, whose site-packages carry no `EXTERNALLY-MANAGED` marker.
 */
function givesVersionedPip(cmd: ShellCommand, prev: ShellCommand | undefined): boolean {
  if (!/^python\d\.\d+$/.test(baseName(cmd.name))) return false;
  const install = pythonInstall(cmd);
  return (install !== null && installsPip(install)) || bootstrapsPip(cmd, prev);
}

/** True when `cmd` makes the bare `pip` command Python 3's: `ln -s .../pip3 .../pip` (or `python3` → `python`). */
function linksPip3(cmd: ShellCommand): boolean {
  if (baseName(cmd.name) !== 'ln') return false;
  const words = cmd.args.filter((a) => !a.value.startsWith('-')).map((a) => baseName(a.value));
  return words.length >= 2 && /^(pip3|python3)$/.test(words[0]) && /^(pip|python)$/.test(words[words.length - 1]);
}

/** True when a virtual environment is active for `instr`: VIRTUAL_ENV set, or PATH naming a venv/env directory. */
function venvActive(ctx: RuleContext, instr: Instruction): boolean {
  if ((envAt(ctx, instr, 'VIRTUAL_ENV') ?? '') !== '') return true;
  const path = envAt(ctx, instr, 'PATH') ?? '';
  return /(^|[/:])\.?v?env[^/:]*\/bin/.test(path) || /virtualenvs?|\/venvs?\//.test(path);
}

/** Fires when pip installs into the system Python of a distribution image. */
export default defineRule({
  id: 'no-system-pip',
  severity: 'warning',
  summary: 'Install Python packages into a virtual environment, not the distribution\'s Python',
  origin: 'shipshape',
  category: 'python',
  fix: 'none',
  docs: {
    description:
      'Reports, in any stage: `pip install` or `uv pip install` with `--break-system-packages`, `PIP_BREAK_SYSTEM_PACKAGES`/`UV_BREAK_SYSTEM_PACKAGES` switched on (in `ENV` or on the command) or `pip config set global.break-system-packages true` earlier in the stage, and a `RUN` that deletes the `EXTERNALLY-MANAGED` marker; and, on a base whose system Python is externally managed (PEP 668: Debian 12 bookworm and later, Ubuntu 23.04 and later, Alpine 3.19 and later) after the distribution\'s default `python3` was given a pip (the `python3-pip`/`py3-pip` package; Alpine\'s `python3` package has had no pip since 3.12, so without one the build fails with `pip: not found`, which is not this rule\'s finding), the first `pip install` of the stage (the build stops there); a `get-pip.py` run by the system `python3` (as a file or piped in) and, on Alpine, `python3 -m ensurepip` are themselves that first install, since both run pip\'s `install`, which checks the marker: the finding is on them, and no later `pip3` of the stage is judged (Debian\'s and Ubuntu\'s ensurepip refuses to run for the system Python, so it gives no pip and is not this rule\'s finding). A `pip install` counts when it is run by the system pip (`pip`, `pip3`, `python3 -m pip`) while no virtual environment is active (no `VIRTUAL_ENV`, no `venv`/`.venv` directory on `PATH`, no `activate` earlier in the same RUN, no `--target`, `--prefix`, `--root` or `--dry-run`, which pip does not check; `--user` is checked). A bare `pip` (or `python -m pip`) after Python 2\'s `python-pip` package was installed, with no `ln -s` making `pip` Python 3\'s, is Python 2\'s pip, which has no PEP 668 check: not judged (a later `pip3 install` is). The same holds after `easy_install pip`: the unversioned `easy_install` is Python 2\'s (`python-setuptools`; Python 3\'s is `easy_install3`). A versioned interpreter installed beside the distribution\'s default (`python3.7 -m pip`, `pip3.7`, `python3.6` from a PPA with its own `get-pip.py`) is not judged: the marker sits in the default interpreter\'s standard library, and which interpreter is the default on the release is not in the Dockerfile; once such an interpreter has installed or upgraded pip (`python3.7 -m pip install --upgrade pip`, `python3.7 -m ensurepip`, `get-pip.py`), pip\'s `pip`/`pip3` scripts in /usr/local/bin come first on `PATH`, so a later bare `pip`/`pip3` is that interpreter\'s and not judged either. A dated snapshot of a floating tag (`debian:sid-20200224-slim`, `ubuntu:devel-20230101`, Alpine\'s edge snapshots such as `alpine:20230329`) is that release as it was on that day: it is judged only when the date is on or after the first release with the marker (Debian 12 on 2023-06-10, Ubuntu 23.04 on 2023-04-20, Alpine 3.19 on 2023-12-07; earlier snapshots of a development branch that may already have had it are left alone); a dated codename tag (`bookworm-20230612`) is judged by its codename. Images whose interpreter is not the distribution\'s (`python:*`) and bases pinned by digest alone (`ubuntu@sha256:...`, whose release is unknown) are not judged. No fix: where the environment should live is the project\'s choice.',
    why: 'On these distributions apt owns the system Python\'s packages. PEP 668 makes `pip install` there fail with `externally-managed-environment`; forcing it with `--break-system-packages` lets pip overwrite or remove files that apt packages depend on, and apt may later overwrite pip\'s. Create a virtual environment (`python3 -m venv /opt/venv` and put `/opt/venv/bin` first on `PATH`) or start from an official `python` image, whose interpreter is yours.',
    bad: 'FROM debian:12.6\nRUN apt-get update && apt-get install -y --no-install-recommends python3-pip=23.0.1+dfsg-1\nRUN pip install --break-system-packages flask==3.0.3\n',
    good: 'FROM debian:12.6\nRUN apt-get update && apt-get install -y --no-install-recommends python3-venv=3.11.2-1+b1\nRUN python3 -m venv /opt/venv\nENV PATH=/opt/venv/bin:$PATH\nRUN pip install flask==3.0.3\n',
  },
  check(ctx) {
    const reported = new Set<Instruction>();
    for (const stage of ctx.file.stages) {
      const root = ctx.stage(stage).rootImage;
      const managed = isPythonImage(root) ? null : externallyManaged(root);
      let systemPython = false;
      // Python 2's pip installed and not replaced by a pip3 link: a bare `pip` is Python 2's, which has no PEP 668 check.
      let python2Pip = false;
      // A versioned interpreter (`python3.7`) installed its own pip: bare `pip`/`pip3` are now its scripts.
      let versionedPip = false;
      let activated: Instruction | null = null;
      let reportedPep668 = false;
      let configForced = false;
      let prev: ShellCommand | undefined;
      for (const { run, cmd, stage: s } of stageCommands(ctx, stage)) {
        const before = prev;
        prev = cmd;
        if (s !== stage) {
          // Ancestry: only remember whether the system Python was given a pip.
          if (givesSystemPip(cmd, before)) systemPython = true;
          if (givesPython2Pip(cmd)) python2Pip = true;
          if (linksPip3(cmd)) python2Pip = false;
          if (givesVersionedPip(cmd, before)) versionedPip = true;
          continue;
        }
        if (reported.has(run)) continue;
        // Bootstrapping pip into the system python3 is itself a system pip install (fourth review): get-pip.py
        // and Alpine's ensurepip run pip's `install`, which checks the marker, so the build stops there and
        // no pip is left for a later `pip3`. Debian's and Ubuntu's ensurepip refuses to run for the system
        // Python at all (their patched module exits with "ensurepip is disabled"): no pip either, not PEP 668.
        if (managed !== null && baseName(cmd.name) === 'python3' && !cmd.name.includes('/') && bootstrapsPip(cmd, before) && activated !== run && !venvActive(ctx, run)) {
          const ensurepip = cmd.args.some((a) => a.value === 'ensurepip');
          if (ensurepip && imageKey(root!) !== 'alpine') continue;
          if (reportedPep668) continue;
          reported.add(run);
          reportedPep668 = true;
          const label = ensurepip ? 'python3 -m ensurepip' : 'get-pip.py run by python3';
          ctx.report({ at: cmd, message: `\`${label}\` installs pip with pip into the system Python of ${managed}, which fails under PEP 668 (\`externally-managed-environment\`): create a virtual environment (\`python3 -m venv /opt/venv\`, which brings its own pip) or use a \`python\` base image` });
          continue;
        }
        if (givesSystemPip(cmd, before)) systemPython = true;
        if (givesPython2Pip(cmd)) python2Pip = true;
        if (linksPip3(cmd)) python2Pip = false;
        const versionedBefore = versionedPip;
        if (givesVersionedPip(cmd, before)) versionedPip = true;
        const name = baseName(cmd.name);
        if ((name === 'source' || name === '.') && cmd.args.some((a) => /\/bin\/activate$/.test(a.value))) activated = run;
        if (name === 'rm' && cmd.args.some((a) => /EXTERNALLY-MANAGED/.test(a.value))) {
          reported.add(run);
          ctx.report({ at: cmd, message: 'Deleting `EXTERNALLY-MANAGED` switches off PEP 668 for the distribution\'s Python, so pip can overwrite files apt installed: install into a virtual environment instead' });
          continue;
        }
        const install = pythonInstall(cmd);
        // `pip config set global.break-system-packages true` forces every later install of the stage.
        if (install === null && /^pip3?$/.test(name) && cmd.args[0]?.value === 'config' && cmd.args[1]?.value === 'set' && /\.break-system-packages$/.test(cmd.args[2]?.value ?? '') && truthy(cmd.args[3]?.value)) configForced = true;
        if (install === null || (install.tool !== 'pip' && install.tool !== 'uv-pip') || install.sub !== 'install') continue;
        const forced = configForced || hasFlag(cmd, 'break-system-packages') || truthy(envAt(ctx, run, 'PIP_BREAK_SYSTEM_PACKAGES', cmd)) || truthy(envAt(ctx, run, 'UV_BREAK_SYSTEM_PACKAGES', cmd));
        const venvPip = install.program.includes('/') && !/^\/usr\/(local\/)?bin\//.test(install.program);
        if (forced && !venvPip && !venvActive(ctx, run)) {
          reported.add(run);
          ctx.report({ at: cmd, message: `\`${install.label}\` overrides PEP 668 (\`--break-system-packages\`) and writes into the distribution's Python, where apt owns the files: install into a virtual environment (\`python3 -m venv /opt/venv\`) instead` });
          continue;
        }
        if (forced || managed === null || reportedPep668 || !systemPython || install.tool !== 'pip' || venvPip) continue;
        if (activated === run || venvActive(ctx, run)) continue;
        if (python2Pip && /^(pip|pip2(\.\d+)?|python|python2(\.\d+)?)$/.test(baseName(install.program))) continue;
        // A versioned interpreter beside the distribution's (`python3.7 -m pip`, `pip3.7`), or a bare pip that one replaced.
        if (VERSIONED.test(baseName(install.program))) continue;
        if (versionedBefore && /^pip3?$/.test(baseName(install.program))) continue;
        if (hasFlag(cmd, 'target', 't', 'prefix', 'root', 'dry-run')) continue;
        reported.add(run);
        // The build stops at the first one: one finding per stage.
        reportedPep668 = true;
        ctx.report({
          at: cmd,
          message: `\`${install.label}\` into the system Python of ${managed} fails under PEP 668 (\`externally-managed-environment\`): create a virtual environment (\`python3 -m venv /opt/venv\`, \`ENV PATH=/opt/venv/bin:$PATH\`) or use a \`python\` base image`,
        });
      }
    }
  },
});
