/**
 * What `shipshape lint` was asked to lint: turning command-line paths into targets (files, the
 * Dockerfiles found in directories, `-` for standard input), reading them, and describing read errors.
 */
import { closeSync, constants, fstatSync, openSync, statSync } from 'node:fs';
import { basename, dirname, relative, resolve } from 'node:path';
import { discoverDockerfiles } from './discover.js';
import { COMPOSE_NAME, discoverComposeFiles, readComposeBuilds, type ComposeBuild } from './compose.js';
import { decodeFile, InputError } from './input.js';
import { kindOf, readAll, snapshotOf, WriteRefused, type FileSnapshot } from './write.js';

/** Paths that name this process's standard input: linted (and fixed) as `-`, never as the file behind it. */
const STDIN_ALIASES = new Set(['/dev/stdin', '/dev/fd/0', '/proc/self/fd/0']);

/** One file to lint. `path` is absolute, or null for standard input. */
export interface Target {
  /** The name shown in reports: as given, relative to the working directory for discovered files. */
  display: string;
  path: string | null;
  /** The build context a Compose file gives this Dockerfile (absolute); else its own directory is assumed. */
  contextDir?: string;
  /** The Compose builds that use this Dockerfile with this context (one target per distinct context). */
  compose?: ComposeBuild[];
}

/** Targets of a run, and the messages for arguments that gave nothing to lint. */
export interface TargetList {
  targets: Target[];
  /** One message per argument that could not be used (printed on stderr; the run exits 2). */
  errors: string[];
  /** Warnings that do not stop the run (Compose interpolation problems), and with -V what Compose said. */
  notes: string[];
  /**
   * Plain information for standard error (not warnings): a Compose file whose services build nothing
   * lintable says so and which services it skipped (then nothing is linted and the exit code is 0).
   */
  infos: string[];
}

/**
 * Resolves command-line paths: a directory is searched for Dockerfiles (src/cli/discover.ts) and for
 * Compose files directly in it (src/cli/compose.ts), a Compose file gives the Dockerfiles its services
 * build, each with its build context; `-` is standard input (reported as `stdinFilename` when given),
 * anything else is a file, read later. `env` is used for Compose interpolation.
 */
export function resolveTargets(paths: string[], cwd: string, stdinFilename: string | undefined, env: NodeJS.ProcessEnv = {}): TargetList {
  const targets: Target[] = [];
  const errors: string[] = [];
  const notes: string[] = [];
  const infos: string[] = [];
  // One target per distinct build — Dockerfile, build context, target stage and build args — however
  // many arguments, services and Compose files reach it (pre-commit passes both a Dockerfile and the
  // Compose file that builds it: lint it once). A Dockerfile named alone is built with its own folder.
  const byBuild = new Map<string, Target>();
  const buildKey = (dockerfile: string, context: string, target: string | null, args: Record<string, string>): string =>
    JSON.stringify([dockerfile, context, target ?? '', Object.entries(args).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))]);
  /** Adds a Dockerfile named alone (or found in a directory) unless the same build is already there. */
  const plainTarget = (t: Target & { path: string }): Target[] => {
    const key = buildKey(t.path, dirname(t.path), null, {});
    if (byBuild.has(key)) return [];
    byBuild.set(key, t);
    return [t];
  };
  const composeTargets = (files: string[], shownAs: (f: string) => string, nothingToLint: (message: string) => void, explicit = false, built?: Set<string>): Target[] => {
    const out: Target[] = [];
    for (const file of files) {
      let read;
      try {
        read = readComposeBuilds(file, env);
      } catch (e) {
        errors.push(`${shownName(shownAs(file))}: ${(e as Error).message}`);
        continue;
      }
      for (const w of read.warnings) notes.push(`${shownName(shownAs(file))}: ${w}`);
      // A Compose file named on the command line whose services only run images (or build remotely) is
      // not an error: there is simply no Dockerfile of it to lint. Say which services were skipped.
      if (read.builds.length === 0) {
        if (!read.hasServices) {
          if (explicit) errors.push(`${shownName(shownAs(file))}: no services: (not a Compose file?)`);
        } else nothingToLint(`${shownName(shownAs(file))}: nothing to lint, no service builds from a local Dockerfile (${read.skipped.map((k) => `${k.service}: ${k.reason}`).join(', ')})`);
      }
      for (const b of read.builds) {
        built?.add(b.dockerfile);
        const key = buildKey(b.dockerfile, b.context, b.target, b.args);
        const seen = byBuild.get(key);
        if (seen) {
          // The same build named alone earlier: Compose confirms its context; lint it once.
          if (!seen.compose) Object.assign(seen, { contextDir: b.context, compose: [] });
          seen.compose!.push(b);
          continue;
        }
        const t: Target = { display: relative(cwd, b.dockerfile) || b.dockerfile, path: b.dockerfile, contextDir: b.context, compose: [b] };
        byBuild.set(key, t);
        out.push(t);
      }
    }
    return out;
  };
  for (const p of paths) {
    if (p === '-' || STDIN_ALIASES.has(p)) {
      targets.push({ display: p === '-' ? stdinFilename ?? '-' : stdinFilename ?? p, path: null });
      continue;
    }
    const abs = resolve(cwd, p);
    let isDir = false;
    try {
      isDir = statSync(abs).isDirectory();
    } catch {
      /* reported when read */
    }
    if (isDir) {
      // The Compose files of the directory say which context each Dockerfile is built with; the
      // Dockerfiles no service builds keep their own directory as context.
      const imageOnly: string[] = [];
      const used = new Set<string>();
      const built = composeTargets(discoverComposeFiles(abs), (f) => relative(cwd, f) || f, (m) => imageOnly.push(m), false, used);
      const found = discoverDockerfiles(abs).filter((f) => !used.has(f));
      // Nothing of what was asked can be linted: an input problem (exit 2), like a missing file; unless
      // the directory's Compose file says why (its services only run images), which is no error.
      if (found.length === 0 && used.size === 0) {
        if (imageOnly.length > 0) infos.push(...imageOnly);
        else errors.push(`no Dockerfile found in ${shownName(p)}`);
      }
      const all: Target[] = [...built, ...found.flatMap((f) => plainTarget({ display: relative(cwd, f) || f, path: f }))];
      all.sort((a, b) => (a.display < b.display ? -1 : a.display > b.display ? 1 : 0));
      targets.push(...all);
    } else if (COMPOSE_NAME.test(basename(abs))) {
      targets.push(...composeTargets([abs], () => p, (m) => infos.push(m), true));
    } else targets.push(...plainTarget({ display: p, path: abs }));
  }
  return { targets, errors, notes, infos };
}

/** A target's text, and for a file on disk what it was when read (for the lost-update check). */
export interface ReadResult {
  text: string;
  /** Null for standard input. */
  snapshot: FileSnapshot | null;
}

/**
 * Reads a file to lint: only a regular file (a FIFO with no writer would block forever, a socket
 * cannot be read, a device is not a Dockerfile). The file is opened non-blocking and checked with
 * fstat, so what is read is what was checked.
 * @throws InputError for a directory or a file that is not regular, the file-system error otherwise
 */
export function readInputFile(path: string): { bytes: Buffer; snapshot: FileSnapshot } {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (e) {
    // A socket cannot be opened (ENXIO): say what it is.
    if ((e as NodeJS.ErrnoException).code === 'ENXIO') throw new InputError(`is ${kindOf(statSync(path))}, not a regular file`);
    throw e;
  }
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
    if (!stat.isFile()) throw new InputError(`is ${kindOf(stat)}, not a regular file (use - to read standard input)`);
    const bytes = readAll(fd, stat.size);
    // The snapshot (a SHA-256 of the bytes) is only needed by fixes: computed when first asked for.
    let snapshot: FileSnapshot | undefined;
    return {
      bytes,
      get snapshot() {
        return (snapshot ??= snapshotOf(bytes, stat));
      },
    };
  } finally {
    closeSync(fd);
  }
}

/**
 * Reads and decodes a target.
 * @throws the file-system error or InputError (describe it with `describeReadError`).
 */
export async function readTarget(t: Target, readStdin: () => Promise<Buffer>): Promise<ReadResult> {
  if (t.path === null) return { text: decodeFile(await readStdin()), snapshot: null };
  const { bytes, snapshot } = readInputFile(t.path);
  return { text: decodeFile(bytes), snapshot };
}

/** A short message for an error of reading or writing a file (no stack trace, no raw errno text). */
export function describeReadError(e: unknown): string {
  if (e instanceof InputError || e instanceof WriteRefused || ['InputError', 'WriteRefused'].includes((e as Error | null)?.name ?? '')) return (e as Error).message;
  const code = (e as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT':
      return 'no such file or directory';
    case 'EISDIR':
      return 'is a directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EROFS':
      return 'read-only file system';
    case 'ENOSPC':
      return 'no space left on device';
    case 'ENXIO':
      return 'not a regular file (no such device or address)';
    default:
      return code ?? (e instanceof Error ? e.message : String(e));
  }
}

/**
 * A file name as shown on stderr: control characters (a newline, an escape sequence) are written as
 * `\xNN`, so a name cannot forge messages or drive the terminal.
 */
export function shownName(name: string): string {
  return name.replace(/[\x00-\x1f\x7f-\x9f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}
