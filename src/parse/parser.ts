/**
 * The Dockerfile parser: text → {@link Dockerfile} model (instructions here; validation in
 * validate.ts, stages in stages.ts), following BuildKit's Dockerfile frontend
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
import { parseJsonArray } from './json.js';
import { DIRECTIVE_NAMES, FLAG_SPECS, HEREDOC_KEYWORDS, KEYWORDS, goQuoteSimple, type ParseState } from './syntax.js';
import { checkHeredocDestination, validate } from './validate.js';
import { buildStages } from './stages.js';
import {
  type Joined, type Line, NONE, PositionMap, exact, isSpace, isSplitSpace, sourceSpan, splitLines, subJoined, toMapped,
} from './lines.js';
import {
  extractFlags, parseHeredocMarker, splitHeredocWords, splitWordsPlain, splitWordsQuoted, unquoteWord,
} from './words.js';

/** Options of {@link parse}. */
interface ParseOptions {
  /** Name of the file, for messages only. */
  fileName?: string;
  /**
   * Build arguments (`--build-arg`, Compose `build.args`): a global ARG of that name takes this value
   * instead of its default when FROM images are expanded (BuildKit). Undeclared names do nothing.
   */
  buildArgs?: Readonly<Record<string, string>>;
}


/**
 * Parses a Dockerfile the way BuildKit's frontend does and returns the model documented in
 * `types.ts`. Never throws: syntax problems (those BuildKit refuses at parse time: unknown
 * instructions and flags, bad argument counts, unterminated heredocs, duplicate or invalid parser
 * directives, non-string JSON arrays, `file with no instructions`...) are listed in `errors` with a
 * range, and the rest of the model is filled as far as possible.
 *
 * @param text the whole Dockerfile (any line endings, optional UTF-8 BOM)
 * @param options `fileName` (unused by the parser itself; kept for callers' messages), `buildArgs`
 */
export function parse(text: string, options: ParseOptions = {}): Dockerfile {
  const bom = text.charCodeAt(0) === 0xfeff;
  const { lines, lineStarts } = splitLines(text, bom);
  const pm = new PositionMap(lineStarts, text.length);
  const errors: ParseError[] = [];
  const ctx: ParseState = { text, pm, escape: 0x5c, errors, buildArgs: options.buildArgs ?? {} };

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
    const joined: Joined = { text: parts.length === 1 ? parts[0] : parts.join(''), segs, anchor: s };
    const endOffset = lines[last].end;

    const instr = buildInstruction(ctx, joined, s, endOffset, false);
    if (instr === null) {
      errors.push({ message: 'empty instruction: a line continuation with nothing after it', range: pm.range(s, endOffset), fatal: true });
      block = [];
      li = cur;
      continue;
    }
    instr.emptyContinuation = emptyContinuation;
    instr.comments = exact(block);
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
        instr.heredocs = exact(heredocs);
        setEnd(instr, pm, end);
        if (target !== instr) {
          target.heredocs = instr.heredocs;
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

function makeComment(ctx: ParseState, line: Line, hash: number, inContinuation: boolean): Comment {
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
function readDirectives(ctx: ParseState, lines: Line[], out: Directive[]): Set<number> {
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
function buildInstruction(ctx: ParseState, j: Joined, start: number, end: number, trigger: boolean): Instruction | null {
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

  const flags: Flag[] = extracted.flags.length === 0 ? NONE : extracted.flags.map((f) => {
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

  const args = toMapped(subJoined(j, r, b));
  const instr: Instruction = {
    keyword,
    keywordRaw,
    keywordRange: pm.range(ks, ke),
    range,
    line: range.start.line,
    endLine: range.end.line,
    args,
    // Without flags both are the same text: one object (never changed after parsing) serves both.
    argsAfterFlags: ra === r ? args : toMapped(subJoined(j, ra, b)),
    flags,
    execForm: false,
    json: null,
    // The empty lists are all the one shared frozen array: the model is not changed after parsing.
    words: NONE,
    pairs: NONE,
    heredocs: NONE,
    onbuild: null,
    comments: NONE,
    stageIndex: -1,
    index: -1,
    emptyContinuation: false,
  };

  const word = (from: number, to: number): Word => {
    const raw = t.slice(from, to);
    return { raw, value: unquoteWord(raw, ctx.escape), range: span(from, to) };
  };
  const plainWords = (): Word[] => {
    const found = splitWordsPlain(t, ra, b);
    return found.length === 0 ? NONE : found.map((w) => word(w.start, w.end));
  };
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
    const words = elements.map((e): Word => ({ raw: e.value as string, value: e.value as string, range: span(e.start, e.end) }));
    // concat, not push(...words): 200,000 elements would overflow the stack.
    instr.words = instr.words.length === 0 ? words : instr.words.concat(words);
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
        instr.words = [word(ra, sep)];
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
  ctx: ParseState, instr: Instruction, t: string, from: number, to: number, span: (a: number, b: number) => Range,
): void {
  const words = splitWordsQuoted(t, from, to, ctx.escape);
  instr.words = words.map((w) => {
    const raw = t.slice(w.start, w.end);
    return { raw, value: unquoteWord(raw, ctx.escape), range: span(w.start, w.end) };
  });
  if (words.length === 0) return;
  const first = t.slice(words[0].start, words[0].end);
  const pairs: KeyValue[] = [];
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
    instr.pairs = [{
      key: unquoteWord(keyRaw, ctx.escape),
      rawValue: rawValue ?? '',
      value: rawValue === null ? '' : unquoteWord(rawValue, ctx.escape),
      equals: false,
      range: span(from, to),
      keyRange: span(from, k),
      valueRange: v < to ? span(v, to) : null,
    }];
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
    pairs.push(makePair(ctx, t, w.start, w.end, eq, span));
  }
  instr.pairs = exact(pairs);
}

/** ARG (BuildKit `parseNameOrNameVal` + `parseArg`): `name` or `name=value` words. */
function parseArgPairs(
  ctx: ParseState, instr: Instruction, t: string, from: number, to: number, span: (a: number, b: number) => Range,
): void {
  const words = splitWordsQuoted(t, from, to, ctx.escape);
  const argWords: Word[] = [];
  const pairs: KeyValue[] = [];
  for (const w of words) {
    const raw = t.slice(w.start, w.end);
    argWords.push({ raw, value: unquoteWord(raw, ctx.escape), range: span(w.start, w.end) });
    const eq = raw.indexOf('=');
    if (eq < 0) {
      pairs.push({
        key: unquoteWord(raw, ctx.escape),
        rawValue: null,
        value: null,
        equals: false,
        range: span(w.start, w.end),
        keyRange: span(w.start, w.end),
        valueRange: null,
      });
    } else {
      pairs.push(makePair(ctx, t, w.start, w.end, eq, span));
    }
  }
  instr.words = exact(argWords);
  instr.pairs = exact(pairs);
}

function makePair(
  ctx: ParseState, t: string, start: number, end: number, eq: number, span: (a: number, b: number) => Range,
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

