import type { Instruction, Range } from '../../parse/types.js';
import type { BuildContext } from '../../engine/types.js';
import { hasFlag } from '../../shell/query.js';
import { defineRule } from '../define.js';
import { normaliseName, readPyproject, readRequirements, type UnpinnedRequirement } from '../lib/python-manifests.js';
import { flagValues } from '../../shell/query.js';
import { pythonInstall, stageCommands } from '../lib/python-tools.js';
import type { RuleContext } from '../../engine/types.js';
import { contextCopies, filesOfSource, isWholeContext } from '../lib/copy-sources.js';

/** A `[project] dependencies` entry pinned to one version (`django==5.0.7`, `x===1`, a direct URL). */
function pinnedDependency(spec: string): boolean {
  const req = spec.split(';')[0].trim();
  if (/\s@\s*\S+/.test(req)) return /@[0-9a-f]{40}(?![0-9a-f])/i.test(req) || !/(git|hg|svn|bzr)\+/.test(req);
  return /^[A-Za-z0-9][A-Za-z0-9._-]*\s*(\[[^\]]*\])?\s*===?\s*[^,*\s]+$/.test(req);
}

/**
 * `pip install .` (also `-e .`, a directory, `uv pip install -r pyproject.toml`) in a stage where no
 * requirements file was installed before: the `[project] dependencies` of that pyproject.toml resolve
 * afresh. Reports when some are not pinned.
 */
function checkPyprojectInstalls(ctx: RuleContext, context: BuildContext): void {
  for (const stage of ctx.file.stages) {
    let pinnedBefore = false;
    for (const { run, cmd, stage: s } of stageCommands(ctx, stage)) {
      const install = pythonInstall(cmd);
      if (install === null || (install.tool !== 'pip' && install.tool !== 'uv-pip') || install.sub !== 'install') continue;
      const reqs = [...flagValues(cmd, 'r'), ...flagValues(cmd, 'requirement'), ...flagValues(cmd, 'c'), ...flagValues(cmd, 'constraint')];
      if (reqs.some((r) => !/pyproject\.toml$/.test(r))) pinnedBefore = true;
      if (s !== stage || pinnedBefore || cmd.args.some((a) => a.value === '--no-deps')) continue;
      const targets = [...install.operands.map((w) => w.value), ...flagValues(cmd, 'e'), ...flagValues(cmd, 'editable'), ...reqs.filter((r) => /pyproject\.toml$/.test(r))];
      for (const target of targets) {
        const m = /^(\.{1,2}(?:\/[\w.-]*)*|[\w.-]+\/pyproject\.toml|pyproject\.toml)(\[[^\]]*\])?$/.exec(target);
        if (!m) continue;
        const dir = m[1].replace(/\/?pyproject\.toml$/, '').replace(/^\.\/?/, '').replace(/\/+$/, '');
        const path = dir === '' || dir === '.' ? 'pyproject.toml' : `${dir}/pyproject.toml`;
        const text = context.readFile(path);
        if (text === null) continue;
        const loose = readPyproject(text).dependencies.filter((d) => !pinnedDependency(d));
        if (loose.length === 0) continue;
        const list = loose.slice(0, 5).map((d) => `\`${d}\``).join(', ') + (loose.length > 5 ? ` and ${loose.length - 5} more` : '');
        ctx.report({
          instruction: run,
          range: cmd.range,
          message: `\`${install.label} ${target}\` resolves the \`[project] dependencies\` of \`${path}\`, which are not pinned: ${list}. Install a lock first (\`uv sync --locked\`, or \`pip install -r\` of a compiled requirements file, then \`${install.label} --no-deps ${target}\`)`,
        });
        break;
      }
    }
  }
}

/** A requirements file by its name: `requirements.txt`, `requirements-prod.txt`, `requirements/base.txt`. */
function isRequirementsFile(path: string): boolean {
  const base = path.slice(path.lastIndexOf('/') + 1);
  if (!/\.txt$/i.test(base)) return false;
  return /requirements/i.test(base) || /(^|\/)requirements\//i.test(path);
}

function dirOf(path: string): string {
  const i = path.lastIndexOf('/');
  return i < 0 ? '' : path.slice(0, i);
}

/** Resolves `other.txt` relative to the directory of the including file, with `..` and `.` handled. */
function resolvePath(from: string, target: string): string {
  const parts = (target.startsWith('/') ? [] : dirOf(from).split('/').filter(Boolean));
  for (const p of target.split('/')) {
    if (p === '' || p === '.') continue;
    if (p === '..') parts.pop();
    else parts.push(p);
  }
  return parts.join('/');
}

interface ReadFile {
  path: string;
  unpinned: UnpinnedRequirement[];
  includedFrom: string | null;
}

/** Reads a requirements file and the files it includes (`-r`) or constrains with (`-c`), when present. */
function readTree(context: BuildContext, top: string): ReadFile[] {
  const out: ReadFile[] = [];
  const constraintPins = new Set<string>();
  const seen = new Set<string>();
  const queue: { path: string; from: string | null; constraint: boolean }[] = [{ path: top, from: null, constraint: false }];
  while (queue.length > 0) {
    const { path, from, constraint } = queue.shift()!;
    if (seen.has(path)) continue;
    seen.add(path);
    const content = context.readFile(path);
    if (content === null) continue;
    const parsed = readRequirements(content);
    for (const inc of parsed.includes) queue.push({ path: resolvePath(path, inc), from: path, constraint });
    for (const c of parsed.constraints) queue.push({ path: resolvePath(path, c), from: path, constraint: true });
    if (constraint) for (const n of parsed.pinned) constraintPins.add(n);
    else out.push({ path, unpinned: parsed.unpinned, includedFrom: from });
  }
  for (const f of out) f.unpinned = f.unpinned.filter((u) => !(u.reason === 'unpinned' && constraintPins.has(normaliseName(u.name))));
  return out.filter((f) => f.unpinned.length > 0);
}

/** PEP 440 version specifiers (`>=2.31`, `~=2.0, !=2.1`, `(>=5)`), the only file text shown besides names. */
const SPECIFIERS = /^\(?\s*(?:~=|==|!=|<=|>=|<|>|===)\s*[A-Za-z0-9.*+!_-]+(?:\s*,\s*(?:~=|==|!=|<=|>=|<|>|===)\s*[A-Za-z0-9.*+!_-]+)*\s*\)?$/;

/**
 * How an entry is named in the message. The file may not be a requirements file at all (a symlink to
 * an environment dump): only a project name and a well-formed version specifier are shown, never the
 * rest of the line (values, URL credentials).
 */
function describe(u: UnpinnedRequirement): string {
  const name = /^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(u.name) ? u.name : 'a VCS requirement';
  if (u.reason === 'vcs-ref') return `\`${name}\` (line ${u.line}, VCS URL without a commit hash)`;
  const spec = u.text.slice(u.text.indexOf(u.name) + u.name.length).replace(/^\s*\[[^\]]*\]/, '').trim();
  const shown = u.reason !== 'unpinned' && u.text.startsWith(u.name) && SPECIFIERS.test(spec) ? u.text : u.name;
  return `\`${shown}\` (line ${u.line}${u.reason === 'wildcard' ? ', wildcard' : ''})`;
}

/** Fires when a requirements file copied into the image has entries not pinned with `==`. */
export default defineRule({
  id: 'pin-python-requirements',
  severity: 'warning',
  summary: 'Pin every Python requirement with == (or hashes)',
  origin: 'shipshape',
  category: 'reproducibility',
  fix: 'none',
  needsContext: true,
  docs: {
    description:
      'Reads the pip requirements files the image gets from the build context — files named `*requirements*.txt` or under `requirements/` that a `COPY`/`ADD` copies by name, directory or glob, and, with `COPY . .`, those a `pip install -r` names — and reports entries not pinned to one version. Pinned: `name==1.2.3` / `===` (with extras, environment markers or per-line options), any entry with `--hash`, a name pinned by a `-c` constraints file, direct archive URLs (`name @ https://.../name-1.2.3.tar.gz`), VCS URLs with a full 40-hex commit. Not pinned: bare names, ranges (`>=`, `~=`, `!=`, `<`), wildcards (`==1.*`), VCS URLs on a branch or tag. Comments, continuation lines and option lines (`--index-url`, `--only-binary`...) are skipped; `-r other.txt` includes and `-c` constraints are followed when the file is in the context; local paths and `-e .` are the project\'s own code and are not judged; `.in` files (pip-tools input) are not read. One finding per file, at the `COPY` (or the `pip install -r`). Also reports `pip install .` (also `-e .`, `./pkg`, `.[extra]`, `uv pip install`, `-r pyproject.toml`) when the `[project] dependencies` of that directory\'s `pyproject.toml` are not all pinned and nothing pinned was installed before it in the stage (a `-r`/`-c` requirements or constraints file) and it does not say `--no-deps`. Projects managed by uv, Poetry, pipenv or pdm are judged by `require-locked-install` (their lock file is the pin). Silent without a build context.',
    why: 'An unpinned requirement resolves to whatever is newest at build time: two builds of the same commit install different code, a new release can break the image, and a compromised release is pulled in automatically. Pin exact versions (generate them with `pip-compile`, `uv pip compile` or `pip freeze`) and upgrade on purpose.',
    bad: 'FROM python:3.12.4-slim\nCOPY requirements.txt .\nRUN pip install --no-cache-dir -r requirements.txt\n',
    good: 'FROM python:3.12.4-slim\nCOPY requirements.lock.txt .\nRUN pip install --no-cache-dir -r requirements.lock.txt\n',
    files: { 'requirements.txt': 'django>=5.0\ngunicorn\n', 'requirements.lock.txt': 'django==5.0.7\ngunicorn==22.0.0\n' },
  },
  check(ctx) {
    const context = ctx.context;
    if (context === null) return;
    const files = context.listFiles();
    const targets = new Map<string, { instruction: Instruction; range: Range }>();
    // Requirement files referenced by `pip install -r` (for whole-context copies).
    const referenced: { arg: string; instruction: Instruction; range: Range }[] = [];
    for (const instr of ctx.file.instructions) {
      if (instr.keyword !== 'RUN') continue;
      for (const cmd of ctx.commands(instr)) {
        if (!(hasFlag(cmd, 'r') || hasFlag(cmd, 'requirement'))) continue;
        if (!/(^|\/)(pip\d*(\.\d+)?|python\d*(\.\d+)?|uv)$/.test(cmd.name)) continue;
        for (const arg of [...flagValues(cmd, 'r'), ...flagValues(cmd, 'requirement')]) referenced.push({ arg, instruction: instr, range: cmd.range });
      }
    }
    for (const copy of contextCopies(ctx.file)) {
      for (const source of copy.sources) {
        if (isWholeContext(source.value)) {
          for (const ref of referenced) {
            const clean = ref.arg.replace(/^\.\//, '');
            const match = files.find((f) => f === clean || clean.endsWith('/' + f) || (isRequirementsFile(f) && f.endsWith('/' + clean)));
            if (match && !targets.has(match)) targets.set(match, { instruction: ref.instruction, range: ref.range });
          }
          continue;
        }
        for (const f of filesOfSource(files, source.value)) {
          if (isRequirementsFile(f) && !targets.has(f)) targets.set(f, { instruction: copy.instruction, range: source.range });
        }
      }
    }
    checkPyprojectInstalls(ctx, context);
    const reported = new Set<string>();
    for (const [top, at] of targets) {
      for (const file of readTree(context, top)) {
        if (reported.has(file.path)) continue;
        reported.add(file.path);
        const list = file.unpinned.slice(0, 5).map(describe).join(', ') + (file.unpinned.length > 5 ? ` and ${file.unpinned.length - 5} more` : '');
        const via = file.includedFrom ? ` (included from \`${file.includedFrom}\`)` : '';
        ctx.report({
          instruction: at.instruction,
          range: at.range,
          message: `\`${file.path}\`${via} has requirements not pinned with \`==\`: ${list}. Pin exact versions (e.g. with \`pip-compile\` or \`uv pip compile\`)`,
        });
      }
    }
  },
});
