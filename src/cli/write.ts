/**
 * Writing fixed files without ever losing the user's data: a temporary file in the same directory,
 * then a rename (`write-file-atomic`), keeping the file's mode and owner.
 */
import writeFileAtomic from 'write-file-atomic';
import { statSync } from 'node:fs';

/**
 * Replaces `path` with `content` atomically. The original mode is kept; the text is written as UTF-8
 * exactly as given (its BOM and line endings are the caller's, unchanged from the input).
 * @throws the file-system error when the directory is not writable (the original stays intact).
 */
export function writeAtomic(path: string, content: string): void {
  let mode: number | undefined;
  try {
    mode = statSync(path).mode & 0o7777;
  } catch {
    mode = undefined;
  }
  writeFileAtomic.sync(path, content, { encoding: 'utf8', mode, fsync: true });
}
