import { defineRule } from '../define.js';
import type { ShellWord } from '../../shell/types.js';
import { cmdHasArgs, pinMessage } from '../lib/packages.js';
import { ZYPPER_VALUE_FLAGS, argsExcept } from '../lib/pkg-rpm.js';

/** DL3037: zypper packages must be pinned. */
export default defineRule({
  id: 'DL3037',
  severity: 'warning',
  summary: 'Specify versions with `zypper install -y <package>=<version>`',
  origin: 'hadolint',
  category: 'reproducibility',
  fix: 'none',
  docs: {
    description:
      'Reports `zypper install` (or `in`) commands (also inside ONBUILD) with a package without a version. The packages are the arguments that are not options, except `install`/`in`. A package is pinned when it contains `=`, `>` or `<` (`git=2.43.0`, `git\\>=2.40`, `"git<2.50"`) or is an `.rpm` file.',
    why: 'Without a version zypper installs whatever the repositories hold at build time, so rebuilds of the same Dockerfile differ and upgrades arrive unannounced. Pin each package.',
    bad: 'FROM opensuse/leap:15.6\nRUN zypper install -y git && zypper clean\n',
    good: 'FROM opensuse/leap:15.6\nRUN zypper install -y git=2.43.0 && zypper clean\n',
    differences:
      'The value of an option written as a separate argument (`--repo oss`, `--from oss`, `-t pattern`, `--root /mnt`) is not taken for a package; hadolint reports it as an unpinned package. shipshape reports the first unpinned package and names all of them.',
  },
  check(ctx) {
    for (const site of ctx.runs()) {
      const unpinned: ShellWord[] = [];
      for (const cmd of site.commands) {
        if (!cmdHasArgs(cmd, 'zypper', ['install', 'in'])) continue;
        unpinned.push(...argsExcept(cmd, ['install', 'in'], ZYPPER_VALUE_FLAGS).filter((p) => !/[=<>]/.test(p.value) && !p.value.endsWith('.rpm')));
      }
      if (unpinned.length === 0) continue;
      ctx.report({
        at: unpinned[0],
        message: pinMessage(unpinned, 'zypper install', (w) => `${w.value}=<version>`),
      });
    }
  },
});
