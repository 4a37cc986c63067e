/**
 * What COPY and ADD take from the build context: their sources, the copies that read the context (not
 * `--from`, not URLs or heredocs), whole-context copies (`COPY . .`), and the context files a source
 * path or glob selects (BuildKit's COPY source matching).
 *
 * No `node:` imports: rules run in browsers and language servers too.
 */
import type { Dockerfile, Instruction, Word } from '../../parse/types.js';

/** Sources of a COPY/ADD (words after the flags minus the destination; exec form: JSON elements). */
function copySources(instr: Instruction): Word[] {
  const words = instr.words;
  if (words.length < 2) return [];
  return words.slice(0, -1);
}

/** True for an ADD/COPY source that does not come from the build context (URL, git, heredoc). */
function isRemoteOrHeredoc(source: string): boolean {
  return /^(https?|git|ssh):\/\//i.test(source) || /^git@/.test(source) || source.startsWith('<<');
}

/** True when a COPY/ADD reads from another stage or image (`--from`). */
function hasFromFlag(instr: Instruction): boolean {
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
export function normaliseSource(source: string): string {
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

/**
 * Converts a COPY source glob to a regular expression over context paths, as BuildKit matches sources
 * (Go's `filepath.Match`: `*` and `?` stay within one path segment, `[...]`/`[!...]` classes).
 */
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
 * Look-ups over one context listing, made once per listing (a listing is never changed after it is
 * made): its paths as a set, and the matches of each glob source seen so far. Only for a listing in
 * code-unit order (as src/context/fs.ts lists, and any one-element list), where the paths under a
 * directory are one run found by binary search. Without it, each source scanned the whole listing: a
 * Dockerfile with 20,000 COPYs in a context of 22,000 files took ~13 s in the rules that read sources.
 */
interface ListingIndex {
  paths: Set<string>;
  globs: Map<string, readonly string[]>;
}

const indexes = new WeakMap<readonly string[], ListingIndex | null>();

/** The index of `files`, or null when `files` is not in code-unit order (then it is scanned). */
function listingIndex(files: readonly string[]): ListingIndex | null {
  let ix = indexes.get(files);
  if (ix === undefined) {
    let sorted = true;
    for (let i = 1; i < files.length && sorted; i++) sorted = files[i - 1] < files[i];
    ix = sorted ? { paths: new Set(files), globs: new Map() } : null;
    indexes.set(files, ix);
  }
  return ix;
}

/** The index of the first path of sorted `files` that is not less than `key`. */
function lowerBound(files: readonly string[], key: string): number {
  let lo = 0;
  let hi = files.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (files[mid] < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The paths of sorted `files` that start with `prefix` (one run of the sorted list). */
function withPrefix(files: readonly string[], prefix: string): string[] {
  const out: string[] = [];
  for (let i = lowerBound(files, prefix); i < files.length && files[i].startsWith(prefix); i++) out.push(files[i]);
  return out;
}

/** True when `files` (a context listing) holds `path`: a set look-up for a listing in code-unit order. */
export function listingHas(files: readonly string[], path: string): boolean {
  const ix = listingIndex(files);
  return ix ? ix.paths.has(path) : files.includes(path);
}

/**
 * True when a COPY/ADD source takes a directory of the context rather than named files: the whole
 * context (`.`, `./`, `/`), a path ending in `/`, a path with files under it, or a glob matching a
 * directory (BuildKit copies a matched directory's contents). A source that matches nothing in `files`
 * counts as a file.
 */
export function copiesDirectory(files: readonly string[], source: string): boolean {
  const p = normaliseSource(source);
  if (p === '' || /\/\s*$/.test(source.trim())) return true;
  if (/[*?[]/.test(p)) {
    const re = globToRegExp(p);
    return filesOfSource(files, source).some((f) => !re.test(f));
  }
  const ix = listingIndex(files);
  if (!ix) return files.some((f) => f.startsWith(p + '/'));
  const at = lowerBound(files, p + '/');
  return at < files.length && files[at].startsWith(p + '/');
}

/**
 * The context files a COPY/ADD source selects, in the order of `files`: the file itself, every file
 * under a directory, or the files matching a glob (and everything under matching directories). The
 * list may be shared with other calls: do not change it.
 */
export function filesOfSource(files: readonly string[], source: string): readonly string[] {
  const p = normaliseSource(source);
  if (p === '') return files;
  const ix = listingIndex(files);
  if (/[*?[]/.test(p)) {
    const known = ix?.globs.get(p);
    if (known) return known;
    const re = globToRegExp(p);
    const matched = files.filter((f) => {
      const parts = f.split('/');
      for (let n = 1; n <= parts.length; n++) if (re.test(parts.slice(0, n).join('/'))) return true;
      return false;
    });
    ix?.globs.set(p, matched);
    return matched;
  }
  if (!ix) return files.filter((f) => f === p || f.startsWith(p + '/'));
  // In code-unit order `p` comes before every `p/…` path.
  const under = withPrefix(files, p + '/');
  return ix.paths.has(p) ? [p, ...under] : under;
}
