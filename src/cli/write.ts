/**
 * Writing fixed files without ever losing or breaking what the user owns.
 *
 * - A Dockerfile is replaced atomically: a temporary file in the same directory (removed on any error,
 *   at exit and on SIGINT/SIGTERM/SIGHUP), given the original's mode, owner and group, then renamed
 *   over it. The write is synchronous, so a signal that arrives meanwhile is handled after it: the
 *   target is then either the old file or the whole new one, and `signalsDelivered()` lets the signal
 *   end the run (status 128 + its number) before anything else is written or a success is reported. Only a regular file that is not a symlink and has one link is replaced; a file the
 *   user cannot give back to its owner (another user's file in a writable directory) is refused.
 * - Just before the rename the file is checked to be the one that was read (inode, size, mtime and
 *   SHA-256 of its bytes): an edit made meanwhile, or another `--fix` run, is never overwritten.
 * - A build-context file (`.dockerignore`) is only ever appended to, in place (its bytes, encoding,
 *   owner and links are kept), or created when no entry of that name exists; a symlink (even a dangling
 *   one), an unreadable or a non-regular file is refused.
 */
import { createHash } from 'node:crypto';
import {
  accessSync,
  closeSync,
  constants,
  fchmodSync,
  fchownSync,
  fstatSync,
  fsyncSync,
  lstatSync,
  openSync,
  readSync,
  renameSync,
  unlinkSync,
  writeSync,
  type Stats,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { statSync } from 'node:fs';

/** A file could not or must not be written; `message` says why (shown to the user, exit code 2). */
export class WriteRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WriteRefused';
  }
}

/** What a file was when it was read: compared again before it is replaced or appended to. */
export interface FileSnapshot {
  dev: number;
  ino: number;
  size: number;
  mtimeMs: number;
  /** SHA-256 of the bytes, hex. */
  hash: string;
}

/** The snapshot of `bytes` read from a file whose fstat was `stat`. */
export function snapshotOf(bytes: Uint8Array, stat: Stats): FileSnapshot {
  return { dev: stat.dev, ino: stat.ino, size: stat.size, mtimeMs: stat.mtimeMs, hash: createHash('sha256').update(bytes).digest('hex') };
}

const KIND: [keyof Stats, string][] = [
  ['isDirectory', 'a directory'],
  ['isFIFO', 'a FIFO'],
  ['isSocket', 'a socket'],
  ['isCharacterDevice', 'a character device'],
  ['isBlockDevice', 'a block device'],
  ['isSymbolicLink', 'a symbolic link'],
];

/** `a FIFO`, `a socket`, ... for a file that is not a regular file. */
export function kindOf(stat: Stats): string {
  for (const [m, name] of KIND) if ((stat[m] as () => boolean).call(stat)) return name;
  return 'not a regular file';
}

/** Reads a whole open file descriptor. */
export function readAll(fd: number, size: number): Buffer {
  const chunks: Buffer[] = [];
  let total = 0;
  for (;;) {
    const buf = Buffer.alloc(Math.max(size - total, 64 * 1024));
    const n = readSync(fd, buf, 0, buf.length, null);
    if (n === 0) break;
    chunks.push(buf.subarray(0, n));
    total += n;
  }
  return Buffer.concat(chunks, total);
}

/** The current bytes and stat of a regular file (not followed through a symlink), or a refusal. */
function current(path: string): { bytes: Buffer; stat: Stats } {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ELOOP') throw new WriteRefused('is a symbolic link');
    if (code === 'ENOENT') throw new WriteRefused('was removed while fixing');
    if (code === 'EACCES' || code === 'EPERM') throw new WriteRefused('cannot be read (permission denied)');
    throw e;
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) throw new WriteRefused(`is ${kindOf(stat)}, not a regular file`);
    return { bytes: readAll(fd, stat.size), stat };
  } finally {
    closeSync(fd);
  }
}

function unchanged(path: string, expected: FileSnapshot): void {
  const { bytes, stat } = current(path);
  const now = snapshotOf(bytes, stat);
  if (now.dev !== expected.dev || now.ino !== expected.ino || now.size !== expected.size || now.mtimeMs !== expected.mtimeMs || now.hash !== expected.hash) {
    throw new WriteRefused('changed while it was being fixed (edited, or fixed by another run): run again');
  }
}

/** Temporary files being written: removed if the process ends (exit, SIGINT, SIGTERM, SIGHUP) before the rename. */
const pending = new Set<string>();
/** The signals that end a run, with their numbers (the exit status is 128 + the number). */
const SIGNALS: Record<string, number> = { SIGINT: 2, SIGTERM: 15, SIGHUP: 1 };
let hooked = false;
function removePending(): void {
  for (const p of pending) {
    try {
      unlinkSync(p);
    } catch {
      /* already gone */
    }
  }
  pending.clear();
}
function track(tmp: string): void {
  if (!hooked) {
    hooked = true;
    process.on('exit', removePending);
    // With a listener, Node no longer ends the process on these signals: this one does, with the
    // conventional status (the other `exit` listeners, e.g. ShellCheck's clean-up, still run).
    for (const [signal, number] of Object.entries(SIGNALS)) {
      process.on(signal, () => {
        removePending();
        process.exit(128 + number);
      });
    }
  }
  pending.add(tmp);
}

/**
 * Resolves after the event loop has read the signals that arrived while files were written
 * synchronously: a SIGINT/SIGTERM/SIGHUP received during `replaceFile` or `appendToFile` ends the process
 * here (its handler exits with 128 + the signal number), so an interrupted `--fix` goes no further —
 * no next file, no "Fixed" line, no exit status 0. Node reads signals in the poll phase of its loop,
 * which one `setImmediate` may skip (when called from the poll phase itself); the second one comes
 * after a poll.
 */
export async function signalsDelivered(): Promise<void> {
  for (let i = 0; i < 2; i++) await new Promise<void>((resolve) => setImmediate(resolve));
}

/**
 * Checks, before anything is written, that `path` can be replaced by `replaceFile`: a regular file,
 * not a symlink, one link, in a writable directory, owned by this user (or running as root).
 * @throws WriteRefused with the reason
 */
export function checkReplaceable(path: string): void {
  let st: Stats;
  try {
    st = lstatSync(path);
  } catch {
    throw new WriteRefused('no longer exists');
  }
  if (st.isSymbolicLink()) throw new WriteRefused('is a symbolic link (fix the file it points to)');
  if (!st.isFile()) throw new WriteRefused(`is ${kindOf(st)}, not a regular file`);
  if (st.nlink > 1) throw new WriteRefused(`has ${st.nlink} hard links; replacing it would split them`);
  try {
    accessSync(dirname(path), constants.W_OK);
  } catch (e) {
    throw new WriteRefused(`is in a directory this user cannot write (${(e as NodeJS.ErrnoException).code === 'EROFS' ? 'read-only file system' : 'permission denied'})`);
  }
  const uid = process.geteuid?.() ?? 0;
  if (uid !== 0 && st.uid !== uid) throw new WriteRefused(`belongs to another user (uid ${st.uid}); a fixed copy would belong to you`);
}

/**
 * Replaces the regular file `path` with `content`, atomically, keeping mode, owner and group, after
 * checking that it is still what `expected` describes.
 * @throws WriteRefused when it must not be written; the file-system error when it cannot be (the
 *   original is intact either way)
 */
export function replaceFile(path: string, content: string | Uint8Array, expected: FileSnapshot): void {
  checkReplaceable(path);
  const st = lstatSync(path);
  const tmp = join(dirname(path), `.${basename(path)}.shipshape-${process.pid}-${Math.random().toString(36).slice(2, 10)}.tmp`);
  track(tmp);
  let fd: number | null = openSync(tmp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW, 0o600);
  try {
    const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
    for (let off = 0; off < bytes.length; ) off += writeSync(fd, bytes, off, bytes.length - off);
    const mine = fstatSync(fd);
    if (mine.uid !== st.uid || mine.gid !== st.gid) {
      try {
        fchownSync(fd, st.uid, st.gid);
      } catch {
        throw new WriteRefused(`belongs to uid ${st.uid}, gid ${st.gid}, which a fixed copy cannot keep`);
      }
    }
    fchmodSync(fd, st.mode & 0o7777);
    fsyncSync(fd);
    closeSync(fd);
    fd = null;
    unchanged(path, expected);
    renameSync(tmp, path);
  } catch (e) {
    if (fd !== null) closeSync(fd);
    try {
      unlinkSync(tmp);
    } catch {
      /* not created */
    }
    throw e;
  } finally {
    pending.delete(tmp);
  }
}

/**
 * Appends `suffix` to the context file `path` in place, after checking that it still holds the bytes
 * of `expected`; or creates it when `expected` is null and no entry of that name exists.
 * @throws WriteRefused for a symlink (dangling or not), a non-regular or unreadable file, or a changed one
 */
export function appendToFile(path: string, suffix: string, expected: FileSnapshot | null): void {
  const bytes = Buffer.from(suffix, 'utf8');
  if (expected === null) {
    let fd: number;
    try {
      fd = openSync(path, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW, 0o666);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EEXIST') {
        const st = lstatSync(path);
        throw new WriteRefused(st.isSymbolicLink() ? 'is a symbolic link (add the patterns to the file it points to yourself)' : st.isFile() ? 'cannot be read' : `is ${kindOf(st)}`);
      }
      throw e;
    }
    try {
      for (let off = 0; off < bytes.length; ) off += writeSync(fd, bytes, off, bytes.length - off);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    return;
  }
  let fd: number;
  try {
    fd = openSync(path, constants.O_WRONLY | constants.O_APPEND | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ELOOP') throw new WriteRefused('is a symbolic link (add the patterns to the file it points to yourself)');
    throw e;
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) throw new WriteRefused(`is ${kindOf(st)}, not a regular file`);
    unchanged(path, expected);
    for (let off = 0; off < bytes.length; ) off += writeSync(fd, bytes, off, bytes.length - off);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * Replaces `path` with `content` atomically (`write-file-atomic`), keeping the mode. For scripts that
 * write files they made themselves; the CLI's fixes use `replaceFile`.
 * @throws the file-system error when the directory is not writable (the original stays intact).
 */
export function writeAtomic(path: string, content: string): void {
  let mode: number | undefined;
  try {
    mode = statSync(path).mode & 0o7777;
  } catch {
    mode = undefined;
  }
  // Required when first used: evaluating write-file-atomic starts `node:worker_threads`, which a lint
  // run that writes nothing should not pay for.
  const writeFileAtomic = createRequire(import.meta.url)('write-file-atomic') as typeof import('write-file-atomic');
  writeFileAtomic.sync(path, content, { encoding: 'utf8', mode, fsync: true });
}
