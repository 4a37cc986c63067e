// Helpers for the shell tests: parse a plain script (identity map) and pick commands.
import '../setup.js';
import { parseShell } from '../../src/shell/parse.js';
import type { ShellCommand, ShellScript } from '../../src/shell/types.js';

/** Parses `text` as a standalone script (its ranges are positions in `text`). */
export function sh(text: string): ShellScript {
  return parseShell({ text, segments: [] });
}

/** Names of every command of `text`, in order. */
export function names(text: string): string[] {
  return sh(text).commands.map((c) => c.name);
}

/** The first command named `name`. */
export function cmd(text: string, name?: string): ShellCommand {
  const commands = sh(text).commands;
  const found = name === undefined ? commands[0] : commands.find((c) => c.name === name);
  if (!found) throw new Error(`no command ${name ?? ''} in ${text}`);
  return found;
}

/** Argument values of a command. */
export function argv(c: ShellCommand): string[] {
  return c.words.map((w) => w.value);
}
