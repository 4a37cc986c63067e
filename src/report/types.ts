/**
 * Types shared by the reporters (src/report/*): what the CLI hands to `formatReport` and what every
 * format function looks like.
 */
import type { FileFinding, Severity } from '../engine/types.js';

/**
 * Names of the output formats. The first ten are hadolint's `--format` values (same names, same
 * shapes); `github` and `markdown` are shipshape's own.
 */
export type FormatName =
  | 'tty'
  | 'json'
  | 'checkstyle'
  | 'codeclimate'
  | 'gitlab_codeclimate'
  | 'gnu'
  | 'codacy'
  | 'sonarqube'
  | 'sarif'
  | 'junit'
  | 'github'
  | 'markdown';

/** The findings of one linted file. */
export interface ReportFile {
  /**
   * File name as the user gave it (`-` or the `--stdin-filename` for standard input). Used by formats
   * that have one container per file (checkstyle `<file>`, junit `<testsuite>`, tty and markdown
   * headings); each finding's own `file` is used on the finding itself (hadolint writes the parser's
   * source name, e.g. `/dev/stdin`, on parse errors).
   */
  file: string;
  /** The file's findings; reporters sort them by line and column (stable). */
  findings: FileFinding[];
  /** The file's text (as handed to the parser): lets tty show the offending line. */
  source?: string;
  /** True when the file could not be parsed; its findings are then a `DL1000` finding. */
  parseError?: boolean;
}

/** Optional metadata of a rule, used by formats that describe rules (SARIF's `rules` array). */
export interface RuleInfo {
  /** One-line description (the rule's `summary`). */
  summary?: string;
  /** Documentation URL; a finding's own `url` is used when this is missing. */
  url?: string;
  /** Default severity (SARIF `defaultConfiguration.level`). */
  severity?: Severity;
}

/** Everything a reporter needs. */
export interface ReportInput {
  /** Linted files, in the order they were given. Files without findings are listed too. */
  files: ReportFile[];
  /** ANSI colours in tty output (the CLI decides: TTY, `NO_COLOR`, `--no-color`). Machine formats ignore it. */
  color: boolean;
  /** shipshape's version (SARIF driver version, junit suite name). */
  toolVersion: string;
  /**
   * hadolint's `--file-path-in-report`: replaces the file name in checkstyle, codeclimate,
   * gitlab_codeclimate, sonarqube and junit output only (as hadolint does).
   */
  filePathInReport?: string;
  /** Directory that SARIF artifact URIs and GitHub annotation paths are relative to; defaults to `process.cwd()`. */
  cwd?: string;
  /** Rule metadata by rule id (SARIF `shortDescription`); optional. */
  rules?: Record<string, RuleInfo>;
  /** Clock for formats that print a timestamp (junit); defaults to now. */
  now?: Date;
}

/** A format: turns the findings into the complete output text. */
export type Reporter = (input: ReportInput) => string;

/**
 * A report written file by file, for formats whose output is each file's part in input order plus an
 * ending: `file` returns what to print for one more file, `end` what closes the report. It keeps only
 * what the ending needs (counts), never the files, so a run over 20,000 files holds one at a time.
 */
export interface ReportStream {
  file(file: ReportFile): string;
  end(): string;
}

/** Starts a {@link ReportStream} (everything of the input but the files). */
export type StreamingReporter = (input: Omit<ReportInput, 'files'>) => ReportStream;
