/**
 * `.dockerignore` knowledge: which build-context files are sensitive or junk, by kind, and the
 * `.dockerignore` patterns that exclude them (require-dockerignore, dockerignore-coverage).
 *
 * No `node:` imports: rules run in browsers and language servers too.
 */

/** A kind of file that should not be sent to the builder. */
interface ContextKind {
  id: 'vcs' | 'secrets' | 'bytecode' | 'django-media' | 'django-static' | 'django-db';
  /** Human name used in messages. */
  label: string;
  /** Patterns to add to `.dockerignore` (Docker syntax). */
  patterns: string[];
  /** Why it matters, one clause. */
  risk: string;
}

export const KINDS: Record<ContextKind['id'], ContextKind> = {
  vcs: { id: 'vcs', label: 'version-control data', patterns: ['.git', '**/.git', '.hg', '.svn'], risk: 'the whole history (and any secret ever committed) ends up in the image and every commit busts the cache' },
  secrets: { id: 'secrets', label: 'environment and secret files', patterns: ['**/.env', '**/.env.*', '!**/.env.example', '**/*.pem', '**/*.key', '**/id_rsa*', '**/id_ed25519*'], risk: 'secrets are sent to the builder and can be baked into an image layer' },
  bytecode: { id: 'bytecode', label: 'Python bytecode caches', patterns: ['**/__pycache__', '**/*.py[co]'], risk: 'stale bytecode from the host lands in the image and busts the cache' },
  'django-media': { id: 'django-media', label: 'Django media uploads', patterns: ['media/'], risk: 'user uploads (possibly private data) are baked into the image' },
  'django-static': { id: 'django-static', label: 'collected Django static files', patterns: ['staticfiles/'], risk: 'host-built static files override what `collectstatic` produces in the build' },
  'django-db': { id: 'django-db', label: 'local SQLite databases', patterns: ['**/*.sqlite3'], risk: 'the development database (users, sessions, password hashes) is baked into the image' },
};

/**
 * The `.dockerignore` patterns that exclude `paths` of a kind: the media / static directories the paths
 * are in for Django kinds (`media/a.png` → `media/`, `web/staticfiles/x.css` → `web/staticfiles/`), the
 * kind's patterns otherwise. Whatever a message names, these patterns exclude.
 */
export function patternsFor(kind: ContextKind['id'], paths: readonly string[]): string[] {
  if (kind !== 'django-media' && kind !== 'django-static') return KINDS[kind].patterns;
  const dirs = new Set<string>();
  for (const p of paths) {
    const parts = p.split('/');
    const i = parts.findIndex((x) => x === 'media' || STATIC_ROOTS.has(x));
    if (i >= 0) dirs.add(parts.slice(0, i + 1).join('/') + '/');
  }
  return [...dirs];
}

const TEMPLATE_ENV = /^\.env\.(example|sample|template|dist|defaults?|tmpl)$/i;
const SECRET_FILE = /^(\.env|\.env\..+|.+\.pem|.+\.key|id_(rsa|dsa|ecdsa|ed25519)|.+\.p12|.+\.pfx|\.npmrc|\.pypirc|\.netrc|credentials\.json|service-account.*\.json)$/i;
const STATIC_ROOTS = new Set(['staticfiles', 'static_root', 'collected_static', 'collectstatic']);

/**
 * The kind of a context file, or null. Django media, collected static files and SQLite databases
 * (`db.sqlite3`) count only next to a `manage.py` (`djangoRoots` holds those directories, `''` for the root).
 */
function kindOf(path: string, djangoRoots: ReadonlySet<string>): ContextKind['id'] | null {
  const parts = path.split('/');
  const base = parts[parts.length - 1];
  if (parts.some((p) => p === '.git' || p === '.hg' || p === '.svn')) return 'vcs';
  if (parts.includes('__pycache__') || /\.py[co]$/.test(base)) return 'bytecode';
  if (SECRET_FILE.test(base) && !TEMPLATE_ENV.test(base) && !/\.pub$/.test(base)) return 'secrets';
  if (/\.sqlite3$/.test(base) && djangoRoots.has(parts.slice(0, -1).join('/'))) return 'django-db';
  for (let i = 0; i < parts.length - 1; i++) {
    const dir = parts.slice(0, i).join('/');
    if (!djangoRoots.has(dir)) continue;
    if (parts[i] === 'media') return 'django-media';
    if (STATIC_ROOTS.has(parts[i])) return 'django-static';
  }
  return null;
}

/** Directories holding a `manage.py` (Django projects), `''` for the context root. */
function djangoRoots(files: readonly string[]): Set<string> {
  const roots = new Set<string>();
  for (const f of files) {
    if (f === 'manage.py') roots.add('');
    else if (f.endsWith('/manage.py')) roots.add(f.slice(0, -'/manage.py'.length));
  }
  return roots;
}

/** Groups context files by kind, in a stable order, each list sorted. */
export function filesByKind(files: readonly string[]): Map<ContextKind['id'], string[]> {
  const roots = djangoRoots(files);
  const out = new Map<ContextKind['id'], string[]>();
  for (const f of [...files].sort()) {
    const k = kindOf(f, roots);
    if (k === null) continue;
    if (!out.has(k)) out.set(k, []);
    out.get(k)!.push(f);
  }
  return out;
}

/** A short list of example paths: `.git/HEAD`, `.env` (and 3 more). Directories are shown collapsed. */
export function examplePaths(paths: readonly string[], max = 3): string {
  const shown: string[] = [];
  for (const p of paths) {
    const m = /^(.*?(?:^|\/)(?:\.git|\.hg|\.svn|__pycache__))\//.exec(p);
    const label = m ? `${m[1]}/` : p;
    if (!shown.includes(label)) shown.push(label);
  }
  const head = shown.slice(0, max).map((p) => `\`${p}\``).join(', ');
  return shown.length > max ? `${head} (and ${shown.length - max} more)` : head;
}
