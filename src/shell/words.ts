/**
 * Word values and hadolint-style flags. Shared by the tree-sitter walker (parse.ts) and exec form
 * (argv.ts).
 */
import type { ShellFlag, ShellWord } from './types.js';

/**
 * Flags of `args` in hadolint's reading: `--name[=value]` gives flag `name` (inline value after `=`);
 * `-abc` gives `a`, `b`, `c` (so `-q=2` gives `q`, `=`, `2`); bare `-` and `--` are not flags; there is
 * no end-of-options handling.
 */
export function flagsOf(args: readonly ShellWord[]): ShellFlag[] {
  const flags: ShellFlag[] = [];
  args.forEach((arg, argIndex) => {
    const value = arg.value;
    if (!value.startsWith('-') || value === '-' || value === '--') return;
    if (value.startsWith('--')) {
      const eq = value.indexOf('=');
      flags.push({
        name: eq === -1 ? value.slice(2) : value.slice(2, eq),
        inlineValue: eq === -1 ? null : value.slice(eq + 1),
        argIndex,
      });
      return;
    }
    for (const ch of value.slice(1)) flags.push({ name: ch, inlineValue: null, argIndex });
  });
  return flags;
}

/** True when the word is a flag in hadolint's reading (starts with `-`, and is not `-` or `--`). */
export function isFlagWord(word: ShellWord): boolean {
  return word.value.startsWith('-') && word.value !== '-' && word.value !== '--';
}

/** The wrappers ShellCheck looks through when naming a command. */
const WRAPPERS = new Set(['command', 'builtin', 'busybox', 'exec']);

/** ShellCheck's `isFlag`: the word starts with an unquoted `-`. */
function startsWithDash(word: ShellWord): boolean {
  return word.raw.startsWith('-');
}

/**
 * Index into `words` of the word that names the command (ShellCheck's `getCommandNameAndToken`):
 * 0, except for the wrappers `command`, `builtin` and `busybox`, whose next word names the command
 * unless it is a flag (`command -v curl` stays `command`), and `exec`, whose options `-c`, `-l`,
 * `-a NAME` and `--` are skipped (an unknown option leaves the name `exec`).
 */
export function commandNameIndex(words: readonly ShellWord[]): number {
  if (words.length < 2 || !WRAPPERS.has(words[0].value)) return 0;
  if (words[0].value !== 'exec') return startsWithDash(words[1]) ? 0 : 1;
  let i = 1;
  while (i < words.length) {
    const value = words[i].value;
    if (value === '--') return i + 1 < words.length ? i + 1 : 0;
    if (!startsWithDash(words[i])) return i;
    let skip = 1;
    for (const [k, ch] of [...value.slice(1)].entries()) {
      if (ch === 'c' || ch === 'l') continue;
      if (ch !== 'a') return 0;
      if (k === value.length - 2) skip = 2;
      break;
    }
    i += skip;
  }
  return 0;
}
