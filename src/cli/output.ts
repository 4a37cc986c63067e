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
import { formatReport, FORMATS, type FormatName, type ReportFile, type ReportStream, type RuleInfo } from '../report/index.js';
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

/**
 * Why the reports asked for cannot be written, or null: two or more of them would go to standard output
 * (`-f json -f sarif` without `-o`), where they would run into one unreadable stream.
 * @param formats the `-f` values in order; @param outputs the `-o` values in order (paired by position;
 *   `-` or a missing one is standard output, and an `-o` without its `-f` writes `tty`)
 */
export function reportPlanProblem(formats: readonly string[], outputs: readonly string[]): string | null {
  const onStdout = planFormats({ formats: [...formats], outputs: [...outputs] }).filter((_, k) => outputs[k] === undefined || outputs[k] === '-');
  if (onStdout.length < 2) return null;
  return `${onStdout.length} reports would be written to standard output (${onStdout.map((f) => `-f ${f}`).join(', ')}): give all but one of them an -o FILE`;
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

/** The format of each report of a plan (`tty` for an `-o` without its own `--format`). */
function planFormats(plan: Pick<ReportPlan, 'formats' | 'outputs'>): string[] {
  return Array.from({ length: Math.max(plan.formats.length, plan.outputs.length) }, (_, k) => plan.formats[k] ?? 'tty');
}

/**
 * A file's results as the run keeps them until the reports are written: redacted (the one redaction
 * step every report goes through: no secret value is printed in any format), and without the source
 * text when no report shows excerpts (only `tty` does). Called as each file is done, so that a run
 * over 20,000 files does not hold every file's text.
 */
export function reportedFile(file: ReportFile, plan: Pick<ReportPlan, 'formats' | 'outputs'>): ReportFile {
  const redacted = redactReportFile(file);
  return planFormats(plan).includes('tty') ? redacted : { ...redacted, source: undefined };
}

/**
 * Collects a run's results file by file and writes the reports. With one report on the report stream
 * (standard output) in a format that can be written file by file (`tty`, `json`, `gnu`, `github`: their
 * `stream` in src/report/index.ts) and `streamOk` set, each file's part is written as soon as the file
 * is done, in order, and nothing of it is kept: a run over 20,000 files then holds no findings and no
 * source text (it held ~300 MB of them, plus as much again to render the report at the end). The output
 * is byte for byte the one {@link writeReports} renders. Other formats (whose text depends on all files:
 * totals, sorted rule lists, one XML or JSON document) and reports to `-o` files are rendered at the end.
 */
export class ReportWriter {
  private readonly files: ReportFile[] = [];
  private readonly streamed: ReportStream | null;
  /** Whether a file does not parse or a finding is at or above the failure threshold. */
  failing = false;

  constructor(
    private readonly plan: ReportPlan,
    private readonly config: LintConfig,
    private readonly stream: (text: string) => void,
    private readonly stderr: (text: string) => void,
    streamOk: boolean,
  ) {
    const formats = planFormats(plan);
    const streaming = streamOk && formats.length === 1 && (plan.outputs[0] ?? '-') === '-' ? FORMATS.find((f) => f.name === formats[0])?.stream : undefined;
    // Streamed formats print no rule metadata, so they are not given any.
    this.streamed = streaming ? streaming({ color: plan.color, toolVersion: VERSION, cwd: plan.cwd, filePathInReport: plan.filePathInReport }) : null;
  }

  /** Adds one file's results (in report order). */
  add(file: ReportFile): void {
    const f = reportedFile(file, this.plan);
    if (f.parseError || f.findings.some((x) => failsThreshold(x.severity, this.config))) this.failing = true;
    if (!this.streamed) {
      this.files.push(f);
      return;
    }
    const part = this.streamed.file(f);
    if (part !== '') this.stream(part);
  }

  /**
   * Writes what is left of the reports.
   * @returns false when an `-o` file could not be written (already reported on `stderr`)
   */
  async finish(): Promise<boolean> {
    if (!this.streamed) return writeReports(this.files, this.plan, this.stream, this.stderr);
    const end = this.streamed.end();
    if (end !== '') this.stream(end);
    return true;
  }
}

/**
 * Renders and writes every report.
 * @param files results prepared by {@link reportedFile}
 * @param stream the report stream (standard output, or standard error when standard output carries
 *   the fixed text of standard input)
 * @returns false when an `-o` file could not be written (already reported on `stderr`)
 */
export async function writeReports(files: ReportFile[], plan: ReportPlan, stream: (text: string) => void, stderr: (text: string) => void): Promise<boolean> {
  const ruleInfo: Record<string, RuleInfo> = {};
  for (const r of await defaultRules()) ruleInfo[r.id] = { summary: r.summary, url: ruleDocsUrl(r.id), severity: r.severity === 'off' ? undefined : r.severity };
  let ok = true;
  const formats = planFormats(plan);
  for (let k = 0; k < formats.length; k++) {
    const format = formats[k];
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
 * The exit code of a lint run: 2 after an I/O error; 0 with `no-fail` or when every report is in a format
 * that forces it (hadolint's codeclimate, codacy: their consumers read the report, not the exit code);
 * 1 when `failing` (a file does not parse or a finding fails the threshold: {@link ReportWriter.failing}).
 * hadolint forces 0 as soon as one of the formats is codeclimate or codacy; here another format asked
 * for beside them (`-f tty -f codeclimate -o cc.json`) keeps the exit code, so a CI job can fail on it.
 */
export function lintExitCode(failing: boolean, formats: string[], config: LintConfig, ioError: boolean): number {
  if (ioError) return EXIT.ERROR;
  if (config.noFail || (formats.length > 0 && formats.every((f) => FORMATS.find((x) => x.name === f)?.forcesExitZero))) return EXIT.OK;
  return failing ? EXIT.FINDINGS : EXIT.OK;
}
