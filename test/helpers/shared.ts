/**
 * The read-only shared folder beside the repository (`../shared`: conformance cases, corpus). CI has
 * it; a fresh clone does not. Suites that read it run when it is there and, when it is not, show one
 * skipped test whose name says so (and a line on stderr), instead of failing with ENOENT.
 * `SHIPSHAPE_REQUIRE_SHARED=1` turns a missing folder into a failure (for CI, where it must be there).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'vitest';

/** Absolute path of `../shared` (from the repository root). */
export const SHARED_DIR = join(import.meta.dirname, '../../../shared');

/** `../shared/cases`, the conformance cases. */
export const CASES_DIR = join(SHARED_DIR, 'cases');

/** True when `../shared/cases` exists. */
export const sharedAvailable = existsSync(CASES_DIR);

const said = new Set<string>();

/**
 * When `../shared` is missing: declares a suite `<what>: SKIPPED ...` with one skipped test, writes the
 * same on stderr, and returns false (the caller declares nothing else). Returns true when present.
 * With SHIPSHAPE_REQUIRE_SHARED=1 a missing folder declares a failing test instead.
 */
export function requireShared(what: string): boolean {
  if (sharedAvailable) return true;
  const note = `${what}: SKIPPED — ${CASES_DIR} not found (the shared folder beside the repository is not part of a clone; CI provides it)`;
  if (process.env.SHIPSHAPE_REQUIRE_SHARED === '1') {
    describe(what, () => {
      it('needs ../shared (SHIPSHAPE_REQUIRE_SHARED=1)', () => {
        throw new Error(`${CASES_DIR} not found`);
      });
    });
    return false;
  }
  if (!said.has(what)) {
    said.add(what);
    process.stderr.write(`${note}\n`);
  }
  describe(note, () => {
    it.skip('skipped: ../shared is not there', () => undefined);
  });
  return false;
}
