/**
 * The built command, for tests that run it as a user would (`bin/shipshape.cjs` → dist/loader.cjs →
 * dist/cli.cjs). `npm ci` builds the bundle (prepare); {@link ensureBundle} builds it in a checkout that
 * has none.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** The repository root. */
export const ROOT = join(import.meta.dirname, '../..');

/** The package's command (its `bin`). */
export const BIN = join(ROOT, 'bin/shipshape.cjs');

/** Builds the bundle (scripts/build.mjs) when dist/loader.cjs is missing. */
export function ensureBundle(): void {
  if (!existsSync(join(ROOT, 'dist/loader.cjs'))) spawnSync(process.execPath, [join(ROOT, 'scripts/build.mjs')], { cwd: ROOT, stdio: 'inherit' });
}
