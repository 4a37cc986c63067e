/**
 * The edit builder: the one way rules write fixes. A rule asks `ctx.edit()` for a builder, describes
 * the change in Dockerfile terms (replace this word, insert these lines before that instruction, move
 * an instruction, append a command to a RUN) and finishes with `.safe(description)` or
 * `.unsafe(description)`, which gives the {@link Fix} to report. The builder works out offsets, the
 * file's line ending (`\n` or `\r\n`), the indentation of the instruction, the comment block above it
 * and the file's keyword casing, so rules never do offset arithmetic.
 *
 * Targets are anything with a `range` in the Dockerfile (an instruction, a word, a flag, a shell
 * command or word), or a range itself. Edits must not overlap; the fixer applies them together
 * (src/fix/fixer.ts) and re-lints.
 *
 * No `node:` imports: rules run in browsers and language servers too.
 */
import type { Applicability, Fix, TextEdit } from '../engine/types.js';
import type { Dockerfile, Instruction, Range } from '../parse/types.js';
import type { ShellCommand, ShellScript } from '../shell/types.js';
import { mapOffset } from '../shell/positions.js';

/** Something with a place in the Dockerfile: a range, or an object that has one. */
type EditTarget = Range | { readonly range: Range };

function rangeOfTarget(target: EditTarget): Range {
  return 'range' in target ? target.range : target;
}

/** Builds the edits of one fix (see the module notes). Methods return the builder for chaining. */
export class EditBuilder {
  /** The edits so far, in the order they were added (offsets in UTF-16 units of `file.text`). */
  readonly edits: TextEdit[] = [];
  /** Edits of other build-context files (`.dockerignore`). */
  readonly files: NonNullable<Fix['files']> = [];

  constructor(readonly file: Dockerfile) {}

  /** Replaces the text of `target` with `text`. */
  replace(target: EditTarget, text: string): this {
    const r = rangeOfTarget(target);
    return this.raw(r.start.offset, r.end.offset, text);
  }

  /** Deletes the text of `target`. */
  remove(target: EditTarget): this {
    return this.replace(target, '');
  }

  /** Replaces the text between the end of `from` and the start of `to` (`KEY value` → `KEY="value`). */
  replaceBetween(from: EditTarget, to: EditTarget, text: string): this {
    return this.raw(rangeOfTarget(from).end.offset, rangeOfTarget(to).start.offset, text);
  }

  /** Deletes from the start of `from` to the start of `to` (`a && b` → remove `a && ` with (a, b)). */
  removeBetween(from: EditTarget, to: EditTarget): this {
    return this.raw(rangeOfTarget(from).start.offset, rangeOfTarget(to).start.offset, '');
  }

  /** Deletes from the end of `from` to the end of `to` (the separator before `to`, and `to`). */
  removeAfter(from: EditTarget, to: EditTarget): this {
    return this.raw(rangeOfTarget(from).end.offset, rangeOfTarget(to).end.offset, '');
  }

  /** Inserts `text` right before `target`. */
  insertBefore(target: EditTarget, text: string): this {
    const at = rangeOfTarget(target).start.offset;
    return this.raw(at, at, text);
  }

  /** Inserts `text` right after `target`. */
  insertAfter(target: EditTarget, text: string): this {
    const at = rangeOfTarget(target).end.offset;
    return this.raw(at, at, text);
  }

  /** Appends `text` at the end of a word, inside its closing quote when it is quoted (`"/app"` → `"/app/"`). */
  appendToWord(word: { readonly range: Range }, text: string): this {
    const raw = this.file.text.slice(word.range.start.offset, word.range.end.offset);
    const at = word.range.end.offset - (raw.length > 1 && /["']$/.test(raw) ? 1 : 0);
    return this.raw(at, at, text);
  }

  /**
   * Inserts whole lines before an instruction: above the comment block directly above it (so the
   * comments stay with their instruction), each line indented like the instruction and ended with the
   * file's line ending. When the instruction does not start its line, the lines go right before it.
   */
  insertLinesBefore(instr: Instruction, lines: string | readonly string[]): this {
    const list = typeof lines === 'string' ? [lines] : lines;
    const file = this.file;
    const lineStart = file.lineStarts[instr.line - 1] ?? 0;
    const startsLine = /^[ \t]*$/.test(file.text.slice(lineStart, instr.range.start.offset));
    const at = startsLine ? this.lineStartAbove(instr) : instr.range.start.offset;
    const indent = at === instr.range.start.offset ? '' : this.indentOf(instr);
    return this.raw(at, at, list.map((l) => `${indent}${l}${file.eol}`).join(''));
  }

  /**
   * Inserts whole lines at the end of the file (a line break is added first when the file does not end
   * with one).
   */
  appendLines(lines: readonly string[]): this {
    const file = this.file;
    const needsBreak = file.text.length > 0 && !file.text.endsWith('\n');
    return this.raw(file.text.length, file.text.length, (needsBreak ? file.eol : '') + lines.join(file.eol) + file.eol);
  }

  /** Removes an instruction's flag (`--platform=x`) and the blanks after it. */
  removeFlag(flag: { readonly range: Range }): this {
    const text = this.file.text;
    let end = flag.range.end.offset;
    while (end < text.length && (text[end] === ' ' || text[end] === '\t')) end++;
    return this.raw(flag.range.start.offset, end, '');
  }

  /** True when nothing but blanks shares the instruction's lines (so {@link removeInstruction} removes only it). */
  standsAlone(instr: Instruction): boolean {
    const { start, end } = this.linesOf(instr);
    const text = this.file.text;
    return text.slice(start, instr.range.start.offset).trim() === '' && text.slice(instr.range.end.offset, end).trim() === '';
  }

  /**
   * Replaces an instruction's arguments (after its flags, from the first to the last character of the
   * arguments; blanks after them and a dangling line continuation stay) with `text`:
   * `CMD python app.py` → `CMD ["python", "app.py"]`.
   */
  replaceArguments(instr: Instruction, text: string): this {
    const { start, end } = this.argumentsOf(instr);
    return this.raw(start, end, text);
  }

  /**
   * True when comment lines sit inside an instruction's arguments (between continuation lines after
   * its first argument): {@link replaceArguments} would delete them.
   */
  commentsInArguments(instr: Instruction): boolean {
    const { start, end } = this.argumentsOf(instr);
    return this.file.comments.some((c) => c.range.start.offset >= start && c.range.start.offset < end);
  }

  /** Removes line `line` (1-based) with its line ending. */
  removeLine(line: number): this {
    const file = this.file;
    const start = file.lineStarts[line - 1] ?? file.text.length;
    return this.raw(start, file.lineStarts[line] ?? file.text.length, '');
  }

  /** Removes the whole lines of an instruction (with its line ending; comments above it stay). */
  removeInstruction(instr: Instruction): this {
    const { start, end } = this.linesOf(instr);
    return this.raw(start, end, '');
  }

  /**
   * Moves `instr` above `before`, an earlier instruction that starts its line, with `lead` (whole lines,
   * indented like `before`) inserted first. What moves is everything after the instruction that precedes
   * `instr` up to the end of `instr`'s lines: the comment lines above it go with it, and the blank lines
   * that separated it from that instruction now separate it from `before`. It lands above `before`'s
   * comment block (BuildKit's: every comment line since the instruction before it). A moved last line
   * without a line break gets the file's, and the line break that preceded it goes, so the file still
   * ends as it did. Moved text keeps its own indentation and line endings.
   *
   * Returns false (and adds nothing) when `before` shares its first line with other text, or when
   * anything but comment and blank lines stands between `instr` and the instruction before it.
   */
  moveInstruction(instr: Instruction, before: Instruction, lead: readonly string[] = []): boolean {
    const file = this.file;
    const previous = file.instructions[instr.index - 1];
    if (!previous || previous.index < before.index) return false;
    const lineStart = file.lineStarts[before.line - 1] ?? 0;
    if (!/^[ \t]*$/.test(file.text.slice(lineStart, before.range.start.offset))) return false;
    const gapStart = file.lineStarts[previous.endLine] ?? file.text.length;
    const { end } = this.linesOf(instr);
    const moved = file.text.slice(gapStart, end);
    const blanks = /^(?:[ \t]*\r?\n)*/.exec(moved)![0];
    let block = moved.slice(blanks.length);
    const between = file.text.slice(gapStart + blanks.length, file.lineStarts[instr.line - 1]).replace(/\r?\n$/, '');
    if (block.trim() === '' || !/^[ \t]*(#.*)?(\r?\n[ \t]*(#.*)?)*$/.test(between)) return false;
    let removeFrom = gapStart;
    if (!block.endsWith('\n')) {
      // `instr` ends the file without a line break: the line break before the gap goes instead.
      block += file.eol;
      removeFrom = previous.range.end.offset;
    }
    const firstLine = before.comments.length > 0 ? before.comments[0].range.start.line : before.line;
    const at = file.lineStarts[firstLine - 1];
    const indent = this.indentOf(before);
    this.raw(at, at, `${lead.map((l) => `${indent}${l}${file.eol}`).join('')}${block}${blanks}`);
    this.raw(removeFrom, end, '');
    return true;
  }

  /**
   * Appends ` && <command>` right after `cmd` in a RUN, when that keeps the script's meaning clear:
   * shell form only, `cmd` at the top level of the script (not in a subshell, substitution, compound
   * command or pipeline, no here-document) and the command after it not joined with `||`, `|` or `&`.
   * Returns false (and adds nothing) otherwise.
   */
  appendCommand(run: Instruction, script: ShellScript, cmd: ShellCommand, command: string): boolean {
    if (run.execForm) return false;
    if (cmd.nested || cmd.inCompound || cmd.pipedIn || cmd.pipedOut) return false;
    if (cmd.redirects.some((r) => r.operator.startsWith('<<'))) return false;
    const next = script.commands.slice(cmd.index + 1).find((c) => !c.nested);
    if (next && next.connector !== null && ['||', '|', '&'].includes(next.connector)) return false;
    this.insertAfter(cmd, ` && ${command}`);
    return true;
  }

  /**
   * Removes a command joined to the next one by `&&` (`cd /x && make` → `make`): the command, the `&&`
   * and the blanks and line continuations (in the file's escape character) around it. Returns false (and
   * adds nothing) when anything else stands between the command and `next`.
   */
  removeCommandBefore(cmd: ShellCommand, next: ShellCommand): boolean {
    const file = this.file;
    const esc = file.escape === '`' ? '`' : '\\\\';
    const sep = new RegExp(`^(?:[ \\t]|${esc}[ \\t]*\\r?\\n)*&&(?:[ \\t]|${esc}[ \\t]*\\r?\\n)*`);
    const m = sep.exec(file.text.slice(cmd.range.end.offset));
    if (!m) return false;
    const end = cmd.range.end.offset + m[0].length;
    if (end > next.range.start.offset) return false;
    this.raw(cmd.range.start.offset, end, '');
    return true;
  }

  /**
   * Joins RUN `run` onto the previous RUN, whose script ends with `last`: ` && <escape>` after `last`,
   * then `run`'s arguments on a continuation line (its keyword, flags and the lines between go), indented
   * with {@link continuationIndent}, in the file's escape character and line ending. Comment lines between
   * the two RUNs are kept as comment lines of the continuation.
   *
   * Returns the number of comment lines carried into the continuation, or null (and adds nothing) when
   * something else stands between them — a pragma or directive-like comment (`# hadolint`, `# check=`,
   * `# syntax=`, `# escape=`), which would stop applying to `run` — when `run` shares its first line with
   * other text, or when it has no arguments.
   */
  joinRun(last: ShellCommand, run: Instruction): { comments: number } | null {
    const file = this.file;
    const argsStart = run.argsAfterFlags.segments[0]?.source;
    if (argsStart === undefined) return null;
    const start = last.range.end.offset;
    const runLineStart = file.lineStarts[run.line - 1];
    const lines = file.text.slice(start, runLineStart).split(/\r?\n/).slice(1).map((l) => l.trim()).filter((l) => l !== '');
    if (lines.some((l) => !l.startsWith('#') || /^#\s*(hadolint|check\s*=|syntax\s*=|escape\s*=)/i.test(l))) return null;
    if (!/^[ \t]*$/.test(file.text.slice(runLineStart, run.range.start.offset))) return null;
    const indent = this.continuationIndent();
    const comments = lines.map((c) => `${indent}${c}${file.eol}`).join('');
    this.raw(start, argsStart, ` && ${file.escape}${file.eol}${comments}${indent}`);
    return { comments: lines.length };
  }

  /**
   * A flag inserted right after `word` of a RUN: ` --flag` in shell form, `, "--flag"` in exec form
   * (where the word is a JSON string literal).
   */
  insertFlagAfter(run: Instruction, word: EditTarget, flag: string): this {
    return this.insertAfter(word, run.execForm ? `, ${JSON.stringify(flag)}` : ` ${flag}`);
  }

  /**
   * An instruction keyword written in the file's casing: lower case when most instructions of the file
   * are written in lower case (`run`, `from`), else upper case — so inserted lines do not make the
   * file's casing inconsistent (BuildKit's ConsistentInstructionCasing).
   */
  keyword(keyword: string): string {
    let lower = 0;
    let upper = 0;
    for (const i of this.file.instructions) {
      if (i.keywordRaw === i.keywordRaw.toLowerCase()) lower++;
      else if (i.keywordRaw === i.keywordRaw.toUpperCase()) upper++;
    }
    return lower > upper ? keyword.toLowerCase() : keyword.toUpperCase();
  }

  /**
   * `keyword` in the casing `instr`'s keyword is written in: lower case for `add` (→ `copy`), upper case
   * for `ADD`, else capitalised (`Add` → `Copy`). For a keyword that replaces another one in place.
   */
  keywordAs(instr: Instruction, keyword: string): string {
    const written = instr.keywordRaw;
    if (written === written.toLowerCase()) return keyword.toLowerCase();
    if (written === written.toUpperCase()) return keyword.toUpperCase();
    return keyword[0].toUpperCase() + keyword.slice(1).toLowerCase();
  }

  /**
   * The indentation the file uses on continuation lines of its instructions (the most common leading
   * whitespace of non-empty, non-comment continuation lines), or four spaces when it has none.
   */
  continuationIndent(): string {
    const file = this.file;
    const counts = new Map<string, number>();
    for (const instr of file.instructions) {
      if (instr.endLine <= instr.line || instr.heredocs.length > 0) continue;
      for (let line = instr.line + 1; line <= instr.endLine; line++) {
        const start = file.lineStarts[line - 1];
        const end = line < file.lineStarts.length ? file.lineStarts[line] : file.text.length;
        const text = file.text.slice(start, end).replace(/\r?\n$/, '');
        const m = /^([ \t]*)(\S)/.exec(text);
        if (!m || m[2] === '#' || m[1] === '') continue;
        counts.set(m[1], (counts.get(m[1]) ?? 0) + 1);
      }
    }
    let best = '    ';
    let n = 0;
    for (const [indent, c] of counts) if (c > n || (c === n && indent.length < best.length)) [best, n] = [indent, c];
    return best;
  }

  /** Whitespace before the instruction on its first line ('' when something else precedes it there). */
  indentOf(instr: Instruction): string {
    const lineStart = this.file.lineStarts[instr.line - 1] ?? 0;
    const before = this.file.text.slice(lineStart, instr.range.start.offset);
    return /^[ \t]*$/.test(before) ? before : '';
  }

  /**
   * Creates a build-context file (path relative to the context, `/`-separated) holding `lines`, each
   * ended with the Dockerfile's line ending. Applied only where the file does not exist yet.
   */
  createContextFile(path: string, lines: readonly string[]): this {
    this.files.push({ path, create: true, edits: [{ start: 0, end: 0, text: lines.join(this.file.eol) + this.file.eol }] });
    return this;
  }

  /**
   * Appends `lines` to an existing build-context file whose current text is `content`, in that file's
   * line ending, starting a new line first when it does not end with one.
   */
  appendToContextFile(path: string, content: string, lines: readonly string[]): this {
    const eol = content.includes('\r\n') ? '\r\n' : '\n';
    const lead = content === '' || content.endsWith('\n') ? '' : eol;
    this.files.push({ path, create: false, edits: [{ start: content.length, end: content.length, text: lead + lines.join(eol) + eol }] });
    return this;
  }

  /** True when no edit was added (to the Dockerfile or another file). */
  get empty(): boolean {
    return this.edits.length === 0 && this.files.length === 0;
  }

  /** The fix, labelled safe: it keeps the build's behaviour. */
  safe(description: string): Fix {
    return this.fix('safe', description);
  }

  /** The fix, labelled unsafe: it changes what the build does (applied only with `--unsafe-fixes`). */
  unsafe(description: string): Fix {
    return this.fix('unsafe', description);
  }

  /** The fix with the given applicability. */
  fix(applicability: Applicability, description: string): Fix {
    return { applicability, description, edits: [...this.edits], ...(this.files.length > 0 ? { files: [...this.files] } : {}) };
  }

  /**
   * A raw replacement of `file.text[start, end)`. For the few edits that have no Dockerfile node to
   * hang on (a separator between two commands); prefer the methods above.
   */
  raw(start: number, end: number, text: string): this {
    if (start !== end || text !== '') this.edits.push({ start, end, text });
    return this;
  }

  /** Start of the first line of the comment block directly above the instruction (or of its own line). */
  private lineStartAbove(instr: Instruction): number {
    let line = instr.line;
    const above = instr.comments.filter((c) => !c.inContinuation);
    for (let i = above.length - 1; i >= 0; i--) {
      if (above[i].range.start.line === line - 1) line -= 1;
      else break;
    }
    return this.file.lineStarts[line - 1] ?? this.file.text.length;
  }

  /** Offsets of an instruction's arguments after its flags, from their first to their last character. */
  private argumentsOf(instr: Instruction): { start: number; end: number } {
    const args = instr.argsAfterFlags;
    if (args.segments.length === 0) return { start: instr.keywordRange.end.offset + 1, end: instr.range.end.offset };
    return { start: mapOffset(args, 0), end: mapOffset(args, args.text.length) };
  }

  /** Offsets of the instruction's whole lines, line ending of its last line included. */
  private linesOf(instr: Instruction): { start: number; end: number } {
    const file = this.file;
    const start = file.lineStarts[instr.line - 1] ?? instr.range.start.offset;
    const end = instr.endLine < file.lineStarts.length ? file.lineStarts[instr.endLine] : file.text.length;
    return { start, end };
  }
}
