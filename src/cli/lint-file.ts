/**
 * Linting one Dockerfile without fixes: what the CLI's sequential loop (src/cli/lint-command.ts) and its
 * worker threads (src/cli/pool.ts) share. The result is plain data (findings without their `instruction`), so it can
 * cross a thread boundary.
 */
import { fsContext, type FsBuildContext } from '../context/fs.js';
import { lint, targetProblem, type ScriptAnalyzer } from '../engine/lint.js';
import { parse } from '../parse/parser.js';
import { defaultRules } from '../rules/registry.js';
import type { BuildContext, Finding, LintConfig } from '../engine/types.js';
import type { Dockerfile } from '../parse/types.js';
import { decodeFile, InputError } from './input.js';
import { readInputFile } from './targets.js';
import type { ParsedDockerfile } from './context-check.js';

/** One file to lint: its path and the build context directory. */
export interface FileJob {
  path: string;
  contextDir: string;
  /**
   * The assumed build context looks wrong (src/cli/context-check.ts): only rules marked
   * `readsDoubtfulContext` read it (`LintOptions.contextDoubtful`).
   */
  doubtfulContext?: boolean;
  /** Build arguments (Compose `build.args`): ARG values. */
  buildArgs?: Record<string, string>;
  /** The stage to build (`--target`, Compose `build.target`); see the engine's `LintOptions.target`. */
  target?: string | null;
  /** Names of additional build contexts (`--build-context`, Compose `build.additional_contexts`). */
  buildContexts?: string[];
  /** The additional contexts that are local directories: name → absolute directory. */
  contextDirs?: Record<string, string>;
  /** Listing limit of the build context (default src/context/fs.ts MAX_FILES). */
  maxContextFiles?: number;
}

/** The outcome for one file: findings, or why it could not be read. */
export type FileOutcome =
  | {
      ok: true;
      source: string;
      findings: Finding[];
      internalErrors: { ruleId: string; message: string }[];
      /** The build context's listing stopped at its limit (src/context/fs.ts MAX_FILES). */
      contextTruncated?: boolean;
      /** The findings came from the results cache (src/cli/file-cache.ts). */
      cached?: boolean;
    }
  | { ok: false; error: unknown };

/**
 * File listings of build contexts, shared by the Dockerfiles of one directory (a directory of 20,000
 * Dockerfiles is listed once, not once per file). Only for runs that write nothing.
 */
export class ContextCache {
  private readonly listings = new Map<string, FsBuildContext>();

  /** A context rooted at `dir` for the Dockerfile `dockerfile`, sharing the listing of `dir`. */
  get(dir: string, dockerfile: string | undefined, maxFiles?: number): FsBuildContext {
    const context = fsContext(dir, dockerfile, maxFiles);
    let lister = this.listings.get(dir);
    if (!lister) {
      lister = context;
      this.listings.set(dir, lister);
    }
    return { ...context, listFiles: lister.listFiles, truncated: lister.truncated };
  }
}

/** Hooks of the results cache (src/cli/file-cache.ts). */
export interface LintFileHooks {
  /** Findings stored for this text, if any (then nothing is linted). */
  lookup?: (source: string) => Finding[] | undefined;
  /** Wraps the build context the rules see (to record what they read). */
  wrapContext?: (context: BuildContext) => BuildContext;
  /**
   * The file as the context check (src/cli/context-check.ts) read and parsed it: used when the text
   * read now is the same (and the job has no build arguments), so the file is parsed once.
   */
  parsed?: ParsedDockerfile;
}

/** Reads and lints one file; never throws for a file that cannot be read. */
export async function lintFile(job: FileJob, config: LintConfig, scriptAnalyzer: ScriptAnalyzer | undefined, contexts: ContextCache, hooks: LintFileHooks = {}): Promise<FileOutcome> {
  let source: string;
  try {
    source = decodeFile(readInputFile(job.path).bytes);
  } catch (error) {
    return { ok: false, error };
  }
  const stored = hooks.lookup?.(source);
  if (stored) return { ok: true, source, findings: stored, internalErrors: [], cached: true };
  const context = contexts.get(job.contextDir, job.path, job.maxContextFiles);
  const contextFiles = namedContextFiles(job.contextDirs, (dir) => contexts.get(dir, undefined, job.maxContextFiles));
  const parsed = hooks.parsed && hooks.parsed.source === source && !job.buildArgs ? hooks.parsed.file : undefined;
  const outcome = await lintSource(source, context && hooks.wrapContext ? hooks.wrapContext(context) : context, config, scriptAnalyzer, { ...job, contextFiles, parsed, contextDoubtful: job.doubtfulContext });
  return outcome.ok ? { ...outcome, contextTruncated: (context as Partial<FsBuildContext> | null)?.truncated?.() ?? false } : outcome;
}

/** What the build adds to a Dockerfile: ARG values, the target stage, named contexts. */
export interface BuildSettings {
  buildArgs?: Record<string, string>;
  target?: string | null;
  buildContexts?: string[];
  /** Additional contexts that are local directories: name → absolute directory. */
  contextDirs?: Record<string, string>;
  /** The same, as readable contexts (built from `contextDirs` with {@link namedContextFiles}). */
  contextFiles?: Record<string, BuildContext>;
  /** The model of the source parsed with these build arguments, when the caller has it (`LintOptions.parsed`). */
  parsed?: Dockerfile;
  /** The context looks wrong: see `LintOptions.contextDoubtful`. */
  contextDoubtful?: boolean;
}

/** Readable contexts for the named local directories (`open` gives one context per directory). */
export function namedContextFiles(dirs: Record<string, string> | undefined, open: (dir: string) => BuildContext): Record<string, BuildContext> | undefined {
  if (!dirs || Object.keys(dirs).length === 0) return undefined;
  return Object.fromEntries(Object.entries(dirs).map(([name, dir]) => [name, open(dir)]));
}

/**
 * Lints text already read (standard input, or a file read by `lintFile`) against `context`.
 * @returns `ok: false` with an InputError when `build.target` names no stage (the CLI exits 2).
 */
export async function lintSource(source: string, context: BuildContext | null, config: LintConfig, scriptAnalyzer: ScriptAnalyzer | undefined, build: BuildSettings = {}): Promise<FileOutcome> {
  const result = await lint(source, { rules: await defaultRules(), config, context, scriptAnalyzer, buildArgs: build.buildArgs, target: build.target, buildContexts: build.buildContexts, contextFiles: build.contextFiles, parsed: build.parsed, contextDoubtful: build.contextDoubtful });
  if (result.unknownTarget) return { ok: false, error: new InputError(result.unknownTarget) };
  const contextTruncated = (context as Partial<FsBuildContext> | null)?.truncated?.() ?? false;
  return { ok: true, source, findings: result.findings.map((f) => ({ ...f, instruction: null })), internalErrors: result.internalErrors, contextTruncated };
}

/**
 * The message for a `build.target` no stage of `source` has (see the engine's `targetProblem`), or null
 * (also when the text does not parse: its parse error is reported instead). Used before fixing, so a
 * wrong target writes nothing.
 */
export function unknownTarget(source: string, build: BuildSettings): string | null {
  if (!build.target) return null;
  const file = parse(source, { buildArgs: build.buildArgs });
  return file.errors.length > 0 ? null : targetProblem(file, build.target);
}
