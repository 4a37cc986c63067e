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

/**
 * Index into `words` of the word that names the command: 0, or for the wrappers `command`, `builtin`,
 * `busybox` the next word, and for `exec` the first word after its options `-c`, `-l`, `-a NAME`
 * (ShellCheck's `getCommandNameAndToken`). Falls back to 0 when the wrapper has nothing after it.
 */
export function commandNameIndex(words: readonly ShellWord[]): number {
  if (words.length < 2 || !WRAPPERS.has(words[0].value)) return 0;
  if (words[0].value !== 'exec') return 1;
  let i = 1;
  while (i < words.length) {
    const value = words[i].value;
    if (value === '--') { i++; break; }
    if (!value.startsWith('-') || value === '-') break;
    i += value.endsWith('a') ? 2 : 1;
  }
  return i < words.length ? i : 0;
}
