/**
 * BuildKit's word processing (`frontend/dockerfile/shell/lex.go`, `shell.Lex`) in plain TypeScript:
 * quote removal, escape processing and `$VAR` / `${VAR…}` expansion, exactly as the Dockerfile builder
 * applies them to ADD/COPY/ENV/LABEL/WORKDIR/USER/VOLUME/... words (not the shell of RUN).
 *
 * Behaviour mirrored from lex.go:
 * - `$name` and `${name}`; a name is letters, digits and `_` (Unicode letters/digits count); a name that
 *   starts with a digit takes only digits (`$12x` → name `12`); `@ * # ? - $ ! 0` are one-character
 *   special names (looked up like any other name, so usually empty). `$` followed by anything else is a
 *   literal `$`.
 * - Modifiers `:-  -  :+  +  :?  ?  #  ##  %  %%  /  //`; the word after a modifier is itself
 *   processed (nested variables, quotes). Patterns of `# % /` are globs with `*`, `?` and `\*`, `\?`,
 *   `\\` escapes (an escape before `}` or `/` only protects that character).
 * - Outside quotes the escape character escapes any character and is dropped (a trailing escape is
 *   dropped). Inside double quotes it only escapes `"`, `$` and itself; otherwise it stays. Single quotes
 *   take everything literally. Quotes are removed from the result.
 * - Every name looked up is recorded in `matched` (defined) or `unmatched` (not defined), including names
 *   in words that end up unused (`${A:-$B}` with A set still looks up B) and the variable of a
 *   `${X:-default}` (so UndefinedVar fires on it).
 *
 * Errors never throw; they are returned in `error` with BuildKit's message (without the
 * `failed to process "…":` wrapper) and `value` is then `''`.
 *
 * No `node:` imports: this module runs in browsers and language servers.
 */

/** Looks a variable up; `undefined` means not defined (an empty string is defined and empty). */
export type Lookup = (name: string) => string | undefined;

/** Options of the word processor (`shell.Lex` fields). */
export interface ExpandOptions {
  /** The Dockerfile escape character (`# escape=`); default backslash. */
  escape?: '\\' | '`';
  /** Keep escape characters in the result (`Lex.RawEscapes`). Default false. */
  rawEscapes?: boolean;
  /** Keep quote characters in the result (`Lex.RawQuotes`). Default false. */
  rawQuotes?: boolean;
  /**
   * Treat quotes as ordinary characters (`Lex.SkipProcessQuotes`), as BuildKit does for the bodies of
   * ADD/COPY heredocs with an unquoted delimiter. Default false.
   */
  skipProcessQuotes?: boolean;
  /** Leave references to undefined variables as written (`Lex.SkipUnsetEnv`). Default false. */
  skipUnsetEnv?: boolean;
}

/** Result of {@link expandWord}. */
export interface ExpandResult {
  /** The processed word: variables expanded, quotes removed, escapes applied. `''` when `error` is set. */
  value: string;
  /** Names that were looked up and defined, in order of first lookup, without duplicates. */
  matched: string[];
  /** Names that were looked up and not defined, in order of first lookup, without duplicates. */
  unmatched: string[];
  /** BuildKit's error message (`syntax error: bad substitution`, ...), or null. */
  error: string | null;
}

/** Result of {@link expandWords}. */
interface ExpandWordsResult {
  /** The words after expansion and splitting; `[]` when `error` is set. */
  words: string[];
  matched: string[];
  unmatched: string[];
  error: string | null;
}

/**
 * Expands one word as BuildKit's `Lex.ProcessWordWithMatches` does (used for every single-word
 * expansion of the dispatcher: ENV/LABEL keys and values, WORKDIR, USER, COPY/ADD paths, FROM...).
 *
 * @param word the text as written in the Dockerfile (quotes and escapes still in it)
 * @param lookup returns a variable's value, or `undefined` when it is not defined
 * @returns the value plus the names looked up; errors such as `syntax error: bad substitution`,
 *   `syntax error: missing '}'`, `unsupported modifier (:#) in substitution`, `X: is not allowed to be
 *   empty`, `unexpected end of statement while looking for matching double-quote` go to `error`.
 *
 * @example expandWord('${A:-x}/$B', n => ({ B: 'b' })[n]) // { value: 'x/b', matched: ['B'], unmatched: ['A'], error: null }
 */
export function expandWord(word: string, lookup: Lookup, options: ExpandOptions = {}): ExpandResult {
  const sw = new ShellWord(word, lookup, options);
  try {
    const { result } = sw.processStopOn(null, sw.rawEscapes);
    return { value: result, matched: [...sw.matches], unmatched: [...sw.nonmatches], error: null };
  } catch (e) {
    const error = expansionFailure(e);
    if (error !== null) return { value: '', matched: [...sw.matches], unmatched: [...sw.nonmatches], error };
    throw e;
  }
}

/**
 * Expands a whole argument text and splits it into words as BuildKit's `Lex.ProcessWords` does:
 * splitting happens AFTER expansion, on Unicode white space coming from unquoted text or from an
 * expanded variable, but not inside quotes or after an escape character. Empty words (`""`) vanish.
 *
 * Known difference: the current lex.go shares one word buffer between nested calls, so in its
 * `ProcessWords` the text before a `${v:-…}`/`${v#…}`/`${v/…}` in the same word is dropped from the word
 * list (not from the expanded string). That looks accidental; this function keeps the text, as older
 * BuildKit releases and the `wordsTest` vectors do.
 *
 * @example expandWords('a "b c" $X', n => ({ X: 'd  e' })[n]).words // ['a', 'b c', 'd', 'e']
 */
export function expandWords(text: string, lookup: Lookup, options: ExpandOptions = {}): ExpandWordsResult {
  const sw = new ShellWord(text, lookup, options);
  try {
    const { words } = sw.processStopOn(null, sw.rawEscapes);
    return { words, matched: [...sw.matches], unmatched: [...sw.nonmatches], error: null };
  } catch (e) {
    const error = expansionFailure(e);
    if (error !== null) return { words: [], matched: [...sw.matches], unmatched: [...sw.nonmatches], error };
    throw e;
  }
}

/**
 * The variable names a word references, in order, without duplicates: every name BuildKit would look
 * up while processing the word (nested defaults and patterns included). Escaped (`\$X`) and
 * single-quoted (`'$X'`) references are not references. On a syntax error, the names found before it.
 */
export function wordVariables(word: string, escape: '\\' | '`' = '\\'): string[] {
  // Every name is "defined" and non-empty so that no `${X:?}` stops the walk early; nested words are
  // processed before the variable is consulted, so all names are reached.
  const r = expandWord(word, () => 'x', { escape });
  return r.matched;
}

/** One variable reference found by {@link variableReferences}. */
interface VariableReference {
  name: string;
  /** UTF-16 offsets into the word as written: `word.slice(start, end)` is `$NAME` or `${NAME…}`. */
  start: number;
  end: number;
  /** Whether `lookup` defined the name. */
  defined: boolean;
}

/**
 * Every variable lookup BuildKit makes while processing `word`, in order of the reference's start,
 * with the span of its `$…` text in the word as written (for diagnostics). A name referenced twice
 * appears twice. Escaped and single-quoted `$` are not references. On an error, the references found
 * before it (the one being read when it failed ends where reading stopped).
 */
export function variableReferences(word: string, lookup: Lookup, options: ExpandOptions = {}): VariableReference[] {
  const sw = new ShellWord(word, lookup, options);
  try {
    sw.processStopOn(null, sw.rawEscapes);
  } catch (e) {
    if (expansionFailure(e) === null) throw e;
  }
  return sw.refs
    .map((r) => ({ name: r.name, start: sw.utf16Offset(r.start), end: sw.utf16Offset(r.end < 0 ? r.start : r.end), defined: r.defined }))
    .sort((a, b) => a.start - b.start);
}

/**
 * The message of an expansion that failed: a syntax error, or nesting so deep (thousands of `${…:-`)
 * that the recursive walk overflowed the stack, which is reported rather than thrown.
 */
function expansionFailure(e: unknown): string | null {
  if (e instanceof ExpandError) return e.message;
  if (e instanceof RangeError) return 'variable expansion nested too deeply';
  return null;
}


// ---------------------------------------------------------------------------------------------------
// Implementation

class ExpandError extends Error {}

const EOF = null;
type Ch = string | null;

/** Go's `unicode.IsSpace`. */
function isSpace(ch: string): boolean {
  switch (ch) {
    case '\t': case '\n': case '\v': case '\f': case '\r': case ' ': case '\u0085': case '\u00a0':
    case '\u1680': case '\u2028': case '\u2029': case '\u202f': case '\u205f': case '\u3000':
      return true;
  }
  const c = ch.codePointAt(0)!;
  return c >= 0x2000 && c <= 0x200a;
}

const LETTER = /^\p{L}$/u;
const DIGIT = /^\p{Nd}$/u;
const isLetter = (ch: string): boolean => LETTER.test(ch);
const isDigit = (ch: string): boolean => DIGIT.test(ch);

/** POSIX special parameters that form a one-character name after `$`. */
function isSpecialParam(ch: string): boolean {
  return ch === '@' || ch === '*' || ch === '#' || ch === '?' || ch === '-' || ch === '$' || ch === '!' || ch === '0';
}

/** Word-splitting accumulator (lex.go `wordsStruct`). */
class Words {
  private buf = '';
  private inWord = false;
  readonly words: string[] = [];

  addChar(ch: string): void {
    if (isSpace(ch)) {
      if (this.inWord && this.buf.length !== 0) {
        this.words.push(this.buf);
        this.buf = '';
        this.inWord = false;
      }
    } else {
      this.addRawChar(ch);
    }
  }

  addRawChar(ch: string): void {
    this.buf += ch;
    this.inWord = true;
  }

  addString(s: string): void {
    for (const ch of s) this.addChar(ch);
  }

  addRawString(s: string): void {
    this.buf += s;
    this.inWord = true;
  }

  finish(): string[] {
    if (this.buf.length > 0) {
      this.words.push(this.buf);
      this.buf = '';
      this.inWord = false;
    }
    return this.words;
  }
}

/** One run of the processor over one input (lex.go `shellWord`), reading code points. */
class ShellWord {
  private readonly chars: string[];
  private pos = 0;
  private readonly escapeToken: string;
  private readonly rawQuotes: boolean;
  private readonly skipProcessQuotes: boolean;
  private readonly skipUnsetEnv: boolean;
  rawEscapes: boolean;
  readonly matches = new Set<string>();
  readonly nonmatches = new Set<string>();
  /** Every lookup with the code-point span of its `$…` text (end -1 until the reference is closed). */
  readonly refs: Array<{ name: string; start: number; end: number; defined: boolean }> = [];
  private readonly refStarts: number[] = [];

  constructor(input: string, private readonly lookup: Lookup, options: ExpandOptions) {
    this.chars = Array.from(input);
    this.escapeToken = options.escape ?? '\\';
    this.rawEscapes = options.rawEscapes ?? false;
    this.rawQuotes = options.rawQuotes ?? false;
    this.skipProcessQuotes = options.skipProcessQuotes ?? false;
    this.skipUnsetEnv = options.skipUnsetEnv ?? false;
  }

  private peek(): Ch {
    return this.pos < this.chars.length ? this.chars[this.pos] : EOF;
  }

  private next(): Ch {
    return this.pos < this.chars.length ? this.chars[this.pos++] : EOF;
  }

  /** Processes until `stop` (consumed) or the end of input; `stop` null means end of input. */
  processStopOn(stop: string | null, rawEscapes: boolean): { result: string; words: string[] } {
    const saved = this.rawEscapes;
    this.rawEscapes = rawEscapes;
    try {
      let result = '';
      const words = new Words();
      while (this.peek() !== EOF) {
        let ch = this.peek() as string;
        if (stop !== null && ch === stop) {
          this.next();
          return { result, words: words.finish() };
        }
        if (ch === '$') {
          const tmp = this.processDollar();
          result += tmp;
          words.addString(tmp);
        } else if (!this.skipProcessQuotes && (ch === "'" || ch === '"')) {
          const tmp = ch === "'" ? this.processSingleQuote() : this.processDoubleQuote();
          result += tmp;
          words.addRawString(tmp);
        } else {
          ch = this.next() as string;
          if (ch === this.escapeToken) {
            if (this.rawEscapes) {
              words.addRawChar(ch);
              result += ch;
            }
            const escaped = this.next();
            if (escaped === EOF) break;
            ch = escaped;
            words.addRawChar(ch);
          } else {
            words.addChar(ch);
          }
          result += ch;
        }
      }
      if (stop !== null) {
        throw new ExpandError(`unexpected end of statement while looking for matching ${stop}`);
      }
      return { result, words: words.finish() };
    } finally {
      this.rawEscapes = saved;
    }
  }

  private processSingleQuote(): string {
    let result = '';
    const open = this.next() as string;
    if (this.rawQuotes) result += open;
    for (;;) {
      const ch = this.next();
      if (ch === EOF) throw new ExpandError('unexpected end of statement while looking for matching single-quote');
      if (ch === "'") {
        if (this.rawQuotes) result += ch;
        return result;
      }
      result += ch;
    }
  }

  private processDoubleQuote(): string {
    let result = '';
    const open = this.next() as string;
    if (this.rawQuotes) result += open;
    for (;;) {
      const p = this.peek();
      if (p === EOF) throw new ExpandError('unexpected end of statement while looking for matching double-quote');
      if (p === '"') {
        this.next();
        if (this.rawQuotes) result += '"';
        return result;
      }
      if (p === '$') {
        result += this.processDollar();
        continue;
      }
      let ch = this.next() as string;
      if (ch === this.escapeToken) {
        if (this.rawEscapes) result += ch;
        const after = this.peek();
        if (after === EOF) continue; // a trailing escape is dropped; the missing quote errors next
        if (after === '"' || after === '$' || after === this.escapeToken) ch = this.next() as string;
      }
      result += ch;
    }
  }

  /** UTF-16 offset of code point index `i` of the input. */
  utf16Offset(i: number): number {
    let off = 0;
    for (let k = 0; k < i && k < this.chars.length; k++) off += this.chars[k].length;
    return off;
  }

  private getEnv(name: string): { value: string; set: boolean } {
    const v = this.lookup(name);
    this.refs.push({ name, start: this.refStarts[this.refStarts.length - 1] ?? 0, end: -1, defined: v !== undefined });
    if (v !== undefined) {
      this.matches.add(name);
      return { value: v, set: true };
    }
    this.nonmatches.add(name);
    return { value: '', set: false };
  }

  private processName(): string {
    let name = '';
    for (let ch = this.peek(); ch !== EOF; ch = this.peek()) {
      if (name.length === 0 && isDigit(ch)) {
        for (let d = this.peek(); d !== EOF && isDigit(d); d = this.peek()) name += this.next();
        return name;
      }
      if (name.length === 0 && isSpecialParam(ch)) {
        this.next();
        return ch;
      }
      if (!isLetter(ch) && !isDigit(ch) && ch !== '_') break;
      name += this.next();
    }
    return name;
  }

  private processDollar(): string {
    const start = this.pos;
    this.refStarts.push(start);
    try {
      return this.processDollarBody();
    } finally {
      this.refStarts.pop();
      for (let i = this.refs.length - 1; i >= 0; i--) {
        if (this.refs[i].start === start && this.refs[i].end < 0) {
          this.refs[i].end = this.pos;
          break;
        }
      }
    }
  }

  private processDollarBody(): string {
    this.next(); // the '$'
    if (this.peek() !== '{') {
      const name = this.processName();
      if (name === '') return '$';
      const { value, set } = this.getEnv(name);
      if (!set && this.skipUnsetEnv) return '$' + name;
      return value;
    }
    this.next(); // the '{'
    const first = this.peek();
    if (first === EOF) throw new ExpandError("syntax error: missing '}'");
    if (first === '{' || first === '}' || first === ':') throw new ExpandError('syntax error: bad substitution');

    const name = this.processName();
    let ch = this.next();
    // BuildKit reports `unsupported modifier (\uFFFD)` for `${NAME` at the end of the word; a missing
    // brace is the clearer message and is what users mean.
    if (ch === EOF) throw new ExpandError("syntax error: missing '}'");
    let chs = ch;

    if (ch === '}') {
      const { value, set } = this.getEnv(name);
      if (!set && this.skipUnsetEnv) return '${' + name + '}';
      return value;
    }

    if (ch === '/') {
      const replaceAll = this.peek() === '/';
      if (replaceAll) this.next();
      let pattern: string;
      try {
        pattern = this.processStopOn('/', true).result;
      } catch (e) {
        if (e instanceof ExpandError && this.peek() === EOF) throw new ExpandError("syntax error: missing '/' in ${}");
        throw e;
      }
      let replacement: string;
      try {
        replacement = this.processStopOn('}', true).result;
      } catch (e) {
        if (e instanceof ExpandError && this.peek() === EOF) throw new ExpandError("syntax error: missing '}'");
        throw e;
      }
      const { value, set } = this.getEnv(name);
      if (this.skipUnsetEnv && !set) return '${' + name + '/' + pattern + '/' + replacement + '}';
      const re = shellPatternToRegExp(pattern, true, false);
      if (typeof re === 'string') throw new ExpandError(`invalid pattern (${pattern}) in substitution: ${re}`);
      if (replaceAll) return goReplaceAll(re, value, replacement);
      re.lastIndex = 0;
      const m = re.exec(value);
      if (!m) return value;
      return value.slice(0, m.index) + replacement + value.slice(m.index + m[0].length);
    }

    let nullIsUnset = false;
    if (ch === ':') {
      nullIsUnset = true;
      ch = this.next();
      if (ch === EOF) throw new ExpandError("syntax error: missing '}'");
      chs += ch;
    } else if (ch !== '+' && ch !== '-' && ch !== '?' && ch !== '#' && ch !== '%') {
      throw new ExpandError(`unsupported modifier (${chs}) in substitution`);
    }

    const rawEscapes = ch === '#' || ch === '%';
    if (nullIsUnset && rawEscapes) throw new ExpandError(`unsupported modifier (${chs}) in substitution`);
    let word: string;
    try {
      word = this.processStopOn('}', rawEscapes).result;
    } catch (e) {
      if (e instanceof ExpandError && this.peek() === EOF) throw new ExpandError("syntax error: missing '}'");
      throw e;
    }

    const { value, set } = this.getEnv(name);
    if (this.skipUnsetEnv && !set) return '${' + name + chs + word + '}';

    switch (ch) {
      case '-':
        return !set || (nullIsUnset && value === '') ? word : value;
      case '+':
        return !set || (nullIsUnset && value === '') ? '' : word;
      case '?':
        if (!set) throw new ExpandError(`${name}: ${word !== '' ? word : 'is not allowed to be unset'}`);
        if (nullIsUnset && value === '') throw new ExpandError(`${name}: ${word !== '' ? word : 'is not allowed to be empty'}`);
        return value;
      case '#':
      case '%': {
        let greedy = false;
        if (word.startsWith(ch)) {
          greedy = true;
          word = word.slice(1);
        }
        const r = ch === '%' ? trimSuffix(word, value, greedy) : trimPrefix(word, value, greedy);
        if (r.error !== null) throw new ExpandError(r.error);
        return r.value;
      }
      default:
        throw new ExpandError(`unsupported modifier (${chs}) in substitution`);
    }
  }
}

const REGEX_SPECIALS = new Set(['[', ']', '{', '}', '.', '+', '(', ')', '|', '^', '$']);

/**
 * Converts a shell glob (`*`, `?`, `\*`, `\?`, `\\`; no bracket expressions) to a regular expression, as
 * lex.go's `convertShellPatternToRegex`. `.` is Go's (any code point but `\n`). Returns the error text
 * (`invalid escape '\x'`) for a bad escape. The regex is global+unicode for `lastIndex` searches.
 */
function shellPatternToRegExp(pattern: string, greedy: boolean, anchored: boolean): RegExp | string {
  const any = '[^\\n]';
  const star = greedy ? `${any}*` : `${any}*?`;
  const chars = Array.from(pattern);
  let out = anchored ? '^' : '';
  for (let i = 0; i < chars.length; i++) {
    const tok = chars[i];
    if (tok === '*') { out += star; continue; }
    if (tok === '?') { out += any; continue; }
    if (tok === '\\') {
      const nx = chars[i + 1];
      if (nx === '}' || nx === '/') continue; // the escape only protected the delimiter
      i++;
      if (nx !== '*' && nx !== '?' && nx !== '\\') return `invalid escape '\\${nx ?? '\uFFFD'}'`;
      out += '\\' + nx;
      continue;
    }
    out += REGEX_SPECIALS.has(tok) ? '\\' + tok : tok;
  }
  return new RegExp(out, 'gu');
}

function trimPrefix(pattern: string, value: string, greedy: boolean): { value: string; error: string | null } {
  const re = shellPatternToRegExp(pattern, greedy, true);
  if (typeof re === 'string') return { value: '', error: `invalid pattern (${pattern}) in substitution: ${re}` };
  re.lastIndex = 0;
  const m = re.exec(value);
  return { value: m ? value.slice(m.index + m[0].length) : value, error: null };
}

/** Reverses a pattern by code points, keeping each `\x` escape pair in front of its character. */
function reversePattern(pattern: string): string {
  const chars = Array.from(pattern);
  const out: string[] = [];
  for (let i = 0; i < chars.length; ) {
    if (chars[i] === '\\' && i !== chars.length - 1) {
      out.unshift(chars[i], chars[i + 1]);
      i += 2;
    } else {
      out.unshift(chars[i]);
      i++;
    }
  }
  return out.join('');
}

const reverseString = (s: string): string => Array.from(s).reverse().join('');

/** `${v%p}` / `${v%%p}`: reverse pattern and value, trim the prefix, reverse back (as lex.go does). */
function trimSuffix(pattern: string, value: string, greedy: boolean): { value: string; error: string | null } {
  const r = trimPrefix(reversePattern(pattern), reverseString(value), greedy);
  if (r.error !== null) {
    // BuildKit reports the reversed pattern in this message.
    return r;
  }
  return { value: reverseString(r.value), error: null };
}

/**
 * Go's `Regexp.ReplaceAllString`: empty matches right after a match are skipped, and the replacement is
 * a template where `$$` is `$`, `$0`/`${0}` is the match, other `$name` are empty.
 */
function goReplaceAll(re: RegExp, src: string, template: string): string {
  let out = '';
  let lastMatchEnd = 0;
  let searchPos = 0;
  while (searchPos <= src.length) {
    re.lastIndex = searchPos;
    const m = re.exec(src);
    if (!m) break;
    const start = m.index;
    const end = start + m[0].length;
    out += src.slice(lastMatchEnd, start);
    if (end > lastMatchEnd || start === 0) out += expandGoTemplate(template, m[0]);
    lastMatchEnd = end;
    const cp = src.codePointAt(searchPos);
    const width = cp === undefined ? 0 : cp > 0xffff ? 2 : 1;
    if (searchPos + width > end) searchPos += width;
    else if (searchPos + 1 > end) searchPos++;
    else searchPos = end;
  }
  return out + src.slice(lastMatchEnd);
}

function expandGoTemplate(template: string, match: string): string {
  if (!template.includes('$')) return template;
  let out = '';
  let i = 0;
  while (i < template.length) {
    const d = template.indexOf('$', i);
    if (d < 0) break;
    out += template.slice(i, d);
    i = d + 1;
    if (template[i] === '$') {
      out += '$';
      i++;
      continue;
    }
    let brace = false;
    let j = i;
    if (template[j] === '{') {
      brace = true;
      j++;
    }
    let name = '';
    const rest = Array.from(template.slice(j));
    let k = 0;
    while (k < rest.length && (isLetter(rest[k]) || isDigit(rest[k]) || rest[k] === '_')) name += rest[k++];
    let consumed = name.length;
    let ok = name !== '';
    if (ok && brace) {
      if (rest[k] === '}') consumed++;
      else ok = false;
    }
    if (!ok) {
      out += '$';
      continue;
    }
    i = j + consumed;
    if (name === '0') out += match; // group 0; the glob regex has no other groups, names are empty
  }
  return out + template.slice(i);
}
