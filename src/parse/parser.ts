/**
 * The Dockerfile parser: text → {@link Dockerfile} model, following BuildKit's Dockerfile frontend
 * (`parser/parser.go`, `parser/directives.go`, `parser/split_command.go`, `parser/line_parsers.go`,
 * `instructions/parse.go`, `instructions/bflag.go`). Written from BuildKit's documented behaviour,
 * see reference §4.
 *
 * No `node:` imports: this module runs in browsers and language servers.
 */
import type {
  Comment, Directive, Dockerfile, Flag, Heredoc, ImageRef, Instruction, KeyValue, ParseError, Range,
  SourceSegment, Stage, Word,
} from './types.js';
import { expandWord } from './expand.js';
import { parseImageRef } from './image-ref.js';
import { parseJsonArray } from './json.js';
import {
  type Joined, type Line, PositionMap, isSpace, isSplitSpace, sourceSpan, splitLines, subJoined, toMapped,
} from './lines.js';
import {
  extractFlags, parseHeredocMarker, splitHeredocWords, splitWordsPlain, splitWordsQuoted, unquoteWord,
} from './words.js';

/** Options of {@link parse}. */
interface ParseOptions {
  /** Name of the file, for messages only. */
  fileName?: string;
}

/** Instruction keywords BuildKit knows (upper case). */
const KEYWORDS = new Set([
  'ADD', 'ARG', 'CMD', 'COPY', 'ENTRYPOINT', 'ENV', 'EXPOSE', 'FROM', 'HEALTHCHECK', 'LABEL',
  'MAINTAINER', 'ONBUILD', 'RUN', 'SHELL', 'STOPSIGNAL', 'USER', 'VOLUME', 'WORKDIR',
]);

type FlagKind = 'string' | 'strings' | 'bool';

/** Flags each instruction accepts (`instructions/parse.go`); instructions not listed accept none. */
const FLAG_SPECS: Record<string, Record<string, FlagKind>> = {
  FROM: { platform: 'string' },
  RUN: { mount: 'strings', network: 'string', security: 'string', device: 'strings' },
  COPY: { from: 'string', chown: 'string', chmod: 'string', link: 'bool', parents: 'bool', exclude: 'strings' },
  ADD: {
    chown: 'string', chmod: 'string', link: 'bool', 'keep-git-dir': 'bool', checksum: 'string', unpack: 'bool',
    exclude: 'strings',
  },
  HEALTHCHECK: {
    interval: 'string', timeout: 'string', 'start-period': 'string', 'start-interval': 'string', retries: 'string',
  },
};

const HEREDOC_KEYWORDS = new Set(['RUN', 'COPY', 'ADD']);

/** Parser directive names of the leading comment block. */
const DIRECTIVE_NAMES = new Set(['syntax', 'escape', 'check']);

/** BuildKit's stage name pattern, applied to the lower-cased name. */
const STAGE_NAME = /^[a-z][a-z0-9\-_.]*$/;

/** State shared while parsing one file. */
interface Ctx {
  text: string;
  pm: PositionMap;
  escape: number;
  errors: ParseError[];
}

/**
 * Parses a Dockerfile the way BuildKit's frontend does and returns the model documented in
 * `types.ts`. Never throws: syntax problems (those BuildKit refuses at parse time: unknown
 * instructions and flags, bad argument counts, unterminated heredocs, duplicate or invalid parser
 * directives, non-string JSON arrays, `file with no instructions`...) are listed in `errors` with a
 * range, and the rest of the model is filled as far as possible.
 *
 * @param text the whole Dockerfile (any line endings, optional UTF-8 BOM)
 * @param options `fileName` (unused by the parser itself; kept for callers' messages)
 */
export function parse(text: string, options: ParseOptions = {}): Dockerfile {
  void options;
  const bom = text.charCodeAt(0) === 0xfeff;
  const { lines, lineStarts } = splitLines(text, bom);
  const pm = new PositionMap(lineStarts, text.length);
  const errors: ParseError[] = [];
  const ctx: Ctx = { text, pm, escape: 0x5c, errors };

  const directives: Directive[] = [];
  const directiveLines = readDirectives(ctx, lines, directives);

  const comments: Comment[] = [];
  const instructions: Instruction[] = [];
  let block: Comment[] = [];

  let li = 0;
  while (li < lines.length) {
    if (directiveLines.has(li)) {
      li++;
      continue;
    }
    const line = lines[li];
    let s = line.start;
    while (s < line.end && isSpace(text.charCodeAt(s))) s++;
    if (s < line.end && text.charCodeAt(s) === 0x23) {
      const c = makeComment(ctx, line, s, false);
      comments.push(c);
      // BuildKit drops the line's first character and trims: a bare `#` resets the block, an indented one does not.
      if (text.slice(line.start + 1, line.end).trim() === '') block = [];
      else block.push(c);
      li++;
      continue;
    }
    if (s >= line.end) {
      li++;
      continue;
    }

    // One logical line: the first physical line (left-trimmed) plus its continuation lines.
    const parts: string[] = [];
    const segs: SourceSegment[] = [];
    let length = 0;
    const addPiece = (from: number, to: number): void => {
      if (to <= from) return;
      parts.push(text.slice(from, to));
      segs.push({ from: length, source: from, length: to - from });
      length += to - from;
    };
    let cut = continuationCut(text, s, line.end, ctx.escape);
    addPiece(s, cut >= 0 ? cut : line.end);
    let last = li;
    let cur = li + 1;
    let emptyContinuation = false;
    while (cut >= 0 && cur < lines.length) {
      const m = lines[cur];
      let t = m.start;
      while (t < m.end && isSpace(text.charCodeAt(t))) t++;
      if (t < m.end && text.charCodeAt(t) === 0x23) {
        comments.push(makeComment(ctx, m, t, true));
      } else if (t >= m.end) {
        emptyContinuation = true;
      } else {
        cut = continuationCut(text, m.start, m.end, ctx.escape);
        addPiece(m.start, cut >= 0 ? cut : m.end);
      }
      last = cur;
      cur++;
    }
    const joined: Joined = { text: parts.join(''), segs, anchor: s };
    const endOffset = lines[last].end;

    const instr = buildInstruction(ctx, joined, s, endOffset, false);
    if (instr === null) {
      errors.push({ message: 'empty instruction: a line continuation with nothing after it', range: pm.range(s, endOffset), fatal: true });
      block = [];
      li = cur;
      continue;
    }
    instr.emptyContinuation = emptyContinuation;
    instr.comments = block;
    block = [];

    // Heredoc bodies follow the logical line, in the order their markers appear.
    const target = instr.keyword === 'ONBUILD' ? instr.onbuild : instr;
    if (target !== null && HEREDOC_KEYWORDS.has(target.keyword) && !target.execForm && joined.text.includes('<<')) {
      const words = splitHeredocWords(joined.text, 0, joined.text.length);
      const heredocs: Heredoc[] = [];
      let end = endOffset;
      for (const w of words) {
        const marker = parseHeredocMarker(joined.text.slice(w.start, w.end));
        if (marker === null) continue;
        const [ms, me] = sourceSpan(joined, w.start, w.end);
        const bodyStart = cur < lines.length ? lineStartOf(lines, cur) : text.length;
        const content: string[] = [];
        let terminatorRange: Range | null = null;
        let contentEnd = text.length;
        while (cur < lines.length) {
          const b = lines[cur];
          let ts = b.start;
          if (marker.chomp) while (ts < b.end && text.charCodeAt(ts) === 0x09) ts++;
          if (b.end - ts === marker.name.length && text.startsWith(marker.name, ts)) {
            contentEnd = lineStartOf(lines, cur);
            terminatorRange = pm.range(contentEnd, b.end);
            end = b.end;
            cur++;
            break;
          }
          content.push(text.slice(b.start, b.next));
          cur++;
        }
        if (terminatorRange === null) {
          end = text.length;
          errors.push({ message: 'unterminated heredoc', range: pm.range(ms, text.length), fatal: true });
        }
        heredocs.push({
          name: marker.name,
          expand: marker.expand,
          chomp: marker.chomp,
          fd: marker.fd,
          content: content.join(''),
          markerRange: pm.range(ms, me),
          contentRange: pm.range(bodyStart, terminatorRange === null ? text.length : contentEnd),
          terminatorRange,
        });
        if (terminatorRange === null) break;
      }
      if (heredocs.length > 0) {
        instr.heredocs = heredocs;
        setEnd(instr, pm, end);
        if (target !== instr) {
          target.heredocs = heredocs;
          setEnd(target, pm, end);
        }
        if (target === instr) checkHeredocDestination(ctx, target);
      }
    }
    instr.index = instructions.length;
    instructions.push(instr);
    li = cur;
  }

  if (instructions.length === 0) {
    errors.push({ message: 'file with no instructions', range: pm.range(text.length, text.length), fatal: true });
  }

  const { stages, globalArgs } = buildStages(ctx, instructions);

  let crlf = 0;
  let lf = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
    if (i > 0 && text.charCodeAt(i - 1) === 0x0d) crlf++;
    else lf++;
  }

  return {
    text,
    bom,
    eol: crlf > lf ? '\r\n' : '\n',
    escape: ctx.escape === 0x60 ? '`' : '\\',
    directives,
    instructions,
    globalArgs,
    stages,
    comments,
    errors,
    lineStarts,
  };
}

/** Offset of the first character of line `i` (line 1 starts at 0 even with a BOM). */
function lineStartOf(lines: Line[], i: number): number {
  return i === 0 ? 0 : lines[i - 1].next;
}

function makeComment(ctx: Ctx, line: Line, hash: number, inContinuation: boolean): Comment {
  return { text: ctx.text.slice(hash + 1, line.end), range: ctx.pm.range(hash, line.end), inContinuation };
}

/**
 * BuildKit's continuation test `([^E])E[ \t]*$|^E[ \t]*$` on `text[from, to)` (E = escape).
 * @returns the offset where the kept text ends (the escape character's offset), or -1 when the line
 *   does not continue.
 */
function continuationCut(text: string, from: number, to: number, escape: number): number {
  let k = to;
  while (k > from) {
    const c = text.charCodeAt(k - 1);
    if (c === 0x20 || c === 0x09) k--;
    else break;
  }
  if (k <= from || text.charCodeAt(k - 1) !== escape) return -1;
  const e = k - 1;
  if (e === from || text.charCodeAt(e - 1) !== escape) return e;
  return -1;
}

/**
 * Reads the parser directives of the leading block (reference §4.2). The main scan (left-trimmed
 * lines) sets the escape character; when the file starts with a `#!` line, `syntax` and `check` are
 * still looked up on the lines after it (BuildKit's `ParseDirective` skips the shebang).
 * @returns the indexes of the lines that are directives (they are not comments of the model)
 */
function readDirectives(ctx: Ctx, lines: Line[], out: Directive[]): Set<number> {
  const { text } = ctx;
  const used = new Set<number>();
  const seen = new Set<string>();
  const record = (i: number, m: { name: string; value: string }, hash: number, visible: boolean): void => {
    const line = lines[i];
    const range = ctx.pm.range(hash, line.end);
    if (visible) out.push({ name: m.name, value: m.value, range });
    used.add(i);
    if (seen.has(m.name)) {
      ctx.errors.push({ message: `only one ${m.name} parser directive can be used`, range, fatal: true });
      return;
    }
    seen.add(m.name);
    if (m.name === 'escape') {
      if (m.value === '`' || m.value === '\\') ctx.escape = m.value.charCodeAt(0);
      else ctx.errors.push({ message: `invalid escape token '${m.value}' does not match \` or \\`, range, fatal: true });
    }
  };
  // `syntax` and `check` are read by BuildKit's `ParseDirective`, which tests raw lines: an indented
  // directive line is consumed by the main parser but ends that lookup.
  let rawOk = true;
  let i = 0;
  for (; i < lines.length; i++) {
    const line = lines[i];
    let s = line.start;
    while (s < line.end && isSpace(text.charCodeAt(s))) s++;
    const m = matchDirective(text, s, line.end);
    if (m === null || !DIRECTIVE_NAMES.has(m.name)) break;
    if (s !== line.start) rawOk = false;
    record(i, m, s, rawOk || m.name === 'escape');
  }
  if (i === 0 && lines.length > 0 && text.startsWith('#!', lines[0].start)) {
    for (let k = 1; k < lines.length; k++) {
      const line = lines[k];
      const m = matchDirective(text, line.start, line.end);
      if (m === null || !DIRECTIVE_NAMES.has(m.name)) break;
      if (m.name !== 'escape') record(k, m, line.start, true);
    }
  }
  return used;
}

/**
 * BuildKit's directive syntax without regex backtracking: `#`, Unicode white space, then
 * `^([a-zA-Z][a-zA-Z0-9]*)\s*=\s*(.+?)\s*$` (`\s` = `[\t\n\f\r ]`); the name is lower-cased.
 */
function matchDirective(text: string, from: number, to: number): { name: string; value: string } | null {
  const ws = (c: number): boolean => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0c || c === 0x0d;
  const alpha = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  let i = from;
  if (i >= to || text.charCodeAt(i) !== 0x23) return null;
  i++;
  while (i < to && isSpace(text.charCodeAt(i))) i++;
  const ks = i;
  if (i >= to || !alpha(text.charCodeAt(i))) return null;
  i++;
  while (i < to && (alpha(text.charCodeAt(i)) || (text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57))) i++;
  const name = text.slice(ks, i).toLowerCase();
  while (i < to && ws(text.charCodeAt(i))) i++;
  if (i >= to || text.charCodeAt(i) !== 0x3d) return null;
  i++;
  while (i < to && ws(text.charCodeAt(i))) i++;
  let e = to;
  while (e > i && ws(text.charCodeAt(e - 1))) e--;
  if (e <= i) return null;
  return { name, value: text.slice(i, e) };
}

function setEnd(instr: Instruction, pm: PositionMap, end: number): void {
  instr.range = pm.range(instr.range.start.offset, end);
  instr.endLine = instr.range.end.line;
}

/**
 * Builds one instruction from its joined logical line (BuildKit `newNodeFromLine` + the checks of
 * `instructions.Parse`). Returns null when the line holds nothing after trimming.
 *
 * @param start source offset of the instruction's first character
 * @param end source offset of the end of its last line
 */
function buildInstruction(ctx: Ctx, j: Joined, start: number, end: number, trigger: boolean): Instruction | null {
  const t = j.text;
  let a = 0;
  let b = t.length;
  while (a < b && isSpace(t.charCodeAt(a))) a++;
  while (b > a && isSpace(t.charCodeAt(b - 1))) b--;
  if (a >= b) return null;
  const { pm } = ctx;
  let k = a;
  while (k < b && !isSplitSpace(t.charCodeAt(k))) k++;
  const keywordRaw = t.slice(a, k);
  const keyword = keywordRaw.toUpperCase();
  let r = k;
  while (r < b && isSpace(t.charCodeAt(r))) r++;

  const extracted = extractFlags(t, r, b);
  let ra = extracted.rest;
  while (ra < b && isSpace(t.charCodeAt(ra))) ra++;

  const span = (from: number, to: number): Range => {
    const [x, y] = sourceSpan(j, from, to);
    return pm.range(x, y);
  };
  const [ks, ke] = sourceSpan(j, a, k);
  const instrStart = trigger ? ks : start;
  const instrEnd = trigger ? Math.max(sourceSpan(j, a, b)[1], ks) : end;
  const range = pm.range(instrStart, Math.max(instrEnd, instrStart));

  const flags: Flag[] = extracted.flags.map((f) => {
    const eqWord = f.word.indexOf('=');
    const body = eqWord >= 0 ? f.word.slice(2, eqWord) : f.word.slice(2);
    const raw = t.slice(f.start, f.end);
    const eqRaw = raw.indexOf('=');
    return {
      name: body,
      value: eqWord >= 0 ? f.word.slice(eqWord + 1) : null,
      raw,
      range: span(f.start, f.end),
      valueRange: eqWord >= 0 && eqRaw >= 0 ? span(f.start + eqRaw + 1, f.end) : null,
    };
  });

  const instr: Instruction = {
    keyword,
    keywordRaw,
    keywordRange: pm.range(ks, ke),
    range,
    line: range.start.line,
    endLine: range.end.line,
    args: toMapped(subJoined(j, r, b)),
    argsAfterFlags: toMapped(subJoined(j, ra, b)),
    flags,
    execForm: false,
    json: null,
    words: [],
    pairs: [],
    heredocs: [],
    onbuild: null,
    comments: [],
    stageIndex: -1,
    index: -1,
    emptyContinuation: false,
  };

  const word = (from: number, to: number): Word => {
    const raw = t.slice(from, to);
    return { raw, value: unquoteWord(raw, ctx.escape), range: span(from, to) };
  };
  const plainWords = (): Word[] => splitWordsPlain(t, ra, b).map((w) => word(w.start, w.end));
  /** Exec form when the text parses completely as a JSON array (BuildKit `parseJSON`). */
  const tryJson = (from: number): boolean => {
    if (from >= b || t.charCodeAt(from) !== 0x5b) return false;
    const parsed = parseJsonArray(t, from, b);
    if (!parsed.ok) return false;
    if (!parsed.allStrings) {
      ctx.errors.push({
        message: 'when using JSON array syntax, arrays must be comprised of strings only',
        range: span(from, b),
      });
    }
    instr.execForm = true;
    const elements = parsed.elements.filter((e) => e.value !== null);
    instr.json = elements.map((e) => e.value as string);
    instr.words.push(...elements.map((e) => ({ raw: e.value as string, value: e.value as string, range: span(e.start, e.end) })));
    return true;
  };
  switch (keyword) {
    case 'ADD':
    case 'COPY':
    case 'VOLUME':
      if (!tryJson(ra)) instr.words = plainWords();
      break;
    case 'RUN':
    case 'CMD':
    case 'ENTRYPOINT':
    case 'SHELL':
      tryJson(ra);
      break;
    case 'FROM':
    case 'EXPOSE':
    case 'USER':
    case 'WORKDIR':
    case 'STOPSIGNAL':
    case 'MAINTAINER':
      instr.words = plainWords();
      break;
    case 'ENV':
    case 'LABEL':
      parseNameValues(ctx, instr, t, ra, b, span);
      break;
    case 'ARG':
      parseArgPairs(ctx, instr, t, ra, b, span);
      break;
    case 'HEALTHCHECK': {
      let sep = ra;
      while (sep < b && !isSpace(t.charCodeAt(sep))) sep++;
      if (sep > ra) {
        instr.words.push(word(ra, sep));
        let next = sep;
        while (next < b && isSpace(t.charCodeAt(next))) next++;
        tryJson(next);
      }
      break;
    }
    case 'ONBUILD':
      if (ra < b) {
        const sub = subJoined(j, ra, b);
        instr.onbuild = buildInstruction(ctx, sub, sourceSpan(j, ra, ra + 1)[0], end, true);
      }
      break;
    default:
      instr.words = plainWords();
      break;
  }

  // An ONBUILD trigger is stored as text by BuildKit and only checked when it runs downstream; the
  // line parser errors above (JSON arrays, ENV/LABEL syntax) still apply to it.
  if (!trigger) validate(ctx, instr, ra, b);
  return instr;
}

/** ENV / LABEL (BuildKit `parseNameVal`): `k=v ...`, or the legacy `k value...` form. */
function parseNameValues(
  ctx: Ctx, instr: Instruction, t: string, from: number, to: number, span: (a: number, b: number) => Range,
): void {
  const words = splitWordsQuoted(t, from, to, ctx.escape);
  instr.words = words.map((w) => {
    const raw = t.slice(w.start, w.end);
    return { raw, value: unquoteWord(raw, ctx.escape), range: span(w.start, w.end) };
  });
  if (words.length === 0) return;
  const first = t.slice(words[0].start, words[0].end);
  if (!first.includes('=')) {
    let k = from;
    while (k < to && !isSplitSpace(t.charCodeAt(k))) k++;
    let v = k;
    while (v < to && isSplitSpace(t.charCodeAt(v))) v++;
    if (v >= to) {
      ctx.errors.push({ message: `${instr.keyword} must have two arguments`, range: instr.range });
    }
    const keyRaw = t.slice(from, k);
    const rawValue = v < to ? t.slice(v, to) : null;
    instr.pairs.push({
      key: unquoteWord(keyRaw, ctx.escape),
      rawValue: rawValue ?? '',
      value: rawValue === null ? '' : unquoteWord(rawValue, ctx.escape),
      equals: false,
      range: span(from, to),
      keyRange: span(from, k),
      valueRange: v < to ? span(v, to) : null,
    });
    return;
  }
  for (const w of words) {
    const raw = t.slice(w.start, w.end);
    const eq = raw.indexOf('=');
    if (eq < 0) {
      ctx.errors.push({
        message: `Syntax error - can't find = in ${goQuoteSimple(raw)}. Must be of the form: name=value`,
        range: span(w.start, w.end),
      });
      continue;
    }
    instr.pairs.push(makePair(ctx, t, w.start, w.end, eq, span));
  }
}

/** ARG (BuildKit `parseNameOrNameVal` + `parseArg`): `name` or `name=value` words. */
function parseArgPairs(
  ctx: Ctx, instr: Instruction, t: string, from: number, to: number, span: (a: number, b: number) => Range,
): void {
  const words = splitWordsQuoted(t, from, to, ctx.escape);
  for (const w of words) {
    const raw = t.slice(w.start, w.end);
    instr.words.push({ raw, value: unquoteWord(raw, ctx.escape), range: span(w.start, w.end) });
    const eq = raw.indexOf('=');
    if (eq < 0) {
      instr.pairs.push({
        key: unquoteWord(raw, ctx.escape),
        rawValue: null,
        value: null,
        equals: false,
        range: span(w.start, w.end),
        keyRange: span(w.start, w.end),
        valueRange: null,
      });
    } else {
      instr.pairs.push(makePair(ctx, t, w.start, w.end, eq, span));
    }
  }
}

function makePair(
  ctx: Ctx, t: string, start: number, end: number, eq: number, span: (a: number, b: number) => Range,
): KeyValue {
  const raw = t.slice(start, end);
  const rawValue = raw.slice(eq + 1);
  return {
    key: unquoteWord(raw.slice(0, eq), ctx.escape),
    rawValue,
    value: unquoteWord(rawValue, ctx.escape),
    equals: true,
    range: span(start, end),
    keyRange: span(start, start + eq),
    valueRange: span(start + eq + 1, end),
  };
}

/** A Go `%q` of a short string for messages. */
function goQuoteSimple(s: string): string {
  return JSON.stringify(s);
}

/**
 * The checks `instructions.Parse` applies to one instruction: unknown keyword, flags (BuildKit
 * `BFlags.Parse`), argument counts, HEALTHCHECK type, ONBUILD trigger, SHELL form.
 */
function validate(ctx: Ctx, instr: Instruction, ra: number, b: number): void {
  const { keyword } = instr;
  const err = (message: string, r: Range = instr.range): void => {
    ctx.errors.push({ message, range: r });
  };
  if (!KEYWORDS.has(keyword)) {
    err(`unknown instruction: ${instr.keywordRaw}${didYouMean(instr.keywordRaw, KEYWORD_LIST, false)}`, instr.keywordRange);
    return;
  }
  // BuildKit does not parse the flags of `HEALTHCHECK NONE`.
  const healthNone = keyword === 'HEALTHCHECK' && instr.words.length > 0 && instr.words[0].raw.toUpperCase() === 'NONE';
  if (!healthNone && instr.flags.length > 0) {
    const spec = FLAG_SPECS[keyword] ?? {};
    const used = new Set<string>();
    for (const f of instr.flags) {
      const kind = Object.prototype.hasOwnProperty.call(spec, f.name) ? spec[f.name] : undefined;
      if (kind === undefined) {
        err(`unknown flag: ${f.name}${didYouMean(f.name, Object.keys(spec), true)}`, f.range);
        continue;
      }
      if (used.has(f.name) && kind !== 'strings') err(`duplicate flag specified: ${f.name}`, f.range);
      used.add(f.name);
      if (kind === 'bool') {
        if (f.value !== null) {
          const v = f.value.toLowerCase();
          if (f.value === '') err(`missing a value on flag: ${f.name}`, f.range);
          else if (v !== 'true' && v !== 'false') err(`expecting boolean value for flag ${f.name}, not: ${f.value}`, f.range);
        }
      } else if (f.value === null) {
        err(`missing a value on flag: ${f.name}`, f.range);
      }
    }
  }
  const hasArgs = ra < b;
  const nWords = instr.execForm ? (instr.json ?? []).length : instr.words.length;
  switch (keyword) {
    case 'FROM': {
      const n = instr.words.length;
      if (n !== 1 && !(n === 3 && instr.words[1].raw.toLowerCase() === 'as')) {
        err('FROM requires either one or three arguments');
      } else if (n === 3) {
        const name = instr.words[2].raw;
        if (!STAGE_NAME.test(name.toLowerCase())) {
          err(`invalid name for build stage: ${goQuoteSimple(name)}, name can't start with a number or contain symbols`, instr.words[2].range);
        }
      }
      break;
    }
    case 'ENV':
    case 'LABEL':
      if (instr.words.length === 0) err(`${keyword} requires at least one argument`);
      for (const p of instr.pairs) if (p.key === '' && p.equals) err(`${keyword} names can not be blank`, p.keyRange);
      break;
    case 'ARG':
      if (instr.words.length === 0) err('ARG requires at least one argument');
      for (const p of instr.pairs) if (p.key === '') err('ARG names can not be blank', p.range);
      break;
    case 'MAINTAINER':
    case 'WORKDIR':
    case 'USER':
    case 'STOPSIGNAL':
      if (!hasArgs) err(`${keyword} requires exactly one argument`);
      break;
    case 'EXPOSE':
      if (!hasArgs) err('EXPOSE requires at least one argument');
      break;
    case 'VOLUME':
      if (nWords === 0) err('VOLUME requires at least one argument');
      else if (instr.execForm && (instr.json ?? []).some((v) => v.trim() === '')) err('VOLUME specified can not be an empty string');
      break;
    case 'RUN':
      checkMountFlags(ctx, instr);
      break;
    case 'ADD':
    case 'COPY':
      if (nWords < 2) {
        err(`${keyword} requires at least two arguments, but only one was provided. Destination could not be determined`);
      }
      break;
    case 'SHELL':
      if (!hasArgs || (instr.execForm && nWords === 0)) err('SHELL requires at least one argument');
      else if (!instr.execForm) err('SHELL requires the arguments to be in JSON form');
      break;
    case 'HEALTHCHECK': {
      if (instr.words.length === 0) {
        err('HEALTHCHECK requires at least one argument');
        break;
      }
      const typ = instr.words[0].raw.toUpperCase();
      let next = ra + instr.words[0].raw.length;
      while (next < b && isSpace(instr.argsAfterFlags.text.charCodeAt(next - ra))) next++;
      const hasCmd = next < b;
      if (typ === 'NONE') {
        if (hasCmd) err('HEALTHCHECK NONE takes no arguments');
      } else if (typ === 'CMD') {
        if (!hasCmd || (instr.execForm && (instr.json ?? []).length === 0)) err('Missing command after HEALTHCHECK CMD');
        checkHealthcheckFlags(ctx, instr);
      } else {
        err(`Unknown type ${goQuoteSimple(instr.words[0].raw)} in HEALTHCHECK (try CMD)`, instr.words[0].range);
      }
      break;
    }
    case 'ONBUILD': {
      const trig = instr.onbuild;
      if (trig === null) {
        err('ONBUILD requires at least one argument');
      }
      // BuildKit also refuses `ONBUILD ONBUILD`, `ONBUILD FROM` and `ONBUILD MAINTAINER`. They are left to
      // rule DL3043 (as hadolint does) so that the rest of the file is still linted.
      break;
    }
    default:
      break;
  }
}

/**
 * One CSV record as Go's `encoding/csv` reads it (comma-separated, `"` quoting with `""` inside
 * quotes, no lazy quotes). Returns the fields, or an error message.
 */
function readCsvRecord(s: string): string[] | string {
  const fields: string[] = [];
  let i = 0;
  const n = s.length;
  for (;;) {
    if (i < n && s[i] === '"') {
      let field = '';
      i++;
      for (;;) {
        const q = s.indexOf('"', i);
        if (q < 0) return 'extraneous or missing " in quoted-field';
        field += s.slice(i, q);
        if (s[q + 1] === '"') {
          field += '"';
          i = q + 2;
          continue;
        }
        i = q + 1;
        break;
      }
      if (i < n && s[i] !== ',') return 'extraneous or missing " in quoted-field';
      fields.push(field);
    } else {
      let c = s.indexOf(',', i);
      if (c < 0) c = n;
      const field = s.slice(i, c);
      if (field.includes('"')) return 'bare " in non-quoted-field';
      fields.push(field);
      i = c;
    }
    if (i >= n) return fields;
    i++; // comma
  }
}

/** RUN --mount checks BuildKit makes while parsing (the rest waits for dispatch): CSV syntax, no variable in `from`. */
function checkMountFlags(ctx: Ctx, instr: Instruction): void {
  for (const f of instr.flags) {
    if (f.name !== 'mount' || f.value === null) continue;
    const fields = readCsvRecord(f.value);
    if (typeof fields === 'string') {
      ctx.errors.push({ message: `failed to parse csv mounts: ${fields}`, range: f.range });
      continue;
    }
    for (const field of fields) {
      const eq = field.indexOf('=');
      if (eq < 0 || field.slice(0, eq).toLowerCase() !== 'from') continue;
      const value = field.slice(eq + 1);
      const dollar = value.indexOf('$');
      if (dollar >= 0 && dollar !== value.length - 1) {
        ctx.errors.push({ message: "'from' doesn't support variable expansion, define alias stage instead", range: f.range });
      }
    }
  }
}

/** Go's `time.ParseDuration`: the duration in nanoseconds, or an error message. */
function parseGoDuration(s: string): number | string {
  const units: Record<string, number> = { ns: 1, us: 1e3, 'µs': 1e3, 'μs': 1e3, ms: 1e6, s: 1e9, m: 60e9, h: 3600e9 };
  const quoted = JSON.stringify(s);
  let i = 0;
  let neg = false;
  if (s[i] === '-' || s[i] === '+') {
    neg = s[i] === '-';
    i++;
  }
  if (s.slice(i) === '0') return 0;
  if (i >= s.length) return `time: invalid duration ${quoted}`;
  let total = 0;
  while (i < s.length) {
    const ns = i;
    while (i < s.length && s.charCodeAt(i) >= 48 && s.charCodeAt(i) <= 57) i++;
    const intPart = s.slice(ns, i);
    let frac = '';
    if (s[i] === '.') {
      i++;
      const fs = i;
      while (i < s.length && s.charCodeAt(i) >= 48 && s.charCodeAt(i) <= 57) i++;
      frac = s.slice(fs, i);
    }
    if (intPart === '' && frac === '') return `time: invalid duration ${quoted}`;
    const us = i;
    while (i < s.length && s[i] !== '.' && !(s.charCodeAt(i) >= 48 && s.charCodeAt(i) <= 57)) i++;
    const unit = s.slice(us, i);
    if (unit === '') return `time: missing unit in duration ${quoted}`;
    const mult = units[unit];
    if (mult === undefined) return `time: unknown unit ${JSON.stringify(unit)} in duration ${quoted}`;
    total += Number(`${intPart || '0'}.${frac || '0'}`) * mult;
  }
  return neg ? -total : total;
}

/** HEALTHCHECK CMD flag values (BuildKit `parseHealthcheck`): Go durations ≥ 1ms (or 0), integer retries ≥ 0. */
function checkHealthcheckFlags(ctx: Ctx, instr: Instruction): void {
  for (const f of instr.flags) {
    if (f.value === null || f.value === '') continue;
    if (f.name === 'retries') {
      if (!/^[+-]?\d+$/.test(f.value) || Math.abs(Number(f.value)) > 2147483647) {
        ctx.errors.push({ message: `strconv.ParseInt: parsing ${JSON.stringify(f.value)}: invalid syntax`, range: f.range });
      } else if (Number(f.value) < 0) {
        ctx.errors.push({ message: `--retries cannot be negative (${Number(f.value)})`, range: f.range });
      }
    } else if (f.name === 'interval' || f.name === 'timeout' || f.name === 'start-period' || f.name === 'start-interval') {
      const d = parseGoDuration(f.value);
      if (typeof d === 'string') ctx.errors.push({ message: d, range: f.range });
      else if (d !== 0 && d < 1e6) ctx.errors.push({ message: `Interval "${f.name}" cannot be less than 1ms`, range: f.range });
    }
  }
}

const KEYWORD_LIST = [...KEYWORDS].sort();

/** Edit distance (insertions, deletions, substitutions of UTF-16 units). */
function levenshtein(a: string, b: string): number {
  if (a === b) return 0;
  let prev = new Array<number>(b.length + 1);
  let cur = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const sub = prev[j - 1] + (a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1);
      cur[j] = Math.min(sub, prev[j] + 1, cur[j - 1] + 1);
    }
    [prev, cur] = [cur, prev];
  }
  return prev[b.length];
}

/**
 * BuildKit's `suggest.WrapError` suffix: ` (did you mean X?)` for the first option at edit distance
 * below 3 (the closest wins); case-insensitive matching answers in the case style of the input.
 */
function didYouMean(value: string, options: string[], caseSensitive: boolean): string {
  if (value.length > 64) return '';
  const val = caseSensitive ? value : value.toLowerCase();
  let match = '';
  let best = 3;
  for (const o of options) {
    const opt = caseSensitive ? o : o.toLowerCase();
    if (opt === val) return '';
    const d = levenshtein(val, opt);
    if (d < best) {
      best = d;
      match = caseSensitive || value !== value.toUpperCase() ? opt : opt.toUpperCase();
      if (!caseSensitive && value === value.toLowerCase()) match = opt;
    }
  }
  return match === '' ? '' : ` (did you mean ${match}?)`;
}

/** COPY/ADD: a heredoc in destination position is an error (`errBadHeredoc`). */
function checkHeredocDestination(ctx: Ctx, instr: Instruction): void {
  if ((instr.keyword !== 'COPY' && instr.keyword !== 'ADD') || instr.execForm || instr.words.length < 2) return;
  const dest = instr.words[instr.words.length - 1];
  if (parseHeredocMarker(dest.raw) !== null) {
    ctx.errors.push({ message: `${instr.keyword} cannot accept a heredoc as destination`, range: dest.range });
  }
}

/**
 * Groups instructions into stages (BuildKit `instructions.Parse`): ARGs before the first FROM are
 * global; anything else there is `no build stage in current context`. Each FROM's image is expanded
 * with the global ARG defaults and compared (lower-cased) with earlier stage names.
 */
function buildStages(ctx: Ctx, instructions: Instruction[]): { stages: Stage[]; globalArgs: Instruction[] } {
  const stages: Stage[] = [];
  const globalArgs: Instruction[] = [];
  const globals = new Map<string, string | null>();
  const stageByName = new Map<string, number>();
  const lookupGlobal = (name: string): string | undefined => {
    const v = globals.get(name);
    return v === null ? undefined : v;
  };
  for (const instr of instructions) {
    if (instr.keyword === 'FROM') {
      const index = stages.length;
      instr.stageIndex = index;
      const words = instr.words;
      const imageWord = words.length > 0 ? words[0].raw : '';
      const named = words.length === 3 && words[1].raw.toLowerCase() === 'as';
      const name = named ? words[2].raw : null;
      const { expanded, unresolved } = expandImage(imageWord, lookupGlobal, ctx.escape);
      const lower = expanded.toLowerCase();
      let base: Stage['base'];
      const earlier = stageByName.get(lower);
      if (earlier !== undefined && !unresolved) base = { kind: 'stage', stage: earlier };
      else base = { kind: 'image', image: parseImageRef(imageWord, expanded, unresolved) as ImageRef };
      const platformFlag = instr.flags.find((f) => f.name === 'platform');
      stages.push({
        index,
        name,
        nameRange: named ? words[2].range : null,
        from: instr,
        base,
        platform: platformFlag ? platformFlag.value : null,
        instructions: [],
      });
      if (instr.onbuild) instr.onbuild.stageIndex = index;
      if (name !== null && !stageByName.has(name.toLowerCase())) stageByName.set(name.toLowerCase(), index);
      continue;
    }
    if (stages.length === 0) {
      instr.stageIndex = -1;
      if (instr.keyword === 'ARG') {
        globalArgs.push(instr);
        for (const p of instr.pairs) {
          if (p.rawValue === null) {
            if (!globals.has(p.key)) globals.set(p.key, null);
          } else {
            const r = safeExpand(p.rawValue, lookupGlobal, ctx.escape, false);
            globals.set(p.key, r.value);
          }
        }
      }
      // Any other instruction before the first FROM makes BuildKit fail with `no build stage in current
      // context`. Rule DL3061 reports it (as hadolint does), so the rest of the file is still linted.
      continue;
    }
    const stage = stages[stages.length - 1];
    instr.stageIndex = stage.index;
    if (instr.onbuild) instr.onbuild.stageIndex = stage.index;
    stage.instructions.push(instr);
  }
  return { stages, globalArgs };
}

function safeExpand(
  word: string, lookup: (n: string) => string | undefined, escape: number, skipUnsetEnv: boolean,
): { value: string; unmatched: string[]; error: string | null } {
  try {
    const r = expandWord(word, lookup, { escape: escape === 0x60 ? '`' : '\\', skipUnsetEnv });
    return { value: r.value, unmatched: r.unmatched, error: r.error };
  } catch {
    return { value: word, unmatched: [], error: 'expansion failed' };
  }
}

/** True when `text` still holds the plain reference `$name` or `${name}`. */
function hasPlainRef(text: string, name: string): boolean {
  if (text.includes(`\${${name}}`)) return true;
  const needle = `$${name}`;
  for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
    const c = text.charCodeAt(i + needle.length);
    const wordChar = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
    if (!wordChar) return true;
  }
  return false;
}

/**
 * Expands a FROM image with the global ARG defaults (BuildKit expands unset names to empty; here a
 * plain `$X`/`${X}` without a value is kept as written and marks the result unresolved, while
 * `${X:-default}` and friends apply their modifier).
 */
function expandImage(
  word: string, lookup: (n: string) => string | undefined, escape: number,
): { expanded: string; unresolved: boolean } {
  if (!word.includes('$')) {
    return { expanded: unquoteWord(word, escape), unresolved: word === '' };
  }
  const kept = safeExpand(word, lookup, escape, true);
  const plain = new Set(kept.unmatched.filter((n) => hasPlainRef(kept.value, n)));
  const r = safeExpand(word, (n) => lookup(n) ?? (plain.has(n) ? `\${${n}}` : undefined), escape, false);
  if (r.error !== null) return { expanded: word, unresolved: true };
  return { expanded: r.value, unresolved: plain.size > 0 || r.value === '' };
}
