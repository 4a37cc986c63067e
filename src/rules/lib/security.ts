/**
 * Knowledge shared by the security rules (src/rules/shipshape/no-*.ts and friends): commands seen
 * through `sudo`/`env` wrappers, package-manager calls, variables set by ENV, ARG defaults and inline
 * shell assignments, the text a command writes into configuration, and masking secrets in messages.
 *
 * No `node:` imports: rules run in browsers and language servers too.
 */
import type { RuleContext } from '../../engine/types.js';
import type { Instruction, Range } from '../../parse/types.js';
import type { ShellCommand, ShellWord } from '../../shell/types.js';
import { withOnbuild } from './instructions.js';

/** A command as it runs once wrappers are looked through: `sudo -E bash -` runs `bash` with `-`. */
export interface EffectiveCommand {
  /** Program name without its directory (`/usr/bin/curl` → `curl`). */
  name: string;
  /** The word naming the program. */
  nameWord: ShellWord;
  /** Arguments after the program name. */
  args: ShellWord[];
  /** Assignments written before the command or given to `env` (`env NAME=v cmd`). */
  assignments: { name: string; value: string; range: Range }[];
  /** The command as parsed. */
  command: ShellCommand;
}

/** Options of wrapper commands that take a separate value (`sudo -u user`, `env -u NAME`). */
const WRAPPER_VALUE_OPTIONS: Record<string, Set<string>> = {
  sudo: new Set(['-u', '-g', '-h', '-p', '-C', '-D', '-r', '-t', '-U', '-T', '--user', '--group', '--host', '--prompt', '--chdir', '--role', '--type', '--other-user', '--command-timeout', '--close-from']),
  env: new Set(['-u', '-C', '-S', '--unset', '--chdir', '--split-string']),
  nice: new Set(['-n', '--adjustment']),
  timeout: new Set(['-s', '-k', '--signal', '--kill-after']),
  nohup: new Set(),
  time: new Set(['-f', '-o', '--format', '--output']),
  stdbuf: new Set(['-i', '-o', '-e']),
  xargs: new Set(['-a', '-d', '-E', '-e', '-I', '-i', '-L', '-l', '-n', '-P', '-s', '--arg-file', '--delimiter', '--max-args', '--max-procs', '--max-chars']),
  su_exec: new Set(),
  gosu: new Set(),
};

const basename = (s: string): string => s.replace(/^.*\//, '');

/**
 * The program a command runs once `sudo`, `env`, `nice`, `nohup`, `time`, `timeout`, `stdbuf`,
 * `xargs`, `gosu`/`su-exec` (and the shell model's `command`/`exec`/`busybox`) are looked through.
 */
export function effective(cmd: ShellCommand): EffectiveCommand {
  const words = cmd.words;
  const assignments = [...cmd.assignments];
  // Start at the word the shell model names the command by (it skips command/builtin/exec/busybox).
  let i = Math.max(0, words.findIndex((w) => w.value === cmd.name));
  for (let guard = 0; guard < 8 && i < words.length; guard++) {
    const prog = basename(words[i].value);
    const key = prog === 'su-exec' ? 'su_exec' : prog;
    const opts = WRAPPER_VALUE_OPTIONS[key];
    if (!opts) break;
    let j = i + 1;
    if (key === 'timeout') {
      while (j < words.length && words[j].value.startsWith('-')) j += opts.has(words[j].value) ? 2 : 1;
      j += 1; // the duration
    } else if (key === 'gosu' || key === 'su_exec') {
      j += 1; // the user
    } else {
      while (j < words.length) {
        const v = words[j].value;
        if (key === 'env' && /^[A-Za-z_][A-Za-z0-9_]*=/.test(v)) {
          const eq = v.indexOf('=');
          assignments.push({ name: v.slice(0, eq), value: v.slice(eq + 1), range: words[j].range });
          j++;
          continue;
        }
        if (v === '--') {
          j++;
          break;
        }
        if (!v.startsWith('-') || v === '-') break;
        j += opts.has(v) ? 2 : 1;
      }
    }
    if (j >= words.length) break;
    i = j;
  }
  const nameWord = words[i] ?? words[0];
  return { name: basename(nameWord?.value ?? cmd.name), nameWord, args: words.slice(i + 1), assignments, command: cmd };
}

/** Flags of some arguments in hadolint's reading (`-fsSLk` gives f, s, S, L, k; `--x=y` gives x). */
export function flagNames(args: readonly ShellWord[]): { name: string; inline: string | null; word: ShellWord; index: number }[] {
  const out: { name: string; inline: string | null; word: ShellWord; index: number }[] = [];
  args.forEach((word, index) => {
    const v = word.value;
    if (!v.startsWith('-') || v === '-' || v === '--') return;
    if (v.startsWith('--')) {
      const eq = v.indexOf('=');
      out.push({ name: eq < 0 ? v.slice(2) : v.slice(2, eq), inline: eq < 0 ? null : v.slice(eq + 1), word, index });
    } else {
      for (const ch of v.slice(1)) out.push({ name: ch, inline: null, word, index });
    }
  });
  return out;
}

/** The arguments that are not flags, skipping the value after each flag in `valueFlags` (`-o x`). */
export function positional(args: readonly ShellWord[], valueFlags: readonly string[] = []): ShellWord[] {
  const takesValue = new Set(valueFlags);
  const out: ShellWord[] = [];
  for (let i = 0; i < args.length; i++) {
    const v = args[i].value;
    if (v.startsWith('-') && v !== '-' && v !== '--') {
      if (takesValue.has(v)) i++;
      continue;
    }
    out.push(args[i]);
  }
  return out;
}

/** A variable set in the image or the build: ENV pair, ARG default, or a shell assignment in RUN. */
interface VariableSetting {
  name: string;
  /** Value after quote removal; null for `ARG NAME` without default. */
  value: string | null;
  /** True when the value contains a variable reference or command substitution. */
  dynamic: boolean;
  /** Where to report: the pair or the assignment. */
  range: Range;
  /** The instruction findings belong to. */
  owner: Instruction;
  /** Where it was set. */
  via: 'ENV' | 'ARG' | 'RUN';
}

const EXPORTERS = new Set(['export', 'declare', 'typeset', 'readonly', 'local']);

/**
 * Every variable setting of the file: ENV pairs and ARG defaults (also inside ONBUILD, global ARGs
 * included), assignments before RUN commands (`X=1 cmd`), `env X=1 cmd` and `export X=1`.
 */
export function* variableSettings(ctx: RuleContext): Generator<VariableSetting> {
  for (const { instr, wrapper } of withOnbuild(ctx.file, true)) {
    const owner = wrapper ?? instr;
    if (instr.keyword === 'ENV' || instr.keyword === 'ARG') {
      for (const pair of instr.pairs) {
        const value = pair.value;
        yield { name: pair.key, value, dynamic: value !== null && /\$/.test(pair.rawValue ?? ''), range: pair.range, owner, via: instr.keyword };
      }
    } else if (instr.keyword === 'RUN') {
      for (const cmd of ctx.commands(instr)) {
        const eff = effective(cmd);
        for (const a of eff.assignments) yield { name: a.name, value: a.value, dynamic: /\$/.test(a.value), range: a.range, owner, via: 'RUN' };
        if (EXPORTERS.has(cmd.name)) {
          for (const w of cmd.args) {
            const m = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/s.exec(w.value);
            if (m) yield { name: m[1], value: m[2], dynamic: w.dynamic, range: w.range, owner, via: 'RUN' };
          }
        }
      }
    }
  }
}

/** Masks a secret for messages: never shows more than its kind and length. */
export function masked(value: string): string {
  return `<${value.length} characters, masked>`;
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
  const eff = effective(cmd);
  const family = FAMILY[eff.name];
  if (!family) return null;
  const pos = positional(eff.args, PM_VALUE_FLAGS);
  return { family, tool: eff.name, verb: pos[0] ?? null, operands: pos.slice(1), eff };
}

/**
 * The text each argument writes, for settings checks: the value itself, except for `sed` substitution
 * scripts, where only the replacement is written (`s/sslverify=0/sslverify=1/` writes `sslverify=1`).
 */
export function writtenTexts(eff: EffectiveCommand): { word: ShellWord; text: string }[] {
  return eff.args.map((word) => {
    if (eff.name === 'sed' || eff.name === 'perl') {
      const m = /^(?:[^s]*;)?s(.)((?:\\.|(?!\1).)*)\1((?:\\.|(?!\1).)*)\1/.exec(word.value.replace(/^-[a-z]*e\s*/, ''));
      if (m) return { word, text: m[3] };
    }
    return { word, text: word.value };
  });
}

/** A place and a message found by a security rule. */
export interface Hit {
  range: Range;
  message: string;
}

/**
 * A report function that reports each place once: several readings of the same command (a flag and
 * the configuration text it writes) can find the same span.
 */
export function reportOncePerPlace(ctx: RuleContext): (owner: Instruction, hit: Hit) => void {
  const reported = new Set<number>();
  return (owner, hit) => {
    if (reported.has(hit.range.start.offset)) return;
    reported.add(hit.range.start.offset);
    ctx.report({ instruction: owner, range: hit.range, message: hit.message });
  };
}
