/**
 * A rough reading of RUN text in shells the shell model does not cover (cmd, PowerShell): commands
 * split at `&&`, `||`, `|`, `;`, `&`, words with `"…"` / `'…'` quotes removed and no escapes. hadolint
 * reads every RUN as bash; this is the closest reading for those shells.
 *
 * No `node:` imports: the shell model runs in browsers and language servers too.
 */

/** A command read by {@link roughCommands}: its name and arguments, quotes removed, no escapes processed. */
export interface RoughCommand {
  name: string;
  args: string[];
}

/**
 * Splits a non-POSIX (cmd, PowerShell) RUN text into commands at `&&`, `||`, `|`, `;`, `&` and reads
 * each command's words, honouring `"…"` and `'…'` quoting but no escapes. hadolint reads every RUN as
 * bash; this is the closest reading for shells the shell model does not cover.
 */
export function roughCommands(text: string): RoughCommand[] {
  const out: RoughCommand[] = [];
  let words: string[] = [];
  let word = '';
  let inWord = false;
  const endWord = (): void => {
    if (inWord) words.push(word);
    word = '';
    inWord = false;
  };
  const endCommand = (): void => {
    endWord();
    if (words.length > 0) out.push({ name: words[0], args: words.slice(1) });
    words = [];
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"' || c === "'") {
      const end = text.indexOf(c, i + 1);
      const stop = end < 0 ? text.length : end;
      word += text.slice(i + 1, stop);
      inWord = true;
      i = stop;
    } else if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      endWord();
    } else if (c === '&' || c === '|' || c === ';') {
      endCommand();
    } else {
      word += c;
      inWord = true;
    }
  }
  endCommand();
  return out;
}
