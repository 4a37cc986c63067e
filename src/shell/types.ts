/**
 * The shell model of a RUN instruction: the script as the shell will see it, parsed once with
 * tree-sitter's bash grammar (src/shell/parse.ts) and shared by every rule.
 *
 * All ranges are positions in the ORIGINAL Dockerfile text (see src/parse/types.ts), mapped back
 * across continuation lines, so a rule never does offset arithmetic.
 */
import type { MappedText, Range } from '../parse/types.js';

/** How a command is joined to the command before it in its list. */
export type Connector = '&&' | '||' | ';' | '|' | '&' | null;

/** One word of a simple command. */
export interface ShellWord {
  /** Word exactly as written in the script (quotes kept). */
  raw: string;
  /**
   * The word with quotes removed; parameter expansions kept recognisable and normalised to `${name}`
   * (`$x`, `"$x"` and `${x}` all read `${x}`); command substitutions read `$(...)` with their text.
   */
  value: string;
  /** True when the word contains a parameter expansion or command substitution. */
  dynamic: boolean;
  range: Range;
}

/**
 * A flag as hadolint reads command arguments: `--name[=value]` gives one flag `name`; `-abc` gives
 * one flag per character (`a`, `b`, `c`); bare `-` and `--` are not flags.
 */
export interface ShellFlag {
  name: string;
  /** Inline value after `=` for long flags, else null. */
  inlineValue: string | null;
  /** Index into `ShellCommand.args` of the word the flag came from. */
  argIndex: number;
}

/** A simple command (`apt-get install -y curl`) anywhere in the script. */
export interface ShellCommand {
  /**
   * Command name: the value of its first word after leading `VAR=x` assignments. Like hadolint (and
   * ShellCheck) no path is stripped, except that the wrappers `command`, `builtin`, `exec` and `busybox`
   * are skipped: for `exec gosu x` the name is `gosu` (the wrapper stays in `words`).
   */
  name: string;
  /** Every word from the command name on (wrappers included), assignments excluded. */
  words: ShellWord[];
  /** The words after the command name. */
  args: ShellWord[];
  /** Flags of `args` in hadolint's reading (see ShellFlag). */
  flags: ShellFlag[];
  /** Leading `NAME=value` assignments of this command (`DEBIAN_FRONTEND=noninteractive apt-get ...`). */
  assignments: { name: string; value: string; range: Range }[];
  /** Redirections written on this command (`> file`, `2>&1`, `<<EOF`): operator and target as written. */
  redirects: { operator: string; target: string; range: Range }[];
  /** The whole command (words and redirections). */
  range: Range;
  /** How this command is joined to the previous one at the same level; null for the first. */
  connector: Connector;
  /** True when the command's output is piped into another command (it is not the last in a pipeline). */
  pipedOut: boolean;
  /** True when the command reads the output of a previous command through `|`. */
  pipedIn: boolean;
  /** True inside `( ... )`, `$( ... )`, backticks, or a function body. */
  nested: boolean;
  /** True inside `$( ... )` or backticks. */
  inSubstitution: boolean;
  /** True inside an `if`/`while`/`until`/`case` condition or body, or a `for` loop. */
  inCompound: boolean;
  /** 0-based position of the command in the script (document order). */
  index: number;
}

/** A command list item joined by `&&`, `||`, `;`, newlines: used by fixes that append commands. */
export interface ShellScript {
  /** The script text handed to the shell parser, with the map back to the Dockerfile. */
  source: MappedText;
  /** Every simple command, in document order, including nested ones. */
  commands: ShellCommand[];
  /** Pipelines of two or more commands (`a | b`), each as its commands in order. */
  pipelines: ShellCommand[][];
  /** True when tree-sitter reported syntax errors in the script. */
  hasErrors: boolean;
  /** Range covering the whole script in the Dockerfile. */
  range: Range;
}
