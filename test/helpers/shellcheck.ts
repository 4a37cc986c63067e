/** Whether the `shellcheck` program is installed (the SC findings need it). */
import { spawnSync } from 'node:child_process';

export function shellcheckAvailable(): boolean {
  try {
    return spawnSync('shellcheck', ['--version'], { encoding: 'utf8' }).status === 0;
  } catch {
    return false;
  }
}
