import type { ShellCommand } from '../../shell/types.js';
import { flagValue, hasFlag, positionalArgs } from '../../shell/query.js';
import { defineRule } from '../define.js';
import type { Instruction, Stage } from '../../parse/types.js';
import type { BuildContext, Fix, RuleContext } from '../../engine/types.js';
import { contextCopies, isWholeContext } from '../lib/copy-sources.js';

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
function manifestInstall(cmd: ShellCommand): Install | null {
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
  if (name === 'pdm' && (pos[0] === 'install' || pos[0] === 'sync')) return { ecosystem: 'python', label: `pdm ${pos[0]}`, manifest: 'pyproject.toml and pdm.lock' };
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

/** A manifest file to copy: `optional` files may be missing (written as a `*` wildcard without a context). */
interface ManifestFile {
  path: string;
  optional: boolean;
}

/** pip options that take a separate value (`-i URL`); `-r`/`-c` are read separately. */
const PIP_VALUE_FLAGS = new Set([
  '-i', '--index-url', '--extra-index-url', '--trusted-host', '-t', '--target', '--prefix', '--root', '--platform',
  '--python-version', '--implementation', '--abi', '--progress-bar', '--cache-dir', '--log', '--upgrade-strategy',
  '--only-binary', '--no-binary', '--timeout', '--retries', '--proxy', '--python', '-p',
]);

/**
 * The manifest files a plain install command reads, when it reads nothing else from the sources: the
 * command's only positional words are its subcommand, it installs no local path (`-e .`, `.`), and it
 * does not install the project itself (`uv sync` without `--no-install-project`, `poetry install`
 * without `--no-root`). Paths are as written in the command. Null when the pattern is not that simple.
 */
function manifestFiles(cmd: ShellCommand): ManifestFile[] | null {
  const name = base(cmd.name);
  const words = cmd.args.map((a) => a.value);
  if (cmd.args.some((a) => a.dynamic) || cmd.redirects.length > 0) return null;
  let rest = words;
  if (/^python(\d+(\.\d+)?)?$/.test(name)) {
    if (words[0] !== '-m' || words[1] !== 'pip') return null;
    rest = words.slice(2);
  }
  const flagsOnly = (args: string[], valueFlags: Set<string> = new Set()): boolean => {
    for (let i = 0; i < args.length; i++) {
      const a = args[i];
      if (!a.startsWith('-') || a === '-' || a === '--') return false;
      if (valueFlags.has(a)) {
        const v = args[++i];
        if (v === undefined || /^(\.|\/|~)/.test(v)) return false;
      }
    }
    return true;
  };
  const has = (...f: string[]): boolean => rest.some((a) => f.includes(a) || f.some((x) => x.startsWith('--') && a.startsWith(x + '=')));
  if (/^pip(\d+(\.\d+)?)?$/.test(name) || /^python/.test(name) || (name === 'uv' && rest[0] === 'pip' && rest[1] === 'install')) {
    const args = name === 'uv' ? rest.slice(2) : rest[0] === 'install' ? rest.slice(1) : null;
    if (!args) return null;
    const files: ManifestFile[] = [];
    const other: string[] = [];
    for (let i = 0; i < args.length; i++) {
      const a = args[i];
      const m = /^(?:(-r|-c)(.+)|(--requirement|--constraint)=(.+))$/.exec(a);
      if (m) files.push({ path: m[2] ?? m[4], optional: false });
      else if (['-r', '-c', '--requirement', '--constraint'].includes(a)) {
        const v = args[++i];
        if (v === undefined) return null;
        files.push({ path: v, optional: false });
      } else other.push(a);
    }
    if (files.length === 0 || !flagsOnly(other, PIP_VALUE_FLAGS)) return null;
    if (other.some((a) => /^(-e|--editable|-f|--find-links|--src|--no-index)/.test(a))) return null;
    return files;
  }
  const sub = rest[0];
  const after = rest.slice(1);
  if (name === 'uv' && sub === 'pip' && after[0] === 'sync' && after[1] && flagsOnly(after.slice(2))) return [{ path: after[1], optional: false }];
  if (name === 'uv' && sub === 'sync' && has('--no-install-project') && flagsOnly(after)) {
    return [{ path: 'pyproject.toml', optional: false }, { path: 'uv.lock', optional: !has('--frozen', '--locked') }];
  }
  if (name === 'poetry' && sub === 'install' && has('--no-root') && flagsOnly(after)) {
    return [{ path: 'pyproject.toml', optional: false }, { path: 'poetry.lock', optional: true }];
  }
  if (name === 'pipenv' && (sub === 'install' || sub === 'sync') && flagsOnly(after)) {
    return [{ path: 'Pipfile', optional: false }, { path: 'Pipfile.lock', optional: sub === 'install' && !has('--deploy') }];
  }
  if (name === 'pdm' && (sub === 'install' || sub === 'sync') && has('--no-self') && flagsOnly(after)) {
    return [{ path: 'pyproject.toml', optional: false }, { path: 'pdm.lock', optional: sub === 'install' && !has('--frozen-lockfile', '--check') }];
  }
  if (name === 'npm' && (sub === 'ci' || sub === 'install' || sub === 'i') && flagsOnly(after) && !has('-g', '--global')) {
    return [{ path: 'package.json', optional: false }, { path: 'package-lock.json', optional: sub !== 'ci' }];
  }
  if (name === 'yarn' && (sub === undefined || sub === 'install' || sub.startsWith('-')) && flagsOnly(sub === undefined || sub.startsWith('-') ? rest : after)) {
    return [{ path: 'package.json', optional: false }, { path: 'yarn.lock', optional: !has('--frozen-lockfile', '--immutable') }];
  }
  if (name === 'pnpm' && (sub === 'install' || sub === 'i') && flagsOnly(after)) {
    return [{ path: 'package.json', optional: false }, { path: 'pnpm-lock.yaml', optional: !has('--frozen-lockfile') }];
  }
  if (name === 'go' && sub === 'mod' && after[0] === 'download' && flagsOnly(after.slice(1))) {
    return [{ path: 'go.mod', optional: false }, { path: 'go.sum', optional: true }];
  }
  if (name === 'bundle' && (sub === undefined || sub === 'install')) {
    // `--jobs 4`, `--retry 3`, `--without dev`: values of flags are plain words.
    const args = sub === undefined ? [] : after;
    for (let i = 0; i < args.length; i++) {
      if (!args[i].startsWith('-')) return null;
      if (/^--(gemfile|path)/.test(args[i])) return null;
      if (!args[i].includes('=') && args[i + 1] !== undefined && !args[i + 1].startsWith('-') && /^--(jobs|retry|without|with)$/.test(args[i])) i++;
    }
    return [{ path: 'Gemfile', optional: false }, { path: 'Gemfile.lock', optional: !has('--deployment', '--frozen') }];
  }
  return null;
}

/** Contents of context files that make copying only the manifest insufficient (workspaces, includes, local paths). */
function needsMoreThanManifest(context: BuildContext, files: string[]): boolean {
  if (context.exists('pnpm-workspace.yaml') || context.exists('.yarnrc.yml')) return true;
  for (const f of files) {
    const text = context.readFile(f);
    if (text === null) continue;
    if (f.endsWith('package.json') && /"workspaces"\s*:/.test(text)) return true;
    if (/^Gemfile$/.test(base(f)) && /^\s*(gemspec\b|.*\bpath:)/m.test(text)) return true;
    if (f.endsWith('go.mod') && /=>\s*\.{1,2}\//.test(text)) return true;
    if (/\.(txt|in)$/.test(f) && /^\s*(-r|-c|-e|--requirement|--constraint|--editable|\.|\/|file:)/m.test(text)) return true;
    if (/\.(txt|in)$/.test(f) && /@\s*file:|^\s*\S+\s*@\s*\./m.test(text)) return true;
  }
  return false;
}

/** Joins a directory (absolute or `.`-relative) and a relative path, `/`-separated. */
function posixJoin(dir: string, rel: string): string {
  return dir.endsWith('/') ? dir + rel : `${dir}/${rel}`;
}

/** Removes `./` prefixes and a trailing `/` (not a full clean: `..` and `//` stay, unlike parse/paths.ts cleanPath). */
function withoutDotSlash(p: string): string {
  let out = p;
  while (out.startsWith('./')) out = out.slice(2);
  return out.length > 1 ? out.replace(/\/+$/, '') : out;
}

/**
 * The unsafe fix: copy the manifest and run the install before the whole-context COPY, i.e.
 * `COPY <manifest> <dest>` + the install RUN (with its comments) move above the COPY.
 * Only for the simple pattern: one whole-context COPY in the stage, shell form, directly followed
 * (comments and blank lines aside) by a RUN that is only the install command.
 */
function moveInstallFix(ctx: RuleContext, stage: Stage, copy: Instruction, run: Instruction, cmd: ShellCommand): Fix | undefined {
  const wholes = stage.instructions.filter((i) => (i.keyword === 'COPY' || i.keyword === 'ADD') && ctx.facts(i).copy!.from === null && ctx.facts(i).copy!.sources.some((w) => isWholeContext(w.value)));
  if (wholes.length !== 1 || copy.execForm || run.execForm || run.heredocs.length > 0 || copy.heredocs.length > 0) return undefined;
  if (copy.flags.some((f) => !['chown', 'chmod', 'link'].includes(f.name))) return undefined;
  // A bind mount (the default type) may read files the move would put out of order; cache, secret, ssh and tmpfs do not.
  if (ctx.facts(run).mounts.some((m) => !['cache', 'secret', 'ssh', 'tmpfs'].includes(m.type))) return undefined;
  if (ctx.facts(copy).copy!.sources.length !== 1 || copy.words.some((w) => /[$"'`]/.test(w.raw))) return undefined;
  const script = ctx.shell(run);
  if (!script || script.hasErrors || script.commands.length !== 1 || script.commands[0] !== cmd) return undefined;
  if (cmd.nested || cmd.inCompound || cmd.assignments.length > 0) return undefined;
  const files = manifestFiles(cmd);
  if (!files) return undefined;
  // The RUN must directly follow the COPY (comment and blank lines aside).
  if (stage.instructions.indexOf(run) !== stage.instructions.indexOf(copy) + 1) return undefined;
  // Where the command's relative paths resolve (the working directory) and where the COPY put the context.
  // The WORKDIR in effect (inherited through FROM <stage>, variables expanded): undefined when none was
  // set (the base image's), null when unknown.
  const wd = ctx.facts(copy).workdir;
  const workdir = wd.instruction === null ? undefined : wd.path;
  const destRaw = copy.words[copy.words.length - 1].value;
  const dest = destRaw === '.' || destRaw === './' ? workdir ?? '.' : destRaw.startsWith('/') ? withoutDotSlash(destRaw) : typeof workdir === 'string' ? withoutDotSlash(posixJoin(workdir, destRaw)) : null;
  if (dest === null) return undefined;
  const sameDir = dest === (workdir ?? '.');
  const rels: ManifestFile[] = [];
  for (const f of files) {
    let p = f.path;
    if (p.startsWith('/')) {
      if (!dest.startsWith('/') || !p.startsWith(dest + '/')) return undefined;
      p = p.slice(dest.length + 1);
    } else if (!sameDir) return undefined;
    p = withoutDotSlash(p);
    if (p === '' || p.split('/').some((s) => s === '..' || s === '.') || /[*?[\]\\\s$]/.test(p)) return undefined;
    rels.push({ path: p, optional: f.optional });
  }
  const dirs = new Set(rels.map((r) => (r.path.includes('/') ? r.path.slice(0, r.path.lastIndexOf('/')) : '')));
  if (dirs.size !== 1) return undefined;
  const dir = [...dirs][0];
  // With a context: required files must exist, optional ones are copied when they exist.
  let sources: string[];
  if (ctx.context) {
    if (rels.some((r) => !r.optional && !ctx.context!.exists(r.path))) return undefined;
    const present = rels.filter((r) => ctx.context!.exists(r.path)).map((r) => r.path);
    if (needsMoreThanManifest(ctx.context, present)) return undefined;
    sources = present;
  } else {
    sources = rels.map((r) => (r.optional ? `${r.path}*` : r.path));
  }
  const destBase = destRaw === '.' || destRaw === './' ? '.' : destRaw.replace(/\/+$/, '');
  let target = dir ? posixJoin(destBase, dir) : destBase;
  if (sources.length > 1 || dir || sources.some((s) => s.endsWith('*'))) target = target.endsWith('/') ? target : `${target}/`;
  if (target === '') target = '/';
  const edit = ctx.edit();
  const keyword = edit.keywordAs(copy, 'COPY');
  const flags = copy.flags.map((f) => `${f.raw} `).join('');
  // The install RUN (with the comment lines above it) moves above the COPY, the manifest COPY first;
  // the blank lines that separated the RUN from the COPY now separate the install from the COPY.
  if (!edit.moveInstruction(run, copy, [`${keyword} ${flags}${sources.join(' ')} ${target}`])) return undefined;
  return edit.unsafe(`Copy ${sources.join(' ')} and install before \`${copy.keyword} ${copy.args.text}\``);
}

/** Fires when dependencies are installed from a manifest after the whole context was copied. */
export default defineRule({
  id: 'copy-manifest-first',
  severity: 'info',
  summary: 'Copy the dependency manifest and install before copying the sources',
  origin: 'shipshape',
  category: 'maintainability',
  fix: 'unsafe',
  docs: {
    description:
      'Reports a `RUN` that installs dependencies from a manifest — `pip install -r` (also `pip3`, `python -m pip`, `uv pip install -r`), `uv sync`, `uv pip sync`, `poetry install` (not `--only-root`), `pipenv install`/`sync`, `pdm install`/`sync`, `npm ci`, `npm install` without package names, `yarn`, `pnpm install`, `bun install`, `bundle install`, `go mod download`, `composer install` — after a `COPY`/`ADD` of the whole build context (`.`, `./`, not `--from`) in the same stage. Not reported when the same ecosystem was already installed before that copy in the stage or in a stage it is built on (the usual two-step `uv sync --no-install-project` … `COPY . .` … `uv sync`). The unsafe fix copies the manifest and lock file (`COPY requirements.txt .`, `COPY package.json package-lock.json ./`, with the flags of the original COPY) and moves the install RUN above the whole-context COPY, only for the simple pattern: one whole-context COPY in the stage, directly followed by a RUN that is only the install command (reading nothing but the manifest: no `-e .`, no `uv sync` without `--no-install-project`, no `poetry install` without `--no-root`, no `pdm install` without `--no-self`), with the manifest where the COPY put the context. With a build context, only existing files are copied and there is no fix for workspaces, `.yarnrc.yml`, a `gemspec` Gemfile, local `replace` in go.mod or requirements that include other files; without one, an optional lock file is copied with a wildcard (`go.sum*`). It is unsafe because install scripts (npm lifecycle scripts, setup hooks) may read other source files.',
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
      for (const parent of ctx.stage(stage).chain.slice(1)) {
        for (const instr of parent.instructions) {
          if (instr.keyword !== 'RUN') continue;
          for (const cmd of ctx.commands(instr)) {
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
        for (const cmd of ctx.commands(instr)) {
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
            fix: moveInstallFix(ctx, stage, copied, instr, cmd),
          });
          before.add(install.ecosystem);
        }
      }
    }
  },
});
