/**
 * Where shipshape meets CI: the pre-commit hooks (.pre-commit-hooks.yaml) run the way pre-commit runs
 * them, the GitHub Action's lint step (action.yml) run as the runner would, and the project's own
 * Dockerfile linted with every rule on. All through the real binary (bin/shipshape.cjs).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lint } from '../../src/engine/lint.js';
import { defaultRules } from '../../src/rules/registry.js';
import { defaultConfig } from '../../src/engine/types.js';
import { fsContext } from '../../src/context/fs.js';
import { shellcheckAnalyzer, shellcheckAvailable } from '../../src/cli/shellcheck.js';
import { BIN, ensureBundle, ROOT as root } from '../helpers/bundle.js';

const work = mkdtempSync(join(tmpdir(), 'shipshape-hooks-'));
/** A PATH entry holding `shipshape`, as `npm install -g` (pre-commit's node environment) makes one. */
const binDir = join(work, 'bin');

beforeAll(() => {
  ensureBundle();
  mkdirSync(binDir);
  symlinkSync(BIN, join(binDir, 'shipshape'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

const env = (): NodeJS.ProcessEnv => ({ ...process.env, PATH: `${binDir}:${process.env.PATH}`, HOME: work, NO_COLOR: '1' });
const git = (cwd: string, ...args: string[]): string => execFileSync('git', args, { cwd, encoding: 'utf8', env: { ...env(), GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@e', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@e' } });

interface Hook {
  id: string;
  entry: string;
  language: string;
  files: string;
  exclude: string;
}

/**
 * What pre-commit does for one hook: the staged files (`git diff --staged --name-only`), kept when
 * `files` matches and `exclude` does not (Python `re.search`; these patterns mean the same in
 * JavaScript), then `entry` split into words followed by the file names, run from the repository root.
 */
function runHook(hook: Hook, repo: string): { code: number; out: string; files: string[] } {
  const staged = git(repo, 'diff', '--staged', '--name-only', '--no-ext-diff', '-z').split('\0').filter(Boolean);
  const files = staged.filter((f) => new RegExp(hook.files).test(f) && !new RegExp(hook.exclude).test(f));
  const [cmd, ...args] = hook.entry.split(/\s+/);
  const r = spawnSync(cmd, [...args, ...files], { cwd: repo, env: env(), encoding: 'utf8' });
  return { code: r.status ?? -1, out: r.stdout + r.stderr, files };
}

const hooks = parseYaml(readFileSync(join(root, '.pre-commit-hooks.yaml'), 'utf8')) as Hook[];
const hook = (id: string): Hook => hooks.find((h) => h.id === id)!;

describe('.pre-commit-hooks.yaml', () => {
  it('declares node hooks whose command is the package binary', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { bin: Record<string, string> };
    expect(hooks.map((h) => h.id)).toEqual(['shipshape', 'shipshape-fix']);
    for (const h of hooks) {
      expect(h.language).toBe('node');
      expect(Object.keys(pkg.bin)).toContain(h.entry.split(' ')[0]);
    }
  });

  it('lints the staged Dockerfiles only, and fails the commit on findings', () => {
    const repo = join(work, 'repo');
    mkdirSync(join(repo, 'services/api'), { recursive: true });
    git(repo, 'init', '-q');
    const bad = 'FROM debian:12.6\nRUN apt-get update && apt-get install -y curl\n';
    writeFileSync(join(repo, 'Dockerfile'), bad);
    writeFileSync(join(repo, 'services/api/api.Dockerfile'), 'FROM python:3.12.7-slim\nUSER 10001\n');
    writeFileSync(join(repo, 'Containerfile'), bad);
    writeFileSync(join(repo, 'Dockerfile.dockerignore'), '.git\n');
    writeFileSync(join(repo, 'README.md'), '# x\n');
    writeFileSync(join(repo, 'Dockerfile.unstaged'), bad);
    git(repo, 'add', 'Dockerfile', 'services/api/api.Dockerfile', 'Containerfile', 'Dockerfile.dockerignore', 'README.md');
    const r = runHook(hook('shipshape'), repo);
    expect(r.files.sort()).toEqual(['Containerfile', 'Dockerfile', 'services/api/api.Dockerfile']);
    expect(r.code).toBe(1);
    expect(r.out).toContain('Dockerfile:2:');
    expect(r.out).toContain('Containerfile:2:');
    expect(r.out).not.toContain('Dockerfile.unstaged');
  });

  it('shipshape-fix rewrites the staged files so the next run passes what it can fix', () => {
    const repo = join(work, 'repo');
    const before = readFileSync(join(repo, 'Dockerfile'), 'utf8');
    runHook(hook('shipshape-fix'), repo);
    const after = readFileSync(join(repo, 'Dockerfile'), 'utf8');
    expect(after).not.toBe(before);
    expect(after).toContain('rm -rf /var/lib/apt/lists/*');
  });

  it('passes when the staged Dockerfiles are clean', () => {
    const repo = join(work, 'clean');
    mkdirSync(repo);
    git(repo, 'init', '-q');
    writeFileSync(join(repo, 'Dockerfile'), 'FROM python:3.12.7-slim\nENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1\nUSER 10001\nCMD ["python", "-c", "print(1)"]\n');
    writeFileSync(join(repo, '.dockerignore'), '.git\n.env*\n');
    git(repo, 'add', 'Dockerfile', '.dockerignore');
    const r = runHook(hook('shipshape'), repo);
    expect(r.files).toEqual(['Dockerfile']);
    expect(r.out).toBe('');
    expect(r.code).toBe(0);
  });
});

describe('action.yml', () => {
  const action = parseYaml(readFileSync(join(root, 'action.yml'), 'utf8')) as {
    inputs: Record<string, { default: string }>;
    runs: { using: string; steps: { id?: string; run?: string; env?: Record<string, string> }[] };
  };
  const step = action.runs.steps.find((s) => s.id === 'lint')!;

  /** Runs the lint step's script as the runner does: inputs in its env block, GITHUB_* set. */
  function runStep(inputs: Record<string, string>, cwd: string): { code: number; stdout: string; outputs: Record<string, string> } {
    const outputFile = join(work, `output-${Math.random().toString(36).slice(2)}`);
    writeFileSync(outputFile, '');
    const stepEnv: Record<string, string> = {};
    for (const [k, v] of Object.entries(step.env ?? {})) {
      const name = /inputs\.([\w-]+)/.exec(v)![1];
      stepEnv[k] = inputs[name] ?? action.inputs[name].default;
    }
    const r = spawnSync('bash', ['-e', '-c', step.run!], { cwd, encoding: 'utf8', env: { ...env(), ...stepEnv, GITHUB_ACTION_PATH: root, GITHUB_OUTPUT: outputFile } });
    const outputs = Object.fromEntries(readFileSync(outputFile, 'utf8').split('\n').filter(Boolean).map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]));
    return { code: r.status ?? -1, stdout: r.stdout, outputs };
  }

  it('is a composite action whose lint step prints annotations and writes SARIF', () => {
    expect(action.runs.using).toBe('composite');
    const repo = join(work, 'action');
    mkdirSync(join(repo, 'app'), { recursive: true });
    writeFileSync(join(repo, 'app/Dockerfile'), 'FROM debian:12.6\nRUN apt-get update && apt-get install -y curl\n');
    const r = runStep({}, repo);
    expect(r.code).toBe(1);
    expect(r.outputs['exit-code']).toBe('1');
    expect(r.stdout).toMatch(/^::warning file=app\/Dockerfile,line=2,/m);
    expect(r.outputs['sarif-file']).toBe('shipshape.sarif');
    const sarif = JSON.parse(readFileSync(join(repo, 'shipshape.sarif'), 'utf8')) as { version: string; runs: { results: { ruleId: string }[] }[] };
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0].results.map((x) => x.ruleId)).toContain('DL3008');
  });

  it('honours no-fail, the threshold, extra arguments and an empty sarif-file', () => {
    const repo = join(work, 'action');
    expect(runStep({ 'no-fail': 'true' }, repo).code).toBe(0);
    expect(runStep({ 'failure-threshold': 'error' }, repo).code).toBe(0);
    const r = runStep({ args: '--ignore DL3008 --ignore DL3009 --ignore DL3015', 'sarif-file': '' }, repo);
    expect(r.stdout).not.toContain('DL3008');
    expect(r.outputs['sarif-file']).toBe('');
  });
});

describe("shipshape's own Dockerfile", () => {
  it('has zero findings with every rule on (ShellCheck included when installed), build context = the repository', async () => {
    const text = readFileSync(join(root, 'Dockerfile'), 'utf8');
    const config = defaultConfig();
    for (const r of await defaultRules()) if (r.severity === 'off') config.override[r.id] = 'info';
    expect(Object.keys(config.override).length).toBeGreaterThan(0);
    const scriptAnalyzer = shellcheckAvailable() ? shellcheckAnalyzer() : undefined;
    const result = await lint(text, { rules: await defaultRules(), config, context: fsContext(root, join(root, 'Dockerfile')), scriptAnalyzer });
    expect(result.internalErrors).toEqual([]);
    expect(result.findings.map((f) => `${f.range.start.line}: ${f.ruleId} ${f.message}`)).toEqual([]);
    // What the rules cannot see: it is multi-stage and ships ShellCheck.
    expect(result.file.stages.length).toBeGreaterThanOrEqual(2);
    expect(text).toMatch(/\/usr\/local\/bin\/shellcheck/);
  });
});
