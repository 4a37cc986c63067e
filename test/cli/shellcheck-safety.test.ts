/**
 * The ShellCheck runner with what the user owns (issue 11) and its cost (issue 9), with the real
 * `shellcheck` program and the real CLI bundle:
 * - SIGTERM / SIGINT leave neither the temporary scripts (they hold RUN lines, tokens included) nor a
 *   running `shellcheck` behind, on one thread and on worker threads;
 * - a `.shellcheckrc` above the temporary directory (or in the project) does not change results;
 * - a script that runs past the time limit or the memory cap is one `shellcheck-skipped` info finding,
 *   and the other scripts of its batch keep their findings;
 * - no `shellcheck` process when the id `shellcheck` is ignored (flag, configuration, pragmas), and
 *   one script text is checked once per run.
 */
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { lint } from '../../src/engine/lint.js';
import { shellcheckAnalyzer, SKIPPED_ID } from '../../src/cli/shellcheck.js';
import { BIN as bin, ensureBundle, ROOT as root } from '../helpers/bundle.js';

// Each test runs the CLI several times; on a loaded shared machine that takes minutes, not seconds.
vi.setConfig({ testTimeout: 600_000, hookTimeout: 600_000 });

const dir = mkdtempSync(join(tmpdir(), 'shipshape-sc-safety-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
beforeAll(() => {
  ensureBundle();
});

const realShellcheck = spawnSync('sh', ['-c', 'command -v shellcheck'], { encoding: 'utf8' }).stdout.trim();

/** A RUN that keeps ShellCheck busy for minutes: `$(` nested 1500 deep. */
const SLOW_RUN = `RUN echo ${'$('.repeat(1500)}a${')'.repeat(1500)}\n`;
const TOKEN_RUN = 'RUN curl -H "Authorization: Bearer ghp_0123456789abcdefghijklmnopqrstuvwxyzAB" https://example.com\n';

let n = 0;
const fresh = (name: string): string => {
  const d = join(dir, `${name}-${n++}`);
  mkdirSync(d, { recursive: true });
  return d;
};

/** Every file and directory under `d`, relative. */
function walk(d: string, prefix = ''): string[] {
  return readdirSync(d, { withFileTypes: true }).flatMap((e) => [prefix + e.name, ...(e.isDirectory() ? walk(join(d, e.name), `${prefix}${e.name}/`) : [])]);
}

/** Pids of processes whose command line mentions `text`. */
function processesMentioning(text: string): number[] {
  const out: number[] = [];
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      if (readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(text)) out.push(Number(pid));
    } catch {
      /* gone */
    }
  }
  return out;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

async function until(what: string, test: () => boolean, ms = 300_000): Promise<void> {
  const end = Date.now() + ms;
  while (!test()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

/** A `shellcheck` stand-in on PATH that logs its arguments and runs the real program. */
function spyPath(): { env: NodeJS.ProcessEnv; calls: () => string[][] } {
  const d = fresh('spy');
  const log = join(d, 'calls.log');
  writeFileSync(join(d, 'shellcheck'), `#!/bin/sh\necho "$*" >> '${log}'\nexec '${realShellcheck}' "$@"\n`);
  chmodSync(join(d, 'shellcheck'), 0o755);
  return {
    env: { ...process.env, PATH: `${d}:${process.env.PATH}`, NO_COLOR: '1' },
    calls: () => (existsSync(log) ? readFileSync(log, 'utf8').split('\n').filter(Boolean).map((l) => l.split(' ')) : []),
  };
}

const cli = (cwd: string, args: string[], env: NodeJS.ProcessEnv = process.env) =>
  spawnSync(process.execPath, [bin, 'lint', '-f', 'json', ...args], { cwd, env, encoding: 'utf8', timeout: 300_000 });
const codesOf = (stdout: string): string[] => (JSON.parse(stdout) as { code: string }[]).map((f) => f.code);

describe.skipIf(!realShellcheck || process.platform !== 'linux')('ShellCheck runner safety', () => {
  describe('an interrupted run leaves no scripts and no shellcheck', () => {
    const cases: [string, 'SIGTERM' | 'SIGINT', number][] = [
      ['one file', 'SIGTERM', 143],
      ['one file', 'SIGINT', 130],
      ['40 files on worker threads', 'SIGTERM', 143],
    ];
    it.each(cases)('%s, %s', async (what, signal, status) => {
      const tmp = fresh('tmp');
      const project = fresh('project');
      const files = what === 'one file' ? 1 : 40;
      for (let i = 0; i < files; i++) {
        mkdirSync(join(project, `d${i}`));
        writeFileSync(join(project, `d${i}`, 'Dockerfile'), `FROM debian:12\n${TOKEN_RUN}${SLOW_RUN}`);
      }
      const child = spawn(process.execPath, [bin, 'lint', '--no-cache', '-f', 'json', '.'], { cwd: project, env: { ...process.env, TMPDIR: tmp }, stdio: 'ignore' });
      const exited = new Promise<{ code: number | null; signal: string | null }>((r) => child.on('exit', (code, sig) => r({ code, signal: sig })));
      await until('the scripts on disk', () => walk(tmp).some((p) => /run-\d+\.sh$/.test(p)));
      await until('a shellcheck process', () => processesMentioning(tmp).length > 0);
      child.kill(signal);
      const end = await exited;
      await sleep(200);
      expect(walk(tmp)).toEqual([]);
      expect(processesMentioning(tmp)).toEqual([]);
      // The conventional status of a run ended by a signal.
      expect(end).toEqual({ code: status, signal: null });
    });
  });

  describe('.shellcheckrc files do not change results', () => {
    it('one in a parent of the temporary directory', () => {
      const tmp = fresh('rc-tmp');
      writeFileSync(join(tmp, '.shellcheckrc'), 'disable=SC2086,SC2154\n');
      const project = fresh('rc-project');
      writeFileSync(join(project, 'Dockerfile'), 'FROM debian:12\nRUN echo $foo\n');
      const r = cli(project, ['--no-cache', 'Dockerfile'], { ...process.env, TMPDIR: tmp });
      expect(r.stderr).toBe('');
      expect(codesOf(r.stdout)).toEqual(expect.arrayContaining(['SC2086', 'SC2154']));
    });
    it("one in the user's project and SHELLCHECK_OPTS (documented: SC codes are configured in shipshape)", () => {
      const project = fresh('rc-own');
      writeFileSync(join(project, '.shellcheckrc'), 'disable=SC2086\n');
      writeFileSync(join(project, 'Dockerfile'), 'FROM debian:12\nRUN echo $foo\n');
      const r = cli(project, ['--no-cache', 'Dockerfile'], { ...process.env, SHELLCHECK_OPTS: '-e SC2154' });
      expect(codesOf(r.stdout)).toEqual(expect.arrayContaining(['SC2086', 'SC2154']));
    });
  });

  describe('limits', () => {
    const text = `FROM debian:12\n${SLOW_RUN}RUN echo $foo\n`;
    it('a script past the CPU-time limit is one info finding; the other script of the batch keeps its findings', async () => {
      const t0 = Date.now();
      const result = await lint(text, { rules: [], scriptAnalyzer: shellcheckAnalyzer({ timeoutMs: 1000 }) });
      expect(Date.now() - t0).toBeLessThan(60_000);
      expect(result.internalErrors).toEqual([]);
      const found = result.findings.map((f) => `${f.range.start.line} ${f.ruleId} ${f.severity}`);
      expect(found).toEqual([`2 ${SKIPPED_ID} info`, '3 SC2086 info', '3 SC2154 warning']);
      expect(result.findings[0].message).toMatch(/more than 1 s of CPU time/);
    });
    it('a script past the memory cap is one info finding', async () => {
      const deep = `FROM debian:12\nRUN ${'('.repeat(2000)}a${')'.repeat(2000)}\n`;
      const result = await lint(deep, { rules: [], scriptAnalyzer: shellcheckAnalyzer({ memoryMb: 64, timeoutMs: 60_000 }) });
      expect(result.internalErrors).toEqual([]);
      expect(result.findings.map((f) => `${f.range.start.line} ${f.ruleId}`)).toEqual([`2 ${SKIPPED_ID}`]);
      expect(result.findings[0].message).toMatch(/more than 64 MiB/);
    });
  });

  describe('no shellcheck process when every SC code is ignored', () => {
    const dockerfile = 'FROM debian:12\nRUN echo $foo\n';
    it('control: a run checks the script once', () => {
      const spy = spyPath();
      const project = fresh('control');
      writeFileSync(join(project, 'Dockerfile'), `${dockerfile}RUN echo $foo\n`);
      writeFileSync(join(project, 'other.Dockerfile'), dockerfile);
      const r = cli(project, ['--no-cache', 'Dockerfile', 'other.Dockerfile'], spy.env);
      expect(codesOf(r.stdout).filter((c) => c.startsWith('SC'))).toHaveLength(6);
      // the same script text in two RUNs and two files: one process (the first file), one script
      expect(spy.calls()).toHaveLength(1);
      expect(spy.calls()[0].filter((a) => a.endsWith('.sh'))).toHaveLength(1);
    });
    const ways: [string, string, string[], string?][] = [
      ['--ignore shellcheck', dockerfile, ['--ignore', 'shellcheck']],
      ['ignored: [shellcheck] in the configuration', dockerfile, ['-c', 'conf.yaml'], 'ignored:\n  - shellcheck\n'],
      ['a pragma above the RUN', 'FROM debian:12\n# hadolint ignore=shellcheck\nRUN echo $foo\n', []],
      ['a global pragma', '# hadolint global ignore=shellcheck\nFROM debian:12\nRUN echo $foo\nRUN echo $bar\n', []],
    ];
    it.each(ways)('%s', (_what, text, args, config) => {
      const spy = spyPath();
      const project = fresh('ignored');
      writeFileSync(join(project, 'Dockerfile'), text);
      if (config) writeFileSync(join(project, 'conf.yaml'), config);
      const r = cli(project, ['--no-cache', ...args, 'Dockerfile'], spy.env);
      expect(r.stderr).toBe('');
      expect(codesOf(r.stdout).filter((c) => c.startsWith('SC'))).toEqual([]);
      expect(spy.calls()).toEqual([]);
    });
  });
});
