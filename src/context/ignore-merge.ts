/**
 * Adding entries to a `.dockerignore` someone already wrote, without changing what their lines mean.
 *
 * Pure: no file-system access, usable in the browser.
 */

/**
 * A `.dockerignore` pattern as BuildKit compares it (moby `dockerignore.ReadAll`): trimmed, without a
 * leading `!`, cleaned like Go's `filepath.Clean` (`./a//b/` → `a/b`) and without a leading `/`. So
 * `media/`, `/media` and `./media` are the same entry.
 * @returns the cleaned pattern, or null for a blank or comment line
 */
export function normalizeIgnorePattern(line: string): { pattern: string; negated: boolean } | null {
  let p = line.trim();
  if (p === '' || p.startsWith('#')) return null;
  const negated = p.startsWith('!');
  if (negated) p = p.slice(1).trim();
  const out: string[] = [];
  for (const part of p.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..' && out.length > 0 && out[out.length - 1] !== '..') out.pop();
    else out.push(part);
  }
  return { pattern: out.join('/') || '.', negated };
}

/** The result of {@link mergeDockerignore}. */
interface IgnoreMerge {
  /** The new file text: the existing text unchanged, after a block of the missing entries (or unchanged). */
  text: string;
  /** The entries added, in the order written (empty when the file already has them all). */
  added: string[];
}

/**
 * Adds the entries of `wanted` that `existing` lacks, keeping every existing line, its order, comments,
 * negations, line endings and byte order mark.
 *
 * An entry counts as present when the file has the same cleaned pattern ({@link normalizeIgnorePattern}),
 * as an exclusion or as an exception (`!pattern`: the author decided about it). A wanted exception
 * (`!**\/.env.example`) is added only together with the exclusion before it in `wanted`.
 *
 * The missing entries are put in a block at the **top** of the file, not at the end: in a `.dockerignore`
 * the last pattern that matches a path decides (BuildKit's patternmatcher), so entries placed before the
 * author's lines can never undo one of the author's exceptions (`!config/.env.defaults`) or exclusions.
 *
 * @param existing the current file text (may be empty, use CRLF, start with a BOM)
 * @param wanted the `.dockerignore` text whose entries should be present (comments in it are not copied)
 * @param header the comment line that introduces the added block (written with a leading `# `)
 */
export function mergeDockerignore(existing: string, wanted: string, header: string): IgnoreMerge {
  const have = new Set<string>();
  for (const line of existing.replace(/^\uFEFF/, '').split(/\r?\n/)) {
    const n = normalizeIgnorePattern(line);
    if (n) have.add(n.pattern);
  }
  const added: string[] = [];
  let lastAdded = false;
  for (const line of wanted.split(/\r?\n/)) {
    const n = normalizeIgnorePattern(line);
    if (!n) continue;
    if (n.negated) {
      if (lastAdded && !have.has(n.pattern)) added.push(line.trim());
      continue;
    }
    lastAdded = !have.has(n.pattern);
    if (lastAdded) {
      added.push(line.trim());
      have.add(n.pattern);
    }
  }
  if (added.length === 0) return { text: existing, added };
  const eol = existing.includes('\r\n') ? '\r\n' : '\n';
  const bom = existing.startsWith('\uFEFF') ? '\uFEFF' : '';
  const body = existing.slice(bom.length);
  const block = [`# ${header}`, ...added].join(eol) + eol;
  return { text: bom + block + (body === '' ? '' : eol + body), added };
}
