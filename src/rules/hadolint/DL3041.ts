import { defineRule } from '../define.js';
import type { ShellWord } from '../../shell/types.js';
import { cmdHasArgs, pinMessage } from '../lib/packages.js';
import { RPM_VALUE_FLAGS, argsExcept, rpmPinned } from '../lib/pkg-rpm.js';

const DNF = ['dnf', 'microdnf'];

/** DL3041: dnf packages must be pinned. */
export default defineRule({
  id: 'DL3041',
  severity: 'warning',
  summary: 'Specify versions with `dnf install -y <package>-<version>`',
  origin: 'hadolint',
  category: 'reproducibility',
  fix: 'none',
  docs: {
    description:
      'Reports `dnf install` and `microdnf install` commands (also inside ONBUILD) with a package without a version, read as DL3033 reads yum packages: pinned when the package has a `-` and either ends in `.rpm`, uses `${VAR}` for an ARG declared earlier or an ENV visible at the RUN, or has a version part starting with a digit (`htop-3.3.0`). Group installs (`dnf group install`) are not checked; `dnf module install` needs `name:stream`.',
    why: 'Without a version dnf installs whatever the repositories hold at build time, so rebuilds of one Dockerfile differ and upgrades slip in unannounced. Pin `name-version`.',
    bad: 'FROM fedora:40\nRUN dnf install -y htop && dnf clean all\n',
    good: 'FROM fedora:40\nRUN dnf install -y htop-3.3.0 && dnf clean all\n',
    differences:
      'The value of an option written as a separate argument (`--installroot /staging`, `--enablerepo epel`, `--releasever 9`, `-x pkg`) is not taken for a package; hadolint reports it as an unpinned package (for example the `/staging` install root of the .NET images). shipshape reports the first unpinned package and names all of them.',
  },
  check(ctx) {
    for (const site of ctx.runs()) {
      const unpinned: ShellWord[] = [];
      const modules = new Set<ShellWord>();
      const tools = new Set<string>();
      for (const cmd of site.commands) {
        if (!cmdHasArgs(cmd, DNF, ['install'])) continue;
        const before = unpinned.length;
        const args = argsExcept(cmd, ['install', 'module'], RPM_VALUE_FLAGS);
        if (cmdHasArgs(cmd, DNF, ['module'])) for (const m of args.filter((a) => !a.value.includes(':'))) {
            unpinned.push(m);
            modules.add(m);
          }
        else if (!cmdHasArgs(cmd, DNF, ['group'])) unpinned.push(...args.filter((p) => !rpmPinned(ctx, site, p.value)));
        if (unpinned.length > before) tools.add(cmd.name);
      }
      if (unpinned.length === 0) continue;
      ctx.report({
        at: unpinned[0],
        message: pinMessage(unpinned, `${[...tools].join('/')} install`, (w) => (modules.has(w) ? `${w.value}:<stream>` : `${w.value}-<version>`)),
      });
    }
  },
});
