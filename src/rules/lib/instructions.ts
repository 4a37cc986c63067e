/**
 * Helpers shared by the instruction-level hadolint rules (DL3000–DL4006): positions, quote stripping,
 * COPY/ADD sources and destination, ONBUILD traversal, stage ancestry, archives and image hints.
 *
 * No `node:` imports: rules run in browsers and language servers too.
 */
import type { Dockerfile, Instruction, MappedText, Position, Range, Stage, Word } from '../../parse/types.js';
import { mappedRange } from '../../shell/positions.js';

/** The range of an instruction's arguments after its flags (the instruction's range when empty). */
export function argsRange(file: Dockerfile, instr: Instruction): Range {
  if (instr.argsAfterFlags.text.length === 0 || instr.argsAfterFlags.segments.length === 0) return instr.range;
  return mappedRange(file, instr.argsAfterFlags);
}

/** Removes one pair of surrounding `"` or `'` (hadolint's `dropQuotes`). */
export function stripQuotes(s: string): string {
  let out = s;
  if (out.length >= 1 && (out[0] === '"' || out[0] === "'")) out = out.slice(1);
  if (out.length >= 1 && (out.endsWith('"') || out.endsWith("'"))) out = out.slice(0, -1);
  return out;
}

/** True for a Windows absolute path (`C:\x`, `c:/`, `D:`). */
export function isWindowsDrivePath(path: string): boolean {
  return /^[A-Za-z]:([\\/]|$)/.test(path);
}

/**
 * Every instruction of the file, and — when `onbuild` is true — also the instructions wrapped by
 * ONBUILD (unwrapped; `wrapper` is the ONBUILD instruction). hadolint's OB=yes rules see both.
 */
export function* withOnbuild(file: Dockerfile, onbuild: boolean): Generator<{ instr: Instruction; wrapper: Instruction | null }> {
  for (const instr of file.instructions) {
    if (instr.keyword === 'ONBUILD') {
      if (onbuild && instr.onbuild) yield { instr: instr.onbuild, wrapper: instr };
      continue;
    }
    yield { instr, wrapper: null };
  }
}

/** Sources and destination of COPY/ADD: words after the flags (exec form: the JSON elements). */
interface CopyArgs {
  sources: Word[];
  dest: Word | null;
}

/**
 * The source words and the destination word of a COPY or ADD. `value` is the path as written with
 * surrounding quotes removed (no escape processing, so `c:\\tools` keeps its backslash); `raw` as written.
 */
export function copyArgs(instr: Instruction): CopyArgs {
  const flagRanges = instr.flags.map((f) => f.range);
  const words = instr.words.filter((w) => !flagRanges.some((r) => w.range.start.offset >= r.start.offset && w.range.start.offset < r.end.offset));
  if (words.length === 0) return { sources: [], dest: null };
  // Paths as written, surrounding quotes removed (hadolint's view; keeps Windows backslashes).
  const paths = instr.execForm ? words : words.map((w) => ({ ...w, value: stripQuotes(w.raw) }));
  return { sources: paths.slice(0, -1), dest: paths[paths.length - 1] };
}

/** The value of a flag (`--from=x` → `x`), or null when absent or without value. */
export function instructionFlagValue(instr: Instruction, name: string): string | null {
  const flag = instr.flags.find((f) => f.name === name);
  return flag ? flag.value : null;
}

/** hadolint's archive extensions (DL3010, DL3020). */
const ARCHIVE_EXTENSIONS = ['.tar', '.Z', '.bz2', '.gz', '.lz', '.lzma', '.tZ', '.tb2', '.tbz', '.tbz2', '.tgz', '.tlz', '.tpz', '.txz', '.xz'];

/** True when a file name ends with one of the archive extensions (quotes stripped). */
export function isArchiveName(name: string): boolean {
  const n = stripQuotes(name);
  return ARCHIVE_EXTENSIONS.some((ext) => n.endsWith(ext));
}

/** The last path component, splitting on `/` and `\` (a trailing separator is ignored). */
export function basename(path: string): string {
  const p = stripQuotes(path).replace(/[\\/]+$/, '');
  const parts = p.split(/[\\/]/);
  return parts[parts.length - 1];
}

/** True for a remote ADD source: http(s) URLs and git remotes. */
export function isRemoteSource(src: string): boolean {
  const s = stripQuotes(src);
  return /^(https?:\/\/|git@|git:\/\/|ssh:\/\/)/i.test(s);
}

/**
 * True when a stage chain (`ctx.stage(s).chain`) is based on Alpine or BusyBox, or installs packages
 * with `apk`: its `wget` is BusyBox's and it has no bash by default.
 */
export function looksBusybox(chain: readonly Stage[]): boolean {
  for (const s of chain) {
    if (s.base.kind === 'image' && /alpine|busybox/i.test(s.base.image.expanded)) return true;
    for (const i of s.instructions) {
      const target = i.keyword === 'ONBUILD' ? i.onbuild : i;
      if (target && target.keyword === 'RUN' && /(^|[\s;&|(])apk\s/.test(target.argsAfterFlags.text)) return true;
    }
  }
  return false;
}

/** Keeps the case style of a keyword as written (`add` → `copy`, `Add` → `Copy`). */
export function keywordLike(written: string, keyword: string): string {
  if (written === written.toLowerCase()) return keyword.toLowerCase();
  if (written === written.toUpperCase()) return keyword.toUpperCase();
  return keyword[0].toUpperCase() + keyword.slice(1).toLowerCase();
}

/** Stage names in BuildKit are case-insensitive (it lower-cases them). */
export function sameStageName(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

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


/**
 * The second and every later instruction with `keyword` in each stage, each with the stage's first one
 * (the count restarts at each FROM; ONBUILD triggers are not counted). Used by DL3012, DL4003, DL4004.
 */
export function repeatedInStage(file: Dockerfile, keyword: string): { first: Instruction; repeat: Instruction }[] {
  const out: { first: Instruction; repeat: Instruction }[] = [];
  for (const stage of file.stages) {
    let first: Instruction | null = null;
    for (const instr of stage.instructions) {
      if (instr.keyword !== keyword) continue;
      if (first) out.push({ first, repeat: instr });
      else first = instr;
    }
  }
  return out;
}
