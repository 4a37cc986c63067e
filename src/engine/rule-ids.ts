/**
 * Which rule ids exist, for checking the ids users write (`--ignore`, `--fix-rule`, `--error`…, config
 * `ignored:`/`override:`, pragmas): a typo must not silently ignore nothing, as ESLint and ruff refuse an
 * unknown rule. Known: every registered rule and its aliases, ShellCheck codes (`SC` + 4 digits), the
 * ids the engine itself reports (`DL1000`, `file-encoding`, `unknown-rule-id`), and the ids hadolint
 * retired (DL3005, DL3017, DL3031, DL3039, DL4002), so that a migrated `.hadolint.yaml` that still lists
 * them keeps working.
 */
import type { Rule } from './types.js';
import { editDistance } from '../parse/edit-distance.js';

/** hadolint rule numbers that were removed or never assigned (hadolint's rule list); accepted, match nothing. */
const RETIRED_HADOLINT_IDS: readonly string[] = ['DL3005', 'DL3017', 'DL3031', 'DL3039', 'DL4002'];

/**
 * Findings the engine (and the CLI's ShellCheck runner) reports without a registered rule: their ids can
 * be ignored like a rule's, `shipshape rules` lists them, and docs/engine-findings.md explains each (the
 * findings link to its section).
 */
export const ENGINE_FINDINGS: readonly { id: string; severity: 'error' | 'warning' | 'info'; summary: string }[] = [
  { id: 'DL1000', severity: 'error', summary: 'The file does not parse as BuildKit reads a Dockerfile (hadolint\'s id for parse errors); no rule runs on it' },
  { id: 'file-encoding', severity: 'info', summary: 'The file is not valid UTF-8' },
  { id: 'unknown-rule-id', severity: 'warning', summary: 'An ignore pragma names an id that is no rule, so it ignores nothing' },
  { id: 'shellcheck-skipped', severity: 'info', summary: 'ShellCheck hit its time or memory limit on a RUN script, whose SC findings are missing' },
];

/** Ids the engine reports without a registered rule, and `shellcheck`, which names every SC code at once. */
const ENGINE_IDS: readonly string[] = [...ENGINE_FINDINGS.map((f) => f.id), 'shellcheck'];

/** The documentation of a finding of {@link ENGINE_FINDINGS}: its section of docs/engine-findings.md. */
export function engineFindingUrl(id: string): string {
  return `https://github.com/shipshape-dev/shipshape/blob/main/docs/engine-findings.md#${id.toLowerCase()}`;
}

/** The set of ids a user may name, given the registry. */
export function knownRuleIds(rules: readonly Pick<Rule, 'id' | 'aliases'>[]): Set<string> {
  const out = new Set<string>([...ENGINE_IDS, ...RETIRED_HADOLINT_IDS]);
  for (const r of rules) {
    out.add(r.id);
    for (const a of r.aliases ?? []) out.add(a);
  }
  return out;
}

/** True when `id` names a rule (see the module comment). */
export function isKnownRuleId(id: string, known: ReadonlySet<string>): boolean {
  return known.has(id) || /^SC\d{4}$/.test(id);
}


/** The known id closest to `id` (edit distance at most a third of its length, at least 2), or null. */
export function closestRuleId(id: string, known: ReadonlySet<string>): string | null {
  let best: string | null = null;
  let bestD = Infinity;
  for (const k of known) {
    if (RETIRED_HADOLINT_IDS.includes(k) || ENGINE_IDS.includes(k)) continue;
    const d = editDistance(id.toLowerCase(), k.toLowerCase());
    if (d < bestD || (d === bestD && best !== null && k < best)) {
      best = k;
      bestD = d;
    }
  }
  return best !== null && bestD <= Math.max(2, Math.floor(id.length / 3)) ? best : null;
}

/** `unknown rule id 'DL3O08' in --ignore (did you mean 'DL3008'?)`. */
export function unknownRuleIdMessage(id: string, where: string, known: ReadonlySet<string>): string {
  const near = closestRuleId(id, known);
  return `unknown rule id '${id}' in ${where}${near ? ` (did you mean '${near}'?)` : ''}; \`shipshape rules\` lists them`;
}
