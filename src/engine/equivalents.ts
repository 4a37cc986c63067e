/**
 * One finding per problem: rules of different origins that report the same problem at the same
 * instruction (hadolint's DL3025 and BuildKit's JSONArgsRecommended on one shell-form CMD) are merged
 * into one finding; the other ids become its `aliases`.
 *
 * Which id is shown (documented in the README, "One finding per problem"): the most severe of the merged
 * findings, after severity overrides; on a tie hadolint's id, then BuildKit's check name, then
 * shipshape's own. Its message, range and fix are shown (the fix of an alias when the shown finding has
 * none). Ignoring any of the ids (`--ignore`, `ignored:`, a pragma, `# check=skip=`) silences the merged
 * finding, as the user asked not to see that problem.
 */
import type { Instruction } from '../parse/types.js';
import type { Finding, Rule } from './types.js';
import { SEVERITY_RANK } from './types.js';

/**
 * Groups of rule ids that report one problem. Findings of rules of one group at the same instruction are
 * merged, the k-th finding of each rule with the k-th of the others (`ENV A_SECRET=1 B_TOKEN=2` gives two
 * merged findings). Only rules that report at the problem's own instruction belong here.
 */
const EQUIVALENT_RULES: readonly (readonly string[])[] = [
  ['DL3025', 'JSONArgsRecommended'],
  ['DL4000', 'MaintainerDeprecated'],
  ['DL3024', 'DuplicateStageName'],
  ['DL3000', 'WorkdirRelativePath'],
];

/**
 * Groups whose rules report one problem only where their findings start at the same place: they overlap
 * without being equal, so pairing by order in the instruction would join different problems. hadolint's
 * DL3044 (a variable used in the ENV that defines it) and BuildKit's UndefinedVar (a variable used
 * where it is not defined) both report `$A` in `ENV A=1 B=$A` when no earlier A exists: BuildKit expands
 * every value of one ENV with the variables defined before it (found by a fresh-user trial). Elsewhere
 * UndefinedVar reports alone (`ENV C=$NOPE A=1 B=$A`: `$NOPE` is its own finding, `$A` the merged one).
 */
const SAME_PLACE_RULES: readonly (readonly string[])[] = [
  ['DL3044', 'UndefinedVar'],
  // A RUN whose `apt-get update` installs nothing after it: hadolint's DL3009 asks to delete the lists
  // there, which would leave a RUN that does nothing; update-without-install asks to update and install
  // in one RUN, which also satisfies DL3009 (found by a fresh-user trial). Both report the update command.
  ['DL3009', 'update-without-install'],
];

/**
 * Groups whose rules report one problem only within one `KEY=value` pair of an ENV, ARG or LABEL: a
 * credential written into the image, which one rule reports at the key (hadolint's DL3064, BuildKit's
 * SecretsUsedInArgOrEnv, shipshape's no-inline-credentials for well-known token variables) and another
 * at the value (no-secrets-in-image). Findings outside a pair (no-inline-credentials on a RUN's
 * `docker login -p`, no-secrets-in-image on a token in a RUN) are never merged: in one RUN they are
 * different problems. Several pairs in one ENV are several problems, matched by pair, not by order
 * (`ENV OTHER_PASSWORD=x GITHUB_TOKEN=ghp_…`: no-inline-credentials reports only the second pair).
 */
const SAME_PAIR_RULES: readonly (readonly string[])[] = [['DL3064', 'SecretsUsedInArgOrEnv', 'no-secrets-in-image', 'no-inline-credentials']];

type GroupKind = 'order' | 'place' | 'pair';
const GROUP_OF = new Map<string, { group: number; kind: GroupKind }>();
const addGroups = (groups: readonly (readonly string[])[], kind: GroupKind): void => {
  for (const ids of groups) {
    const group = new Set([...GROUP_OF.values()].map((g) => g.group)).size;
    for (const id of ids) GROUP_OF.set(id, { group, kind });
  }
};
addGroups(EQUIVALENT_RULES, 'order');
addGroups(SAME_PLACE_RULES, 'place');
addGroups(SAME_PAIR_RULES, 'pair');

/** Index of the `KEY=value` pair of `instr` (or of its ONBUILD trigger) that holds `offset`; -1 when none. */
function pairAt(instr: Instruction, offset: number): number {
  return (instr.onbuild ?? instr).pairs.findIndex((p) => offset >= p.range.start.offset && offset < p.range.end.offset);
}

const ORIGIN_ORDER: Record<string, number> = { hadolint: 0, buildkit: 1, shipshape: 2 };

/** A rule finding after suppression: `suppressed` when the user ignored it (it silences its group). */
export interface Judged {
  rule: Rule;
  finding: Finding;
  suppressed: boolean;
}

/** True when `a` is shown rather than `b` (see the module comment). */
function shownBefore(a: Judged, b: Judged): boolean {
  const d = SEVERITY_RANK[a.finding.severity] - SEVERITY_RANK[b.finding.severity];
  if (d !== 0) return d > 0;
  return (ORIGIN_ORDER[a.rule.origin] ?? 9) < (ORIGIN_ORDER[b.rule.origin] ?? 9);
}

/**
 * Merges equivalent findings and drops suppressed ones.
 * @returns the findings to report, in input order of the shown findings; merged ones carry `aliases`.
 */
export function mergeEquivalent(entries: Judged[]): Finding[] {
  // key: group + instruction → rule id → that rule's findings there, in order.
  const buckets = new Map<string, Map<string, Judged[]>>();
  const instructionIds = new Map<object, number>();
  const keyOf = (j: Judged): string | null => {
    const g = GROUP_OF.get(j.rule.id);
    if (g === undefined) return null;
    const instr = j.finding.instruction;
    let where: string;
    if (instr) {
      if (!instructionIds.has(instr)) instructionIds.set(instr, instructionIds.size);
      where = `i${instructionIds.get(instr)}`;
    } else where = `l${j.finding.range.start.line}`;
    if (g.kind === 'place') return `${g.group}:${where}:@${j.finding.range.start.offset}`;
    if (g.kind === 'pair') {
      const pair = instr ? pairAt(instr, j.finding.range.start.offset) : -1;
      return pair < 0 ? null : `${g.group}:${where}:p${pair}`;
    }
    return `${g.group}:${where}`;
  };
  for (const j of entries) {
    const key = keyOf(j);
    if (key === null) continue;
    if (!buckets.has(key)) buckets.set(key, new Map());
    const byRule = buckets.get(key)!;
    if (!byRule.has(j.rule.id)) byRule.set(j.rule.id, []);
    byRule.get(j.rule.id)!.push(j);
  }
  const decided = new Map<Judged, Finding | null>();
  for (const byRule of buckets.values()) {
    const lists = [...byRule.values()];
    const depth = Math.max(...lists.map((l) => l.length));
    for (let k = 0; k < depth; k++) {
      const members = lists.map((l) => l[k]).filter((j): j is Judged => j !== undefined);
      let shown = members[0];
      for (const m of members) if (shownBefore(m, shown)) shown = m;
      const silenced = members.some((m) => m.suppressed);
      for (const m of members) decided.set(m, null);
      if (silenced) continue;
      const others = members.filter((m) => m !== shown).sort((a, b) => (shownBefore(a, b) ? -1 : 1));
      const finding: Finding = { ...shown.finding };
      if (others.length > 0) finding.aliases = others.map((m) => m.rule.id);
      if (!finding.fix) {
        const withFix = others.find((m) => m.finding.fix);
        if (withFix) finding.fix = withFix.finding.fix;
      }
      decided.set(shown, finding);
    }
  }
  const out: Finding[] = [];
  for (const j of entries) {
    if (decided.has(j)) {
      const f = decided.get(j);
      if (f) out.push(f);
    } else if (!j.suppressed) out.push(j.finding);
  }
  return out;
}

/**
 * An ARG-given base image is one problem however many FROMs use it: `ARG BASE=python` with
 * `FROM ${BASE} AS build` and `FROM ${BASE}` gives one DL3006, at the first FROM. Drops a finding of a
 * FROM whose image is written with a variable when the same rule already reported the same message at an
 * earlier FROM. `findings` must be sorted by position; returns a new list.
 */
export function reportArgImageOnce(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const instr = f.instruction;
    if (!instr || instr.keyword !== 'FROM' || !(instr.words[0]?.raw ?? '').includes('$')) return true;
    const key = `${f.ruleId}\u0000${instr.words[0].raw}\u0000${f.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
