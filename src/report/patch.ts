/**
 * The unified diff that `lint --diff`, `init --dry-run` and `pin --diff` print for a file they would
 * write: git's layout, so that `git apply` and `patch -p1` take it as it is, from the directory the
 * command ran in.
 */
import { createTwoFilesPatch } from 'diff';

/**
 * A unified diff of one file, with git's `a/` and `b/` prefixes on its name (`--- a/Dockerfile`,
 * `+++ b/Dockerfile`) and `--- /dev/null` for a file that does not exist yet (git's and GNU patch's
 * way to say "create"). No `Index:` or `====` header lines.
 * @param name the file's path as shown to the user, relative to the working directory when it is inside it
 *   (an absolute path is prefixed too, as git prints it for paths outside a repository: `a//tmp/x`)
 * @param before its current text, or null when the file does not exist
 * @param after the text that would be written
 * @returns the patch text, ending in a newline; only the header when the texts are equal
 */
export function filePatch(name: string, before: string | null, after: string): string {
  const shown = name.replace(/\\/g, '/');
  const patch = createTwoFilesPatch(before === null ? '/dev/null' : `a/${shown}`, `b/${shown}`, before ?? '', after);
  // jsdiff starts with a row of `=` (and `Index:` when both names are the same): git and patch skip
  // such lines, but they are noise in a terminal and in a review.
  return patch.replace(/^(?:Index: [^\n]*\n)?=+\n/, '');
}
