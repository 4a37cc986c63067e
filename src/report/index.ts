/**
 * The reporter registry: every output format by name. `formatReport(format, input)` returns the whole
 * output text; the CLI writes it to standard output or to `-o FILE`.
 */
import { formatCheckstyle } from './checkstyle.js';
import { formatCodacy } from './codacy.js';
import { formatCodeclimate, formatGitlabCodeclimate } from './codeclimate.js';
import { formatGithub } from './github.js';
import { concatenated } from './util.js';
import { formatGnu } from './gnu.js';
import { formatJson, streamJson } from './json.js';
import { formatJunit } from './junit.js';
import { formatMarkdown } from './markdown.js';
import { formatSarif } from './sarif.js';
import { formatSonarqube } from './sonarqube.js';
import { formatTty, streamTty } from './tty.js';
import type { FormatName, ReportInput, Reporter, StreamingReporter } from './types.js';

export type { FormatName, ReportFile, ReportInput, Reporter, ReportStream, RuleInfo, StreamingReporter } from './types.js';
export { isParseError, PARSE_ERROR_RULE } from './util.js';
export { summaryLine } from './tty.js';

/** Description of one output format. */
interface FormatInfo {
  name: FormatName;
  /** One line for `--help`. */
  description: string;
  /** hadolint exits 0 whenever `codeclimate` or `codacy` is among the requested formats. */
  forcesExitZero: boolean;
  /** True for hadolint's formats, false for shipshape's additions. */
  hadolint: boolean;
  /** The output ends with a newline (text formats); hadolint's JSON and XML formats do not. */
  endsWithNewline: boolean;
  format: Reporter;
  /**
   * The same report written file by file, for formats that are each file's part plus an ending (the
   * CLI streams these to standard output instead of keeping every file's results to the end).
   */
  stream?: StreamingReporter;
}

/** Every format, `tty` (the default) first, then hadolint's order, then shipshape's own. */
export const FORMATS: readonly FormatInfo[] = [
  {
    name: 'tty',
    description: 'readable output with source excerpts (default)',
    forcesExitZero: false,
    hadolint: true,
    endsWithNewline: true,
    format: formatTty,
    stream: streamTty,
  },
  {
    name: 'json',
    description: "hadolint's JSON array, with end positions, URLs and fixability",
    forcesExitZero: false,
    hadolint: true,
    endsWithNewline: false,
    format: formatJson,
    stream: streamJson,
  },
  {
    name: 'checkstyle',
    description: 'Checkstyle 4.3 XML',
    forcesExitZero: false,
    hadolint: true,
    endsWithNewline: false,
    format: formatCheckstyle,
  },
  {
    name: 'codeclimate',
    description: 'Code Climate issues, each followed by a NUL byte (forces exit 0)',
    forcesExitZero: true,
    hadolint: true,
    endsWithNewline: false,
    format: formatCodeclimate,
  },
  {
    name: 'gitlab_codeclimate',
    description: 'GitLab Code Quality report (JSON array with fingerprints)',
    forcesExitZero: false,
    hadolint: true,
    endsWithNewline: false,
    format: formatGitlabCodeclimate,
  },
  {
    name: 'gnu',
    description: 'GNU-style `program:file:line: message` lines',
    forcesExitZero: false,
    hadolint: true,
    endsWithNewline: true,
    format: formatGnu,
    stream: concatenated(formatGnu),
  },
  {
    name: 'codacy',
    description: 'Codacy results, back to back (forces exit 0)',
    forcesExitZero: true,
    hadolint: true,
    endsWithNewline: false,
    format: formatCodacy,
  },
  {
    name: 'sonarqube',
    description: 'SonarQube generic issue import JSON',
    forcesExitZero: false,
    hadolint: true,
    endsWithNewline: false,
    format: formatSonarqube,
  },
  {
    name: 'sarif',
    description: 'SARIF 2.1.0 (GitHub code scanning)',
    forcesExitZero: false,
    hadolint: true,
    endsWithNewline: false,
    format: formatSarif,
  },
  {
    name: 'junit',
    description: 'JUnit XML',
    forcesExitZero: false,
    hadolint: true,
    endsWithNewline: false,
    format: formatJunit,
  },
  {
    name: 'github',
    description: 'GitHub Actions annotations (workflow commands)',
    forcesExitZero: false,
    hadolint: false,
    endsWithNewline: true,
    format: formatGithub,
    stream: concatenated(formatGithub),
  },
  {
    name: 'markdown',
    description: 'Markdown tables (pull-request comments, job summaries)',
    forcesExitZero: false,
    hadolint: false,
    endsWithNewline: true,
    format: formatMarkdown,
  },
];

/** All format names, in the order of {@link FORMATS}. */
export const FORMAT_NAMES: readonly FormatName[] = FORMATS.map((f) => f.name);

/** True when `name` is a format name (as accepted by `-f/--format`, `format:` and `HADOLINT_FORMAT`). */
export function isFormatName(name: string): name is FormatName {
  return (FORMAT_NAMES as readonly string[]).includes(name);
}

/** The description of a format. */
export function formatInfo(format: FormatName): FormatInfo {
  const info = FORMATS.find((f) => f.name === format);
  if (!info) throw new Error(`unknown format: ${String(format)}`);
  return info;
}

/** True when hadolint would exit 0 because of the requested formats (`codeclimate`, `codacy`). */
export function formatsForceExitZero(formats: readonly FormatName[]): boolean {
  return formats.some((f) => formatInfo(f).forcesExitZero);
}

/**
 * Renders the report in one format. Output mirrors hadolint's format of the same name (see each
 * format's docs); `github` and `markdown` are shipshape's own. Pure apart from reading the clock
 * (junit, unless `input.now`) and `process.cwd()` (sarif, github, unless `input.cwd`).
 */
export function formatReport(format: FormatName, input: ReportInput): string {
  return formatInfo(format).format(input);
}
