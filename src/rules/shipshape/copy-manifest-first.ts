import type { ShellCommand } from '../../shell/types.js';
import { flagValue, hasFlag, positionalArgs } from '../../shell/query.js';
import { defineRule } from '../define.js';
import { contextCopies, isWholeContext, runCommands, stageChain } from '../lib/seed-stages.js';
import type { Instruction } from '../../parse/types.js';

interface Install {
  /** Ecosystem: a second install of the same one after `COPY . .` only adds the project itself. */
  ecosystem: 'python' | 'node' | 'ruby' | 'go' | 'php';
  /** The command as the user would write it. */
  label: string;
  /** Manifest files to copy first. */
  manifest: string;
}

const base = (s: string): string => s.slice(s.lastIndexOf('/') + 1);

/** Reads a dependency install from a manifest, or null. */
export function manifestInstall(cmd: ShellCommand): Install | null {
  const name = base(cmd.name);
  let args = cmd.args.map((a) => a.value);
  const pos = positionalArgs(cmd).map((a) => a.value);
  // python -m pip ..., python3.12 -m pip ...
  if (/^python(\d+(\.\d+)?)?$/.test(name) && args[0] === '-m' && args[1] === 'pip') args = args.slice(2);
  const isPip = /^pip(\d+(\.\d+)?)?$/.test(name) || (/^python/.test(name) && cmd.args[1]?.value === 'pip');
  const isUvPip = name === 'uv' && pos[0] === 'pip';
  if ((isPip || isUvPip) && (isUvPip ? pos[1] : args.find((a) => !a.startsWith('-'))) === 'install' && (hasFlag(cmd, 'r') || hasFlag(cmd, 'requirement'))) {
    const file = flagValue(cmd, 'requirement') ?? flagValue(cmd, 'r') ?? 'requirements.txt';
    return { ecosystem: 'python', label: `${isUvPip ? 'uv pip' : name} install -r ${file}`, manifest: base(file) };
  }
  if (isUvPip && pos[1] === 'sync') return { ecosystem: 'python', label: 'uv pip sync', manifest: pos[2] ?? 'requirements.txt' };
  if (name === 'uv' && pos[0] === 'sync') return { ecosystem: 'python', label: 'uv sync', manifest: 'pyproject.toml and uv.lock' };
  if (name === 'poetry' && pos[0] === 'install' && !hasFlag(cmd, 'only-root')) return { ecosystem: 'python', label: 'poetry install', manifest: 'pyproject.toml and poetry.lock' };
  if (name === 'pipenv' && (pos[0] === 'install' || pos[0] === 'sync') && pos.length === 1) return { ecosystem: 'python', label: `pipenv ${pos[0]}`, manifest: 'Pipfile and Pipfile.lock' };
  if (name === 'npm' && pos[0] === 'ci') return { ecosystem: 'node', label: 'npm ci', manifest: 'package.json and package-lock.json' };
  if (name === 'npm' && (pos[0] === 'install' || pos[0] === 'i') && pos.length === 1 && !hasFlag(cmd, 'g', 'global')) return { ecosystem: 'node', label: `npm ${pos[0]}`, manifest: 'package.json and package-lock.json' };
  if (name === 'yarn' && (pos.length === 0 || (pos[0] === 'install' && pos.length === 1))) return { ecosystem: 'node', label: pos.length ? 'yarn install' : 'yarn', manifest: 'package.json and yarn.lock' };
  if (name === 'pnpm' && (pos[0] === 'install' || pos[0] === 'i') && pos.length === 1) return { ecosystem: 'node', label: 'pnpm install', manifest: 'package.json and pnpm-lock.yaml' };
  if (name === 'bun' && (pos[0] === 'install' || pos[0] === 'i') && pos.length === 1) return { ecosystem: 'node', label: 'bun install', manifest: 'package.json and bun.lockb' };
  if (name === 'bundle' && (pos.length === 0 || pos[0] === 'install')) return { ecosystem: 'ruby', label: 'bundle install', manifest: 'Gemfile and Gemfile.lock' };
  if (name === 'go' && pos[0] === 'mod' && pos[1] === 'download') return { ecosystem: 'go', label: 'go mod download', manifest: 'go.mod and go.sum' };
  if (name === 'composer' && pos[0] === 'install') return { ecosystem: 'php', label: 'composer install', manifest: 'composer.json and composer.lock' };
  return null;
}

/** Fires when dependencies are installed from a manifest after the whole context was copied. */
export default defineRule({
  id: 'copy-manifest-first',
  severity: 'info',
  summary: 'Copy the dependency manifest and install before copying the sources',
  origin: 'shipshape',
  category: 'maintainability',
  fix: 'none',
  docs: {
    description:
      'Reports a `RUN` that installs dependencies from a manifest — `pip install -r` (also `pip3`, `python -m pip`, `uv pip install -r`), `uv sync`, `uv pip sync`, `poetry install` (not `--only-root`), `pipenv install`/`sync`, `npm ci`, `npm install` without package names, `yarn`, `pnpm install`, `bun install`, `bundle install`, `go mod download`, `composer install` — after a `COPY`/`ADD` of the whole build context (`.`, `./`, not `--from`) in the same stage. Not reported when the same ecosystem was already installed before that copy in the stage or in a stage it is built on (the usual two-step `uv sync --no-install-project` … `COPY . .` … `uv sync`).',
    why: 'Docker reuses a layer only while everything before it is unchanged. After `COPY . .`, any edit of any source file invalidates the install layer, so every build downloads and compiles all dependencies again. Copy only the manifest and lock file, install, then copy the rest: dependency layers are rebuilt only when the manifest changes.',
    bad: 'FROM python:3.12.4-slim\nWORKDIR /app\nCOPY . .\nRUN pip install --no-cache-dir -r requirements.txt\nCMD ["gunicorn", "site.wsgi"]\n',
    good: 'FROM python:3.12.4-slim\nWORKDIR /app\nCOPY requirements.txt .\nRUN pip install --no-cache-dir -r requirements.txt\nCOPY . .\nCMD ["gunicorn", "site.wsgi"]\n',
  },
  check(ctx) {
    const whole = new Set<Instruction>(contextCopies(ctx.file).filter((c) => c.sources.some((s) => isWholeContext(s.value))).map((c) => c.instruction));
    for (const stage of ctx.file.stages) {
      let copied: Instruction | null = null;
      const before = new Set<Install['ecosystem']>();
      // Installs of the stages this one is built on happened before its own COPY.
      for (const parent of stageChain(ctx.file, stage).slice(1)) {
        for (const instr of parent.instructions) {
          if (instr.keyword !== 'RUN') continue;
          for (const cmd of runCommands(ctx, instr)) {
            const install = manifestInstall(cmd);
            if (install) before.add(install.ecosystem);
          }
        }
      }
      for (const instr of stage.instructions) {
        if (whole.has(instr)) {
          copied ??= instr;
          continue;
        }
        if (instr.keyword !== 'RUN') continue;
        for (const cmd of runCommands(ctx, instr)) {
          const install = manifestInstall(cmd);
          if (install === null) continue;
          if (copied === null) {
            before.add(install.ecosystem);
            continue;
          }
          if (before.has(install.ecosystem)) continue;
          ctx.report({
            instruction: instr,
            range: cmd.range,
            message: `\`${install.label}\` runs after \`${copied.keyword} ${copied.args.text}\` (line ${copied.line}), so every source change re-installs all dependencies: copy ${install.manifest} first, install, then copy the rest`,
          });
          before.add(install.ecosystem);
        }
      }
    }
  },
});
