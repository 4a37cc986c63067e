/**
 * Linting one Dockerfile on disk without fixes: what the CLI's sequential loop and its worker threads
 * (src/cli/pool.ts) share. The result is plain data (findings without their `instruction`), so it can
 * cross a thread boundary.
 */
import { readFileSync } from 'node:fs';
import { fsContext } from '../context/fs.js';
import { lint, type ScriptAnalyzer } from '../engine/lint.js';
import type { BuildContext, Finding, LintConfig } from '../engine/types.js';
import { decodeFile } from './input.js';

/** One file to lint: its path and the build context directory. */
export interface FileJob {
  path: string;
  contextDir: string;
}

/** The outcome for one file: findings, or why it could not be read. */
export type FileOutcome =
  | { ok: true; source: string; findings: Finding[]; internalErrors: { ruleId: string; message: string }[]; cached?: boolean }
  | { ok: false; error: unknown };

/**
 * File listings of build contexts, shared by the Dockerfiles of one directory (a directory of 20,000
 * Dockerfiles is listed once, not once per file). Only for runs that write nothing.
 */
export class ContextCache {
  private readonly listings = new Map<string, () => string[]>();

  /** A context rooted at `dir` for the Dockerfile `dockerfile`, sharing the listing of `dir`. */
  get(dir: string, dockerfile: string | undefined): BuildContext {
    const context = fsContext(dir, dockerfile);
    let list = this.listings.get(dir);
    if (!list) {
      list = context.listFiles;
      this.listings.set(dir, list);
    }
    return { ...context, listFiles: list };
  }
}

/** Hooks of the results cache (src/cli/file-cache.ts). */
export interface LintFileHooks {
  /** Findings stored for this text, if any (then nothing is linted). */
  lookup?: (source: string) => Finding[] | undefined;
  /** Wraps the build context the rules see (to record what they read). */
  wrapContext?: (context: BuildContext) => BuildContext;
}

/** Reads and lints one file; never throws for a file that cannot be read. */
export async function lintFile(job: FileJob, config: LintConfig, scriptAnalyzer: ScriptAnalyzer | undefined, contexts: ContextCache, hooks: LintFileHooks = {}): Promise<FileOutcome> {
  let source: string;
  try {
    source = decodeFile(readFileSync(job.path));
  } catch (error) {
    return { ok: false, error };
  }
  const stored = hooks.lookup?.(source);
  if (stored) return { ok: true, source, findings: stored, internalErrors: [], cached: true };
  const context = contexts.get(job.contextDir, job.path);
  const result = await lint(source, { config, context: hooks.wrapContext ? hooks.wrapContext(context) : context, scriptAnalyzer });
  return { ok: true, source, findings: result.findings.map((f) => ({ ...f, instruction: null })), internalErrors: result.internalErrors };
}
