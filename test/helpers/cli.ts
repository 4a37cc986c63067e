/**
 * Runs the real CLI in-process (same code path as the `shipshape` binary) and captures its output.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { runCli } from '../../src/cli/run.js';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * @param argv arguments after `shipshape`
 * @param cwd working directory (config search, relative paths)
 * @param options environment (defaults to an empty one with HOME=cwd so no user config leaks in) and stdin
 */
export async function runShipshape(argv: string[], cwd: string, options: { env?: NodeJS.ProcessEnv; stdin?: string | Buffer } = {}): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, {
    stdout: (t) => {
      stdout += t;
    },
    stderr: (t) => {
      stderr += t;
    },
    readStdin: async () => Buffer.from(options.stdin ?? ''),
    cwd,
    env: options.env ?? { HOME: cwd },
    stdoutIsTTY: false,
    stderrIsTTY: false,
  });
  return { code, stdout, stderr };
}

/**
 * A temporary folder for one test file, removed after its tests; `write` creates a file below it
 * (parent folders included) and returns its absolute path.
 */
export function tempFolder(prefix: string): { dir: string; write: (rel: string, content: string | Buffer) => string } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const write = (rel: string, content: string | Buffer): string => {
    const p = join(dir, rel);
    mkdirSync(join(p, '..'), { recursive: true });
    writeFileSync(p, content);
    return p;
  };
  return { dir, write };
}
