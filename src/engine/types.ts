/**
 * Types shared by the rule engine, the rules, the fixer and the reporters. Nothing here touches the
 * file system: the engine runs unchanged in Node.js, a browser or a language server.
 */
import type { Dockerfile, Instruction, Range, Stage } from '../parse/types.js';
import type { ShellCommand, ShellScript } from '../shell/types.js';
import type { Scope, Semantics } from '../parse/semantics.js';
import type { EditBuilder } from '../fix/edit.js';
import type { InstructionFacts, RunFacts, StageFacts } from './facts.js';

/** hadolint's severity levels, most severe first. */
export type Severity = 'error' | 'warning' | 'info' | 'style';

/** Severity order: a larger number is more severe. */
export const SEVERITY_RANK: Record<Severity, number> = { style: 1, info: 2, warning: 3, error: 4 };

/** `failure-threshold` values (hadolint): a level, or `ignore`/`none` (fail on any finding). */
export type FailureThreshold = Severity | 'ignore' | 'none';

/** Label types of hadolint's `label-schema`. */
export type LabelType = 'text' | 'url' | 'semver' | 'hash' | 'rfc3339' | 'spdx' | 'email';

/** One replacement of `original[start, end)` by `text`; offsets in UTF-16 units of the original text. */
export interface TextEdit {
  start: number;
  end: number;
  text: string;
}

/** How safe an automatic fix is (ruff's applicability): `--fix` applies `safe`, `--unsafe-fixes` both. */
export type Applicability = 'safe' | 'unsafe';

/** A fix: non-overlapping edits of the Dockerfile, and optionally of other files of the build context. */
export interface Fix {
  applicability: Applicability;
  /** Short imperative description (`Add --no-install-recommends`). */
  description: string;
  /** Edits of the Dockerfile text. */
  edits: TextEdit[];
  /**
   * Edits of other build-context files (path relative to the context, `/`-separated). `create` means
   * the file may not exist yet; edits then apply to the empty string.
   */
  files?: { path: string; create: boolean; edits: TextEdit[] }[];
}

/** A finding of one rule at one place. */
export interface Finding {
  /** Rule id: `DL3008`, `FromAsCasing`, `require-non-root-user`, `SC2086`, or `DL1000` for parse errors. */
  ruleId: string;
  severity: Severity;
  message: string;
  /** Where the problem is, in the Dockerfile. */
  range: Range;
  /** The instruction the finding belongs to (pragmas and `# check=` comments apply per instruction). */
  instruction: Instruction | null;
  fix?: Fix;
  /** Link to the rule's documentation. */
  url?: string;
  /**
   * Ids of other rules that reported the same problem here and were merged into this finding
   * (src/engine/equivalents.ts): `JSONArgsRecommended` on a DL3025 finding. Ignoring any of them silences it.
   */
  aliases?: string[];
}

/** A finding together with the file it was found in (what reporters receive). */
export interface FileFinding extends Finding {
  /** File name as the user gave it (`-` or `--stdin-filename` for standard input). */
  file: string;
}

/** Options of rules that hadolint configures through `.hadolint.yaml`. */
interface RuleSettings {
  /** Registries allowed by DL3026; empty disables the rule. */
  trustedRegistries: string[];
  /** Labels required by DL3049–DL3058, with their types. */
  labelSchema: Record<string, LabelType>;
  /** DL3050: no labels outside the schema. */
  strictLabels: boolean;
}

/** The configuration that applies to one Dockerfile (hadolint's keys, merged from all sources). */
export interface LintConfig extends RuleSettings {
  /** Rule ids whose findings are dropped. */
  ignored: string[];
  /** Severity per rule id, replacing the default (enables rules that are off by default). */
  override: Record<string, Severity>;
  failureThreshold: FailureThreshold;
  noFail: boolean;
  /** Turns off `# hadolint ignore=` (inline, stage and global), not `shell=`. */
  disableIgnorePragma: boolean;
}

/** The default configuration (hadolint's defaults). */
export function defaultConfig(): LintConfig {
  return {
    ignored: [],
    override: {},
    failureThreshold: 'info',
    noFail: false,
    disableIgnorePragma: false,
    trustedRegistries: [],
    labelSchema: {},
    strictLabels: false,
  };
}

/**
 * Read access to the build context (the directory sent to the builder). Paths are relative to the
 * context root and `/`-separated. Implemented over the file system by src/context/fs.ts and in memory
 * by src/context/memory.ts.
 */
export interface BuildContext {
  /** Every file in the context (recursively; directories not listed), `.dockerignore` not applied. */
  listFiles(): string[];
  /** File contents as UTF-8, or null when it does not exist or is not a file. */
  readFile(path: string): string | null;
  /** True when a file or directory exists at `path`. */
  exists(path: string): boolean;
  /**
   * The ignore file that applies, or null: BuildKit's `<Dockerfile path>.dockerignore` beside the
   * Dockerfile first (`docker/prod.Dockerfile.dockerignore` for `-f docker/prod.Dockerfile`), then
   * `.dockerignore` at the context root. `path` is relative to the context root with `/` separators
   * (it starts with `../` when the Dockerfile is outside the context).
   */
  dockerignore(): { path: string; content: string } | null;
}

/** URL of a rule's documentation page in this repository (docs/rules/<id>.md). */
export function ruleDocsUrl(id: string): string {
  return `https://github.com/shipshape-dev/shipshape/blob/main/docs/rules/${id}.md`;
}

/** Where a rule comes from; decides naming and the docs URL. */
type RuleOrigin = 'hadolint' | 'buildkit' | 'shipshape' | 'shellcheck';

/** What the rule protects. */
type RuleCategory = 'security' | 'reproducibility' | 'size' | 'correctness' | 'maintainability' | 'python';

/** Documentation of a rule, rendered into docs/rules/<id>.md and checked by tests. */
interface RuleDocs {
  /** What the rule checks, in a sentence or two. */
  description: string;
  /** Why it matters. */
  why: string;
  /** A Dockerfile on which the rule fires. */
  bad: string;
  /** The same Dockerfile written correctly: the rule is silent. */
  good: string;
  /** Build-context files for the examples (path → content), when the rule reads the context. */
  files?: Record<string, string>;
  /** Configuration needed for the examples to fire (`.hadolint.yaml` keys). */
  config?: Record<string, unknown>;
  /** How this rule differs from the tool it comes from (hadolint, BuildKit), if it does. */
  differences?: string;
}

/** A rule's metadata; the registry (src/rules/index.ts) is a list of these with their checks. */
export interface RuleMeta {
  /** `DL3008`, `FromAsCasing`, `require-non-root-user`. */
  id: string;
  /** Default severity, or `off` for rules that only run when configured (hadolint's `ignore` level). */
  severity: Severity | 'off';
  /** One line, used as the default message. */
  summary: string;
  origin: RuleOrigin;
  category: RuleCategory;
  /** Other names accepted in config and pragmas (Trivy `DS004`, Checkov `CKV2_DOCKER_1`). */
  aliases?: string[];
  /** Which fixes the rule offers. */
  fix: 'none' | Applicability;
  /** BuildKit experimental checks run only when enabled with `# check=experimental=`. */
  experimental?: boolean;
  /** Whether the rule needs the build context to say anything. */
  needsContext?: boolean;
  /**
   * The rule still reads a doubtful build context (`LintOptions.contextDoubtful`: the Dockerfile's
   * own folder when most of its COPY sources are elsewhere), where other rules see none. For rules
   * that only report and whose silence would be a hole: a Dockerfile must not be able to switch off
   * the check for credentials copied from its folder by naming sources that exist elsewhere.
   */
  readsDoubtfulContext?: boolean;
  docs: RuleDocs;
}

/**
 * What a rule reports: a place, a message, optionally a fix.
 *
 * The place is `at` (anything with a range: a shell command or word, a Dockerfile word, flag, pair or
 * instruction) or `range`; without either, the instruction's range. The instruction the finding
 * belongs to (pragmas and `# check=` comments apply per instruction) is found from the place — the
 * instruction whose text contains it, the ONBUILD for a trigger — unless `instruction` says otherwise.
 */
export interface ReportInput {
  /** The place: its range is the finding's range. */
  at?: Range | { readonly range: Range };
  /** Exact place (same as `at` with a range). */
  range?: Range;
  /** The instruction the finding belongs to; found from the place when omitted. */
  instruction?: Instruction | null;
  /** Defaults to the rule's summary. */
  message?: string;
  fix?: Fix;
}

/** What a rule sees while checking one Dockerfile. Built once per file by the engine. */
export interface RuleContext {
  readonly file: Dockerfile;
  readonly settings: RuleSettings;
  /** The build context, or null when linting text without one (standard input, corpus files). */
  readonly context: BuildContext | null;
  /**
   * The files a COPY/ADD reads its sources from: the build context (`ctx.context`) without `--from`; for
   * `--from=NAME` naming an additional build context that is a local directory
   * (`--build-context NAME=DIR`, Compose `additional_contexts`), that directory, whose `dockerignore()`
   * is its own root `.dockerignore` (BuildKit's dockerui named contexts apply it); null for a stage, an
   * image or a context that cannot be read.
   */
  contextOf(instruction: Instruction): BuildContext | null;
  /** ARG/ENV scopes of the whole file (BuildKit scoping), computed once: `ctx.semantics.global`, `.errors`. */
  readonly semantics: Semantics;
  /**
   * Every RUN of the file in order, `ONBUILD RUN` included (`{ onbuild: false }` leaves those out),
   * each with the instruction to report on and its shell commands (src/engine/facts.ts).
   */
  runs(options?: { onbuild?: boolean }): readonly RunFacts[];
  /** Facts about an instruction: its `--mount`s, COPY/ADD sources, WORKDIR in effect, stage. */
  facts(instruction: Instruction): InstructionFacts;
  /** Facts about a stage: ancestry, root image, whether it is (in) the final image. */
  stage(stage: Stage): StageFacts;
  /**
   * The shell model of a RUN instruction (also the RUN inside `ONBUILD RUN`): null for a shell-form RUN
   * when the stage's shell is not POSIX (SHELL or `# hadolint shell=` naming pwsh/powershell/cmd), or
   * when a heredoc body runs a non-shell interpreter. Exec-form RUN gives a script with one command, the
   * argv as written, whatever the shell: exec form never goes through SHELL.
   */
  shell(instruction: Instruction): ShellScript | null;
  /** Every simple command of a RUN (see shell()), in document order; empty when there is no shell model. */
  commands(instruction: Instruction): ShellCommand[];
  /** Variables in scope just before the instruction (ARG and ENV, BuildKit scoping). */
  scope(instruction: Instruction): Scope;
  /** A new edit builder for a fix of this file (src/fix/edit.ts). */
  edit(): EditBuilder;
  /** Report a finding of the running rule. */
  report(input: ReportInput): void;
}

/** A rule: metadata plus its check. */
export interface Rule extends RuleMeta {
  check(ctx: RuleContext): void;
}
