/**
 * The command-line options that `lint`, `image` and `pin` share, declared once so their spelling, help
 * and parsing stay the same (commander): repeatable options, the report options (`-f`/`-o`), the failure
 * options (`-t`, `--no-fail`, `--ignore`), and how a command's program runs and maps commander's own
 * errors to exit codes (usage errors are exit 2, `--help` exit 0).
 */
import { Command, CommanderError, Option } from 'commander';
import { THRESHOLDS } from '../engine/config.js';
import type { CliIo } from './run.js';

/** commander argument parser of a repeatable option: every value, in order. */
export const collect = (v: string, prev: string[] = []): string[] => [...prev, v];

/** A repeatable option (`--ignore A --ignore B` gives `['A', 'B']`). */
export function repeatable(flags: string, description: string): Option {
  return new Option(flags, description).argParser(collect);
}

/**
 * Adds `-f, --format` and `-o, --output` (both repeatable, paired by position: the n-th `-o` is where
 * the n-th `-f` goes).
 */
export function addReportOptions(cmd: Command, formatHelp: string, outputHelp: string): Command {
  return cmd.addOption(repeatable('-f, --format <format>', formatHelp)).addOption(repeatable('-o, --output <file>', outputHelp));
}

/** Adds `-t, --failure-threshold LEVEL` (hadolint's levels), `--no-fail` and the repeatable `--ignore ID`. */
export function addFailureOptions(cmd: Command, noFailHelp: string, ignoreHelp: string): Command {
  return cmd
    .addOption(new Option('-t, --failure-threshold <level>', 'lowest severity that fails the run').choices(THRESHOLDS as string[]))
    .option('--no-fail', noFailHelp)
    .addOption(repeatable('--ignore <rule>', ignoreHelp));
}

/**
 * Wires a command's program to `io` (help and commander's errors go to `io`, never `process.exit`).
 * commander's usage errors (`error: unknown option '--x'`) are printed like shipshape's own messages:
 * `shipshape: unknown option '--x'`.
 * @returns the program, for chaining
 */
export function wireProgram(cmd: Command, io: Pick<CliIo, 'stdout' | 'stderr'>): Command {
  return cmd.exitOverride().configureOutput({
    writeOut: io.stdout,
    writeErr: io.stderr,
    outputError: (text, write) => write(`shipshape: ${text.replace(/^error: /, '')}`),
  });
}

/**
 * Parses `argv` with a program made by {@link wireProgram} and runs its action.
 * @returns null when the action ran (its own exit code applies), 0 after `--help` or `--version`,
 *   2 for a usage error commander already printed
 * @throws whatever the action throws that is not a commander error
 */
export async function parseProgram(cmd: Command, argv: string[]): Promise<number | null> {
  try {
    await cmd.parseAsync(argv, { from: 'user' });
    return null;
  } catch (e) {
    if (e instanceof CommanderError) return e.code === 'commander.helpDisplayed' || e.code === 'commander.help' || e.code === 'commander.version' ? 0 : 2;
    throw e;
  }
}
