/**
 * `--diff` with secret values masked (issue 11: no secret is ever printed) that says so instead of
 * passing for an appliable patch.
 *
 * A masked hunk cannot be applied: its `-` and context lines no longer match the file, and worse, a `+`
 * line would write the `*` characters into it. So each hunk with a masked value gets a marker line right
 * after its `@@` header. The marker is not a valid hunk line, so GNU patch stops with `malformed patch at
 * line N: !! shipshape: ...` and `git apply` with `corrupt patch at line N`, both with a non-zero exit
 * and without writing that file (git apply writes nothing at all). There is deliberately no unmasked
 * variant: `lint --fix` applies the same fixes with the real values.
 */

/** The line inserted after the header of every hunk that shows a masked secret value. */
export const MASKED_HUNK_MARKER = '!! shipshape: a secret value in this hunk is masked with *, so it cannot be applied; run shipshape lint --fix to apply it';

/** A printed patch and how many of its hunks were masked. */
export interface MaskedPatch {
  text: string;
  /** Hunks that show a masked value (each carries {@link MASKED_HUNK_MARKER}); 0 when nothing was masked. */
  maskedHunks: number;
}

/**
 * Masks a unified diff with `mask` and marks the hunks that changed.
 * @param patch a unified diff (`createTwoFilesPatch` output) with the real values
 * @param mask the run's masker (src/report/redact.ts), which keeps lengths
 */
export function maskPatch(patch: string, mask: (text: string) => string): MaskedPatch {
  const masked = mask(patch);
  if (masked === patch) return { text: patch, maskedHunks: 0 };
  const before = patch.split('\n');
  const after = masked.split('\n');
  // A masked value with a line break in it joins lines: then every hunk is marked.
  const sameShape = before.length === after.length;
  const out: string[] = [];
  let maskedHunks = 0;
  for (let i = 0; i < after.length; i++) {
    out.push(after[i]);
    if (!after[i].startsWith('@@ ')) continue;
    // The hunk's body: as many old and new lines as its header counts (`@@ -a,b +c,d @@`, a count of 1
    // when omitted), plus `\ No newline at end of file` lines.
    const m = /^@@ -\d+(?:,(\d+))? \+\d+(?:,(\d+))? @@/.exec(after[i]);
    let old = m ? Number(m[1] ?? 1) : 0;
    let added = m ? Number(m[2] ?? 1) : 0;
    let end = i + 1;
    while (end < before.length && (old > 0 || added > 0 || before[end].startsWith('\\'))) {
      const c = before[end][0];
      if (c === ' ' || c === '-') old--;
      if (c === ' ' || c === '+') added--;
      end++;
    }
    let changed = !sameShape;
    for (let k = i + 1; k < end && !changed; k++) changed = before[k] !== after[k];
    if (changed) {
      out.push(MASKED_HUNK_MARKER);
      maskedHunks++;
    }
  }
  return { text: out.join('\n'), maskedHunks };
}
