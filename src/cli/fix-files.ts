/**
 * `shipshape lint --fix / --unsafe-fixes / --diff`: fixing one target and writing (or showing) the
 * result. The Dockerfile is replaced atomically and the build-context files a fix changed
 * (`.dockerignore`) are appended to (src/cli/write.ts); standard input's fixed text goes to standard
 * output.
 */
import { accessSync, constants, lstatSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { ScriptAnalyzer, LintResult } from '../engine/lint.js';
import type { BuildContext, LintConfig } from '../engine/types.js';
import { contextFileText, fixText } from '../fix/fixer.js';
import { describeReadError, readInputFile, shownName, type Target } from './targets.js';
import { appendToFile, checkReplaceable, kindOf, replaceFile, signalsDelivered, WriteRefused, type FileSnapshot } from './write.js';
import { encodeText } from './input.js';
import { masker, secretValues } from '../report/redact.js';
import { maskPatch } from './masked-diff.js';
import { filePatch } from '../report/patch.js';
import { defaultRules } from '../rules/registry.js';

/** What `--fix`, `--unsafe-fixes`, `--fix-rule` and `--diff` ask for. */
export interface FixRequest {
  level: 'safe' | 'unsafe';
  onlyRules?: string[];
  /** `--diff` / `--fix-dry-run`: print a unified diff, write nothing. */
  dryRun: boolean;
}

/** Counts for the closing "Fixed N finding(s)" line, summed over targets. */
export interface FixSummary {
  fixed: number;
  remaining: number;
  /** Remaining findings that have an unsafe fix. */
  unsafe: number;
}

/** Where the fixing of one target writes what it shows. */
export interface FixOutput {
  /** The fixed text of standard input. */
  stdout: (text: string) => void;
  /** `--diff` output: standard output, or standard error when a machine-readable report is on standard output. */
  diff: (text: string) => void;
  stderr: (text: string) => void;
}

/** The outcome of fixing one target. */
export interface FixedTarget {
  /** Lint result of the fixed text (its findings are positions in the fixed text). */
  result: LintResult;
  /** A file could not be written. */
  ioError: boolean;
  /** Something was written to disk. */
  written: boolean;
}

/**
 * Fixes one target's `text` and writes the fixed files (or prints the diff, or the fixed text for
 * standard input), adding its counts to `summary` — only when what they count was written.
 *
 * Every file to write is checked before any is written (src/cli/write.ts): the Dockerfile must be a
 * regular file with one link that this user can replace keeping its owner; a context file must be a
 * plain name at the context root that is created new or only appended to. When one check fails,
 * nothing of this target is written and its findings are those of the unfixed text.
 * @param snapshot what the Dockerfile was when read (null for standard input)
 */
export async function fixTarget(
  t: Target,
  text: string,
  snapshot: FileSnapshot | null,
  options: {
    config: LintConfig;
    context: BuildContext | null;
    /** The context looks wrong: only rules marked `readsDoubtfulContext` read it (`LintOptions.contextDoubtful`). */
    contextDoubtful?: boolean;
    contextDir: string;
    scriptAnalyzer?: ScriptAnalyzer;
    request: FixRequest;
    /** Directory the diff headers are relative to. */
    cwd?: string;
    /** Context files whose diff was already printed in this run (several Dockerfiles share one context). */
    shownContextFiles?: Set<string>;
    /** Build arguments (Compose `build.args`): ARG values. */
    buildArgs?: Record<string, string>;
    /** The stage to build (`--target`, Compose `build.target`); must name a stage. */
    target?: string | null;
    /** Names of additional build contexts (`--build-context`, Compose `additional_contexts`). */
    buildContexts?: string[];
    /** Readable additional contexts (local directories), by name. */
    contextFiles?: Record<string, BuildContext>;
  },
  out: FixOutput,
  summary: FixSummary,
): Promise<FixedTarget> {
  const { context, contextDir, request } = options;
  const fixed = await fixText(text, { rules: await defaultRules(), buildArgs: options.buildArgs, target: options.target, buildContexts: options.buildContexts, contextFiles: options.contextFiles, config: options.config, context, contextDoubtful: options.contextDoubtful, scriptAnalyzer: options.scriptAnalyzer, level: request.level, onlyRules: request.onlyRules });
  for (const e of fixed.errors) out.stderr(`shipshape: internal error: discarded a fix round of ${e.rules.join(', ')} on ${shownName(t.display)}: ${e.message} (please report this)\n`);
  const count = (): void => {
    summary.fixed += Object.values(fixed.fixedByRule).reduce((a, b) => a + b, 0);
    summary.remaining += fixed.after.findings.length;
    summary.unsafe += fixed.after.findings.filter((f) => f.fix?.applicability === 'unsafe').length;
  };
  if (request.dryRun) {
    // The diff is output like a report: secret values in it are masked (src/report/redact.ts).
    const patches: string[] = [];
    if (fixed.output !== text) patches.push(filePatch(t.display, text, fixed.output));
    // Context files are named like the Dockerfile, relative to the working directory (`git apply`
    // applies the diff from there), not to the build context (`.dockerignore` of which folder?).
    for (const [p, content] of fixed.files) {
      const abs = join(contextDir, p);
      if (options.shownContextFiles?.has(abs)) continue;
      options.shownContextFiles?.add(abs);
      const shown = options.cwd ? relative(options.cwd, abs) || p : p;
      patches.push(filePatch(shown, contextFileText(context, p), content));
    }
    const mask = masker([...new Set([text, fixed.output, ...patches].flatMap((x) => secretValues(x)))]);
    let maskedHunks = 0;
    for (const patch of patches) {
      const shown = maskPatch(patch, mask);
      maskedHunks += shown.maskedHunks;
      out.diff(shown.text);
    }
    if (maskedHunks > 0) out.stderr(`shipshape: warning: ${shownName(t.display)}: the diff masks secret values in ${maskedHunks} hunk${maskedHunks === 1 ? '' : 's'} (marked with a "!!" line), so patch and git apply refuse it; shipshape lint --fix applies the same fixes with the real values\n`);
    count();
    return { result: fixed.after, ioError: false, written: false };
  }
  if (t.path === null) {
    out.stdout(fixed.output);
    count();
    return { result: fixed.after, ioError: false, written: false };
  }
  const writes: { name: string; check: () => void; write: () => void }[] = [];
  if (fixed.output !== text && snapshot) {
    const path = t.path;
    writes.push({ name: t.display, check: () => checkReplaceable(path), write: () => replaceFile(path, encodeText(fixed.output), snapshot) });
  }
  const ownIgnore = context?.dockerignore()?.path ?? null;
  for (const [p, content] of fixed.files) writes.push(contextFileWrite(contextDir, p, contextFileText(context, p), content, p === ownIgnore));
  let done = 0;
  try {
    for (const w of writes) {
      try {
        w.check();
      } catch (e) {
        throw Object.assign(e as Error, { file: w.name });
      }
    }
    for (const w of writes) {
      try {
        w.write();
      } catch (e) {
        throw Object.assign(e as Error, { file: w.name });
      }
      done++;
    }
  } catch (e) {
    await signalsDelivered();
    const file = (e as { file?: string }).file ?? t.display;
    const written = writes.slice(0, done).map((w) => shownName(w.name));
    out.stderr(`shipshape: ${shownName(file)}: ${describeReadError(e)}${file === t.display ? '' : ` (needed by the fixes of ${shownName(t.display)})`}; ${written.length > 0 ? `only ${written.join(', ')} written` : 'nothing written'}\n`);
    if (done === 0) return { result: { ...fixed.after, findings: fixed.before, file: { ...fixed.after.file, text } }, ioError: true, written: false };
    count();
    return { result: fixed.after, ioError: true, written: true };
  }
  // A signal received during the synchronous writes ends the run here (src/cli/write.ts).
  if (writes.length > 0) await signalsDelivered();
  count();
  return { result: fixed.after, ioError: false, written: writes.length > 0 };
}

/**
 * The write of a build-context file a fix changed (`.dockerignore`): only a plain name at the context
 * root or the Dockerfile's own ignore file that the context read (`ignoreFile`: `<Dockerfile>.dockerignore`
 * beside the Dockerfile, which BuildKit reads first), only created new or appended to (the fixer's new
 * content must start with what it read).
 */
function contextFileWrite(contextDir: string, rel: string, before: string | null, after: string, ignoreFile = false): { name: string; check: () => void; write: () => void } {
  const path = join(contextDir, rel);
  let expected: FileSnapshot | null = null;
  const check = (): void => {
    if (!ignoreFile && (!/^[^/\\]+$/.test(rel) || rel === '..' || rel === '.')) throw new WriteRefused('is not a file at the root of the build context');
    let st;
    try {
      st = lstatSync(path);
    } catch {
      st = null;
    }
    if (st === null) {
      if (before !== null) throw new WriteRefused('was removed while fixing');
      accessSync(contextDir, constants.W_OK);
      return;
    }
    if (st.isSymbolicLink()) throw new WriteRefused('is a symbolic link (add the patterns to the file it points to yourself)');
    if (!st.isFile()) throw new WriteRefused(`is ${kindOf(st)}, not a regular file`);
    if (before === null) throw new WriteRefused('exists but cannot be read');
    if (!after.startsWith(before)) throw new WriteRefused('would be rewritten, not appended to');
    let read;
    try {
      read = readInputFile(path);
    } catch {
      throw new WriteRefused('cannot be read');
    }
    if (read.bytes.toString('utf8') !== before) throw new WriteRefused('changed while it was being fixed: run again');
    accessSync(path, constants.W_OK);
    expected = read.snapshot;
  };
  const write = (): void => appendToFile(path, after.slice(before?.length ?? 0), expected);
  return { name: path, check, write };
}

/** The closing line on stderr: `Fixed 3 finding(s); 2 remain.` (`Would fix` with `--diff`). */
export function fixSummaryLine(summary: FixSummary, dryRun: boolean, unsafeFixes: boolean): string {
  const hint = summary.unsafe > 0 && !unsafeFixes ? `; ${summary.unsafe} of them can be fixed with --unsafe-fixes` : '';
  return `${dryRun ? 'Would fix' : 'Fixed'} ${summary.fixed} finding(s); ${summary.remaining} remain${hint}.\n`;
}
