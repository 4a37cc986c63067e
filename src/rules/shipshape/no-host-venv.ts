import { dockerignoreMatcher } from '../../context/dockerignore.js';
import { defineRule } from '../define.js';
import { contextCopies, filesOfSource } from '../lib/copy-sources.js';

/**
 * Virtual environments in the build context: directories holding a `pyvenv.cfg` (written by `venv`,
 * `virtualenv` and `uv venv` — PEP 405), or named `venv`/`.venv`/`env`/`.env` with a `bin/python*` or
 * `Scripts/python.exe` inside.
 */
function contextVenvs(files: readonly string[]): string[] {
  const dirs = new Set<string>();
  for (const f of files) {
    let m = /^(?:(.*)\/)?pyvenv\.cfg$/.exec(f);
    if (m) {
      dirs.add(m[1] ?? '');
      continue;
    }
    m = /^((?:.*\/)?\.?v?env)\/(?:bin\/python[\d.]*|Scripts\/python\.exe)$/.exec(f);
    if (m) dirs.add(m[1]);
  }
  dirs.delete('');
  // Keep the outermost ones.
  return [...dirs].filter((d) => ![...dirs].some((o) => o !== d && d.startsWith(o + '/'))).sort();
}

/** Fires when a COPY/ADD sends a host virtual environment into the image. */
export default defineRule({
  id: 'no-host-venv',
  severity: 'warning',
  summary: 'Do not copy a virtual environment from the host into the image',
  origin: 'shipshape',
  category: 'python',
  fix: 'unsafe',
  needsContext: true,
  docs: {
    description:
      'Reads the build context for Python virtual environments — directories with a `pyvenv.cfg` (PEP 405: written by `venv`, `virtualenv`, `uv venv`), or named `venv`, `.venv`, `env` or `.env` with a `bin/python` inside — and reports each `COPY`/`ADD` (not `--from`) whose sources send one into the image because `.dockerignore` does not exclude it: a whole-context `COPY . .` or a copy of a directory holding it. Silent without a build context. The unsafe fix adds the environment\'s path to `.dockerignore` (creating the file when there is none); it is unsafe because a build that really meant to use that directory would lose it.',
    why: 'A virtual environment is tied to the machine that made it: its scripts hard-code the host\'s interpreter path, its compiled extensions were built for the host\'s OS, libc and CPU, and it often holds development tools. Copied into an image it is hundreds of megabytes that usually do not run, and every local `pip install` busts the build cache. Build the environment inside the image (`python -m venv`, `uv sync`) and keep the host one out with `.dockerignore`.',
    bad: 'FROM python:3.12.4-slim\nWORKDIR /app\nCOPY . .\nRUN pip install --no-cache-dir -r requirements.txt\n',
    good: 'FROM python:3.12.4-slim\nWORKDIR /app\nCOPY requirements.txt app.py ./\nRUN pip install --no-cache-dir -r requirements.txt\n',
    files: { 'requirements.txt': 'flask==3.0.3\n', 'app.py': 'print(1)\n', '.venv/pyvenv.cfg': 'home = /usr/bin\n', '.venv/bin/python': '' },
  },
  check(ctx) {
    const context = ctx.context;
    if (context === null) return;
    const files = context.listFiles();
    const venvs = contextVenvs(files);
    if (venvs.length === 0) return;
    const ignore = context.dockerignore();
    const matcher = ignore ? dockerignoreMatcher(ignore.content) : null;
    const sent = (f: string): boolean => !(matcher?.ignores(f) ?? false);
    const reported = new Set<string>();
    for (const copy of contextCopies(ctx.file)) {
      for (const source of copy.sources) {
        const selected = new Set(filesOfSource(files, source.value).filter(sent));
        const hits = venvs.filter((v) => !reported.has(v) && [...selected].some((f) => f.startsWith(v + '/')));
        if (hits.length === 0) continue;
        for (const v of hits) reported.add(v);
        const path = ignore?.path ?? '.dockerignore';
        const content = ignore?.content ?? '';
        const eol = content.includes('\r\n') ? '\r\n' : '\n';
        const lead = content === '' || content.endsWith('\n') ? '' : eol;
        ctx.report({
          at: source,
          message: `\`${source.value}\` sends the host virtual environment${hits.length > 1 ? 's' : ''} ${hits.map((h) => `\`${h}/\``).join(', ')} into the image: its interpreter paths and compiled extensions belong to the host. Add ${hits.map((h) => `\`${h}\``).join(', ')} to \`${path}\` and build the environment in the image`,
          fix: {
            applicability: 'unsafe',
            description: `Exclude ${hits.join(', ')} in ${path}`,
            edits: [],
            files: [{ path, create: ignore === null, edits: [{ start: content.length, end: content.length, text: lead + hits.join(eol) + eol }] }],
          },
        });
      }
    }
  },
});
