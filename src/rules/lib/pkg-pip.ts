/**
 * pip detection shared by DL3013 and DL3042 (hadolint `Shell.isPipInstall`).
 */
import type { ShellCommand } from '../../shell/types.js';
import { hasArg } from '../../shell/query.js';
import { programName } from './programs.js';

/** True when `values` contains `seq` as consecutive elements. */
function hasSequence(values: string[], seq: string[]): boolean {
  for (let i = 0; i + seq.length <= values.length; i++) {
    if (seq.every((s, j) => values[i + j] === s)) return true;
  }
  return false;
}


/**
 * hadolint: a pip install is a command whose name starts with `pip` (not `pipenv`) with an `install`
 * argument, or whose name starts with `python` with the arguments `-m pip install` in a row.
 * `pipx install` counts. Unlike hadolint, the program may be written with its path
 * (`/opt/venv/bin/pip install`, `/usr/bin/python3 -m pip install`): a virtual environment's pip is
 * usually called that way.
 */
export function isPipInstall(cmd: ShellCommand): boolean {
  const name = programName(cmd.name);
  if (name.startsWith('pip') && !name.startsWith('pipenv')) return hasArg(cmd, 'install');
  if (name.startsWith('python')) return hasSequence(cmd.args.map((a) => a.value), ['-m', 'pip', 'install']);
  return false;
}

/** How a pip install is written, for messages: `pip3 install`, `/usr/bin/python3 -m pip install`. */
export function pipInstallLabel(cmd: ShellCommand): string {
  return programName(cmd.name).startsWith('python') ? `${cmd.name} -m pip install` : `${cmd.name} install`;
}

/** hadolint DL3042: `pipx`/`pipenv` (in the name, or `python -m pipx`) manage their own caches. */
export function isPipWrapper(cmd: ShellCommand): boolean {
  const args = cmd.args.map((a) => a.value);
  const name = programName(cmd.name);
  return ['pipx', 'pipenv'].some((w) => name.includes(w) || (name.startsWith('python') && hasSequence(args, ['-m', w])));
}
