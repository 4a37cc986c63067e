/**
 * The one seed list of `.dockerignore` entries: what `shipshape init` writes and what the fix of
 * `require-dockerignore` creates for a build context without one, so both give the same file for the same
 * tree.
 *
 * Patterns use BuildKit's `.dockerignore` syntax (moby patternmatcher: Go `filepath.Match` plus `**`,
 * matched from the context root, the last matching line deciding). The `**\/` form is used wherever a copy
 * can be nested (`.venv` alone would not exclude `backend/.venv`); folders a build produces at the root
 * of a Django project are anchored (`media/`), never `**\/static`, which would also drop the apps' own
 * `static` folders that collectstatic reads.
 *
 * Pure: no file-system access, usable in the browser and by rules.
 */

/** One block of a `.dockerignore`: a one-line reason (written as a comment) and its patterns. */
export interface IgnoreGroup {
  why: string;
  patterns: string[];
}

/** The groups every seeded `.dockerignore` has, whatever the tree. */
const FIXED_GROUPS: readonly IgnoreGroup[] = [
  { why: 'Version control and container files are not needed inside the image.', patterns: ['**/.git', 'Dockerfile*', '.dockerignore', 'compose*.y*ml', 'docker-compose*.y*ml'] },
  { why: 'Local environment files hold secrets (a template such as .env.example may go in).', patterns: ['**/.env*', '!**/.env.example'] },
  { why: 'Bytecode is rebuilt by Python; caches differ per machine.', patterns: ['**/__pycache__', '**/*.py[co]'] },
];

/** Local environments, caches and editor folders: excluded (as `**\/name`) when the tree has one. */
const TREE_DIRS = ['.venv', 'venv', 'node_modules', '.tox', '.nox', '.pytest_cache', '.mypy_cache', '.ruff_cache', 'htmlcov', '.idea', '.vscode'];

/**
 * The folders of the context that hold a `manage.py` (Django projects): `''` for the root, `src/` for a
 * `src/manage.py`, sorted.
 */
function djangoRoots(files: readonly string[]): string[] {
  const roots = new Set<string>();
  for (const f of files) if (f === 'manage.py' || f.endsWith('/manage.py')) roots.add(f.slice(0, -'manage.py'.length));
  return [...roots].sort();
}

/**
 * The entries the tree calls for beyond the fixed groups: `**\/.venv`, `**\/node_modules`... for each such
 * folder present, `**\/*.sqlite3` and `**\/.coverage*` for such files, then `extraDirs` (init's
 * STATIC_ROOT / MEDIA_ROOT folders with other names, already written as anchored patterns like `static/`).
 * @param files context paths, relative, `/`-separated
 */
export function treeIgnores(files: readonly string[], extraDirs: readonly string[] = []): string[] {
  const out = new Set<string>();
  const dirHit = (name: string): boolean => files.some((p) => p.startsWith(`${name}/`) || p.includes(`/${name}/`));
  for (const d of TREE_DIRS) if (dirHit(d)) out.add(`**/${d}`);
  if (files.some((p) => p.endsWith('.sqlite3'))) out.add('**/*.sqlite3');
  if (files.some((p) => /(^|\/)\.coverage/.test(p))) out.add('**/.coverage*');
  for (const d of extraDirs) out.add(d);
  return [...out];
}

/**
 * The seed `.dockerignore` for a build context, as groups: the fixed groups; for each Django project
 * (a `manage.py`) its `media/` uploads and `staticfiles/` collected files, anchored at that project's
 * folder; then {@link treeIgnores}.
 * @param files context paths, relative, `/`-separated (a context listing, or the project's files for init)
 * @param extraDirs anchored folder patterns init found in the settings (`static/`)
 */
export function seedIgnores(files: readonly string[], extraDirs: readonly string[] = []): IgnoreGroup[] {
  const groups = FIXED_GROUPS.map((g) => ({ why: g.why, patterns: [...g.patterns] }));
  const roots = djangoRoots(files);
  if (roots.length > 0) groups.push({ why: 'Uploads and collected static files are produced or mounted, never copied in.', patterns: roots.flatMap((r) => [`${r}media/`, `${r}staticfiles/`]) });
  const tree = treeIgnores(files, extraDirs);
  if (tree.length > 0) groups.push({ why: 'From this project: local environments, caches, databases, editor settings, collected files.', patterns: tree });
  return groups;
}

/**
 * The lines of a `.dockerignore` made of `groups`: `# header`, then each non-empty group as `# why`
 * and its patterns.
 */
export function renderIgnoreLines(groups: readonly IgnoreGroup[], header: string): string[] {
  const lines = [`# ${header}`];
  for (const g of groups) if (g.patterns.length > 0) lines.push(`# ${g.why}`, ...g.patterns);
  return lines;
}
