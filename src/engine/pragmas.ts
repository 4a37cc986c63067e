/**
 * Inline pragmas: hadolint's comment grammar (`# hadolint ignore=DL3008,SC2086`, `global ignore=`,
 * `stage ignore=`, `shell=`), also accepted with `shipshape` in place of `hadolint`.
 *
 * Grammar (hadolint `Hadolint.Pragma`): after `#`, optional blanks, the tool name, blanks, then either
 * `ignore`, `global ignore` or `stage ignore` followed by `[blanks] = [blanks]` and one or more rule
 * names separated by `[blanks] , [blanks]`, optionally followed by blanks and a `# comment`; or
 * `shell [blanks] = [blanks] NAME`. hadolint's rule names are made of `D L S C 0-9`; ours also allow
 * BuildKit's PascalCase names and kebab-case ids, so names are `[A-Za-z0-9_-]+`. Anything else makes
 * the whole comment an ordinary comment (nothing is suppressed).
 */
import type { Comment } from '../parse/types.js';

/** A parsed pragma comment. */
export type Pragma =
  | { kind: 'ignore'; scope: 'next' | 'global' | 'stage'; rules: string[]; tool: 'hadolint' | 'shipshape'; comment: Comment }
  | { kind: 'shell'; shell: string; tool: 'hadolint' | 'shipshape'; comment: Comment };

const IGNORE_RE = /^[ \t]*(hadolint|shipshape)[ \t]+(?:(global|stage)[ \t]+)?ignore[ \t]*=[ \t]*([A-Za-z0-9_-]+(?:[ \t]*,[ \t]*[A-Za-z0-9_-]+)*)[ \t]*(?:#.*)?$/;
const SHELL_RE = /^[ \t]*(hadolint|shipshape)[ \t]+shell[ \t]*=[ \t]*(\S+)[ \t]*$/;

/**
 * Reads one comment as a pragma; returns null when it is an ordinary comment.
 * @param comment a comment of the model (its `text` is what follows `#`).
 */
export function parsePragma(comment: Comment): Pragma | null {
  const ignore = IGNORE_RE.exec(comment.text);
  if (ignore) {
    const scope = ignore[2] === 'global' ? 'global' : ignore[2] === 'stage' ? 'stage' : 'next';
    const rules = ignore[3].split(',').map((s) => s.trim());
    return { kind: 'ignore', scope, rules, tool: ignore[1] as 'hadolint' | 'shipshape', comment };
  }
  const shell = SHELL_RE.exec(comment.text);
  if (shell) return { kind: 'shell', shell: shell[2], tool: shell[1] as 'hadolint' | 'shipshape', comment };
  return null;
}
