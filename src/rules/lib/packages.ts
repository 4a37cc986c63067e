/**
 * Knowledge about package managers shared by their rules (hadolint DL3008–DL3062): which cache
 * directories a `--mount` keeps out of the layer, package lists, the stage logic of DL3009/DL3060, pin
 * checks through variables, messages, and package-manager calls seen through wrappers
 * ({@link packageCommand}, for shipshape's package rules).
 *
 * Semantics follow reference/hadolint-rules.md §0.1: a command's name is its literal first word,
 * "has arg X" means any argument equals X exactly, flags are read as hadolint reads them.
 */
import type { RuleContext } from '../../engine/types.js';
import type { Mount, RunFacts } from '../../engine/facts.js';
import type { Dockerfile, Instruction, Range, Stage } from '../../parse/types.js';
import type { ShellCommand, ShellWord } from '../../shell/types.js';
import { flagValues, hasArg, operandWords, positionalArgs, subcommand } from '../../shell/query.js';
import { effectiveCommand, type EffectiveCommand } from '../../shell/wrappers.js';
import { programName } from './programs.js';

/** True when `cmd` is named one of `names` and has any of `args` as an argument (hadolint `cmdHasArgs`). */
export function cmdHasArgs(cmd: ShellCommand, names: string | string[], args: string[]): boolean {
  const list = Array.isArray(names) ? names : [names];
  return list.includes(cmd.name) && hasArg(cmd, ...args);
}

/** The first argument word whose value is one of `values`. */
export function argWord(cmd: ShellCommand, ...values: string[]): ShellWord | undefined {
  return cmd.args.find((a) => values.includes(a.value));
}

/** The word that names the command (after wrappers such as `exec`). */
export function nameWord(cmd: ShellCommand): ShellWord {
  return cmd.words[cmd.words.length - cmd.args.length - 1] ?? cmd.words[0];
}

// ---------------------------------------------------------------------------------------------
// RUN --mount

/** True when one of the RUN's mounts is a `cache` or `tmpfs` mount whose target contains `dir`. */
export function hasCacheMount(mounts: readonly Mount[], dir: string): boolean {
  return mounts.some((m) => (m.type === 'cache' || m.type === 'tmpfs') && m.target !== null && m.target.includes(dir));
}

// ---------------------------------------------------------------------------------------------
// Stages (DL3009, DL3060)

/** hadolint's image name of a FROM word: without digest, tag and a registry part containing a `.`. */
function imageNameOf(word: string): string {
  let name = word.replace(/@.*$/, '');
  const slash = name.lastIndexOf('/');
  const colon = name.lastIndexOf(':');
  if (colon > slash) name = name.slice(0, colon);
  const first = name.indexOf('/');
  if (first !== -1 && name.slice(0, first).includes('.')) name = name.slice(first + 1);
  return name;
}

function fromImageWord(stage: Stage): string {
  return stage.from.argsAfterFlags.text.trim().split(/\s+/)[0] ?? '';
}

/**
 * hadolint's DL3009/DL3060 stage filter: offenders count only in the final stage, in any stage whose
 * FROM is written the same as the final FROM (image, tag, digest, alias, platform), and in stages whose
 * alias is used as the image of some FROM. The final stage is the fact model's (`ctx.stage(s).final`:
 * the last stage, or the `--target` stage); with a target, stages the build does not reach
 * (`ctx.stage(s).built` false) are left out. Returns the stage indexes whose offenders are reported.
 */
export function reportedStages(ctx: RuleContext): Set<number> {
  const file = ctx.file;
  const out = new Set<number>();
  const final = file.stages.find((s) => ctx.stage(s).final);
  if (!final) return out;
  const targeted = final !== file.stages[file.stages.length - 1];
  const key = (s: Stage): string => `${s.platform ?? ''}\u0000${fromImageWord(s)}\u0000${s.name ?? ''}`;
  const last = key(final);
  const images = new Set(file.stages.map((s) => imageNameOf(fromImageWord(s))));
  for (const s of file.stages) {
    if (targeted && !ctx.stage(s).built) continue;
    if (key(s) === last || (s.name !== null && images.has(s.name))) out.add(s.index);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Variables (DL3033, DL3041)

/** Names referenced as `${NAME}` in a normalised shell word value. */
export function referencedVariables(value: string): string[] {
  const out: string[] = [];
  for (const m of value.matchAll(/\$\{([A-Za-z_][A-Za-z0-9_]*)/g)) out.push(m[1]);
  return out;
}

/**
 * hadolint DL3033/DL3041: a variable counts as a known version when it is an ARG declared anywhere
 * earlier in the file (any stage, or a global ARG), or an ENV visible at the RUN (its stage, or inherited
 * through `FROM <stage>`).
 */
export function knownVersionVariable(ctx: RuleContext, site: RunFacts, name: string): boolean {
  for (const instr of ctx.file.instructions) {
    if (instr.index >= site.reportOn.index) break;
    const target = instr.keyword === 'ONBUILD' ? instr.onbuild : instr;
    if (target?.keyword === 'ARG' && target.pairs.some((p) => p.key === name)) return true;
  }
  const v = ctx.scope(site.reportOn).get(name);
  return v !== undefined && v.kind === 'env' && v.instruction !== null;
}

/**
 * True when `word` is exactly one shell variable (`$pkgs`, `"${pkgs}"`) that the RUN script itself
 * assigns exactly once with a literal value (`pkgs=" nginx=${V}-r1 njs=${V}.1 "`) whose every word
 * passes `pinned`: the official nginx images install their pinned package list this way. A variable
 * from ARG/ENV, or assigned from a command, is not resolved (false).
 */
export function pinnedShellVariable(ctx: RuleContext, run: Instruction, word: ShellWord, pinned: (pkg: string) => boolean): boolean {
  const m = /^\$\{([A-Za-z_][A-Za-z0-9_]*)\}$/.exec(word.value);
  const text = m ? ctx.shell(run)?.source.text : undefined;
  if (!m || !text) return false;
  const assignments = [...text.matchAll(new RegExp(`(?:^|[\\s;&|(])${m[1]}=("([^"$\`]*(?:\\$\\{?[A-Za-z_][A-Za-z0-9_]*\\}?[^"$\`]*)*)"|'([^']*)')`, 'g'))];
  if (assignments.length !== 1) return false;
  const value = assignments[0][2] ?? assignments[0][3] ?? '';
  const pkgs = value.split(/\s+/).filter((w) => w !== '' && w !== '\\');
  return pkgs.length > 0 && pkgs.every(pinned);
}

// ---------------------------------------------------------------------------------------------
// Messages

/** `a`, `b` and `c` — at most `max` names, then "and N more". */
function nameList(names: string[], max = 3): string {
  const q = names.map((n) => `\`${n}\``);
  if (q.length <= max) return q.length <= 1 ? q.join('') : `${q.slice(0, -1).join(', ')} and ${q[q.length - 1]}`;
  return `${q.slice(0, max).join(', ')} and ${q.length - max} more`;
}


/**
 * The message of the pinning rules: names the unpinned packages and shows the pinned form of the
 * first one written literally (`curl=<version>`), else of one with a variable in its name
 * (`postgresql-client-${PG}=<version>`); packages given only through whole variables (`$PKGS`) get a
 * hint to pin inside the variable's value.
 */
export function pinMessage(words: ShellWord[], where: string, example: (word: ShellWord) => string, extra = ''): string {
  // A word that is only a variable (`$PKGS`) holds whole package specs: pin inside its value. A variable
  // that is part of a name (`postgresql-client-$PG`) is not a list: the version goes after the word.
  const onlyVariable = (w: ShellWord): boolean => /^(\$\{[A-Za-z_][A-Za-z0-9_]*\}|\$\(.*\))$/s.test(w.value);
  const literal = words.find((w) => !w.dynamic) ?? words.find((w) => !onlyVariable(w));
  const hint = literal ? `write \`${example(literal)}\`${extra}` : `pin the versions in the variable's value${extra}`;
  // A word with a variable is named as written (`$RUN_DEPS`, not the normalised `${RUN_DEPS}`).
  return `Pin the version of ${nameList(words.map((w) => (w.dynamic ? w.raw : w.value)))} in ${where} (${hint})`;
}

/**
 * The message for a RUN whose first cleanup comes before its first install (DL3032, DL3040: hadolint
 * looks at the first cleanup only, and any `rm -rf` counts as one). Says what actually happened:
 * an unrelated `rm -rf` before the install, with or without the tool's own clean after it.
 */
export function earlyCleanMessage(cmds: readonly ShellCommand[], early: ShellCommand, install: ShellCommand, tool: string, verb: string, rule: string): string {
  const installText = `\`${tool} ${verb}\``;
  const cleanText = `\`${tool} clean all\``;
  if (early.name === 'rm') {
    const where = `\`rm -rf\` on line ${early.range.start.line}`;
    const late = cmds.find((c) => c.index > install.index && cmdHasArgs(c, tool, ['clean', 'all']));
    if (late) {
      return `${cleanText} comes after ${installText}, but ${rule} (like hadolint) judges the first cleanup of the RUN, which is the ${where}, before the install: move that \`rm\` after the install, or ignore ${rule} for this RUN`;
    }
    return `Run ${cleanText} after ${installText}: the only cleanup, the ${where}, comes before it, so the package cache stays in the layer`;
  }
  return `Run ${cleanText} after ${installText}, not before it, so that the package cache does not stay in the layer`;
}

/** Package-manager families whose commands share an index. */
export type PackageFamily = 'apt' | 'apk' | 'zypper' | 'rpm';

const FAMILY: Record<string, PackageFamily> = {
  'apt-get': 'apt', apt: 'apt', aptitude: 'apt',
  apk: 'apk',
  zypper: 'zypper',
  yum: 'rpm', dnf: 'rpm', dnf5: 'rpm', microdnf: 'rpm', tdnf: 'rpm',
};

/** Options of the package managers that take a separate value (`apt-get -o X=Y update`). */
const PM_VALUE_FLAGS = [
  '-o', '-c', '-t', '--option', '--config-file', '--target-release', '--default-release',
  '-X', '--repository', '-p', '--root', '--virtual', '--arch', '--cache-dir', '--keys-dir', '--repositories-file',
  '-r', '--repo', '-R', '--releasever', '--installroot', '--setopt', '--enablerepo', '--disablerepo', '-x', '--exclude',
];

/** A package-manager command: its family, verb (first positional argument) and the remaining arguments. */
export interface PackageCommand {
  family: PackageFamily;
  /** Program name (`apt-get`, `dnf`). */
  tool: string;
  verb: ShellWord | null;
  /** Positional arguments after the verb (packages). */
  operands: ShellWord[];
  eff: EffectiveCommand;
}

/** Reads a command as a package-manager call, or null when it is not one. */
export function packageCommand(cmd: ShellCommand): PackageCommand | null {
  const eff = effectiveCommand(cmd);
  const family = FAMILY[eff.name];
  if (!family) return null;
  const pos = operandWords(eff.args, PM_VALUE_FLAGS);
  return { family, tool: eff.name, verb: pos[0] ?? null, operands: pos.slice(1), eff };
}

/**
 * The package name of an install or remove word, as written but without version, release, repository
 * tag or architecture: `libpq-dev=15.8-0` → `libpq-dev`, `gcc~12` → `gcc`, `curl/bookworm-backports`
 * → `curl` (apt's `pkg/release`), `py3-foo@testing` → `py3-foo` (apk's repository tag), `libc6:i386` →
 * `libc6` (apt's architecture). The one package-name reader of the rules.
 */
export function packageName(word: string): string {
  return word.replace(/[=~<>].*$/, '').replace(/@[\w.-]+$/, '').replace(/\/[\w.-]+$/, '').replace(/:[a-z0-9]+$/, '');
}

const APT_TOOLS = new Set(['apt-get', 'apt', 'aptitude']);
const RPM_TOOLS = new Set(['yum', 'dnf', 'microdnf', 'tdnf', 'zypper']);

/** Options of each manager's install command that take a separate value (`-t bookworm-backports`, `--virtual .build-deps`). */
const INSTALL_VALUE_FLAGS = {
  apt: ['o', 'option', 't', 'target-release', 'c', 'config-file'],
  apk: ['t', 'virtual', 'X', 'repository', 'p', 'root'],
  rpm: ['c', 'config', 'setopt', 'enablerepo', 'disablerepo', 'repo', 'releasever', 'installroot', 'x', 'exclude'],
};

/** What one OS package-manager command installs (see {@link osPackages}). */
interface OsPackages {
  manager: 'apt' | 'apk' | 'rpm';
  /** The package words as written (versions, paths and URLs included; flags and their values left out). */
  words: ShellWord[];
  /** apk's `--virtual`/`-t` group name, which `apk del NAME` removes with its packages; null otherwise. */
  virtual: string | null;
}

/**
 * The packages an OS package-manager command installs: `apt-get`/`apt`/`aptitude install`, `apk add`,
 * `dnf`/`yum`/`microdnf`/`tdnf install` and `zypper install`/`in` (the program may be written with its
 * path). Null for any other command. The one install-word reader of the rules (hadolint's pinning rules
 * read `packageCommand`, which also looks through `sudo` and similar wrappers, as hadolint does).
 */
export function osPackages(cmd: ShellCommand): OsPackages | null {
  const name = programName(cmd.name);
  const manager = APT_TOOLS.has(name) ? 'apt' : name === 'apk' ? 'apk' : RPM_TOOLS.has(name) ? 'rpm' : null;
  if (!manager) return null;
  const pos = positionalArgs(cmd, { valueFlags: INSTALL_VALUE_FLAGS[manager] });
  const sub = pos[0]?.value;
  if (manager === 'apk' ? sub !== 'add' : sub !== 'install' && !(name === 'zypper' && sub === 'in')) return null;
  const virtual = manager === 'apk' ? (flagValues(cmd, 'virtual')[0] ?? flagValues(cmd, 't')[0] ?? null) : null;
  return { manager, words: pos.slice(1), virtual };
}

/**
 * The package names a RUN's commands remove (apt `purge`/`remove`/`autoremove` with names, `apk del` of
 * packages or `--virtual` groups, dnf/yum/zypper `remove`), or 'all' when it auto-removes everything it
 * installed (`dnf history undo`, or autoremove after `apt-mark auto`). apt's autoremove
 * (`apt-get autoremove`, `purge --auto-remove`) removes only packages marked as automatically installed:
 * a package installed by name is marked manual and stays, unless the RUN marks it auto first
 * (`apt-mark auto '.*'`, the pattern of Docker's official images).
 */
export function removedByRun(cmds: readonly ShellCommand[]): Set<string> | 'all' {
  const removed = new Set<string>();
  // `apt-mark auto '.*'`, or the official images' `apt-mark showmanual | xargs apt-mark auto` (through xargs).
  const marksAuto = cmds.some((c) => {
    const eff = effectiveCommand(c);
    return eff.name === 'apt-mark' && operandWords(eff.args)[0]?.value === 'auto';
  });
  for (const cmd of cmds) {
    const sub = subcommand(cmd, { valueFlags: ['o'] })?.value;
    if (APT_TOOLS.has(cmd.name) && (sub === 'purge' || sub === 'remove' || sub === 'autoremove')) {
      if (marksAuto && (sub === 'autoremove' || cmd.flags.some((f) => f.name === 'auto-remove' || f.name === 'autoremove'))) return 'all';
      for (const w of positionalArgs(cmd, { valueFlags: ['o'] }).slice(1)) removed.add(packageName(w.value));
    } else if (cmd.name === 'apk' && sub === 'del') {
      for (const w of positionalArgs(cmd).slice(1)) removed.add(packageName(w.value));
    } else if (RPM_TOOLS.has(cmd.name) && (sub === 'remove' || sub === 'erase' || sub === 'autoremove' || sub === 'rm')) {
      for (const w of positionalArgs(cmd).slice(1)) removed.add(packageName(w.value));
    } else if (RPM_TOOLS.has(cmd.name) && sub === 'history' && cmd.args.some((a) => a.value === 'undo')) {
      return 'all';
    }
  }
  return removed;
}
