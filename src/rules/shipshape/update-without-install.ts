import { defineRule } from '../define.js';
import type { ShellCommand } from '../../shell/types.js';
import { effectiveCommand } from '../../shell/wrappers.js';
import { packageCommand, type PackageFamily } from '../lib/packages.js';

/** Verbs that refresh the package index, per family. */
const UPDATE: Record<PackageFamily, Set<string>> = {
  apt: new Set(['update']),
  apk: new Set(['update']),
  zypper: new Set(['refresh', 'ref']),
  rpm: new Set(['makecache']),
};

/** Verbs that use the index to install or upgrade packages, per family. */
const INSTALL: Record<PackageFamily, Set<string>> = {
  apt: new Set(['install', 'upgrade', 'dist-upgrade', 'full-upgrade', 'reinstall', 'build-dep', 'source', 'satisfy', 'download']),
  apk: new Set(['add', 'upgrade', 'fix', 'fetch']),
  zypper: new Set(['install', 'in', 'update', 'up', 'dist-upgrade', 'dup', 'patch', 'source-install', 'si', 'install-new-recommends', 'inr']),
  rpm: new Set(['install', 'in', 'update', 'upgrade', 'up', 'reinstall', 'groupinstall', 'localinstall', 'groupupdate', 'distro-sync', 'builddep', 'group', 'module', 'downgrade', 'download']),
};

/** Commands that delete the downloaded index again (`rm -rf /var/lib/apt/lists/*`, `apt-get dist-clean`). */
const INDEX_DIRS: Record<PackageFamily, RegExp> = {
  apt: /^\/var\/lib\/apt\/lists/,
  apk: /^\/var\/cache\/apk/,
  zypper: /^\/var\/cache\/zypp/,
  rpm: /^\/var\/cache\/(dnf|yum)/,
};

function removesIndex(family: PackageFamily, cmd: ShellCommand): boolean {
  const p = packageCommand(cmd);
  if (p && p.family === family && p.verb) {
    const v = p.verb.value;
    if (family === 'apt' && (v === 'dist-clean' || v === 'distclean')) return true;
    if (family === 'zypper' && (v === 'clean' || v === 'cc') && p.operands.length === 0) return true;
    if (family === 'rpm' && v === 'clean' && p.operands.some((o) => o.value === 'all' || o.value === 'metadata')) return true;
  }
  const eff = effectiveCommand(cmd);
  return eff.name === 'rm' && eff.args.some((a) => INDEX_DIRS[family].test(a.value));
}

/** A package index update in a RUN that installs nothing afterwards (Trivy DS017). */
export default defineRule({
  id: 'update-without-install',
  severity: 'warning',
  summary: 'Package index updated without installing in the same RUN',
  origin: 'shipshape',
  category: 'reproducibility',
  aliases: ['DS017', 'DS-0017'],
  fix: 'none',
  docs: {
    description:
      'Reports a package index refresh — `apt-get update` (also `apt`, `aptitude`), `apk update`, `zypper refresh`, `dnf`/`yum`/`microdnf makecache` — in a RUN (also `ONBUILD RUN`, heredoc and exec-form RUN) where no later command of the same package manager installs or upgrades anything (`install`, `upgrade`, `dist-upgrade`, `add`, `in`, ...). Commands behind `sudo` or `env` count. An update whose index is deleted again later in the same RUN (`rm -rf /var/lib/apt/lists/*`, `apt-get dist-clean`, `dnf clean all`) leaves nothing stale behind and is not reported.',
    why: 'Docker caches each RUN as a layer. When the index update sits alone in its own RUN, later builds reuse the cached, stale index while the install in the next RUN changes: packages that no longer exist fail to download, and security updates are missed. Update and install in the same RUN (`apt-get update && apt-get install -y ...`), or use `apk add --no-cache`, which fetches a fresh index itself.',
    bad: 'FROM debian:12-slim\nRUN apt-get update\nRUN apt-get install -y --no-install-recommends curl\n',
    good: 'FROM debian:12-slim\nRUN apt-get update \\\n && apt-get install -y --no-install-recommends curl \\\n && rm -rf /var/lib/apt/lists/*\n',
    differences:
      'Trivy DS017 also reports `yum update`, `dnf update` and `zypper update` alone. For those tools `update` installs the newest versions of the installed packages (it is an upgrade, not an index refresh), so shipshape does not report it; their index refreshes are `makecache` and `zypper refresh`, which it does report. Trivy also reports an update whose index is deleted in the same RUN (for example a final `apt-get update` that checks the sources still work, followed by `apt-get dist-clean`).',
  },
  check(ctx) {
    for (const { reportOn: owner, commands } of ctx.runs()) {
      const pm = commands.map((c) => packageCommand(c));
      pm.forEach((p, i) => {
        if (!p || !p.verb || !UPDATE[p.family].has(p.verb.value)) return;
        const installed = pm.slice(i + 1).some((q) => q && q.family === p.family && q.verb && INSTALL[q.family].has(q.verb.value));
        if (installed) return;
        // Updated and deleted again in the same RUN: no index is left in the layer to go stale.
        if (commands.slice(i + 1).some((c) => removesIndex(p.family, c))) return;
        ctx.report({
          instruction: owner,
          range: { start: p.eff.nameWord.range.start, end: p.verb.range.end },
          message: `\`${p.tool} ${p.verb.value}\` refreshes the package index but nothing is installed after it in this RUN: the cached index goes stale; update and install in the same RUN`,
        });
      });
    }
  },
});
