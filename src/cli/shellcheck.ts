/**
 * The ShellCheck pass, as hadolint runs it (hadolint `Hadolint.Shell`): every shell-form RUN script
 * run by a POSIX shell is checked by the `shellcheck` program, with
 * - a `#!<shell>` line from SHELL / `# hadolint shell=` (default `/bin/sh`), so the dialect matches,
 * - one `export NAME=1` line per variable the RUN can see (ARG and ENV names in scope, plus the proxy
 *   variables Docker passes to RUN), so ShellCheck does not call them unassigned,
 * - hadolint's exclusions SC2187, SC1090, SC1091,
 * - identical (code, message) findings of one RUN reported once.
 * Unlike hadolint, findings keep ShellCheck's exact position, mapped back into the Dockerfile.
 *
 * One `shellcheck` process per Dockerfile (or per batch of Dockerfiles, see `batch`): each RUN script is
 * a temporary file and all are passed in one invocation. When the program is missing, `lint` says so
 * once on stderr and continues without SC findings.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ScriptAnalyzer, ScriptJob } from '../engine/lint.js';
import type { Finding, Severity } from '../engine/types.js';
import { mapOffset, positionAt } from '../shell/positions.js';

/** Codes hadolint excludes from the ShellCheck pass. */
export const EXCLUDED_CODES = ['SC2187', 'SC1090', 'SC1091'];
/** Variables Docker passes to RUN without a declaration. */
const PROXY_VARIABLES = ['HTTP_PROXY', 'http_proxy', 'HTTPS_PROXY', 'https_proxy', 'FTP_PROXY', 'ftp_proxy', 'NO_PROXY', 'no_proxy'];
/** Shells ShellCheck knows; others are checked as `sh`. */
const DIALECTS = new Set(['sh', 'bash', 'dash', 'ksh', 'ash', 'busybox']);

let available: boolean | null = null;

/** True when a `shellcheck` program can be run (checked once per process). */
export function shellcheckAvailable(program = 'shellcheck'): boolean {
  if (available === null) {
    try {
      available = spawnSync(program, ['--version'], { encoding: 'utf8', timeout: 10_000 }).status === 0;
    } catch {
      available = false;
    }
  }
  return available;
}

interface Json1Comment {
  file: string;
  line: number;
  endLine: number;
  column: number;
  endColumn: number;
  level: string;
  code: number;
  message: string;
}

const LEVELS: Record<string, Severity> = { error: 'error', warning: 'warning', info: 'info', style: 'style' };

/** The text ShellCheck receives for one job, and how many lines precede the script. */
export function shellcheckInput(job: ScriptJob): { text: string; headerLines: number } {
  const words = job.shell.trim().split(/\s+/);
  // `/usr/bin/env bash` names its shell in the second word.
  let program = words[0] || '/bin/sh';
  if (/(^|\/)env$/.test(program) && words[1]) program = words[1];
  const base = program.replace(/^.*\//, '');
  // A bare name (`# hadolint shell=bash`) gets a path: ShellCheck reports `#!bash` (SC2239).
  const shebang = DIALECTS.has(base) ? `#!${program.startsWith('/') ? program : `/bin/${base}`}` : '#!/bin/sh';
  const names = [...new Set([...PROXY_VARIABLES, ...job.variables])].filter((n) => /^[A-Za-z_][A-Za-z0-9_]*$/.test(n));
  const header = [shebang, ...names.map((n) => `export ${n}=1`)];
  return { text: header.join('\n') + '\n' + job.script.source.text + '\n', headerLines: header.length };
}

/**
 * A script analyser that runs ShellCheck. `onMissing` is called (once per analyser) when the program
 * is not installed. There is no separate `--version` probe: the first real run tells (ENOENT), which
 * saves one process start per lint run.
 *
 * With `batch`, the scripts of all `lint` calls that reach the analyser in the same turn of the event
 * loop (several files linted concurrently, as the CLI's workers do) go to one `shellcheck` process,
 * so its start-up (~0.1 s) is paid once per batch instead of once per Dockerfile.
 */
export function shellcheckAnalyzer(options: { program?: string; onMissing?: () => void; batch?: boolean } = {}): ScriptAnalyzer {
  const program = options.program ?? 'shellcheck';
  let warned = false;
  let missing = false;
  const check = async (jobs: ScriptJob[]): Promise<Finding[][]> => {
    if (missing || available === false) {
      if (!warned) {
        warned = true;
        options.onMissing?.();
      }
      return jobs.map(() => []);
    }
    try {
      return await runShellcheck(program, jobs);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
      missing = true;
      if (program === 'shellcheck') available = false;
      return check(jobs);
    }
  };
  if (!options.batch) return async (jobs) => (await check(jobs)).flat();

  let pending: { jobs: ScriptJob[]; resolve: (f: Finding[]) => void; reject: (e: unknown) => void }[] = [];
  const flush = async (): Promise<void> => {
    const calls = pending;
    pending = [];
    for (let start = 0; start < calls.length; ) {
      // At most ~MAX_BATCH scripts per process (command-line length); whole calls only.
      let end = start;
      let n = 0;
      while (end < calls.length && (end === start || n + calls[end].jobs.length <= MAX_BATCH)) n += calls[end++].jobs.length;
      const group = calls.slice(start, end);
      start = end;
      try {
        const perJob = await check(group.flatMap((c) => c.jobs));
        let k = 0;
        for (const c of group) {
          c.resolve(perJob.slice(k, k + c.jobs.length).flat());
          k += c.jobs.length;
        }
      } catch (e) {
        for (const c of group) c.reject(e);
      }
    }
  };
  return (jobs) =>
    new Promise<Finding[]>((resolve, reject) => {
      if (pending.length === 0) setImmediate(() => void flush());
      pending.push({ jobs, resolve, reject });
    });
}

/** Scripts per `shellcheck` process in batch mode. */
const MAX_BATCH = 400;

/** Runs one `shellcheck` process over `jobs`; the findings of each job, in order. */
async function runShellcheck(program: string, jobs: ScriptJob[]): Promise<Finding[][]> {
  const dir = mkdtempSync(join(tmpdir(), 'shipshape-sc-'));
  try {
    const inputs = jobs.map((job, i) => {
      const input = shellcheckInput(job);
      const path = join(dir, `run-${i}.sh`);
      writeFileSync(path, input.text);
      return { job, path, ...input };
    });
    const byPath = new Map(inputs.map((x, i) => [x.path, i]));
    const stdout = await run(program, ['-f', 'json1', '-S', 'style', '-e', EXCLUDED_CODES.map((c) => c.slice(2)).join(','), ...inputs.map((x) => x.path)]);
    const parsed = JSON.parse(stdout || '{"comments":[]}') as { comments: Json1Comment[] };
    const out: Finding[][] = jobs.map(() => []);
    const seen = new Set<string>();
    for (const c of parsed.comments) {
      const i = byPath.get(c.file);
      if (i === undefined) continue;
      // Findings about the lines shipshape added (shebang, exports) are not the Dockerfile's.
      if (c.line <= inputs[i].headerLines) continue;
      // Same code and message at another place is another finding (`echo $HOME $PATH`: two SC2086).
      const key = `${c.file}|${c.line}:${c.column}-${c.endLine}:${c.endColumn}|${c.code}|${c.message}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out[i].push(toFinding(c, inputs[i].job, inputs[i].headerLines));
    }
    return out;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function toFinding(c: Json1Comment, job: ScriptJob, headerLines: number): Finding {
  const script = job.script.source;
  const lineStarts = [0];
  for (let i = script.text.indexOf('\n'); i !== -1; i = script.text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  const scriptOffset = (line: number, column: number): number => {
    const l = Math.min(Math.max(line - headerLines, 1), lineStarts.length);
    return Math.min((lineStarts[l - 1] ?? 0) + Math.max(column - 1, 0), script.text.length);
  };
  const startSrc = mapOffset(script, scriptOffset(c.line, c.column));
  const endSrc = Math.max(startSrc, mapOffset(script, scriptOffset(c.endLine, c.endColumn), true));
  const { text, lineStarts: fileLines } = job.file;
  return {
    ruleId: `SC${c.code}`,
    severity: LEVELS[c.level] ?? 'info',
    message: c.message,
    range: { start: positionAt(text, fileLines, startSrc), end: positionAt(text, fileLines, endSrc) },
    instruction: job.instruction,
    url: `https://www.shellcheck.net/wiki/SC${c.code}`,
  };
}

function run(program: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(program, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
    child.on('error', reject);
    child.on('close', (code) => {
      // ShellCheck exits 1 when it found something; other codes are failures.
      if (code === 0 || code === 1) resolve(out);
      else reject(new Error(`shellcheck exited with ${code}: ${err.trim().split('\n')[0]}`));
    });
  });
}
