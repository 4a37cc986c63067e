/**
 * Questions rules ask about a command, each answering with hadolint's semantics
 * (reference/hadolint-rules.md §0.1). Flag names are given without dashes (`'y'`,
 * `'no-install-recommends'`); leading dashes are accepted and ignored (`'--no-install-recommends'`),
 * because hadolint's flags do not remember them: `-y` and `--y` are both flag `y`, and `-yes` is
 * `y`, `e`, `s`, not `yes`.
 */
import type { ShellCommand, ShellScript, ShellWord } from './types.js';
import { isFlagWord } from './words.js';

function bare(name: string): string {
  return name.replace(/^-+/, '');
}

/**
 * The names of a flag list without their dashes, computed once per list: the lists are module constants
 * (`PIP_VALUE_FLAGS`) asked for at every command of every RUN, and must not be changed after use.
 */
const bareSets = new WeakMap<readonly string[], Set<string>>();
function bareSet(names: readonly string[]): Set<string> {
  let set = bareSets.get(names);
  if (set === undefined) bareSets.set(names, (set = new Set(names.map(bare))));
  return set;
}

/**
 * True when the command has any of the flags (hadolint `hasFlag`/`hasAnyFlag`): `--name[=v]` gives
 * `name`, `-abc` gives `a`, `b`, `c`. Flags anywhere after the name count, also after `--`.
 */
export function hasFlag(cmd: ShellCommand, ...names: string[]): boolean {
  const wanted = new Set(names.map(bare));
  return cmd.flags.some((flag) => wanted.has(flag.name));
}

/**
 * True when any argument's value (quotes removed) equals one of `values` exactly (hadolint `hasArg` /
 * `hasAnyArg`): flags and non-flags alike, anywhere after the command name (`-q=2`, `install`).
 */
export function hasArg(cmd: ShellCommand, ...values: string[]): boolean {
  return cmd.args.some((arg) => values.includes(arg.value));
}

/**
 * Every value given to flag `name`: the inline value of `--name=v`, or the argument right after a flag
 * argument ending in that flag (`--name v`, `-n v`, `-yn v`), as hadolint takes "the value of flag F".
 */
export function flagValues(cmd: ShellCommand, name: string): string[] {
  const wanted = bare(name);
  const values: string[] = [];
  const seen = new Set<number>();
  for (const flag of cmd.flags) {
    if (flag.name !== wanted || seen.has(flag.argIndex)) continue;
    seen.add(flag.argIndex);
    if (flag.inlineValue !== null) {
      values.push(flag.inlineValue);
      continue;
    }
    const arg = cmd.args[flag.argIndex];
    const next = cmd.args[flag.argIndex + 1];
    const lastOfGroup = arg.value.startsWith('--') || arg.value.endsWith(wanted);
    if (next && lastOfGroup) values.push(next.value);
  }
  return values;
}

/** The first value of flag `name` (see {@link flagValues}), or null when absent or without a value. */
export function flagValue(cmd: ShellCommand, name: string): string | null {
  return flagValues(cmd, name)[0] ?? null;
}

/** Options of {@link positionalArgs}. */
export interface PositionalOptions {
  /** Flags that take a separate value (`t`, `target-release`): the argument after them is dropped. */
  valueFlags?: string[];
}

/**
 * The arguments that are not flags (hadolint `getArgsNoFlags`), dropping "the value of flag F" for each
 * F in `valueFlags` (hadolint `dropFlagArg`): the argument right after a flag argument that has flag F,
 * unless written inline as `--F=value`. `-` and `--` are positional.
 */
export function positionalArgs(cmd: ShellCommand, options: PositionalOptions = {}): ShellWord[] {
  const dropped = new Set<number>();
  if (cmd.flags.length > 0 && options.valueFlags && options.valueFlags.length > 0) {
    const valueFlags = bareSet(options.valueFlags);
    for (const flag of cmd.flags) {
      if (valueFlags.has(flag.name) && flag.inlineValue === null) dropped.add(flag.argIndex + 1);
    }
  }
  return cmd.args.filter((arg, i) => !dropped.has(i) && !isFlagWord(arg));
}

/**
 * The operands of a word list in the common getopt reading, which differs from hadolint's
 * ({@link positionalArgs}): a word starting with `-` (not `-` or `--`) is an option, and the separate
 * value of an option listed in `valueOptions` — written with its dashes and matched as a whole word
 * (`-o`, `--root`) — is skipped too; `--root=/x` and a cluster such as `-yo` take no separate value.
 * For argument lists that are not a command's own (`effectiveCommand(cmd).args`).
 */
export function operandWords(words: readonly ShellWord[], valueOptions: readonly string[] = []): ShellWord[] {
  const takesValue = new Set(valueOptions);
  const out: ShellWord[] = [];
  for (let i = 0; i < words.length; i++) {
    const v = words[i].value;
    if (v.startsWith('-') && v !== '-' && v !== '--') {
      if (takesValue.has(v)) i++;
      continue;
    }
    out.push(words[i]);
  }
  return out;
}

/** The first positional argument (`install` in `apt-get -y install curl`), or null. */
export function subcommand(cmd: ShellCommand, options: PositionalOptions = {}): ShellWord | null {
  return positionalArgs(cmd, options)[0] ?? null;
}

/**
 * True when the command is named `name` (exactly, no path stripping, as hadolint) and, when given,
 * its {@link subcommand} is `sub`. Note hadolint's rules mostly test "has arg `install`" ({@link hasArg})
 * rather than the subcommand; use whichever the rule documents.
 */
export function isCommand(cmd: ShellCommand, name: string, sub?: string): boolean {
  if (cmd.name !== name) return false;
  return sub === undefined || subcommand(cmd)?.value === sub;
}

/** The commands of `script` named `name` (and with subcommand `sub`, when given), in document order. */
export function findCommands(script: ShellScript, name: string, sub?: string): ShellCommand[] {
  return script.commands.filter((cmd) => isCommand(cmd, name, sub));
}
