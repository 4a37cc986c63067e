/**
 * `shipshape lint --fix / --unsafe-fixes / --diff`: fixing one target and writing (or showing) the
 * result. The Dockerfile and the build-context files a fix changed (`.dockerignore`) are written
 * atomically (src/cli/write.ts); standard input's fixed text goes to standard output.
 */
import { resolve } from 'node:path';
import { createTwoFilesPatch } from 'diff';
import type { ScriptAnalyzer, LintResult } from '../engine/lint.js';
import type { BuildContext, LintConfig } from '../engine/types.js';
import { fixText } from '../fix/fixer.js';
import { describeReadError, type Target } from './targets.js';
import { writeAtomic } from './write.js';

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
  /** The fixed text of standard input, and diffs. */
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

/** The outcome of fixing one target. */
export interface FixedTarget {
  /** Lint result of the fixed text (its findings are positions in the fixed text). */
  result: LintResult;
  /** A file could not be written. */
  ioError: boolean;
}

/**
 * Fixes one target's `text` and writes the fixed files (or prints the diff, or the fixed text for
 * standard input), adding its counts to `summary`.
 * @param contextDir the build context directory (context-file fixes are written under it).
 */
export async function fixTarget(
  t: Target,
  text: string,
  options: { config: LintConfig; context: BuildContext | null; contextDir: string; scriptAnalyzer?: ScriptAnalyzer; request: FixRequest },
  out: FixOutput,
  summary: FixSummary,
): Promise<FixedTarget> {
  const { context, contextDir, request } = options;
  const fixed = await fixText(text, { config: options.config, context, scriptAnalyzer: options.scriptAnalyzer, level: request.level, onlyRules: request.onlyRules });
  for (const e of fixed.errors) out.stderr(`shipshape: internal error: discarded a fix round of ${e.rules.join(', ')} on ${t.display}: ${e.message} (please report this)\n`);
  let ioError = false;
  if (request.dryRun) {
    if (fixed.output !== text) out.stdout(createTwoFilesPatch(t.display, t.display, text, fixed.output));
    for (const [p, content] of fixed.files) {
      const before = context?.readFile(p) ?? '';
      out.stdout(createTwoFilesPatch(p, p, before, content));
    }
  } else if (t.path === null) {
    out.stdout(fixed.output);
  } else {
    try {
      if (fixed.output !== text) writeAtomic(t.path, fixed.output);
      for (const [p, content] of fixed.files) writeAtomic(resolve(contextDir, p), content);
    } catch (e) {
      ioError = true;
      out.stderr(`shipshape: cannot write the fixes of ${t.display}: ${describeReadError(e)}\n`);
    }
  }
  summary.fixed += Object.values(fixed.fixedByRule).reduce((a, b) => a + b, 0);
  summary.remaining += fixed.after.findings.length;
  summary.unsafe += fixed.after.findings.filter((f) => f.fix?.applicability === 'unsafe').length;
  return { result: fixed.after, ioError };
}

/** The closing line on stderr: `Fixed 3 finding(s); 2 remain.` (`Would fix` with `--diff`). */
export function fixSummaryLine(summary: FixSummary, dryRun: boolean, unsafeFixes: boolean): string {
  const hint = summary.unsafe > 0 && !unsafeFixes ? `; ${summary.unsafe} of them can be fixed with --unsafe-fixes` : '';
  return `${dryRun ? 'Would fix' : 'Fixed'} ${summary.fixed} finding(s); ${summary.remaining} remain${hint}.\n`;
}
