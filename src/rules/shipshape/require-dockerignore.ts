import { defineRule } from '../define.js';
import { contextCopies, filesOfSource } from '../lib/copy-sources.js';
import { examplePaths, filesByKind, KINDS, patternsFor } from '../lib/dockerignore.js';

const BASE_PATTERNS = ['.git', '**/.git', '**/__pycache__', '**/*.py[co]', '**/node_modules', '**/.env', '**/.env.*', '!**/.env.example', '**/*.log', '.venv', '.pytest_cache', '.mypy_cache'];

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
      'Reports the first `COPY`/`ADD` that reads from the build context (not `--from`, not a URL or git source, not a heredoc; `ONBUILD` copies run in another build and are not counted) when the context has no `.dockerignore` (neither `<Dockerfile>.dockerignore` nor `.dockerignore`). The message names the sensitive files it finds (`.git`, `.env`, keys, bytecode). Silent when the build context is unknown (standard input). The safe fix creates `.dockerignore` excluding VCS data, `.env` files (not `.env.example`), bytecode, `node_modules`, virtualenvs, logs and tool caches, and the patterns of every kind of file the message names (Django `media/` and `staticfiles/` directories, keys, SQLite databases), leaving out any pattern for a path the Dockerfile copies by name, `.git` when a `RUN` calls `git` or uses setuptools-scm/hatch-vcs/versioneer, and `.env` when a command mentions it.',
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
    const sent = new Set(copies.flatMap((c) => c.sources.flatMap((s) => filesOfSource(files, s.value))));
    const byKind = [...filesByKind([...sent])];
    const kinds = byKind.map(([k, paths]) => `${KINDS[k].label} (${examplePaths(paths)})`);
    // Keep every path the Dockerfile names explicitly: the fix must not break the build.
    const named = new Set(copies.flatMap((c) => c.sources.map((s) => s.value.replace(/^\.\//, ''))));
    // ...nor what the build visibly uses: git metadata (`git describe`, setuptools-scm), `.env` files.
    const runText = ctx.file.instructions.filter((i) => i.keyword === 'RUN' || i.keyword === 'CMD' || i.keyword === 'ENTRYPOINT').map((i) => i.args.text + i.heredocs.map((h) => h.content).join('')).join('\n');
    const usesGit = /(^|[\s;&|(])git\s|setuptools[-_]scm|hatch-vcs|versioneer/.test(runText);
    const usesEnv = /(^|[\s/'"=])\.env\b/.test(runText);
    // The base list, then the patterns of every kind the message names (media/, staticfiles/, keys...).
    const wanted = [...BASE_PATTERNS];
    for (const [k, paths] of byKind) for (const p of patternsFor(k, paths)) if (!wanted.includes(p)) wanted.push(p);
    const patterns = wanted.filter((p) => !named.has(p.replace(/^\*\*\//, '').replace(/\/$/, '')))
      .filter((p) => !(usesGit && /\.git$/.test(p)))
      .filter((p) => !(usesEnv && /\.env/.test(p)));
    ctx.report({
      instruction: first.instruction,
      range: first.instruction.range,
      message: `\`${first.instruction.keyword} ${first.instruction.args.text}\` copies from a build context without \`.dockerignore\`${kinds.length ? `, which sends ${kinds.join(', ')}` : ''}. Add a \`.dockerignore\` that excludes VCS data, secrets and caches`,
      fix: ctx.edit().createContextFile('.dockerignore', patterns).safe('Create .dockerignore'),
    });
  },
});
