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

/** Ids the engine reports without a registered rule. */
const ENGINE_IDS: readonly string[] = ['DL1000', 'file-encoding', 'unknown-rule-id', 'shellcheck', 'shellcheck-skipped'];

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
