/**
 * What `shipshape lint` was asked to lint: turning command-line paths into targets (files, the
 * Dockerfiles found in directories, `-` for standard input), reading them, and describing read errors.
 */
import { readFileSync, statSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { discoverDockerfiles } from './discover.js';
import { decodeFile, InputError } from './input.js';

/** One file to lint. `path` is absolute, or null for standard input. */
export interface Target {
  /** The name shown in reports: as given, relative to the working directory for discovered files. */
  display: string;
  path: string | null;
}

/** Targets of a run, and the messages for arguments that gave nothing to lint. */
export interface TargetList {
  targets: Target[];
  /** One message per argument that could not be used (printed on stderr; the run exits 2). */
  errors: string[];
}

/**
 * Resolves command-line paths: a directory is searched for Dockerfiles (src/cli/discover.ts), `-` is
 * standard input (reported as `stdinFilename` when given), anything else is a file, read later.
 */
export function resolveTargets(paths: string[], cwd: string, stdinFilename: string | undefined): TargetList {
  const targets: Target[] = [];
  const errors: string[] = [];
  for (const p of paths) {
    if (p === '-') {
      targets.push({ display: stdinFilename ?? '-', path: null });
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
      const found = discoverDockerfiles(abs);
      // Nothing of what was asked can be linted: an input problem (exit 2), like a missing file.
      if (found.length === 0) errors.push(`no Dockerfile found in ${p}`);
      for (const f of found) targets.push({ display: relative(cwd, f) || f, path: f });
    } else targets.push({ display: p, path: abs });
  }
  return { targets, errors };
}

/**
 * Reads and decodes a target.
 * @throws the file-system error or InputError (describe it with `describeReadError`).
 */
export async function readTarget(t: Target, readStdin: () => Promise<Buffer>): Promise<string> {
  const bytes = t.path === null ? await readStdin() : readFileSync(t.path);
  return decodeFile(bytes);
}

/** A short message for an error of reading or writing a file (no stack trace, no raw errno text). */
export function describeReadError(e: unknown): string {
  if (e instanceof InputError || (e as Error | null)?.name === 'InputError') return (e as Error).message;
  const code = (e as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT':
      return 'no such file or directory';
    case 'EISDIR':
      return 'is a directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    default:
      return code ?? (e instanceof Error ? e.message : String(e));
  }
}
