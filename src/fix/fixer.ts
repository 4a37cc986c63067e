/**
 * `--fix`: apply fixes, re-parse, re-lint, repeat until nothing changes (at most 10 rounds), the loop
 * of ESLint and ruff.
 *
 * Guarantees checked on every round (a round that breaks one is discarded and reported as an internal
 * error naming the rules whose fixes were in it — those are bugs):
 * - the result parses at least as well as the input (no new parse error),
 * - the round does not bring back a state seen before (a fix cycle; the state is the Dockerfile text and
 *   the other build-context files changed so far),
 * - no rule whose fix was applied ends up with more findings than before because of its own fixes
 *   (checked by applying that rule's fixes alone when the round as a whole increased its count).
 * Line endings: in a CRLF file, line breaks in inserted text become CRLF. A BOM stays in place.
 */
import { lint, type LintOptions, type LintResult } from '../engine/lint.js';
import type { Applicability, BuildContext, Finding, Fix, TextEdit } from '../engine/types.js';
import { applyEdits } from './apply.js';

/** Options of a fix run. */
interface FixOptions extends LintOptions {
  /** `safe` applies safe fixes; `unsafe` applies safe and unsafe ones. */
  level: Applicability;
  /** Only fix findings of these rule ids (`--fix-rule`); all when absent. */
  onlyRules?: readonly string[];
  /** Maximum rounds (default 10). */
  maxRounds?: number;
}

/** Outcome of fixing one file. */
interface FixResult {
  /** The fixed Dockerfile text (equal to the input when nothing was fixed). */
  output: string;
  /** Findings of the input. */
  before: Finding[];
  /** Findings remaining in the output. */
  after: LintResult;
  /** Number of fixes applied, by rule id. */
  fixedByRule: Record<string, number>;
  /** New contents of other build-context files changed by fixes (`.dockerignore`), by path. */
  files: Map<string, string>;
  /** Rounds whose result was discarded: a bug in the named rules' fixes. */
  errors: { rules: string[]; message: string }[];
  rounds: number;
}

/**
 * Fixes one Dockerfile text.
 * @returns the fixed text and what changed; never throws for any input text.
 */
export async function fixText(text: string, options: FixOptions): Promise<FixResult> {
  const maxRounds = options.maxRounds ?? 10;
  const crlf = /\r\n/.test(text) && !/(^|[^\r])\n/.test(text);
  let current = text;
  const files = new Map<string, string>();
  const baseContext = options.context ?? null;
  const lintOptions: LintOptions = { ...options, context: baseContext ? overlayContext(baseContext, files) : null };
  let result = await lint(current, lintOptions);
  const before = result.findings;
  // A state is the Dockerfile text and the context files changed so far: a round that only writes
  // `.dockerignore` leaves the text as it was and is progress, not a cycle.
  const seen = new Set([stateKey(current, files)]);
  const fixedByRule: Record<string, number> = {};
  const errors: FixResult['errors'] = [];
  const excluded = new Set<string>();
  let rounds = 0;

  while (rounds < maxRounds) {
    const chosen = chooseFixes(result.findings, options, excluded);
    if (chosen.length === 0) break;
    rounds++;
    const editsOf = (list: typeof chosen): TextEdit[] => list.flatMap(({ fix }) => fix.edits.map((e) => (crlf ? { ...e, text: e.text.replace(/\r?\n/g, '\r\n') } : e)));
    const next = applyEdits(current, editsOf(chosen)).text;
    const pendingFiles = new Map(files);
    for (const c of chosen) for (const f of c.fix.files ?? []) applyFileFix(pendingFiles, baseContext, f);
    const nextOptions: LintOptions = { ...lintOptions, context: baseContext ? overlayContext(baseContext, pendingFiles) : null };
    const nextResult = await lint(next, nextOptions);
    const rules = [...new Set(chosen.map((c) => c.finding.ruleId))];
    // A rule's findings may grow because another rule's fix revealed new ones (`apt install` → `apt-get
    // install` makes DL3015 see it): only blame a rule whose own fixes, applied alone, add findings.
    const aloneGrows = async (rule: string): Promise<boolean> => {
      const own = chosen.filter((c) => c.finding.ruleId === rule);
      if (own.length === chosen.length) return true;
      const alone = await lint(applyEdits(current, editsOf(own)).text, nextOptions);
      return countByRule(alone.findings, rule) > countByRule(result.findings, rule);
    };
    const problem = await roundProblem(result, nextResult, stateKey(next, pendingFiles), seen, rules, aloneGrows);
    if (problem) {
      errors.push({ rules, message: problem });
      // Retry without the offending rules; if it was one rule, it is excluded for good.
      for (const r of rules) excluded.add(r);
      continue;
    }
    for (const c of chosen) fixedByRule[c.finding.ruleId] = (fixedByRule[c.finding.ruleId] ?? 0) + 1;
    for (const [p, content] of pendingFiles) files.set(p, content);
    seen.add(stateKey(next, pendingFiles));
    current = next;
    result = nextResult;
  }
  return { output: current, before, after: result, fixedByRule, files, errors, rounds };
}

/**
 * What a round's result is compared by to detect fix cycles: the Dockerfile text and the contents of
 * the other build-context files changed so far (a round that only creates `.dockerignore` is progress).
 */
function stateKey(text: string, files: ReadonlyMap<string, string>): string {
  return files.size === 0 ? text : `${text}\u0000${JSON.stringify([...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))}`;
}

function chooseFixes(findings: Finding[], options: FixOptions, excluded: Set<string>): { finding: Finding; fix: Fix }[] {
  const out: { finding: Finding; fix: Fix }[] = [];
  const taken: TextEdit[] = [];
  // Edits of other context files, by path: they conflict like Dockerfile edits (two appends at the end
  // of `.dockerignore` would interleave), so the second waits for the next round's fresh offsets.
  const takenFiles = new Map<string, TextEdit[]>();
  for (const f of findings) {
    const fix = f.fix;
    if (!fix || excluded.has(f.ruleId)) continue;
    if (options.level === 'safe' && fix.applicability !== 'safe') continue;
    if (options.onlyRules && ![f.ruleId, ...(f.aliases ?? [])].some((id) => options.onlyRules!.includes(id))) continue;
    if (fix.edits.length === 0 && !(fix.files?.length)) continue;
    if (fix.edits.some((e) => taken.some((t) => overlaps(e, t)))) continue;
    if ((fix.files ?? []).some((file) => file.edits.some((e) => (takenFiles.get(file.path) ?? []).some((t) => overlaps(e, t))))) continue;
    taken.push(...fix.edits);
    for (const file of fix.files ?? []) takenFiles.set(file.path, [...(takenFiles.get(file.path) ?? []), ...file.edits]);
    out.push({ finding: f, fix });
  }
  return out;
}

/** Two edits conflict when their ranges overlap, or both insert at the same point. */
function overlaps(a: TextEdit, b: TextEdit): boolean {
  if (a.start === a.end && b.start === b.end) return a.start === b.start;
  return a.start < b.end && b.start < a.end || (a.start === a.end && a.start > b.start && a.start < b.end) || (b.start === b.end && b.start > a.start && b.start < a.end);
}

function parseErrors(r: LintResult): number {
  return r.file.errors.length;
}

function countByRule(findings: Finding[], rule: string): number {
  return findings.filter((f) => f.ruleId === rule).length;
}

async function roundProblem(
  prev: LintResult,
  next: LintResult,
  nextState: string,
  seen: Set<string>,
  rules: string[],
  aloneGrows: (rule: string) => Promise<boolean>,
): Promise<string | null> {
  if (parseErrors(next) > parseErrors(prev)) return `fix made the file parse worse: ${next.file.errors[0]?.message ?? 'parse error'}`;
  if (seen.has(nextState)) return 'fixes undo each other (the text returned to an earlier state)';
  for (const r of rules) {
    if (countByRule(next.findings, r) > countByRule(prev.findings, r) && (await aloneGrows(r))) return `fix of ${r} produced more ${r} findings than it removed`;
  }
  return null;
}

/**
 * The text of a build-context file as fixes see it before they change it: for the ignore file the
 * context applies, what `dockerignore()` read (it may be beside a Dockerfile outside the context, which
 * `readFile` does not reach); for any other file, `readFile`. Null when there is no such file.
 */
export function contextFileText(context: BuildContext | null | undefined, path: string): string | null {
  const ignore = context?.dockerignore() ?? null;
  if (ignore !== null && ignore.path === path) return ignore.content;
  return context?.readFile(path) ?? null;
}

/** Applies a fix's edits of a context file to the overlay (reading the base context the first time). */
function applyFileFix(overlay: Map<string, string>, base: BuildContext | null, f: { path: string; create: boolean; edits: TextEdit[] }): void {
  const current = overlay.get(f.path) ?? contextFileText(base, f.path);
  if (current === null && !f.create) return;
  overlay.set(f.path, applyEdits(current ?? '', f.edits).text);
}

/** A build context whose files are replaced by `overlay` where it has them. */
function overlayContext(base: BuildContext, overlay: Map<string, string>): BuildContext {
  return {
    listFiles: () => [...new Set([...base.listFiles(), ...overlay.keys()])].sort(),
    readFile: (p) => overlay.get(p) ?? base.readFile(p),
    exists: (p) => overlay.has(p) || base.exists(p),
    dockerignore: () => {
      const d = base.dockerignore();
      if (d && overlay.has(d.path)) return { path: d.path, content: overlay.get(d.path)! };
      if (d) return d;
      for (const p of ['.dockerignore']) if (overlay.has(p)) return { path: p, content: overlay.get(p)! };
      return null;
    },
  };
}
