/**
 * The output side of `shipshape lint`: checking the requested formats, rendering every report
 * (src/report) to standard output, standard error or an `-o` file, and the exit code.
 *
 * Exit codes (documented in the README): 0 nothing at or above the failure threshold, 1 findings at
 * or above it (or a file that does not parse), 2 usage, configuration or I/O errors.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { defaultRules } from '../rules/registry.js';
import { SEVERITY_RANK, type LintConfig, type Severity } from '../engine/types.js';
import { formatReport, FORMATS, type FormatName, type ReportFile, type RuleInfo } from '../report/index.js';
import { ruleDocsUrl } from '../engine/types.js';
import { redactReportFile } from '../report/redact.js';
import { describeReadError } from './targets.js';
import { VERSION } from './version.js';

/** Exit codes. */
export const EXIT = { OK: 0, FINDINGS: 1, ERROR: 2 } as const;

/** The first of `formats` that is not a known format name, or null. */
export function unknownFormat(formats: string[]): string | null {
  return formats.find((f) => !FORMATS.some((x) => x.name === f)) ?? null;
}

/** The message for an unknown format name, listing the known ones. */
export function unknownFormatMessage(format: string): string {
  return `unknown format '${format}'; known formats: ${FORMATS.map((x) => x.name).join(', ')}`;
}

/** How the reports of a run are written. */
export interface ReportPlan {
  /** Formats, paired by position with `outputs` (`tty` when there are more outputs than formats). */
  formats: string[];
  /** `-o` files; `-` or a missing entry means the report stream. */
  outputs: string[];
  /** Colour on the report stream (files are never coloured). */
  color: boolean;
  cwd: string;
  filePathInReport?: string;
}

/**
 * Renders and writes every report.
 * @param stream the report stream (standard output, or standard error when standard output carries
 *   the fixed text of standard input)
 * @returns false when an `-o` file could not be written (already reported on `stderr`)
 */
export async function writeReports(files: ReportFile[], plan: ReportPlan, stream: (text: string) => void, stderr: (text: string) => void): Promise<boolean> {
  const ruleInfo: Record<string, RuleInfo> = {};
  for (const r of await defaultRules()) ruleInfo[r.id] = { summary: r.summary, url: ruleDocsUrl(r.id), severity: r.severity === 'off' ? undefined : r.severity };
  // Every report goes through the one redaction step: no secret value is printed in any format.
  files = files.map((f) => redactReportFile(f));
  let ok = true;
  for (let k = 0; k < Math.max(plan.formats.length, plan.outputs.length); k++) {
    const format = plan.formats[k] ?? 'tty';
    const out = plan.outputs[k];
    const text = formatReport(format as FormatName, {
      files,
      rules: ruleInfo,
      color: out && out !== '-' ? false : plan.color,
      toolVersion: VERSION,
      cwd: plan.cwd,
      filePathInReport: plan.filePathInReport,
    });
    if (out && out !== '-') {
      try {
        writeFileSync(resolve(plan.cwd, out), text);
      } catch (e) {
        stderr(`shipshape: cannot write ${out}: ${describeReadError(e)}\n`);
        ok = false;
      }
    } else stream(text);
  }
  return ok;
}

/** hadolint: a finding fails the run when its severity is at or above the threshold; `ignore`/`none` fail on any. */
function failsThreshold(severity: Severity, config: LintConfig): boolean {
  const t = config.failureThreshold;
  if (t === 'ignore' || t === 'none') return true;
  return SEVERITY_RANK[severity] >= SEVERITY_RANK[t];
}

/**
 * The exit code of a lint run: 2 after an I/O error; 0 with `no-fail` or a format that forces it
 * (hadolint's codeclimate, codacy); 1 when a file does not parse or a finding fails the threshold.
 */
export function lintExitCode(files: ReportFile[], formats: string[], config: LintConfig, ioError: boolean): number {
  if (ioError) return EXIT.ERROR;
  if (config.noFail || formats.some((f) => FORMATS.find((x) => x.name === f)?.forcesExitZero)) return EXIT.OK;
  return files.some((r) => r.parseError || r.findings.some((f) => failsThreshold(f.severity, config))) ? EXIT.FINDINGS : EXIT.OK;
}
