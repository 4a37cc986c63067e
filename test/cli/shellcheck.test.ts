/**
 * The ShellCheck pass (src/cli/shellcheck.ts) through the engine, with the real `shellcheck` program:
 * codes and severities, positions mapped into the Dockerfile, the variables and shell hadolint gives
 * ShellCheck, suppression, exclusions, no dropping of repeated findings, one process per Dockerfile, and a missing
 * program (the CLI says so once and goes on without SC findings).
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lint } from '../../src/engine/lint.js';
import { mergeConfig, validateConfig } from '../../src/engine/config.js';
import { shellcheckAnalyzer, shellcheckAvailable, shellcheckInput } from '../../src/cli/shellcheck.js';
import type { Finding } from '../../src/engine/types.js';

const dir = mkdtempSync(join(tmpdir(), 'shipshape-sc-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const realShellcheck = spawnSync('sh', ['-c', 'command -v shellcheck'], { encoding: 'utf8' }).stdout.trim();
const hasShellcheck = realShellcheck !== '' && shellcheckAvailable();

/** A `shellcheck` stand-in that logs each invocation to `log` and runs the real program. */
function spyProgram(name: string): { program: string; calls: () => string[] } {
  const log = join(dir, `${name}.log`);
  const program = join(dir, `${name}.sh`);
  writeFileSync(program, `#!/bin/sh\necho "$*" >> '${log}'\nexec '${realShellcheck}' "$@"\n`);
  chmodSync(program, 0o755);
  return {
    program,
    calls: () => {
      try {
        return readFileSync(log, 'utf8').split('\n').filter(Boolean);
      } catch {
        return [];
      }
    },
  };
}

/** SC findings of one Dockerfile, as `line:column-endLine:endColumn CODE severity`. */
async function sc(text: string, config: Record<string, unknown> = {}, program?: string): Promise<Finding[]> {
  const result = await lint(text, {
    rules: [],
    config: mergeConfig([validateConfig(config, 'test config')]),
    scriptAnalyzer: shellcheckAnalyzer({ program }),
  });
  expect(result.internalErrors).toEqual([]);
  return result.findings.filter((f) => f.ruleId.startsWith('SC'));
}

const at = (f: Finding): string => `${f.range.start.line}:${f.range.start.column}-${f.range.end.line}:${f.range.end.column} ${f.ruleId} ${f.severity}`;
const codes = (found: Finding[]): string[] => [...new Set(found.map((f) => f.ruleId))].sort();

describe.skipIf(!hasShellcheck)('ShellCheck pass', () => {
  describe('findings', () => {
    it('carry SC codes, ShellCheck severities, messages and wiki links', async () => {
      const found = await sc('FROM debian:12\nRUN echo $foo\n');
      expect(found.map(at)).toEqual(['2:10-2:14 SC2086 info', '2:10-2:14 SC2154 warning']);
      expect(found[1].message).toBe('foo is referenced but not assigned.');
      expect(found[0].url).toBe('https://www.shellcheck.net/wiki/SC2086');
      expect(found[0].instruction?.keyword).toBe('RUN');
    });
    it('keep error and style severities', async () => {
      const found = await sc('FROM debian:12\nRUN echo "$(( 1 + 1 ))" && [ $# == 1 ]\nRUN echo `date`\n');
      const bySeverity = Object.fromEntries(found.map((f) => [f.ruleId, f.severity]));
      expect(bySeverity.SC2006).toBe('style');
      expect(bySeverity.SC3014).toBe('warning');
    });
    // Issue 16: the same code and message at different places are different findings, as ShellCheck
    // reports them (the second was dropped: `RUN echo $HOME $PATH` gave one SC2086).
    it('same code and message at different places are all kept; other RUNs keep theirs', async () => {
      const found = await sc('FROM debian:12\nRUN echo $foo && echo $foo; echo $bar\nRUN echo $foo\n');
      expect(found.map(at)).toEqual([
        '2:10-2:14 SC2086 info',
        '2:10-2:14 SC2154 warning',
        '2:23-2:27 SC2086 info',
        '2:34-2:38 SC2086 info',
        '2:34-2:38 SC2154 warning',
        '3:10-3:14 SC2086 info',
        '3:10-3:14 SC2154 warning',
      ]);
    });
    it('RUN echo $HOME $PATH gives two SC2086', async () => {
      const found = await sc('FROM debian:12\nRUN echo $HOME $PATH\n');
      expect(found.map(at)).toEqual(['2:10-2:15 SC2086 info', '2:16-2:21 SC2086 info']);
    });
  });

  describe('positions in the Dockerfile', () => {
    it('across continuation lines, flags and comment lines', async () => {
      const text = 'FROM debian:12\nRUN --mount=type=cache,target=/var/cache/apt \\\n    apt-get update && \\\n  # a comment\n    echo $bar\n';
      expect((await sc(text)).map(at)).toEqual(['5:10-5:14 SC2086 info', '5:10-5:14 SC2154 warning']);
    });
    it('tabs count as one column', async () => {
      expect((await sc('FROM debian:12\nRUN echo\t$tab\n')).map(at)).toEqual(['2:10-2:14 SC2086 info', '2:10-2:14 SC2154 warning']);
    });
    it('in a heredoc body', async () => {
      const text = '# syntax=docker/dockerfile:1\nFROM debian:12\nRUN <<EOF\nset -e\n  echo $foo\nEOF\n';
      expect((await sc(text)).map(at)).toEqual(['5:8-5:12 SC2086 info', '5:8-5:12 SC2154 warning']);
    });
    it('in a <<- heredoc body with tabs and a shell after the marker', async () => {
      const text = 'FROM debian:12\nRUN <<-EOT sh\n\tcd /tmp\n\techo "$baz"\nEOT\n';
      expect((await sc(text)).map(at)).toEqual(['3:2-3:9 SC2164 warning', '4:8-4:12 SC2154 warning']);
    });
    it('in the body of a heredoc fed to a command', async () => {
      const text = 'FROM debian:12\nRUN cat <<EOF > /etc/motd\nhello $user\nEOF\n';
      expect((await sc(text)).map(at)).toEqual(['3:7-3:12 SC2154 warning']);
    });
  });

  describe('variables known to the script', () => {
    it('ARG and ENV names of the stage, declared before the RUN', async () => {
      const text = 'FROM debian:12\nARG version\nENV home=/srv\nRUN echo "$version $home $later"\nARG later\n';
      expect((await sc(text)).map((f) => f.message)).toEqual(['later is referenced but not assigned.']);
    });
    it('not global ARGs unless the stage declares them again (hadolint)', async () => {
      const text = 'ARG tag=1\nARG other=2\nFROM debian:12\nARG tag\nRUN echo "$tag $other"\n';
      expect((await sc(text)).map((f) => f.message)).toEqual(['other is referenced but not assigned.']);
    });
    it('FROM <stage> inherits the ARG and ENV names of that stage; other stages do not', async () => {
      const text = 'FROM debian:12 AS base\nARG foo\nENV bar=1\nFROM base\nRUN echo "$foo $bar"\nFROM debian:12\nRUN echo "$foo $bar"\n';
      expect((await sc(text)).map((f) => `${f.range.start.line} ${f.message}`)).toEqual([
        '7 foo is referenced but not assigned.',
        '7 bar is referenced but not assigned.',
      ]);
    });
    it('the proxy variables Docker passes to RUN', async () => {
      const text = 'FROM debian:12\nRUN echo "$http_proxy $https_proxy $ftp_proxy $no_proxy $HTTP_PROXY $NO_PROXY"\n';
      expect(await sc(text)).toEqual([]);
    });
    it('ONBUILD RUN runs in a later build: no names of this file', async () => {
      const text = 'FROM debian:12\nARG onb\nONBUILD RUN echo "$onb"\n';
      expect((await sc(text)).map(at)).toEqual(['3:19-3:23 SC2154 warning']);
    });
    it('the header is one export per name the script mentions, after the shebang', () => {
      const input = shellcheckInput({ shell: '/bin/bash', variables: ['A', 'UNUSED', 'bad-name'], script: { source: { text: 'echo "$A" "${no_proxy}"', segments: [] } } } as never);
      expect(input.text.split('\n')[0]).toBe('#!/bin/bash');
      expect(input.text).toContain('export A=1\n');
      expect(input.text).toContain('export no_proxy=1\n');
      // A difference of case is within ShellCheck's misspelling distance (see the next test).
      expect(input.text).toContain('export NO_PROXY=1\n');
      expect(input.headerLines).toBe(4);
      // Names the script never mentions only cost ShellCheck time.
      expect(input.text).not.toContain('UNUSED');
      expect(input.text).not.toContain('HTTP_PROXY');
      expect(input.text).not.toContain('bad-name');
      expect(input.text.endsWith('echo "$A" "${no_proxy}"\n')).toBe(true);
    });
    it('names within ShellCheck\'s misspelling distance of a word are exported too (SC2153)', async () => {
      const input = shellcheckInput({ shell: '/bin/sh', variables: ['APP_HOME', 'APPHOME2', 'OTHER_DIR'], script: { source: { text: 'echo "$APP_HOMEE" "$https_proxyy"', segments: [] } } } as never);
      expect(input.text).toContain('export APP_HOME=1\n');
      expect(input.text).toContain('export APPHOME2=1\n');
      expect(input.text).toContain('export https_proxy=1\n');
      expect(input.text).toContain('export HTTPS_PROXY=1\n');
      expect(input.text).not.toContain('OTHER_DIR');
      expect(input.text).not.toContain('FTP_PROXY');
      expect(codes(await sc('FROM alpine:3.19\nRUN echo "$HTTPX_PROXY"\n'))).toEqual(['SC2153']);
    });
  });

  describe('the shell picks the dialect', () => {
    const SH_ONLY = 'RUN echo "$RANDOM" && source /etc/profile\n';
    it('sh by default: $RANDOM and source are not POSIX', async () => {
      expect(codes(await sc(`FROM debian:12\n${SH_ONLY}`))).toEqual(['SC3028', 'SC3046']);
    });
    it('SHELL ["/bin/bash", "-c"] switches to bash', async () => {
      expect(await sc(`FROM debian:12\nSHELL ["/bin/bash", "-c"]\n${SH_ONLY}`)).toEqual([]);
    });
    it('a stage derived from it keeps bash; FROM an image resets to sh', async () => {
      const text = `FROM debian:12 AS base\nSHELL ["/bin/bash", "-c"]\nFROM base\n${SH_ONLY}FROM debian:12\n${SH_ONLY}`;
      expect((await sc(text)).map((f) => `${f.range.start.line} ${f.ruleId}`)).toEqual(['6 SC3028', '6 SC3046']);
    });
    it('# hadolint shell=bash switches to bash (no shebang finding for the bare name)', async () => {
      expect(await sc(`FROM debian:12\n# hadolint shell=bash\n${SH_ONLY}`)).toEqual([]);
    });
    it('# hadolint shell=powershell switches ShellCheck off for the rest of the stage', async () => {
      const text = 'FROM debian:12\nRUN echo $a\n# hadolint shell=powershell\nRUN echo $b\nFROM debian:12\nRUN echo $c\n';
      expect((await sc(text)).map((f) => f.range.start.line)).toEqual([2, 2, 6, 6]);
    });
    it('a shell pragma above the first FROM applies to every stage', async () => {
      expect(await sc('# hadolint shell=powershell\nFROM debian:12\nRUN echo $a\nFROM debian:12\nRUN echo $b\n')).toEqual([]);
    });
    it('SHELL ["pwsh", "-c"] switches ShellCheck off, also for derived stages', async () => {
      const text = 'FROM mcr.microsoft.com/powershell:7.4-ubuntu-22.04 AS ps\nSHELL ["pwsh", "-Command"]\nRUN echo $env:PATH\nFROM ps\nRUN Write-Host $x\n';
      expect(await sc(text)).toEqual([]);
    });
    it('ash is checked as dash without SC2187', async () => {
      const found = await sc('FROM alpine:3.19\nSHELL ["/bin/ash", "-eo", "pipefail", "-c"]\nRUN echo $FOO\n');
      expect(codes(found)).toEqual(['SC2086']);
    });
  });

  describe('what is not checked or reported', () => {
    it('exec-form RUN', async () => {
      expect(await sc('FROM debian:12\nRUN ["sh", "-c", "echo $foo"]\n')).toEqual([]);
    });
    it('CMD, ENTRYPOINT and HEALTHCHECK', async () => {
      expect(await sc('FROM debian:12\nCMD echo $foo\nENTRYPOINT echo $foo\nHEALTHCHECK CMD echo $foo\n')).toEqual([]);
    });
    it('a heredoc run by another interpreter', async () => {
      expect(await sc('FROM python:3.12\nRUN <<EOF\n#!/usr/bin/env python3\nprint($x)\nEOF\n')).toEqual([]);
    });
    it('SC1090, SC1091 and SC2187 never appear', async () => {
      const found = await sc('FROM debian:12\nRUN . "$HOME/env" && . /etc/os-release\nFROM alpine:3.19\nSHELL ["/bin/ash", "-c"]\nRUN true\n');
      expect(found).toEqual([]);
    });
    it('# hadolint ignore=SC2086 suppresses the code on the next RUN only', async () => {
      const text = 'FROM debian:12\n# hadolint ignore=SC2086\nRUN echo $FOO\nRUN echo $FOO\n';
      expect((await sc(text)).map(at)).toEqual(['4:10-4:14 SC2086 info']);
    });
    it('ignored codes and severity overrides from the configuration', async () => {
      const found = await sc('FROM debian:12\nRUN echo $foo\n', { ignored: ['SC2154'], override: { error: ['SC2086'] } });
      expect(found.map(at)).toEqual(['2:10-2:14 SC2086 error']);
    });
  });

  describe('the shellcheck program', () => {
    it('runs once per Dockerfile, whatever the number of RUNs', async () => {
      const spy = spyProgram('once');
      const text = 'FROM debian:12\nRUN echo $a\nRUN echo $b\nFROM debian:12\nRUN echo $c\nONBUILD RUN echo $d\n';
      const found = await sc(text, {}, spy.program);
      expect(spy.calls()).toHaveLength(1);
      expect(spy.calls()[0]).toMatch(/-f json1 .*-e SC2187,SC1090,SC1091|-e 2187,1090,1091/);
      expect(new Set(found.map((f) => f.range.start.line))).toEqual(new Set([2, 3, 5, 6]));
    });
    it('does not run when there is nothing to check', async () => {
      const spy = spyProgram('never');
      await sc('FROM debian:12\nRUN ["true"]\nCOPY . /app\n', {}, spy.program);
      await sc('FROM debian:12\n# hadolint shell=pwsh\nRUN echo $x\n', {}, spy.program);
      expect(spy.calls()).toEqual([]);
    });
    it('a missing program gives no SC findings and calls onMissing once', async () => {
      let told = 0;
      const analyzer = shellcheckAnalyzer({ program: join(dir, 'no-such-shellcheck'), onMissing: () => told++ });
      for (let i = 0; i < 3; i++) {
        const result = await lint('FROM debian:12\nRUN echo $foo\n', { rules: [], scriptAnalyzer: analyzer });
        expect(result.findings).toEqual([]);
        expect(result.internalErrors).toEqual([]);
      }
      expect(told).toBe(1);
    });
  });
});

describe.skipIf(!hasShellcheck)('CLI without shellcheck on PATH', () => {
  it('says so once on stderr, lints the rest, reports no SC findings', () => {
    const root = resolve(__dirname, '../..');
    const work = join(dir, 'cli');
    const empty = join(dir, 'empty-bin');
    mkdirSync(join(work, 'a'), { recursive: true });
    mkdirSync(join(work, 'b'), { recursive: true });
    mkdirSync(empty, { recursive: true });
    writeFileSync(join(work, 'a/Dockerfile'), 'FROM debian:12\nRUN echo $foo\nWORKDIR app\n');
    writeFileSync(join(work, 'b/Dockerfile'), 'FROM debian:12\nRUN echo $bar\n');
    const r = spawnSync(
      process.execPath,
      [join(root, 'node_modules/tsx/dist/cli.mjs'), join(root, 'src/cli/main.ts'), 'lint', '-f', 'json', '--no-fail', 'a/Dockerfile', 'b/Dockerfile'],
      { cwd: work, env: { PATH: empty, HOME: work }, encoding: 'utf8', timeout: 120_000 },
    );
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr.match(/shellcheck is not installed/g)).toHaveLength(1);
    const findings = JSON.parse(r.stdout) as { code: string; file: string }[];
    expect(findings.filter((f) => f.code.startsWith('SC'))).toEqual([]);
    expect(findings.some((f) => f.code === 'DL3000' && f.file === 'a/Dockerfile')).toBe(true);
  });
});
