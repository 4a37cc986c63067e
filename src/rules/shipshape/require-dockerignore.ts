import { defineRule } from '../define.js';
import { contextCopies, copiesDirectory, filesOfSource } from '../lib/copy-sources.js';
import { examplePaths, filesByKind, KINDS, patternsFor } from '../lib/dockerignore.js';
import { dockerignoreMatcher } from '../../context/dockerignore.js';
import { renderIgnoreLines, seedIgnores } from '../../context/ignore-seed.js';


/**
 * True when pattern `p` excludes `path` itself from the context (`Dockerfile*` and `Dockerfile.prod`,
 * `**\/node_modules` and `node_modules`): a COPY of it would then fail, so the fix must leave `p` out.
 * (Files excluded inside a copied folder, such as its `__pycache__`, are what the list is for.)
 */
/** Seed patterns for files that are build inputs, not leaks: the Dockerfiles, `.dockerignore`, compose files. */
const BUILD_INPUTS = new Set(['Dockerfile*', '.dockerignore', 'compose*.y*ml', 'docker-compose*.y*ml']);

/**
 * True when a `.dockerignore` would change nothing for this build: every COPY/ADD names files (no `.`,
 * no directory, no glob matching a directory) and the context holds nothing the seed list excludes
 * apart from the build's own inputs (Dockerfiles, compose files). BuildKit transfers only the paths the
 * COPY/ADD sources name, so other files never reach the builder, let alone the image.
 */
function onlyNamedFiles(copies: ReturnType<typeof contextCopies>, files: readonly string[]): boolean {
  return !copies.some((c) => c.sources.some((s) => copiesDirectory(files, s.value))) && seedExcluded(files).length === 0;
}

/** The context files the seed list excludes, apart from the build's own inputs (`.env`, `.git/HEAD`...). */
function seedExcluded(files: readonly string[]): string[] {
  const patterns = seedIgnores(files).flatMap((g) => g.patterns).filter((p) => !BUILD_INPUTS.has(p));
  const seeded = dockerignoreMatcher(patterns.join('\n'));
  return files.filter((f) => seeded.ignores(f));
}

/**
 * The patterns `keep` accepts, an exception (`!**\/.env.example`) only together with the exclusion
 * before it (`**\/.env*`), as `mergeDockerignore` (src/context/ignore-merge.ts) adds them: alone, when
 * the exclusion was left out because the Dockerfile copies `.env` by name, it re-includes nothing.
 */
function keptPatterns(patterns: readonly string[], keep: (p: string) => boolean): string[] {
  const out: string[] = [];
  let exclusionKept = false;
  for (const p of patterns) {
    if (p.startsWith('!')) {
      if (exclusionKept && keep(p)) out.push(p);
      continue;
    }
    exclusionKept = keep(p);
    if (exclusionKept) out.push(p);
  }
  return out;
}

function dropsNamed(p: string, path: string): boolean {
  return !p.startsWith('!') && dockerignoreMatcher(p).ignores(path);
}

/** Fires when files are copied from a build context that has no `.dockerignore`. */
export default defineRule({
  id: 'require-dockerignore',
  severity: 'warning',
  summary: 'Add a .dockerignore: the build context is copied without one',
  origin: 'shipshape',
  category: 'security',
  fix: 'safe',
  needsContext: true,
  docs: {
    description:
      'Reports the first `COPY`/`ADD` that reads from the build context (not `--from`, not a URL or git source, not a heredoc; `ONBUILD` copies run in another build and are not counted) when the context has no `.dockerignore` (neither `<Dockerfile>.dockerignore` nor `.dockerignore`). Silent when a `.dockerignore` would change nothing: every `COPY`/`ADD` names files (no `.`, no directory, no glob that matches a directory) and the context holds nothing the seed list below excludes apart from the build\'s own inputs (Dockerfiles, `.dockerignore`, compose files). BuildKit sends the builder only the paths the sources name, so such a build, like the official httpd image\'s `COPY httpd-foreground /usr/local/bin/`, cannot leak anything; once a `.git`, `.env`, key, virtualenv or cache is in the context, or a directory is copied, the rule reports as before. The message names the sensitive files it finds (`.git`, `.env`, keys, bytecode). Silent when the build context is unknown (standard input). The safe fix creates `.dockerignore` with the same seed list `shipshape init` writes for that tree (src/context/ignore-seed.ts; docs/init.md lists it): VCS data, the Dockerfiles, compose files and `.dockerignore` itself, `.env*` files (not `.env.example`), bytecode, `media/` and `staticfiles/` beside each `manage.py`, and the virtualenvs, `node_modules`, tool caches, editor folders and SQLite databases the context has; then the patterns of every other kind of file the message names (keys). It leaves out any pattern that would drop a path the Dockerfile copies by name (`COPY Dockerfile.prod ...` keeps `Dockerfile*` out of the list), `.git` when a `RUN` calls `git` or uses setuptools-scm/hatch-vcs/versioneer, and `.env` when a command mentions it.',
    why: 'Without `.dockerignore` the whole directory is sent to the builder: `.git`, `.env` files and keys, virtualenvs and `node_modules`. `COPY . .` then bakes them into the image, secrets included, and every unrelated file change busts the layer cache.',
    bad: 'FROM python:3.12.4-slim\nWORKDIR /app\nCOPY . .\nCMD ["python", "main.py"]\n',
    good: '# Nothing is read from the build context here, so no .dockerignore is needed.\n# With `COPY . .`, add a .dockerignore next to the Dockerfile (the fix creates one).\nFROM python:3.12.4-slim\nWORKDIR /app\nADD https://github.com/example/app.git#v1.2.0 .\nCMD ["python", "main.py"]\n',
    files: { 'main.py': 'print(1)\n' },
  },
  check(ctx) {
    const context = ctx.context;
    if (context === null || context.dockerignore() !== null) return;
    const copies = contextCopies(ctx.file);
    if (copies.length === 0) return;
    const first = copies[0];
    const files = context.listFiles();
    if (onlyNamedFiles(copies, files)) return;
    const sent = new Set(copies.flatMap((c) => c.sources.flatMap((s) => filesOfSource(files, s.value))));
    // Only named files are copied: the finding is about what else the context holds (see onlyNamedFiles).
    const namedOnly = !copies.some((c) => c.sources.some((s) => copiesDirectory(files, s.value)));
    const byKind = [...filesByKind(namedOnly ? [...sent, ...seedExcluded(files)] : [...sent])];
    const kinds = byKind.map(([k, paths]) => `${KINDS[k].label} (${examplePaths(paths)})`);
    // Keep every path the Dockerfile names explicitly: the fix must not break the build.
    const named = [...new Set(copies.flatMap((c) => c.sources.map((s) => s.value.replace(/^\.\//, '').replace(/\/+$/, ''))))].filter((p) => p !== '' && p !== '.' && !/[*?[]/.test(p));
    // ...nor what the build visibly uses: git metadata (`git describe`, setuptools-scm), `.env` files.
    const runText = ctx.file.instructions.filter((i) => i.keyword === 'RUN' || i.keyword === 'CMD' || i.keyword === 'ENTRYPOINT').map((i) => i.args.text + i.heredocs.map((h) => h.content).join('')).join('\n');
    const usesGit = /(^|[\s;&|(])git\s|setuptools[-_]scm|hatch-vcs|versioneer/.test(runText);
    const usesEnv = /(^|[\s/'"=])\.env\b/.test(runText);
    // The seed list init also writes (one source: src/context/ignore-seed.ts), then the patterns of every
    // other kind the message names (keys, databases, media folders of nested projects...).
    const groups = seedIgnores(files);
    const seeded = dockerignoreMatcher(groups.flatMap((g) => g.patterns).join('\n'));
    // A kind's pattern is added only when it excludes a named file the seed list lets through.
    const found = byKind
      .flatMap(([k, paths]) => patternsFor(k, paths).filter((p) => !p.startsWith('!') && paths.some((f) => !seeded.ignores(f) && dockerignoreMatcher(p).ignores(f))))
      .filter((p, i, all) => all.indexOf(p) === i);
    if (found.length > 0) groups.push({ why: 'Sensitive or junk files found in this context.', patterns: found });
    const keep = (p: string): boolean => !named.some((n) => dropsNamed(p, n)) && !(usesGit && /\.git$/.test(p)) && !(usesEnv && /\.env/.test(p));
    const lines = renderIgnoreLines(groups.map((g) => ({ why: g.why, patterns: keptPatterns(g.patterns, keep) })), 'Written by `shipshape lint --fix` (require-dockerignore): keeps secrets, history, caches and local artefacts out of the build context.');
    ctx.report({
      instruction: first.instruction,
      range: first.instruction.range,
      message: `\`${first.instruction.keyword} ${first.instruction.args.text}\` copies from a build context without \`.dockerignore\`${kinds.length ? `, ${namedOnly ? 'which holds' : 'which sends'} ${kinds.join(', ')}` : ''}. Add a \`.dockerignore\` that excludes VCS data, secrets and caches`,
      fix: ctx.edit().createContextFile('.dockerignore', lines).safe('Create .dockerignore'),
    });
  },
});
