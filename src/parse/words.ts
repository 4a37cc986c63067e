/**
 * BuildKit's word splitters of the raw parser (`parser/line_parsers.go`, `parser/split_command.go`)
 * and the quote/escape processing of the builder, without variable expansion. All functions work on
 * a span `[from, to)` of a string and return offsets into it, so callers can map words back to the
 * Dockerfile. None of them throws.
 *
 * No `node:` imports: this module runs in browsers and language servers.
 */
import { expandWords } from './expand.js';
import { isSpace, isSplitSpace } from './lines.js';

/** A word found in a string: `text.slice(start, end)` is the word as written. */
export interface Span {
  start: number;
  end: number;
}

/** A builder flag word (`--name=value`) with its processed text (quotes removed, `\` applied). */
interface FlagSpan extends Span {
  word: string;
}

/**
 * BuildKit `extractBuilderFlags`: reads leading `--flag` words. Quotes group and are removed, a
 * backslash (always `\`, whatever the escape directive) takes the next character literally, even in
 * single quotes. A bare `--` ends the flags and is dropped.
 *
 * @returns the flags and the offset where the remaining arguments start (`to` when all was flags)
 */
export function extractFlags(text: string, from: number, to: number): { flags: FlagSpan[]; rest: number } {
  const flags: FlagSpan[] = [];
  let pos = from;
  for (;;) {
    while (pos < to && isSpace(text.charCodeAt(pos))) pos++;
    if (pos >= to) return { flags, rest: to };
    if (text.charCodeAt(pos) !== 0x2d || pos + 1 >= to || text.charCodeAt(pos + 1) !== 0x2d) {
      return { flags, rest: pos };
    }
    const start = pos;
    let word = '';
    let quote = 0;
    let blankOK = false;
    let ended = false;
    while (pos < to) {
      const c = text.charCodeAt(pos);
      if (quote === 0) {
        if (isSpace(c)) {
          ended = true;
          break;
        }
        if (c === 0x27 || c === 0x22) {
          quote = c;
          blankOK = true;
          pos++;
          continue;
        }
        if (c === 0x5c) {
          if (pos + 1 >= to) {
            pos++;
            continue;
          }
          word += text[pos + 1];
          pos += 2;
          continue;
        }
        word += text[pos];
        pos++;
      } else {
        if (c === quote) {
          quote = 0;
          pos++;
          continue;
        }
        if (c === 0x5c) {
          if (pos + 1 >= to) {
            quote = 0;
            pos++;
            continue;
          }
          word += text[pos + 1];
          pos += 2;
          continue;
        }
        word += text[pos];
        pos++;
      }
    }
    if (word === '--') {
      return { flags, rest: ended ? pos : to };
    }
    if (blankOK || word.length > 0) flags.push({ start, end: pos, word });
    if (!ended) return { flags, rest: to };
  }
}

/**
 * BuildKit `parseWords` (ENV, LABEL, ARG): splits on Unicode white space; single and double quotes
 * group (kept in the word); the escape character keeps itself and the next character in the word
 * (a trailing escape at the end of the text is dropped); inside single quotes it is literal.
 */
export function splitWordsQuoted(text: string, from: number, to: number, escape: number): Span[] {
  const words: Span[] = [];
  let pos = from;
  while (pos < to) {
    while (pos < to && isSpace(text.charCodeAt(pos))) pos++;
    if (pos >= to) break;
    const start = pos;
    let end = pos;
    let quote = 0;
    while (pos < to) {
      const c = text.charCodeAt(pos);
      if (quote === 0) {
        if (isSpace(c)) break;
        if (c === 0x27 || c === 0x22) {
          quote = c;
        } else if (c === escape) {
          if (pos + 1 >= to) {
            pos++;
            continue;
          }
          pos++;
        }
        pos++;
        end = pos;
      } else {
        if (c === quote) {
          quote = 0;
        } else if (c === escape && quote !== 0x27) {
          if (pos + 1 >= to) {
            quote = 0;
            pos++;
            continue;
          }
          pos++;
        }
        pos++;
        end = pos;
      }
    }
    if (end > start) words.push({ start, end });
  }
  return words;
}

/** BuildKit `parseStringsWhitespaceDelimited`: splits on runs of `[\t\v\f\r ]` only; quotes do not group. */
export function splitWordsPlain(text: string, from: number, to: number): Span[] {
  const words: Span[] = [];
  let pos = from;
  while (pos < to) {
    while (pos < to && isSplitSpace(text.charCodeAt(pos))) pos++;
    if (pos >= to) break;
    const start = pos;
    while (pos < to && !isSplitSpace(text.charCodeAt(pos))) pos++;
    words.push({ start, end: pos });
  }
  return words;
}

/**
 * The builder's quote and escape processing of one word WITHOUT variable expansion (shell/lex.go):
 * outside quotes the escape character escapes any character and is dropped (a trailing one too);
 * inside double quotes it only escapes `"`, `$` and itself; single quotes are literal. Quotes are
 * removed. An unterminated quote runs to the end of the word.
 */
export function unquoteWord(word: string, escape: number): string {
  if (word.indexOf('"') < 0 && word.indexOf("'") < 0 && word.indexOf(String.fromCharCode(escape)) < 0) return word;
  let out = '';
  let i = 0;
  const n = word.length;
  while (i < n) {
    const c = word.charCodeAt(i);
    if (c === 0x27) {
      const close = word.indexOf("'", i + 1);
      const stop = close < 0 ? n : close;
      out += word.slice(i + 1, stop);
      i = stop + 1;
    } else if (c === 0x22) {
      i++;
      while (i < n) {
        const d = word.charCodeAt(i);
        if (d === 0x22) {
          i++;
          break;
        }
        if (d === escape && i + 1 < n) {
          const e = word.charCodeAt(i + 1);
          if (e === 0x22 || e === 0x24 || e === escape) {
            out += word[i + 1];
            i += 2;
            continue;
          }
        } else if (d === escape) {
          i++;
          continue;
        }
        out += word[i];
        i++;
      }
    } else if (c === escape) {
      if (i + 1 < n) out += word[i + 1];
      i += 2;
    } else {
      out += word[i];
      i++;
    }
  }
  return out;
}

/**
 * Words of a heredoc-capable line as BuildKit's shell lexer splits them for heredoc detection
 * (`heredocsFromLine`: raw quotes, raw escapes, `\` as escape): white space separates words outside
 * quotes; `<<` (optionally `<<-`) glues the white space after it to the following word, so
 * `<< EOF` is one word.
 */
export function splitHeredocWords(text: string, from: number, to: number): Span[] {
  const words: Span[] = [];
  let pos = from;
  while (pos < to) {
    while (pos < to && isSpace(text.charCodeAt(pos))) pos++;
    if (pos >= to) break;
    const start = pos;
    while (pos < to) {
      const c = text.charCodeAt(pos);
      if (isSpace(c)) break;
      if (c === 0x5c) {
        pos += 2;
      } else if (c === 0x27) {
        const close = text.indexOf("'", pos + 1);
        pos = close < 0 || close >= to ? to : close + 1;
      } else if (c === 0x22) {
        pos++;
        while (pos < to) {
          const d = text.charCodeAt(pos);
          if (d === 0x5c) pos += 2;
          else if (d === 0x22) {
            pos++;
            break;
          } else pos++;
        }
      } else if (c === 0x3c && pos + 1 < to && text.charCodeAt(pos + 1) === 0x3c) {
        pos += 2;
        if (pos < to && text.charCodeAt(pos) === 0x2d) pos++;
        while (pos < to && (text.charCodeAt(pos) === 0x20 || text.charCodeAt(pos) === 0x09)) pos++;
      } else {
        pos++;
      }
    }
    if (pos > to) pos = to;
    words.push({ start, end: pos });
  }
  return words;
}

/** A heredoc marker word, decoded (BuildKit `ParseHeredoc`). */
interface HeredocMarker {
  name: string;
  expand: boolean;
  chomp: boolean;
  fd: number | null;
}

/**
 * Matches one word against BuildKit's `^(\d*)<<(-?)\s*([^<]*)$` and decodes the delimiter with the
 * builder's word lexer (`expandWords`, `\` as escape, no variables): it must be exactly one word; the
 * name is that word with quotes removed and escapes applied; `expand` is false when quote characters
 * were removed (BuildKit compares quote counts with and without raw quotes, so `<<\EOF` still
 * expands). Returns null when the word is not a heredoc.
 */
export function parseHeredocMarker(word: string): HeredocMarker | null {
  let i = 0;
  const n = word.length;
  while (i < n && word.charCodeAt(i) >= 0x30 && word.charCodeAt(i) <= 0x39) i++;
  const fdText = word.slice(0, i);
  if (word.charCodeAt(i) !== 0x3c || word.charCodeAt(i + 1) !== 0x3c) return null;
  i += 2;
  let chomp = false;
  if (word.charCodeAt(i) === 0x2d) {
    chomp = true;
    i++;
  }
  while (i < n) {
    const c = word.charCodeAt(i);
    if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0c || c === 0x0d) i++;
    else break;
  }
  const rest = word.slice(i);
  if (rest.length === 0 || rest.indexOf('<') >= 0) return null;
  // BuildKit lexes the delimiter twice (quotes removed, quotes kept): it must be exactly one word
  // (`<<''` gives none, so it is no heredoc), and the quote counts tell whether it was quoted.
  let plain: string[];
  let raw: string[];
  try {
    const a = expandWords(rest, noVariables, { skipUnsetEnv: true });
    const b = expandWords(rest, noVariables, { skipUnsetEnv: true, rawQuotes: true });
    if (a.error !== null || b.error !== null) return null;
    plain = a.words;
    raw = b.words;
  } catch {
    return null;
  }
  if (plain.length !== 1 || raw.length !== 1) return null;
  const count = (s: string): number => {
    let k = 0;
    for (let p = 0; p < s.length; p++) {
      const c = s.charCodeAt(p);
      if (c === 0x22 || c === 0x27) k++;
    }
    return k;
  };
  return {
    name: plain[0],
    expand: count(plain[0]) === count(raw[0]),
    chomp,
    fd: fdText === '' ? null : Number.parseInt(fdText, 10),
  };
}

/** No variable is defined while lexing heredoc delimiters. */
function noVariables(): string | undefined {
  return undefined;
}
