/**
 * The rule engine: `lint(text, options)` parses a Dockerfile once, builds the shared shell model of
 * every RUN, runs the rules, then applies suppression (hadolint pragmas, BuildKit `# check=`),
 * configuration (ignored rules, severity overrides) and sorting.
 *
 * Pipeline order follows hadolint (`Hadolint.Process`): parse → rules → pragma suppression →
 * severity overrides → ignored list → sort by position. A file that does not parse yields exactly one
 * `DL1000` finding and no rule findings.
 */
import { parse } from '../parse/parser.js';
import { analyze, type Semantics, type Scope } from '../parse/semantics.js';
import type { Dockerfile, Instruction, Range, Stage } from '../parse/types.js';
import type { ShellCommand, ShellScript } from '../shell/types.js';
import { parseShell } from '../shell/parse.js';
import { scriptFromArgv } from '../shell/argv.js';
import { loadShellParser } from '../shell/grammar.js';
import { checkCommentValue, defaultCheckOptions, isSkipped, parseCheckValue, type CheckOptions } from './check-directive.js';
import { parsePragma, type Pragma } from './pragmas.js';
import { buildRunScript, shellOfStage, type ShellChoice } from './run-script.js';
import {
  defaultConfig,
  ruleDocsUrl,
  type BuildContext,
  type Finding,
  type LintConfig,
  type ReportInput,
  type Rule,
  type RuleContext,
  type Severity,
} from './types.js';
import { mergeEquivalent, reportArgImageOnce, type Judged } from './equivalents.js';
import { encodingFinding, FILE_ENCODING_ID } from './encoding.js';
import { closestRuleId, engineFindingUrl, isKnownRuleId, knownRuleIds } from './rule-ids.js';
import { EditBuilder } from '../fix/edit.js';
import { buildFacts, targetStage, type Facts } from './facts.js';

/** Options of one lint run. */
export interface LintOptions {
  /** Configuration; defaults to hadolint's defaults. */
  config?: LintConfig;
  /** The build context, for rules that read `.dockerignore` or copied files; null when unknown. */
  context?: BuildContext | null;
  /**
   * The rules to run (the default set: `defaultRules()` of src/rules/registry.ts). The engine imports no
   * rule itself.
   */
  rules: readonly Rule[];
  /**
   * An external analyser of RUN scripts (the ShellCheck pass, src/cli/shellcheck.ts). It receives every
   * shell-form RUN run by a POSIX shell and returns findings (`SCxxxx` ids) that then go through the same
   * pragmas, overrides and ignore list as rule findings.
   */
  scriptAnalyzer?: ScriptAnalyzer;
  /** Build arguments (Compose `build.args`, `--build-arg`): values of the ARGs of those names. */
  buildArgs?: Readonly<Record<string, string>>;
  /**
   * The stage to build (`docker build --target`, Compose `build.target`): it is the final stage of the
   * fact model, and stages it does not depend on are not judged as the final image. A name no stage has
   * leaves the last stage final and sets {@link LintResult.unknownTarget}.
   */
  target?: string | null;
  /**
   * Names of additional build contexts (`--build-context NAME=PATH`, Compose `build.additional_contexts`):
   * a `COPY --from=NAME` / `RUN --mount=from=NAME` naming one (and no stage) reads that context, not an image.
   */
  buildContexts?: readonly string[];
  /**
   * The files of the additional build contexts that are local directories, by name (a subset of
   * `buildContexts`): rules read `COPY --from=NAME` sources from them (`RuleContext.contextOf`).
   */
  contextFiles?: Readonly<Record<string, BuildContext>>;
  /**
   * The model of `text` when the caller has already parsed it (the CLI's context check reads COPY
   * sources before linting): it must be `parse(text, { buildArgs })` of this very text and these build
   * arguments, and is then not parsed again.
   */
  parsed?: Dockerfile;
  /**
   * The build context is a guess that looks wrong (src/cli/context-check.ts): rules see none, except
   * those marked `readsDoubtfulContext` (credentials copied from it are still reported).
   */
  contextDoubtful?: boolean;
}

/** One RUN script handed to a {@link ScriptAnalyzer}. */
export interface ScriptJob {
  /** The Dockerfile (for positions). */
  file: Dockerfile;
  /** The RUN instruction (for ONBUILD RUN, the wrapped RUN). */
  instruction: Instruction;
  /** The script, with its map to the Dockerfile. */
  script: ShellScript;
  /** The shell program that runs it (`/bin/sh`, `/bin/bash`), from SHELL or the pragma. */
  shell: string;
  /**
   * ARG and ENV names visible to the RUN that its script mentions (hadolint declares the visible
   * names to ShellCheck; names the script does not mention cannot change ShellCheck's findings).
   */
  variables: string[];
}

/** Analyses RUN scripts; returns findings located in the Dockerfile. */
export type ScriptAnalyzer = (jobs: ScriptJob[]) => Promise<Finding[]>;

/** What `lint` returns. */
export interface LintResult {
  /** The parsed model (also when it has errors). */
  file: Dockerfile;
  /** Findings after suppression and configuration, sorted by position. */
  findings: Finding[];
  /** Rules that threw (a bug): their id and message. The other rules' findings are still returned. */
  internalErrors: { ruleId: string; message: string }[];
  /**
   * Set when `options.target` names no stage of a parsed file: a one-line message in BuildKit's words
   * (`target stage "x" could not be found`) with the stage names there are. The CLI exits 2 on it.
   */
  unknownTarget?: string;
}

/**
 * Lints one Dockerfile.
 * @param text the file contents as decoded text (a BOM, if any, still in place).
 * @returns findings with ranges in `text`; never throws for any input text.
 */
export async function lint(text: string, options: LintOptions): Promise<LintResult> {
  const file = options.parsed ?? parse(text, { buildArgs: options.buildArgs });
  const config = options.config ?? defaultConfig();
  const encoding = encodingFinding(file);
  if (file.errors.length > 0) {
    const err = file.errors[0];
    return {
      file,
      findings: [{ ruleId: 'DL1000', severity: 'error', message: err.message, range: err.range, instruction: null, url: engineFindingUrl('DL1000') }, ...(encoding ? [encoding] : [])],
      internalErrors: [],
    };
  }
  const rules = options.rules;
  const semantics = analyze(file, { buildArgs: options.buildArgs });
  const shells = await prepareShells(file);
  const onbuildParent = new Map<Instruction, Instruction>();
  for (const i of file.instructions) if (i.onbuild) onbuildParent.set(i.onbuild, i);
  const raw: { rule: Rule; finding: Finding }[] = [];
  const internalErrors: LintResult['internalErrors'] = [];
  const settings = { trustedRegistries: config.trustedRegistries, labelSchema: config.labelSchema, strictLabels: config.strictLabels };

  const unknownTarget = options.target ? targetProblem(file, options.target) ?? undefined : undefined;
  const facts = buildFacts(file, semantics, (instr) => shells.get(instr)?.script ?? null, { target: options.target, namedContexts: options.buildContexts });
  // The external analyser (ShellCheck, another process) starts first and works while the rules run.
  const external = startScriptAnalyzer(file, shells, semantics, onbuildParent, config, options.scriptAnalyzer);
  for (const rule of rules) {
    if (!isEnabled(rule, config)) continue;
    const context = options.contextDoubtful && !rule.readsDoubtfulContext ? null : options.context ?? null;
    const ctx: RuleContext = {
      file,
      settings,
      context,
      contextOf: (instr) => {
        const copy = facts.of(instr).copy;
        if (!copy || copy.from === null) return context;
        if (copy.fromContext === null) return null;
        const want = copy.fromContext.toLowerCase();
        const hit = Object.entries(options.contextFiles ?? {}).find(([name]) => name.toLowerCase() === want);
        return hit ? hit[1] : null;
      },
      semantics,
      runs: facts.runs,
      facts: facts.of,
      stage: facts.stage,
      shell: (instr) => shells.get(instr)?.script ?? null,
      commands: (instr) => shells.get(instr)?.script.commands ?? [],
      scope: (instr): Scope => semantics.scopeAt(instr),
      edit: () => new EditBuilder(file),
      report: (input: ReportInput) => {
        const finding = toFinding(rule, input, facts);
        const contradiction = fixContradiction(rule, finding);
        if (contradiction) throw new Error(contradiction);
        raw.push({ rule, finding });
      },
    };
    try {
      rule.check(ctx);
    } catch (e) {
      internalErrors.push({ ruleId: rule.id, message: e instanceof Error ? e.message : String(e) });
    }
  }

  if (external) {
    try {
      for (const finding of await external) raw.push({ rule: externalRule(finding.ruleId), finding });
    } catch (e) {
      internalErrors.push({ ruleId: 'shellcheck', message: e instanceof Error ? e.message : String(e) });
    }
  }
  if (encoding) raw.push({ rule: externalRule(FILE_ENCODING_ID, 'shipshape'), finding: encoding });
  // A pragma naming no rule ignores nothing: say so at the pragma (a typo like DL3O08).
  const known = knownRuleIds(rules);
  for (const c of file.comments) {
    const p = parsePragma(c);
    if (!p || p.kind !== 'ignore') continue;
    for (const id of p.rules) {
      if (isKnownRuleId(id, known)) continue;
      const near = closestRuleId(id, known);
      raw.push({
        rule: externalRule('unknown-rule-id', 'shipshape'),
        finding: {
          ruleId: 'unknown-rule-id',
          severity: 'warning',
          message: `\`# ${p.tool} ${p.scope === 'next' ? '' : `${p.scope} `}ignore=\` names \`${id}\`, which is no rule, so it ignores nothing${near ? `: did you mean \`${near}\`?` : ''}`,
          range: c.range,
          instruction: null,
          url: engineFindingUrl('unknown-rule-id'),
        },
      });
    }
  }
  const findings = reportArgImageOnce(applySuppression(file, raw, config).sort(compareFindings));
  return unknownTarget ? { file, findings, internalErrors, unknownTarget } : { file, findings, internalErrors };
}

/**
 * Why `target` (`docker build --target`) cannot be built from `file`: a one-line message in BuildKit's
 * words listing the stage names there are, or null when a stage has that name (compared
 * case-insensitively, as BuildKit does; see facts.ts `targetStage`).
 */
export function targetProblem(file: Dockerfile, target: string): string | null {
  if (targetStage(file, target)) return null;
  const names = file.stages.flatMap((s) => (s.name === null ? [] : [s.name]));
  return `target stage "${target}" could not be found (${names.length > 0 ? `stages: ${names.join(', ')}` : 'no stage of the file is named: FROM … AS <name>'})`;
}

/** The words of `script` that name a variable of `scope`, each once, in order of first mention. */
function mentionedNames(script: string, scope: { has(name: string): boolean }): string[] {
  const out = new Set<string>();
  for (const m of script.matchAll(/[A-Za-z_][A-Za-z0-9_]*/g)) if (!out.has(m[0]) && scope.has(m[0])) out.add(m[0]);
  return [...out];
}

/**
 * Hands every shell-form RUN script run by a POSIX shell to the analyser; null when there is nothing
 * to check. Scripts whose findings would all be dropped are not sent: the id `shellcheck` (an alias of
 * every finding of the analyser) ignored by the configuration or `--ignore`, or by a pragma that covers
 * the RUN.
 */
function startScriptAnalyzer(
  file: Dockerfile,
  shells: Map<Instruction, { script: ShellScript; shell: ShellChoice }>,
  semantics: Semantics,
  onbuildParent: Map<Instruction, Instruction>,
  config: LintConfig,
  analyzer: ScriptAnalyzer | undefined,
): Promise<Finding[]> | null {
  if (!analyzer || config.ignored.includes(EXTERNAL_ALIAS)) return null;
  const pragmas = config.disableIgnorePragma ? [] : collectIgnorePragmas(file);
  const jobs: ScriptJob[] = [];
  for (const [instr, entry] of shells) {
    if (instr.execForm || !entry.shell.posix) continue;
    if (isPragmaSuppressed(file, pragmas, { range: instr.range, instruction: instr } as Finding, [EXTERNAL_ALIAS])) continue;
    // hadolint checks ONBUILD triggers in isolation: they run in a later build, where none of this
    // file's ARG/ENV names are known.
    // Only the visible names the script mentions (listing every visible name for every RUN is quadratic),
    // and only names the Dockerfile declares (ARG/ENV), as hadolint: the base image's implicit PATH is
    // not one, and declaring it (`export PATH=1`) would hide ShellCheck's SC2086 on `$PATH`.
    const scope = semantics.scopeAt(instr);
    const variables = onbuildParent.has(instr) ? [] : mentionedNames(entry.script.source.text, scope).filter((n) => scope.get(n)?.instruction != null);
    jobs.push({ file, instruction: instr, script: entry.script, shell: entry.shell.name, variables });
  }
  if (jobs.length === 0) return null;
  const p = analyzer(jobs);
  p.catch(() => undefined); // awaited after the rules; no unhandled rejection meanwhile
  return p;
}

/** The id that names every finding of the external analyser at once (`--ignore shellcheck`). */
const EXTERNAL_ALIAS = 'shellcheck';

const externalRules = new Map<string, Rule>();

/** A stand-in rule for findings of an external analyser, so suppression treats them like rule findings. */
function externalRule(id: string, origin: Rule['origin'] = 'shellcheck'): Rule {
  let r = externalRules.get(id);
  if (!r) {
    r = { id, aliases: origin === 'shellcheck' ? [EXTERNAL_ALIAS] : undefined, severity: 'info', summary: id, origin, category: 'correctness', fix: 'none', docs: { description: '', why: '', bad: '', good: '' }, check: () => {} };
    externalRules.set(id, r);
  }
  return r;
}

function isEnabled(rule: Rule, config: LintConfig): boolean {
  if (rule.severity !== 'off') return true;
  return [rule.id, ...(rule.aliases ?? [])].some((id) => id in config.override);
}

function toFinding(rule: Rule, input: ReportInput, facts: Facts): Finding {
  const range = input.range ?? (input.at ? ('range' in input.at ? input.at.range : input.at) : undefined) ?? input.instruction?.range ?? zeroRange();
  const instruction = input.instruction !== undefined ? input.instruction : facts.instructionAt(range.start.offset);
  return {
    ruleId: rule.id,
    severity: rule.severity === 'off' ? 'info' : rule.severity,
    message: input.message ?? rule.summary,
    range,
    instruction,
    fix: input.fix,
    url: ruleDocsUrl(rule.id),
  };
}

/**
 * A fix that contradicts the rule's declared `fix` (a fix from a rule that declares `none`, an unsafe
 * fix from a rule that declares `safe`) is a bug in the rule: the engine reports it as an internal
 * error of the rule (the message returned here) instead of letting `--fix` apply it. Null when fine.
 */
function fixContradiction(rule: Rule, finding: Finding): string | null {
  const fix = finding.fix;
  if (!fix) return null;
  if (rule.fix === 'none') return `${rule.id} declares fix: 'none' but reported a fix (${fix.description})`;
  if (rule.fix === 'safe' && fix.applicability !== 'safe') return `${rule.id} declares fix: 'safe' but reported an unsafe fix (${fix.description})`;
  return null;
}

function zeroRange(): Range {
  return { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } };
}

function compareFindings(a: Finding, b: Finding): number {
  return a.range.start.offset - b.range.start.offset || compareIds(a.ruleId, b.ruleId);
}

/**
 * `a.localeCompare(b)` for rule ids (letters, digits, `-`, `_`, `.`) without ICU: the first
 * `localeCompare` of a process builds a collator, which cost more than all the rules of a small file.
 * Like ICU's root collation: punctuation < digits < letters, letters case-insensitively, then lower
 * case before upper case.
 */
function compareIds(a: string, b: string): number {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const d = idWeight(a.charCodeAt(i)) - idWeight(b.charCodeAt(i));
    if (d !== 0) return d;
  }
  if (a.length !== b.length) return a.length - b.length;
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return x >= 97 ? -1 : y >= 97 ? 1 : x - y; // lower case first
  }
  return 0;
}

function idWeight(c: number): number {
  if (c >= 97 && c <= 122) return 2000 + (c - 97) * 2; // a-z
  if (c >= 65 && c <= 90) return 2000 + (c - 65) * 2; // A-Z, same primary weight
  if (c >= 48 && c <= 57) return 1000 + c; // digits
  return c === 95 ? 1 : c === 45 ? 2 : c === 46 ? 3 : 10 + c; // `_` < `-` < `.` < other punctuation
}

/**
 * Builds the shell model of every RUN (and ONBUILD RUN) once. The bash grammar is loaded only when
 * at least one RUN needs it.
 */
async function prepareShells(file: Dockerfile): Promise<Map<Instruction, { script: ShellScript; shell: ShellChoice }>> {
  const out = new Map<Instruction, { script: ShellScript; shell: ShellChoice }>();
  const jobs: { instr: Instruction; shell: ShellChoice }[] = [];
  for (const stage of stagesWithGlobal(file)) {
    for (const { instr, shell } of runsOfStage(file, stage)) jobs.push({ instr, shell });
  }
  if (jobs.length === 0) return out;
  let loaded = false;
  for (const { instr, shell } of jobs) {
    // An exec-form RUN never goes through SHELL: its argv is the command under any shell (PowerShell,
    // cmd), so this comes before the non-POSIX skip.
    if (instr.execForm) {
      const words = instr.words.map((w) => ({ value: w.value, range: w.range }));
      out.set(instr, { script: scriptFromArgv(words, instr.range), shell });
      continue;
    }
    if (!shell.posix) continue;
    const source = buildRunScript(file, instr);
    if (!source) continue;
    if (!loaded) {
      await loadShellParser();
      loaded = true;
    }
    // With the Dockerfile's text, ranges are Dockerfile positions, so rules need not parse the script again.
    out.set(instr, { script: parseShell(source, { text: file.text, lineStarts: file.lineStarts }), shell });
  }
  return out;
}

function stagesWithGlobal(file: Dockerfile): Stage[] {
  return file.stages;
}

/** The RUN instructions of a stage (including ONBUILD RUN), each with the shell in effect there. */
function runsOfStage(file: Dockerfile, stage: Stage): { instr: Instruction; shell: ShellChoice }[] {
  const out: { instr: Instruction; shell: ShellChoice }[] = [];
  const shellAt = shellOfStage(file, stage);
  for (const instr of stage.instructions) {
    const target = instr.keyword === 'ONBUILD' ? instr.onbuild : instr;
    if (target && target.keyword === 'RUN') out.push({ instr: target, shell: shellAt(instr) });
  }
  return out;
}

/**
 * Drops findings suppressed by pragmas, `# check=` options and config; applies severity overrides.
 * BuildKit-origin rules honour `# check=`; every rule honours hadolint/shipshape ignore pragmas.
 */
function applySuppression(file: Dockerfile, raw: { rule: Rule; finding: Finding }[], config: LintConfig): Finding[] {
  const pragmas = config.disableIgnorePragma ? [] : collectIgnorePragmas(file);
  const fileCheck = fileCheckOptions(file);
  const judged: Judged[] = [];
  for (const { rule, finding } of raw) {
    const ids = [rule.id, ...(rule.aliases ?? [])];
    let suppressed = false;
    if (rule.origin === 'buildkit') {
      const perInstruction = !FILE_LEVEL_CHECKS.has(rule.id) && finding.instruction ? instructionCheckOptions(finding.instruction) : null;
      if (rule.experimental) {
        // Experimental checks run only when enabled, file-wide or by the comment above the instruction; `skip` does not apply.
        // Not enabled means not run: it silences nothing else.
        const enabled = !isSkipped(fileCheck, rule.id, true) || (perInstruction !== null && !isSkipped(perInstruction, rule.id, true));
        if (!enabled) continue;
      } else {
        if (isSkipped(fileCheck, rule.id, false)) suppressed = true;
        if (perInstruction && isSkipped(perInstruction, rule.id, false)) suppressed = true;
      }
      if (fileCheck.error) finding.severity = 'error';
    }
    if (isPragmaSuppressed(file, pragmas, finding, ids)) suppressed = true;
    const override = overrideFor(config, ids);
    if (override) finding.severity = override;
    if (ids.some((id) => config.ignored.includes(id))) suppressed = true;
    judged.push({ rule, finding, suppressed });
  }
  // One finding per problem: equivalent rules' findings merge; ignoring any of them silences the merged one.
  return mergeEquivalent(judged);
}

/** BuildKit checks run with the file-level linter: per-instruction `# check=` comments do not apply. */
const FILE_LEVEL_CHECKS = new Set([
  'ConsistentInstructionCasing',
  'DuplicateStageName',
  'ReservedStageName',
  'NoEmptyContinuation',
  'InvalidDefaultArgInFrom',
  'InvalidBaseImagePlatform',
]);

function fileCheckOptions(file: Dockerfile): CheckOptions {
  const d = file.directives.find((x) => x.name === 'check');
  if (!d) return defaultCheckOptions();
  const parsed = parseCheckValue(d.value);
  return 'error' in parsed && typeof parsed.error === 'string' ? defaultCheckOptions() : (parsed as CheckOptions);
}

/**
 * BuildKit: the first comment above the instruction that parses as `check=...` adds to the file's
 * options (more skips, more experimental rules); its `error=` is ignored. Null when there is none.
 */
function instructionCheckOptions(instr: Instruction): CheckOptions | null {
  for (const c of instr.comments) {
    const v = checkCommentValue(c.text);
    if (v === null) continue;
    const parsed = parseCheckValue(v);
    if ('error' in parsed && typeof parsed.error === 'string') continue;
    return parsed as CheckOptions;
  }
  return null;
}

type IgnorePragma = Extract<Pragma, { kind: 'ignore' }>;

/** Every ignore pragma of a file (also used by `shipshape image --dockerfile`). */
export function collectIgnorePragmas(file: Dockerfile): IgnorePragma[] {
  const out: IgnorePragma[] = [];
  for (const c of file.comments) {
    const p = parsePragma(c);
    if (p && p.kind === 'ignore') out.push(p);
  }
  return out;
}

/**
 * hadolint's pragma scopes: `ignore=` covers the instruction that starts on the next line;
 * `global ignore=` the whole file; `stage ignore=` the instructions after the one directly below the
 * pragma, up to and including the next FROM.
 */
export function isPragmaSuppressed(file: Dockerfile, pragmas: IgnorePragma[], finding: Finding, ids: string[]): boolean {
  if (pragmas.length === 0) return false;
  const line = finding.instruction ? finding.instruction.line : finding.range.start.line;
  for (const p of pragmas) {
    if (!p.rules.some((r) => ids.includes(r))) continue;
    const pl = p.comment.range.start.line;
    if (p.scope === 'global') return true;
    if (p.scope === 'next' && line === pl + 1) return true;
    if (p.scope === 'stage' && line >= pl + 2) {
      const nextFrom = file.stages.find((s) => s.from.line > pl + 1);
      if (!nextFrom || line <= nextFrom.from.line) return true;
    }
  }
  return false;
}

function overrideFor(config: LintConfig, ids: string[]): Severity | null {
  for (const id of ids) if (config.override[id]) return config.override[id];
  return null;
}

export type { Semantics };
