import { defineRule } from '../define.js';
import { packageCommand, type PackageCommand } from '../lib/packages.js';

/** True when a package command upgrades the distribution itself (may switch releases or remove packages). */
function isDistUpgrade(p: PackageCommand): boolean {
  const verb = p.verb?.value;
  if (!verb) return false;
  switch (p.family) {
    case 'apt':
      return verb === 'dist-upgrade' || verb === 'full-upgrade';
    case 'apk':
      return verb === 'upgrade' && p.operands.length === 0 && p.eff.args.some((a) => a.value === '-a' || a.value === '--available');
    case 'zypper':
      return verb === 'dist-upgrade' || verb === 'dup';
    case 'rpm':
      return verb === 'distro-sync' || verb === 'distrosync' || verb === 'dsync' || verb === 'system-upgrade';
  }
}

/** Distribution upgrades in RUN (Trivy DS024). */
export default defineRule({
  id: 'no-dist-upgrade',
  severity: 'warning',
  summary: 'The distribution is upgraded inside the image',
  origin: 'shipshape',
  category: 'reproducibility',
  aliases: ['DS024', 'DS-0024'],
  fix: 'none',
  docs: {
    description:
      'Reports distribution upgrades in RUN (also `ONBUILD RUN`, heredoc and exec-form RUN, behind `sudo`/`env`): `apt-get`/`apt`/`aptitude` `dist-upgrade` and `full-upgrade`, `zypper dist-upgrade`/`dup`, `dnf`/`yum`/`microdnf` `distro-sync` and `system-upgrade`, and `apk upgrade --available` without package names. Plain upgrades of the installed packages within the release (`apt-get upgrade`, `apk upgrade`, `dnf update`) are not reported.',
    why: 'A distribution upgrade may remove packages, install new ones and move the image to packages of another release than its base image tag says, depending on the day of the build: the same Dockerfile gives different systems, and essential packages of the base image often cannot be upgraded properly in an unprivileged build. Use a newer base image tag (rebuild when it is updated) instead; upgrading the installed packages of the same release (`apt-get upgrade`) stays possible for security fixes.',
    bad: 'FROM debian:12\nRUN apt-get update && apt-get dist-upgrade -y\n',
    good: 'FROM debian:12.7\nRUN apt-get update \\\n && apt-get upgrade -y \\\n && rm -rf /var/lib/apt/lists/*\n',
    differences:
      'Trivy DS024 reports only `apt-get dist-upgrade`; shipshape reports the distribution upgrades of apt, zypper, dnf/yum and apk alike. Like Trivy (and unlike dockerfilelint\'s `apt-get-upgrade`), plain package upgrades are not reported: official images such as MariaDB\'s run `microdnf update` on purpose to pick up security fixes, and hadolint removed its `apt-get upgrade` rule (DL3005).',
  },
  check(ctx) {
    for (const { reportOn: owner, commands } of ctx.runs()) {
      for (const cmd of commands) {
        const p = packageCommand(cmd);
        if (!p || !p.verb || !isDistUpgrade(p)) continue;
        const what = `${p.tool} ${p.verb.value}`;
        ctx.report({
          instruction: owner,
          range: { start: p.eff.nameWord.range.start, end: p.verb.range.end },
          message: `\`${what}\` upgrades the distribution inside the image (it may remove packages or switch releases): use a newer base image tag instead`,
        });
      }
    }
  },
});
