/**
 * Helpers of the seed rules (shipshape's own best-practice rules): the final stage and its ancestry,
 * the effective USER, COPY/ADD sources from the build context, and insertion points for fixes.
 *
 * No `node:` imports: rules run in browsers and language servers too.
 */
import { expandWord } from '../../parse/expand.js';
import { scopeLookup } from '../../parse/semantics.js';
import type { Dockerfile, ImageRef, Instruction, MappedText, Range, Stage, Word } from '../../parse/types.js';
import type { RuleContext } from '../../engine/types.js';
import type { ShellCommand } from '../../shell/types.js';
import { mappedRange } from '../../shell/positions.js';

/**
 * Expands a word of an instruction with the ARG/ENV values visible there. Null when the expansion fails,
 * or when it uses a variable without a value and gives nothing (`$APP_USER` with `ARG APP_USER`);
 * defaults apply (`${UID:-0}` is `0`).
 */
function expandedValue(ctx: RuleContext, instr: Instruction, word: string): string | null {
  const r = expandWord(word, scopeLookup(ctx.scope(instr)), { escape: ctx.file.escape });
  if (r.error !== null) return null;
  if (r.unmatched.length > 0 && r.value.trim().replace(/^:|:$/g, '') === '') return null;
  return r.value;
}

/** The USER instructions of a stage (not those inside ONBUILD), in order. */
export function userInstructions(stage: Stage): Instruction[] {
  return stage.instructions.filter((i) => i.keyword === 'USER');
}

/** What a USER instruction sets. */
export interface UserValue {
  instruction: Instruction;
  /** The user word (`root`, `${APP_USER}`, `10001:10001`). */
  word: Word | null;
  /** The value after ARG/ENV expansion; null when it depends on an unknown variable. */
  value: string | null;
  /** True when the user part (before `:`) is `root` or `0`. */
  root: boolean;
}

/** True when a USER value names root: the user part before `:` is `root` or uid `0`. */
function isRootUser(value: string): boolean {
  const user = value.trim().split(':')[0];
  return user === 'root' || /^0+$/.test(user);
}

/** Reads a USER instruction, expanding variables with the scope just before it. */
export function readUser(ctx: RuleContext, instr: Instruction): UserValue {
  const word = instr.words[0] ?? null;
  const raw = word ? word.raw : instr.argsAfterFlags.text;
  const value = raw.trim() === '' ? null : expandedValue(ctx, instr, raw);
  return { instruction: instr, word, value, root: value !== null && value.trim() !== '' && isRootUser(value) };
}


/** Sources of a COPY/ADD (words after the flags minus the destination; exec form: JSON elements). */
export function copySources(instr: Instruction): Word[] {
  const words = instr.words;
  if (words.length < 2) return [];
  return words.slice(0, -1);
}

/** True for an ADD/COPY source that does not come from the build context (URL, git, heredoc). */
function isRemoteOrHeredoc(source: string): boolean {
  return /^(https?|git|ssh):\/\//i.test(source) || /^git@/.test(source) || source.startsWith('<<');
}

/** True when a COPY/ADD reads from another stage or image (`--from`). */
export function hasFromFlag(instr: Instruction): boolean {
  return instr.flags.some((f) => f.name === 'from');
}

/**
 * COPY/ADD instructions of the file (not wrapped in ONBUILD: those run in a child build with its own
 * context) that copy something from this build context, each with its context sources.
 */
export function contextCopies(file: Dockerfile): { instruction: Instruction; sources: Word[] }[] {
  const out: { instruction: Instruction; sources: Word[] }[] = [];
  for (const instr of file.instructions) {
    if (instr.keyword !== 'COPY' && instr.keyword !== 'ADD') continue;
    if (hasFromFlag(instr)) continue;
    const sources = copySources(instr).filter((w) => !isRemoteOrHeredoc(w.value));
    if (sources.length > 0) out.push({ instruction: instr, sources });
  }
  return out;
}

/** Normalises a context source path: `./a/` → `a`, `.` and `./` → ``. */
function normaliseSource(source: string): string {
  let p = source.replace(/\\/g, '/');
  while (p.startsWith('./')) p = p.slice(2);
  p = p.replace(/^\/+/, '').replace(/\/+$/, '');
  if (p === '.') p = '';
  return p.replace(/\/\.$/, '');
}

/** True when a COPY/ADD source sends the whole context (`.`, `./`, `/`). */
export function isWholeContext(source: string): boolean {
  return normaliseSource(source) === '';
}

/** Converts a Docker COPY source glob (`*`, `?`, `[...]`) to a regular expression over context paths. */
function globToRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else if (c === '[') {
      const end = glob.indexOf(']', i + 1);
      if (end < 0) re += '\\[';
      else {
        re += '[' + glob.slice(i + 1, end).replace(/^!/, '^').replace(/\\/g, '\\\\') + ']';
        i = end;
      }
    } else re += c.replace(/[.+^${}()|\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

/**
 * The context files a COPY/ADD source selects: the file itself, every file under a directory, or the
 * files matching a glob (and everything under matching directories).
 */
export function filesOfSource(files: readonly string[], source: string): string[] {
  const p = normaliseSource(source);
  if (p === '') return [...files];
  if (/[*?[]/.test(p)) {
    const re = globToRegExp(p);
    return files.filter((f) => {
      const parts = f.split('/');
      for (let n = 1; n <= parts.length; n++) if (re.test(parts.slice(0, n).join('/'))) return true;
      return false;
    });
  }
  return files.filter((f) => f === p || f.startsWith(p + '/'));
}

/** True when the base is `scratch` (no image). */
export function isScratch(image: ImageRef): boolean {
  return image.expanded.trim().toLowerCase() === 'scratch';
}

/** The image word of a stage's FROM (the first word after the flags). */
export function fromImageWord(stage: Stage): Word | null {
  return stage.from.words[0] ?? null;
}

/**
 * The range of the first occurrence of `needle` as a whole word in an instruction's arguments (after the
 * flags), or null. For shell-form CMD/ENTRYPOINT/RUN, whose `words` are empty.
 */
export function wordInArgs(file: Dockerfile, instr: Instruction, needle: string): Range | null {
  const text = instr.argsAfterFlags.text;
  const re = new RegExp(`(^|[\\s"'=;&|/])(${needle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')})(?=$|[\\s"';&|])`);
  const m = re.exec(text);
  if (!m) return null;
  const from = m.index + m[1].length;
  return mappedRange(file, instr.argsAfterFlags, from, from + needle.length);
}
