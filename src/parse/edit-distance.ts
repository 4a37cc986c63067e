/**
 * Edit distance between two strings, counted in UTF-16 code units: the fewest insertions, deletions and
 * substitutions that turn `a` into `b` (Levenshtein), and with `transpositions` also swaps of two
 * neighbouring units (optimal string alignment, the typo measure of BuildKit's name suggestions).
 *
 * The one implementation behind every "did you mean" and near-name test: BuildKit's flag and keyword
 * suggestions (parse/validate), rule ids in configuration and pragmas (engine/rule-ids), stage and
 * variable names (rules/lib/buildkit), and the ARG/ENV names ShellCheck is told about (cli/shellcheck).
 *
 * @param a, b the strings, compared as given (lower-case them first for a case-insensitive distance).
 * @param options.transpositions also count a swap of neighbours as one edit (default false).
 * @param options.max stop as soon as the distance must exceed `max` and return `max + 1` (default: no
 *   bound). Exact: in both measures the smallest value of a row never decreases from row to row.
 * @returns the distance, a whole number ≥ 0; never throws. O(|a|·|b|) time, O(|b|) memory.
 */
export function editDistance(a: string, b: string, options: { transpositions?: boolean; max?: number } = {}): number {
  const max = options.max ?? Infinity;
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const swaps = options.transpositions === true;
  let before: number[] = []; // row i - 2, for transpositions
  let prev: number[] = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur: number[] = [i];
    let rowMin = i;
    const ai = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const bj = b.charCodeAt(j - 1);
      let d = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ai === bj ? 0 : 1));
      if (swaps && i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj) d = Math.min(d, before[j - 2] + 1);
      cur.push(d);
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > max) return max + 1;
    before = prev;
    prev = cur;
  }
  return Math.min(prev[b.length], max + 1);
}
