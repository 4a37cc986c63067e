/**
 * What a container's command starts, by program name: shells, interactive interpreters and the
 * process wrappers in front of them. Shared by the rules that ask whether an image runs a service or
 * is used interactively (require-non-root-user through users.ts, prefer-slim-base, no-dev-dependencies).
 */

/** Shells (`/bin/bash`, `sh`): with no script or `-c` command they read commands from the terminal. */
const SHELL = /^(sh|bash|dash|ash|zsh|ksh|fish)$/;

/**
 * Interpreters that start a prompt when given no script: the default commands of the official language
 * images (`python3`, `php -a`, `irb`, `node`, `jshell`), and IPython.
 */
const INTERPRETER = /^(python[\d.]*|pypy[\d.]*|ipython[\d.]*|php|irb|jshell|node|deno|bun|ghci|erl|iex|julia|R|lua[\d.]*|perl|tclsh|guile|racket|swift|pwsh)$/;

/**
 * Process wrappers, which run the command after them and are no program of their own: init processes
 * (`tini`, `dumb-init`), the uid fixer of development containers (`fixuid`), privilege droppers whose
 * first operand is the user (`gosu app ...`, `su-exec app ...`).
 */
const PROCESS_WRAPPERS = new Set(['tini', 'tini-static', 'dumb-init', 'fixuid', 'gosu', 'su-exec']);
/** The wrappers of {@link PROCESS_WRAPPERS} whose first operand is a user, not the command. */
const USER_WRAPPERS = new Set(['gosu', 'su-exec']);

/** A command word's program name: without quotes and without its directory (`"/bin/bash"` → `bash`). */
export function programName(word: string): string {
  return word.replace(/^["']|["']$/g, '').split('/').pop() ?? '';
}

/**
 * The index of the first word of `words` after process wrappers, their options, the user of `gosu`/
 * `su-exec` and a `--`: 2 for `tini -- bash`, 2 for `gosu app bash`, 0 for `bash`; `words.length` when
 * nothing follows.
 */
export function afterWrappers(words: readonly string[]): number {
  let i = 0;
  for (;;) {
    const before = i;
    if (i < words.length && PROCESS_WRAPPERS.has(programName(words[i]))) {
      const wrapper = programName(words[i++]);
      while (i < words.length && words[i].startsWith('-') && words[i] !== '--') i++;
      if (USER_WRAPPERS.has(wrapper) && i < words.length && words[i] !== '--') i++;
    }
    if (i < words.length && words[i] === '--') i++;
    if (i === before) return i;
  }
}

/**
 * True when a container command (its words, as `docker run` would run them) only starts an interactive
 * shell — or, with `interpreters`, an interactive interpreter — after process wrappers, with nothing to
 * run: every later word is an option, and none of `-c`, `-m` or `-e` (a command, module or expression
 * to run). `bash`, `/bin/sh -l`, `tini -- bash`, `python3`, `php -a`: true; `bash -c x`, `python app.py`,
 * `python -m http.server`: false.
 */
export function startsInteractive(words: readonly string[], options: { interpreters: boolean }): boolean {
  const i = afterWrappers(words);
  if (i >= words.length) return false;
  const program = programName(words[i]);
  if (!SHELL.test(program) && !(options.interpreters && INTERPRETER.test(program))) return false;
  return words.slice(i + 1).every((w) => w.startsWith('-') && w !== '-c' && w !== '-m' && w !== '-e');
}
