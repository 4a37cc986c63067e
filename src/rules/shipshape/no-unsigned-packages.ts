import { defineRule } from '../define.js';
import type { Instruction } from '../../parse/types.js';
import type { RuleContext } from '../../engine/types.js';
import type { ShellWord } from '../../shell/types.js';
import { effectiveCommand } from '../../shell/wrappers.js';
import { operandWords } from '../../shell/query.js';
import { withOnbuild } from '../lib/hadolint.js';
import { writtenTexts, reportOncePerPlace } from '../lib/settings.js';

const APT = new Set(['apt-get', 'apt', 'aptitude']);
const RPM_PM = new Set(['yum', 'dnf', 'dnf5', 'microdnf', 'tdnf', 'yum-config-manager']);

/** Flags that switch signature or digest checks off, per tool. */
const FLAGS: { tools: (name: string) => boolean; flags: string[]; what: string }[] = [
  { tools: (n) => n === 'apk', flags: ['allow-untrusted'], what: 'installs packages whose signature is missing or untrusted' },
  { tools: (n) => APT.has(n), flags: ['allow-unauthenticated', 'allow-insecure-repositories', 'force-yes'], what: 'installs packages that apt could not authenticate' },
  { tools: (n) => RPM_PM.has(n), flags: ['nogpgcheck', 'no-gpgchecks'], what: 'skips the GPG signature check of packages' },
  { tools: (n) => n === 'zypper', flags: ['no-gpg-checks', 'no-gpgcheck', 'G'], what: 'skips the GPG signature check of packages and repositories' },
  { tools: (n) => n === 'rpm', flags: ['nosignature', 'nodigest', 'noverify', 'nofiledigest'], what: 'installs packages without checking their signature or digests' },
  { tools: (n) => n === 'dpkg', flags: ['force-bad-verify'], what: 'installs packages whose signature check failed' },
];

/** Configuration text (in any command argument or a COPY heredoc) that switches the checks off. */
const CONFIG: { re: RegExp; what: string }[] = [
  { re: /APT::Get::AllowUnauthenticated["'\s=]+(true|1|yes)\b/i, what: '`APT::Get::AllowUnauthenticated` lets apt install unauthenticated packages' },
  { re: /Acquire::AllowInsecureRepositories["'\s=]+(true|1|yes)\b/i, what: '`Acquire::AllowInsecureRepositories` lets apt use unsigned repositories' },
  { re: /\[[^\]\n]*\b(trusted|allow-insecure|allow-weak)=yes\b[^\]\n]*\](?!\s*["']?(file|copy|cdrom):)/i, what: 'an apt source marked `trusted=yes` is used without checking its signature' },
  { re: /(^|[^\w])gpgcheck\s*=\s*["']?(0|false|no)\b/i, what: '`gpgcheck=0` makes yum/dnf install packages without checking their signature' },
];

/**
 * Directories holding packages built by this Dockerfile: targets of `RUN --mount=type=bind,from=<stage>`
 * and destinations of earlier `COPY --from=<stage>` in the same stage.
 */
function builtPackageDirs(ctx: RuleContext, run: Instruction, copied: CopiedDirs): string[] {
  const dirs: string[] = [];
  for (const m of ctx.facts(run).mounts) {
    if (m.type === 'bind' && 'from' in m.options && m.target) dirs.push(m.target);
  }
  for (const item of copied.before(ctx, run)) dirs.push(item);
  return dirs.map((d) => d.replace(/\/+$/, '') + '/');
}

/**
 * Absolute destinations of `COPY --from` per stage, in order, computed once per file: the ones before
 * a RUN are a prefix (linear in the file, not in RUNs times instructions).
 */
class CopiedDirs {
  private readonly byStage = new Map<number, { index: number; dest: string }[]>();
  before(ctx: RuleContext, run: Instruction): string[] {
    let list = this.byStage.get(run.stageIndex);
    if (!list) {
      list = [];
      for (const i of ctx.file.stages[run.stageIndex]?.instructions ?? []) {
        if (i.keyword !== 'COPY' || !i.flags.some((f) => f.name === 'from')) continue;
        const dest = ctx.facts(i).copy!.asWritten.dest;
        if (dest && dest.value.startsWith('/')) list.push({ index: i.index, dest: dest.value });
      }
      this.byStage.set(run.stageIndex, list);
    }
    const out: string[] = [];
    for (const c of list) {
      if (c.index >= run.index) break;
      out.push(c.dest);
    }
    return out;
  }
}

/** True when every package file the command installs comes from a directory of built packages. */
function installsBuiltPackages(args: ShellWord[], dirs: string[]): boolean {
  if (dirs.length === 0) return false;
  const files = operandWords(args).map((w) => w.value).filter((v) => v.includes('/') || /\.(apk|rpm|deb)$/.test(v));
  if (files.length === 0 || files.some((f) => /^[a-z][a-z0-9+.-]*:\/\//i.test(f))) return false;
  return files.every((f) => dirs.some((d) => f.startsWith(d)));
}

/** Package signature or digest checks switched off (Checkov CKV2_DOCKER_7–11). */
export default defineRule({
  id: 'no-unsigned-packages',
  severity: 'warning',
  summary: 'Package signature checks are switched off',
  origin: 'shipshape',
  category: 'security',
  aliases: ['CKV2_DOCKER_7', 'CKV2_DOCKER_8', 'CKV2_DOCKER_9', 'CKV2_DOCKER_10', 'CKV2_DOCKER_11'],
  fix: 'none',
  docs: {
    description:
      'Reports package installs told to skip signature checks, in RUN (also `ONBUILD RUN`, heredoc and exec-form RUN, behind `sudo`/`env`): `apk --allow-untrusted`; `apt-get`/`apt`/`aptitude` `--allow-unauthenticated`, `--allow-insecure-repositories` and `--force-yes`; `-o APT::Get::AllowUnauthenticated=true` and `Acquire::AllowInsecureRepositories=true` (also written into apt configuration by `echo`); apt sources written with `[trusted=yes]` (local `file:`/`copy:` repositories excepted: nothing is downloaded); `yum`/`dnf`/`microdnf`/`tdnf` `--nogpgcheck` and `gpgcheck=0` (`--setopt=gpgcheck=0` or written into a `.repo` file, also by a COPY heredoc); `zypper --no-gpg-checks`; `rpm --nosignature`, `--nodigest`, `--noverify`, `--nofiledigest`; `dpkg --force-bad-verify`. Package files built by the Dockerfile itself — under a `RUN --mount=type=bind,from=<stage>` target or copied with `COPY --from=<stage>` — are not reported: they were never downloaded.',
    why: 'Package signatures are what proves a package comes from the distribution or vendor and was not altered on a mirror, a proxy or in transit. With the check off, the build installs whatever it is served, as root, into the image. If a repository\'s key is missing, add it (`curl -fsSL <key> | gpg --dearmor -o /usr/share/keyrings/x.gpg` and `signed-by=` in the source line, `rpm --import`, `apk` keys in `/etc/apk/keys`) instead of switching verification off. `--force-yes` is deprecated and also accepts unauthenticated packages; `-y` is what you want.',
    bad: 'FROM debian:12-slim\nRUN apt-get update && apt-get install -y --allow-unauthenticated vendor-tool\n',
    good: 'FROM debian:12-slim\nCOPY vendor.gpg /usr/share/keyrings/vendor.gpg\nRUN echo "deb [signed-by=/usr/share/keyrings/vendor.gpg] https://apt.vendor.example stable main" > /etc/apt/sources.list.d/vendor.list \\\n && apt-get update && apt-get install -y --no-install-recommends vendor-tool && rm -rf /var/lib/apt/lists/*\n',
    differences:
      'Checkov\'s CKV2_DOCKER_7–11 match flags in the RUN text; shipshape reads the commands (so `echo "--force-yes"` is not reported) and also reports the equivalent apt and yum configuration settings and `[trusted=yes]` sources.',
  },
  check(ctx) {
    const report = reportOncePerPlace(ctx);
    const copied = new CopiedDirs();
    for (const { run, reportOn: owner, commands } of ctx.runs()) {
      let builtDirs: string[] | null = null;
      const built = (): string[] => (builtDirs ??= builtPackageDirs(ctx, run, copied));
      for (const cmd of commands) {
        const eff = effectiveCommand(cmd);
        for (const group of FLAGS) {
          if (!group.tools(eff.name)) continue;
          if (installsBuiltPackages(eff.args, built())) continue;
          for (const f of eff.flags) {
            if (!group.flags.includes(f.name)) continue;
            if (f.name === 'G' && eff.args.every((a) => !/^(addrepo|ar)$/.test(a.value))) continue;
            const word = eff.args[f.argIndex];
            report(owner, { range: word.range, message: `\`${eff.name} ${word.value}\` ${group.what}: remove it, and install the repository's signing key instead` });
          }
        }
        for (const { word: arg, text } of writtenTexts(eff)) {
          const c = CONFIG.find((x) => x.re.test(text));
          if (c) report(owner, { range: arg.range, message: `${c.what}: remove the setting, and install the repository's signing key instead` });
        }
      }
    }
    for (const { instr, wrapper } of withOnbuild(ctx.file, true)) {
      if (instr.keyword !== 'COPY' && instr.keyword !== 'ADD') continue;
      for (const h of instr.heredocs) {
        const c = CONFIG.find((x) => x.re.test(h.content));
        if (c) report(wrapper ?? instr, { range: h.contentRange, message: `The file written by this ${instr.keyword}: ${c.what}; remove the setting, and install the repository's signing key instead` });
      }
    }
  },
});
