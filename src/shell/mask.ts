/**
 * Prepares a script for tree-sitter-bash by hiding what it mis-parses, without moving any offset:
 *
 * - Heredocs. tree-sitter-bash mis-parses several common shapes (`cat <<A <<B`, `cat <<EOF; echo x`),
 *   so a small lexer finds every heredoc; the operator `<<`/`<<-` becomes `< `/`<  ` (a plain input
 *   redirection of the delimiter word, same length) and the body and terminator lines become blanks
 *   (newlines kept). The text of a heredoc body is never read as commands.
 * - Comments in backticks: ``apt-get install -y a `# why` b`` is a common way to comment inside
 *   continuation lines; bash expands the empty substitution to no word at all, but tree-sitter reads
 *   the comment to the end of the line. Such a substitution is blanked out.
 */

/** One heredoc found in a script (offsets into the script text). */
export interface ShellHeredoc {
  /** Offset of the first `<` of the operator. */
  operatorStart: number;
  /** `<<` or `<<-`. */
  operator: '<<' | '<<-';
  /** Delimiter as written (quotes kept) and its span. */
  delimiterRaw: string;
  delimiterStart: number;
  delimiterEnd: number;
  /** Delimiter with quotes and backslashes removed. */
  delimiter: string;
  /** False when any part of the delimiter was quoted (the body is not expanded). */
  expand: boolean;
  /** Span of the body lines, terminator excluded. */
  bodyStart: number;
  bodyEnd: number;
  /** End of the terminator line (before its newline); equals `bodyEnd` when unterminated. */
  end: number;
  terminated: boolean;
}

/** Result of {@link maskScript}. */
export interface MaskedScript {
  /** The script with heredoc operators rewritten and bodies blanked; same length as the input. */
  text: string;
  heredocs: ShellHeredoc[];
}

const WORD_END = new Set([' ', '\t', '\n', ';', '&', '|', '<', '>', '(', ')']);

/** Masks the heredocs and backtick comments of `script` (see the module comment); same length as `script`. */
export function maskScript(script: string): MaskedScript {
  if (!script.includes('<<') && !script.includes('`')) return { text: script, heredocs: [] };
  const blanks: [number, number][] = [];
  const heredocs: ShellHeredoc[] = [];
  const pending: ShellHeredoc[] = [];
  const n = script.length;
  // Context stack: 'dq' inside "...", 'sub' inside $( ... ) or ( ... ), 'bq' inside backticks,
  // 'arith' inside $(( ... )). The bottom (empty stack) is plain command text.
  const stack: ('dq' | 'sub' | 'bq' | 'arith')[] = [];
  let parenDepth = 0;
  let i = 0;

  const atWordStart = (at: number): boolean => at === 0 || /[\s;&|()<>]/.test(script[at - 1]);

  const readBodies = (from: number): number => {
    let pos = from;
    for (const doc of pending) {
      doc.bodyStart = pos;
      doc.terminated = false;
      while (pos < n) {
        let lineEnd = script.indexOf('\n', pos);
        if (lineEnd === -1) lineEnd = n;
        let line = script.slice(pos, lineEnd);
        if (line.endsWith('\r')) line = line.slice(0, -1);
        if (doc.operator === '<<-') line = line.replace(/^\t+/, '');
        if (line === doc.delimiter) {
          doc.bodyEnd = pos;
          doc.end = lineEnd;
          doc.terminated = true;
          pos = Math.min(lineEnd + 1, n);
          break;
        }
        pos = Math.min(lineEnd + 1, n);
        if (lineEnd === n) break;
      }
      if (!doc.terminated) {
        doc.bodyEnd = n;
        doc.end = n;
        pos = n;
      }
    }
    pending.length = 0;
    return pos;
  };

  while (i < n) {
    const c = script[i];
    const top = stack[stack.length - 1];
    if (c === '\\') {
      i += 2;
      continue;
    }
    if (top === 'dq') {
      if (c === '"') stack.pop();
      else if (c === '$' && script[i + 1] === '(' && script[i + 2] === '(') { stack.push('arith'); i += 3; continue; }
      else if (c === '$' && script[i + 1] === '(') { stack.push('sub'); i += 2; continue; }
      else if (c === '`') stack.push('bq');
      i++;
      continue;
    }
    if (top === 'arith') {
      if (c === '(') parenDepth++;
      else if (c === ')') {
        if (parenDepth > 0) parenDepth--;
        else if (script[i + 1] === ')') { stack.pop(); i += 2; continue; }
      }
      i++;
      continue;
    }
    // Plain text, $( ... ) or backticks.
    if (c === '\n') {
      i = pending.length > 0 ? readBodies(i + 1) : i + 1;
      continue;
    }
    if (c === "'") {
      const close = script.indexOf("'", i + 1);
      i = close === -1 ? n : close + 1;
      continue;
    }
    if (c === '"') { stack.push('dq'); i++; continue; }
    if (c === '`') {
      if (top === 'bq') {
        stack.pop();
      } else {
        const comment = /^`[ \t]*#[^`\n]*`/.exec(script.slice(i, i + 2000));
        if (comment) {
          blanks.push([i, i + comment[0].length]);
          i += comment[0].length;
          continue;
        }
        stack.push('bq');
      }
      i++;
      continue;
    }
    if (c === '#' && atWordStart(i)) {
      const lineEnd = script.indexOf('\n', i);
      i = lineEnd === -1 ? n : lineEnd;
      continue;
    }
    if (c === '$' && script[i + 1] === '(' && script[i + 2] === '(') { stack.push('arith'); i += 3; continue; }
    if (c === '$' && script[i + 1] === '(') { stack.push('sub'); i += 2; continue; }
    if (c === '(') { if (top === 'sub') stack.push('sub'); i++; continue; }
    if (c === ')') { if (top === 'sub') stack.pop(); i++; continue; }
    if (c === '<' && script[i + 1] === '<') {
      if (script[i + 2] === '<') { i += 3; continue; }
      const doc = readOperator(script, i);
      if (doc) {
        pending.push(doc);
        heredocs.push(doc);
        i = doc.delimiterEnd;
        continue;
      }
      i += 2;
      continue;
    }
    i++;
  }
  if (pending.length > 0) readBodies(n);
  if (heredocs.length === 0 && blanks.length === 0) return { text: script, heredocs };

  const chars = script.split('');
  for (const [from, to] of blanks) for (let k = from; k < to; k++) chars[k] = ' ';
  for (const doc of heredocs) {
    chars[doc.operatorStart + 1] = ' ';
    if (doc.operator === '<<-') chars[doc.operatorStart + 2] = ' ';
    for (let k = doc.bodyStart; k < doc.end; k++) if (chars[k] !== '\n' && chars[k] !== '\r') chars[k] = ' ';
  }
  return { text: chars.join(''), heredocs };
}

function readOperator(script: string, start: number): ShellHeredoc | null {
  let i = start + 2;
  const operator = script[i] === '-' ? '<<-' : '<<';
  if (operator === '<<-') i++;
  while (script[i] === ' ' || script[i] === '\t') i++;
  const delimiterStart = i;
  let delimiter = '';
  let expand = true;
  while (i < script.length && !WORD_END.has(script[i])) {
    const c = script[i];
    if (c === "'" || c === '"') {
      const close = script.indexOf(c, i + 1);
      const stop = close === -1 ? script.length : close;
      delimiter += script.slice(i + 1, stop);
      expand = false;
      i = stop + 1;
    } else if (c === '\\' && i + 1 < script.length) {
      delimiter += script[i + 1];
      expand = false;
      i += 2;
    } else {
      delimiter += c;
      i++;
    }
  }
  i = Math.min(i, script.length);
  if (i === delimiterStart) return null;
  return {
    operatorStart: start,
    operator,
    delimiterRaw: script.slice(delimiterStart, i),
    delimiterStart,
    delimiterEnd: i,
    delimiter,
    expand,
    bodyStart: 0,
    bodyEnd: 0,
    end: 0,
    terminated: false,
  };
}
