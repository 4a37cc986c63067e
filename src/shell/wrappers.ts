/**
 * Commands behind wrappers: `sudo -E pip install x` runs `pip`, `env A=1 nice -n 5 make` runs `make`.
 * The shell model names a command by its first word (after ShellCheck's `command`/`exec`/`busybox`);
 * rules about what a command does ask for the program that really runs.
 *
 * No `node:` imports: the shell model runs in browsers and language servers too.
 */
import type { Range } from '../parse/types.js';
import type { ShellCommand, ShellFlag, ShellWord } from './types.js';
import { flagsOf } from './words.js';

/** A command as it runs once wrappers are looked through: `sudo -E bash -` runs `bash` with `-`. */
export interface EffectiveCommand {
  /** Program name without its directory (`/usr/bin/curl` → `curl`). */
  name: string;
  /** The word naming the program. */
  nameWord: ShellWord;
  /** Arguments after the program name. */
  args: ShellWord[];
  /** Flags of `args` in hadolint's reading ({@link flagsOf}: `-fsSL` is `f`, `s`, `S`, `L`); `argIndex` indexes `args`. */
  flags: ShellFlag[];
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
 * `xargs`, `gosu`/`su-exec` (and the shell model's `command`/`exec`/`busybox`) are looked through:
 * each wrapper's options (with the separate value of those that take one, as its manual gives them)
 * are skipped, and `env NAME=value` assignments are collected. At most eight wrappers deep.
 */
export function effectiveCommand(cmd: ShellCommand): EffectiveCommand {
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
  const args = words.slice(i + 1);
  return { name: basename(nameWord?.value ?? cmd.name), nameWord, args, flags: flagsOf(args), assignments, command: cmd };
}
