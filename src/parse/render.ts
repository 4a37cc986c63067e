/**
 * Prints a parsed Dockerfile as BuildKit's parser test suite prints its syntax tree (`Node.Dump`,
 * notation in `cases/buildkit-parser/README.md`): one `(keyword ["flags"] "value" ...)` line per
 * instruction, values Go-quoted.
 *
 * No `node:` imports: this module runs in browsers and language servers.
 */
import type { Dockerfile, Instruction } from './types.js';
import { isSpace, isSplitSpace } from './lines.js';
import { splitWordsPlain, splitWordsQuoted } from './words.js';

/**
 * Renders every instruction of `df` in BuildKit's dump notation, one line each, each line ending in
 * `\n`. Parser directives and comments produce nothing.
 */
export function renderBuildkitTree(df: Dockerfile): string {
  const escape = df.escape.charCodeAt(0);
  let out = '';
  for (const instr of df.instructions) out += `(${renderNode(instr, escape)})\n`;
  return out;
}

/** One instruction without the surrounding parentheses. */
function renderNode(instr: Instruction, escape: number): string {
  let s = instr.keywordRaw.toLowerCase();
  if (instr.flags.length > 0) {
    const words = instr.flags.map((f) => goQuote(`--${f.name}${f.value === null ? '' : `=${f.value}`}`));
    s += ` [${words.join(' ')}]`;
  }
  const values = nodeValues(instr, escape);
  if (values === null) {
    // ONBUILD: the wrapped instruction is a child node.
    if (instr.onbuild !== null) s += ` (${renderNode(instr.onbuild, escape)})`;
    return s;
  }
  for (const v of values) s += ` ${goQuote(v)}`;
  return s;
}

/** The values BuildKit's line parser attaches to an instruction; null for ONBUILD. */
function nodeValues(instr: Instruction, escape: number): string[] | null {
  const rest = instr.argsAfterFlags.text;
  switch (instr.keyword) {
    case 'ONBUILD':
      return null;
    case 'ADD':
    case 'COPY':
    case 'VOLUME':
      if (instr.execForm) return instr.json ?? [];
      return splitWordsPlain(rest, 0, rest.length).map((w) => rest.slice(w.start, w.end));
    case 'FROM':
    case 'EXPOSE':
      return splitWordsPlain(rest, 0, rest.length).map((w) => rest.slice(w.start, w.end));
    case 'RUN':
    case 'CMD':
    case 'ENTRYPOINT':
    case 'SHELL':
      if (instr.execForm) return instr.json ?? [];
      return rest === '' ? [] : [rest];
    case 'USER':
    case 'WORKDIR':
    case 'STOPSIGNAL':
    case 'MAINTAINER':
      return rest === '' ? [] : [rest];
    case 'ARG':
      return splitWordsQuoted(rest, 0, rest.length, escape).map((w) => rest.slice(w.start, w.end));
    case 'ENV':
    case 'LABEL':
      return nameValues(rest, escape);
    case 'HEALTHCHECK': {
      let sep = 0;
      while (sep < rest.length && !isSpace(rest.charCodeAt(sep))) sep++;
      if (sep === 0) return [];
      let next = sep;
      while (next < rest.length && isSpace(rest.charCodeAt(next))) next++;
      const cmd = rest.slice(next);
      if (instr.execForm) return [rest.slice(0, sep), ...(instr.json ?? [])];
      return cmd === '' ? [rest.slice(0, sep)] : [rest.slice(0, sep), cmd];
    }
    default:
      // Unknown instructions get one empty value (BuildKit `parseIgnore`).
      return [''];
  }
}

/** ENV/LABEL triples (name, raw value, separator) as BuildKit's `parseNameVal` builds them. */
function nameValues(rest: string, escape: number): string[] {
  const words = splitWordsQuoted(rest, 0, rest.length, escape);
  if (words.length === 0) return [];
  const first = rest.slice(words[0].start, words[0].end);
  if (!first.includes('=')) {
    let k = 0;
    while (k < rest.length && !isSplitSpace(rest.charCodeAt(k))) k++;
    let v = k;
    while (v < rest.length && isSplitSpace(rest.charCodeAt(v))) v++;
    return [rest.slice(0, k), rest.slice(v), ''];
  }
  const out: string[] = [];
  for (const w of words) {
    const word = rest.slice(w.start, w.end);
    const eq = word.indexOf('=');
    if (eq < 0) continue;
    out.push(word.slice(0, eq), word.slice(eq + 1), '=');
  }
  return out;
}

/** Characters Go's `strconv.IsPrint` accepts: letters, marks, numbers, punctuation, symbols and ASCII space. */
const PRINTABLE = /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u;

/** Go's `strconv.Quote`. */
function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0) as number;
    switch (c) {
      case 0x07: out += '\\a'; continue;
      case 0x08: out += '\\b'; continue;
      case 0x0c: out += '\\f'; continue;
      case 0x0a: out += '\\n'; continue;
      case 0x0d: out += '\\r'; continue;
      case 0x09: out += '\\t'; continue;
      case 0x0b: out += '\\v'; continue;
      case 0x22: out += '\\"'; continue;
      case 0x5c: out += '\\\\'; continue;
      default:
        break;
    }
    if (c >= 0xd800 && c < 0xe000) {
      out += '\\ufffd';
    } else if (PRINTABLE.test(ch)) {
      out += ch;
    } else if (c < 0x80) {
      out += `\\x${c.toString(16).padStart(2, '0')}`;
    } else if (c < 0x10000) {
      out += `\\u${c.toString(16).padStart(4, '0')}`;
    } else {
      out += `\\U${c.toString(16).padStart(8, '0')}`;
    }
  }
  return out + '"';
}
