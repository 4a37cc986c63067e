import { defineRule } from '../define.js';
import { packageCommand, runs, type PackageCommand } from '../lib/security.js';

/** What a package command upgrades: `dist` for release/distribution upgrades, `all` for every package. */
function upgradeKind(p: PackageCommand): 'dist' | 'all' | null {
  const verb = p.verb?.value;
  if (!verb) return null;
  const hasFlag = (...names: string[]): boolean => p.eff.args.some((a) => names.includes(a.value));
  switch (p.family) {
    case 'apt':
      if (verb === 'dist-upgrade' || verb === 'full-upgrade') return 'dist';
      if (verb === 'upgrade' || verb === 'safe-upgrade') return p.operands.length === 0 ? 'all' : null;
      return null;
    case 'apk':
      if (verb !== 'upgrade' || p.operands.length > 0) return null;
      return hasFlag('-a', '--available') ? 'dist' : 'all';
    case 'zypper':
      if (verb === 'dist-upgrade' || verb === 'dup') return 'dist';
      if (verb === 'update' || verb === 'up') return p.operands.length === 0 ? 'all' : null;
      return null;
    case 'rpm':
      if (verb === 'distro-sync' || verb === 'system-upgrade' || verb === 'distrosync' || verb === 'dsync') return 'dist';
      if (verb === 'update' || verb === 'upgrade' || verb === 'up') return p.operands.length === 0 ? 'all' : null;
      return null;
  }
}

/** Whole-system upgrades in RUN (Trivy DS024). */
export default defineRule({
  id: 'no-dist-upgrade',
  severity: 'warning',
  summary: 'The whole system is upgraded inside the image',
  origin: 'shipshape',
  category: 'reproducibility',
  aliases: ['DS024', 'DS-0024'],
  fix: 'none',
  docs: {
    description:
      'Reports whole-system upgrades in RUN (also `ONBUILD RUN`, heredoc and exec-form RUN, behind `sudo`/`env`): `apt-get`/`apt`/`aptitude` `dist-upgrade`, `full-upgrade` and `upgrade`, `apk upgrade` without package names, `zypper dist-upgrade`/`dup`/`update`, and `dnf`/`yum`/`microdnf` `distro-sync` or `update`/`upgrade` without package names. Upgrading named packages (`apk upgrade openssl`, `dnf upgrade -y openssl`) is not reported.',
    why: 'A whole-system upgrade makes the image depend on the day it was built: the same Dockerfile gives different package sets, and `dist-upgrade` may even remove packages or move the base image to another release behind your back. Essential packages of the base image often cannot be upgraded properly in an unprivileged build. Use a newer, patched base image tag instead (rebuild when it is updated), and upgrade only the specific packages you need.',
    bad: 'FROM debian:12\nRUN apt-get update && apt-get dist-upgrade -y\n',
    good: 'FROM debian:12.7\nRUN apt-get update \\\n && apt-get install -y --no-install-recommends --only-upgrade openssl \\\n && rm -rf /var/lib/apt/lists/*\n',
    differences:
      'Trivy DS024 reports only `apt-get dist-upgrade`; hadolint removed its DL3005 (`apt-get upgrade`). shipshape reports every whole-system upgrade (as dockerfilelint and dockerlinter do), because all of them make the image depend on the build date; targeted upgrades of named packages stay allowed.',
  },
  check(ctx) {
    for (const { owner, commands } of runs(ctx)) {
      for (const cmd of commands) {
        const p = packageCommand(cmd);
        if (!p || !p.verb) continue;
        const kind = upgradeKind(p);
        if (!kind) continue;
        const what = `${p.tool} ${p.verb.value}`;
        ctx.report({
          instruction: owner,
          range: { start: p.eff.nameWord.range.start, end: p.verb.range.end },
          message:
            kind === 'dist'
              ? `\`${what}\` upgrades the whole distribution inside the image (it may remove packages or switch releases): use a newer base image tag instead`
              : `\`${what}\` upgrades every package inside the image, so the result depends on the build date: use a newer base image tag, or upgrade only the packages you need`,
        });
      }
    }
  },
});
