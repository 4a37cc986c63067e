import { defineRule } from '../define.js';
import type { ShellWord } from '../../shell/types.js';
import { cmdHasArgs, pinMessage } from '../lib/packages.js';
import { RPM_VALUE_FLAGS, argsExcept, rpmPinned } from '../lib/pkg-rpm.js';

/** DL3033: yum packages must be pinned. */
export default defineRule({
  id: 'DL3033',
  severity: 'warning',
  summary: 'Specify versions with `yum install -y <package>-<version>`',
  origin: 'hadolint',
  category: 'reproducibility',
  fix: 'none',
  docs: {
    description:
      'Reports `yum install` commands (also inside ONBUILD) with a package without a version. The packages are the arguments that are not options, except `install`. A package is pinned when it has a `-` and either ends in `.rpm`, or takes its version from `${VAR}` where VAR is an ARG declared earlier in the file or an ENV visible at the RUN, or has a version part after a `-` that starts with a digit (`tomcat-9.2`, `python3-pip-9.0.3`, `curl-7:7.29.0`). `yum module install` needs `name:stream` for every module.',
    why: 'Without a version yum installs whatever the repositories hold at build time, so rebuilds of one Dockerfile differ and upgrades slip in unannounced. Pin `name-version`.',
    bad: 'FROM rockylinux:9.3\nRUN yum install -y tmux && yum clean all\n',
    good: 'FROM rockylinux:9.3\nRUN yum install -y tmux-3.2a && yum clean all\n',
    differences:
      'The value of an option written as a separate argument (`--installroot /staging`, `--enablerepo epel`, `--setopt x=y`, `-x pkg`) is not taken for a package; hadolint reports it as an unpinned package. shipshape reports the first unpinned package and names all of them.',
  },
  check(ctx) {
    for (const site of ctx.runs()) {
      const unpinned: ShellWord[] = [];
      const modules = new Set<ShellWord>();
      for (const cmd of site.commands) {
        if (!cmdHasArgs(cmd, 'yum', ['install'])) continue;
        const args = argsExcept(cmd, ['install', 'module'], RPM_VALUE_FLAGS);
        if (cmdHasArgs(cmd, 'yum', ['module'])) for (const m of args.filter((a) => !a.value.includes(':'))) {
            unpinned.push(m);
            modules.add(m);
          }
        else unpinned.push(...args.filter((p) => !rpmPinned(ctx, site, p.value)));
      }
      if (unpinned.length === 0) continue;
      ctx.report({
        at: unpinned[0],
        message: pinMessage(unpinned, 'yum install', (w) => (modules.has(w) ? `${w.value}:<stream>` : `${w.value}-<version>`)),
      });
    }
  },
});
