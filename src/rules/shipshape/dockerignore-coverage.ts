import { defineRule } from '../define.js';
import { dockerignoreMatcher } from '../../context/dockerignore.js';
import { contextCopies, isWholeContext } from '../lib/copy-sources.js';
import { examplePaths, filesByKind, KINDS, patternsFor } from '../lib/dockerignore.js';

/**
 * Fires when `COPY . .` sends kinds of files `.dockerignore` should exclude: VCS data, secrets, Python
 * bytecode, Django media and collected static files.
 */
export default defineRule({
  id: 'dockerignore-coverage',
  severity: 'warning',
  summary: '.dockerignore lets sensitive or junk files into a whole-context COPY',
  origin: 'shipshape',
  category: 'security',
  fix: 'unsafe',
  needsContext: true,
  docs: {
    description:
      'When a `COPY`/`ADD` (not `--from`) sends the whole build context (`.`, `./`) and a `.dockerignore` exists, reports each kind of context file that `.dockerignore` does not exclude, with example paths: version-control data (`.git`, `.hg`, `.svn`), environment and secret files (`.env`, `.env.*` except templates such as `.env.example`, `*.pem`, `*.key`, SSH private keys, `.npmrc`, `.pypirc`, `.netrc`), Python bytecode (`__pycache__`, `*.pyc`), and in Django projects (a `manage.py` in the context) the `media/` uploads, the collected static files (`staticfiles/`, `static_root/`) and SQLite databases (`db.sqlite3`) next to `manage.py`. Patterns are applied with Docker\'s `.dockerignore` semantics: `*.pyc` matches only at the root, `**/*.pyc` everywhere. One finding per kind, at the first whole-context copy. The unsafe fix appends the patterns of that kind to the end of `.dockerignore`, leaving the user\'s lines first and untouched (unsafe: a build that needs one of those files, such as `.git` for a version string, would break). Without any `.dockerignore`, `require-dockerignore` reports instead.',
    why: 'Whatever `.dockerignore` lets through is sent to the builder and, with `COPY . .`, stored in an image layer: `.env` files and keys leak to anyone who can pull the image, `.git` carries the whole history, host bytecode and uploads bloat the image and bust the layer cache on every change.',
    bad: 'FROM python:3.12.4-slim\nWORKDIR /app\nCOPY . .\nCMD ["python", "main.py"]\n',
    good: 'FROM python:3.12.4-slim\nWORKDIR /app\nCOPY main.py .\nCMD ["python", "main.py"]\n',
    files: { 'main.py': 'print(1)\n', '.env': 'API_TOKEN=changeme\n', '.dockerignore': '.git\n' },
  },
  check(ctx) {
    const context = ctx.context;
    if (context === null) return;
    const ignore = context.dockerignore();
    if (ignore === null) return;
    const whole = contextCopies(ctx.file).find((c) => c.sources.some((s) => isWholeContext(s.value)));
    if (!whole) return;
    const matcher = dockerignoreMatcher(ignore.content);
    const sent = context.listFiles().filter((f) => f !== ignore.path && !matcher.ignores(f));
    for (const [kind, paths] of filesByKind(sent)) {
      const k = KINDS[kind];
      const patterns = patternsFor(kind, paths);
      ctx.report({
        instruction: whole.instruction,
        range: whole.instruction.range,
        message: `\`${whole.instruction.keyword} ${whole.instruction.args.text}\` sends ${k.label} that \`${ignore.path}\` does not exclude: ${examplePaths(paths)}; ${k.risk}. Add ${patterns.filter((p) => !p.startsWith('!')).map((p) => `\`${p}\``).join(', ')} to \`${ignore.path}\``,
        fix: ctx.edit().appendToContextFile(ignore.path, ignore.content, patterns).unsafe(`Exclude ${k.label} in ${ignore.path}`),
      });
    }
  },
});
