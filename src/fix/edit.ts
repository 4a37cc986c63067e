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
   * Replaces an instruction's arguments (after its flags, to the end of the instruction) with `text`:
   * `CMD python app.py` → `CMD ["python", "app.py"]`.
   */
  replaceArguments(instr: Instruction, text: string): this {
    const start = instr.argsAfterFlags.segments[0]?.source ?? instr.keywordRange.end.offset + 1;
    return this.raw(start, instr.range.end.offset, text);
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
   * Moves an instruction (its whole lines, with the comment block directly above it) to just before
   * `before` (above `before`'s own comment block). The moved text keeps its own indentation and line
   * endings; a last line without a line break gets the file's.
   */
  moveInstruction(instr: Instruction, before: Instruction): this {
    const start = this.lineStartAbove(instr);
    const { end } = this.linesOf(instr);
    let block = this.file.text.slice(start, end);
    if (!block.endsWith('\n')) block += this.file.eol;
    const at = this.lineStartAbove(before);
    this.raw(at, at, block);
    return this.raw(start, end, '');
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

  /** Offsets of the instruction's whole lines, line ending of its last line included. */
  private linesOf(instr: Instruction): { start: number; end: number } {
    const file = this.file;
    const start = file.lineStarts[instr.line - 1] ?? instr.range.start.offset;
    const end = instr.endLine < file.lineStarts.length ? file.lineStarts[instr.endLine] : file.text.length;
    return { start, end };
  }
}
