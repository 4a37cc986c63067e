import type { Instruction } from '../../parse/types.js';
import type { BuildContext } from '../../engine/types.js';
import { defineRule } from '../define.js';
import { wordInArgs } from '../lib/seed-stages.js';

interface Token {
  value: string;
  instr: Instruction;
}

/** Splits shell text into words (quotes removed), then `&&`, `;`, `|` become separate tokens. */
function shellWords(text: string): string[] {
  const out: string[] = [];
  const re = /"((?:[^"\\]|\\.)*)"|'([^']*)'|(&&|\|\||[;|&])|([^\s"';|&]+)/g;
  let m: RegExpExecArray | null;
  let cur = '';
  let last = -1;
  while ((m = re.exec(text))) {
    const glued = m.index === last;
    const piece = m[1] ?? m[2] ?? m[3] ?? m[4] ?? '';
    if (m[3] !== undefined) {
      if (cur) out.push(cur);
      out.push(piece);
      cur = '';
    } else if (glued && cur) cur += piece;
    else {
      if (cur) out.push(cur);
      cur = piece;
    }
    last = re.lastIndex;
  }
  if (cur) out.push(cur);
  return out;
}

/** The words a CMD/ENTRYPOINT runs; `sh -c "script"` arguments are split into their words too. */
function tokensOf(instr: Instruction): Token[] {
  const words = instr.json ?? shellWords(instr.argsAfterFlags.text);
  return words.flatMap((w) => (/\s/.test(w) ? shellWords(w) : [w])).map((value) => ({ value, instr }));
}

const base = (s: string): string => s.slice(s.lastIndexOf('/') + 1);

interface Match {
  at: Token;
  server: string;
  instead: string;
}

const SKIP_DIRS = /(^|\/)(\.?venv|env|site-packages|node_modules|\.git|\.tox)\//;

/**
 * The production command for this Django project: `gunicorn mysite.wsgi:application` with the WSGI module
 * found in the build context (a `wsgi.py`, as a dotted module relative to the directory of `manage.py`),
 * else `uvicorn mysite.asgi:application` for an `asgi.py` alone, else the package that `manage.py` names
 * in `DJANGO_SETTINGS_MODULE`; without any of them a placeholder that says what to put there.
 */
function djangoServerCommand(context: BuildContext | null): string {
  const files = context?.listFiles().filter((f) => !SKIP_DIRS.test(f)) ?? [];
  const manage = files.filter((f) => f === 'manage.py' || f.endsWith('/manage.py')).sort((a, b) => a.length - b.length)[0];
  const root = manage ? manage.slice(0, -'manage.py'.length) : '';
  const moduleOf = (path: string): string => (path.startsWith(root) ? path.slice(root.length) : path).replace(/\.py$/, '').split('/').join('.');
  const pick = (name: string): string | undefined => files.filter((f) => f.endsWith(`/${name}`) && f.startsWith(root)).sort((a, b) => a.length - b.length || (a < b ? -1 : 1))[0];
  const wsgi = pick('wsgi.py');
  if (wsgi) return `gunicorn ${moduleOf(wsgi)}:application`;
  const asgi = pick('asgi.py');
  if (asgi) return `uvicorn ${moduleOf(asgi)}:application`;
  const settings = manage ? /DJANGO_SETTINGS_MODULE["']\s*,\s*["']([A-Za-z_][\w]*)\./.exec(context?.readFile(manage) ?? '') : null;
  if (settings) return `gunicorn ${settings[1]}.wsgi:application`;
  return 'gunicorn <your_project>.wsgi:application, naming the package that holds wsgi.py';
}

function findDevServer(tokens: Token[], context: BuildContext | null): Match | null {
  const v = tokens.map((t) => base(t.value));
  for (let i = 0; i < v.length; i++) {
    const w = v[i];
    const next = v[i + 1] ?? '';
    if ((w === 'runserver' || w === 'runserver_plus') && v.slice(0, i).some((p) => p.endsWith('manage.py') || p === 'django-admin')) {
      return { at: tokens[i], server: `Django's development server (\`manage.py ${w}\`)`, instead: `a WSGI/ASGI server (\`${djangoServerCommand(context)}\`)` };
    }
    if (w === 'flask' && v.slice(i + 1).includes('run')) {
      return { at: tokens[i], server: "Flask's development server (`flask run`)", instead: 'gunicorn (`gunicorn app:app`)' };
    }
    if (w === '-m' && (next === 'http.server' || next === 'SimpleHTTPServer')) {
      return { at: tokens[i + 1], server: `Python's \`${next}\``, instead: 'a real web server (nginx, caddy) or your application server' };
    }
    if ((w === 'uvicorn' || w === 'hypercorn' || w === 'gunicorn') && v.slice(i + 1).some((x) => x === '--reload' || x.startsWith('--reload='))) {
      return { at: tokens[i], server: `\`${w} --reload\` (auto-reload watches the source tree)`, instead: `\`${w}\` without \`--reload\`` };
    }
    if (w === 'fastapi' && next === 'dev') return { at: tokens[i], server: '`fastapi dev`', instead: '`fastapi run` or uvicorn' };
    if ((w === 'npm' || w === 'pnpm' || w === 'yarn' || w === 'bun') && /^(run|run-script)$/.test(next) && /^(dev|develop|start:dev|serve:dev)$/.test(v[i + 2] ?? '')) {
      return { at: tokens[i], server: `\`${w} ${next} ${v[i + 2]}\``, instead: 'a production build served by `npm start`/`node` or a web server' };
    }
    if ((w === 'pnpm' || w === 'yarn' || w === 'bun') && next === 'dev') {
      return { at: tokens[i], server: `\`${w} dev\``, instead: 'a production build served by `node` or a web server' };
    }
    if ((w === 'next' || w === 'nuxt' || w === 'nuxi' || w === 'vite' || w === 'astro' || w === 'remix') && next === 'dev') {
      return { at: tokens[i], server: `\`${w} dev\``, instead: `\`${w} build\` then \`${w} start\`/a web server` };
    }
    if ((w === 'ng' || w === 'vue-cli-service' || w === 'ember') && next === 'serve') return { at: tokens[i], server: `\`${w} serve\``, instead: 'a production build served by a web server' };
    if (w === 'webpack-dev-server' || (w === 'webpack' && next === 'serve')) return { at: tokens[i], server: 'webpack-dev-server', instead: 'a production build served by a web server' };
    if (w === 'react-scripts' && next === 'start') return { at: tokens[i], server: '`react-scripts start`', instead: '`react-scripts build` served by a web server' };
    if (w === 'nodemon') return { at: tokens[i], server: '`nodemon`', instead: '`node`' };
    if (/^php(\d[\d.]*)?$/.test(w) && next === '-S') return { at: tokens[i], server: "PHP's built-in server (`php -S`)", instead: 'php-fpm behind nginx, or apache' };
    if (w === 'artisan' && next === 'serve') return { at: tokens[i], server: '`php artisan serve`', instead: 'php-fpm behind nginx, or apache' };
  }
  return null;
}

/** Fires when the container's command starts a development server. */
export default defineRule({
  id: 'no-dev-server',
  severity: 'warning',
  summary: 'The container runs a development server',
  origin: 'shipshape',
  category: 'security',
  fix: 'none',
  docs: {
    description:
      'Reports the final stage when its command — `ENTRYPOINT` and `CMD` together, inherited from earlier stages of the file, exec or shell form, including scripts passed to `sh -c` — starts a development server: Django `manage.py runserver` (also `runserver_plus`, `django-admin runserver`), `flask run`, `uvicorn`/`hypercorn`/`gunicorn --reload`, `fastapi dev`, `python -m http.server` / `SimpleHTTPServer`, `npm run dev` (also `pnpm`/`yarn`/`bun`), `next dev`, `nuxt dev`, `vite dev`, `ng serve`, `webpack serve`, `webpack-dev-server`, `react-scripts start`, `nodemon`, `php -S`, `php artisan serve`. Earlier stages (a `dev` target) are not judged: only the image the file produces. For Django the message names the production command with the project\'s own WSGI module, found in the build context (`mysite/wsgi.py` → `gunicorn mysite.wsgi:application`; an `asgi.py` alone → uvicorn; else the package `manage.py` names in `DJANGO_SETTINGS_MODULE`), or a placeholder that says what to fill in.',
    why: 'Development servers are single-threaded or unhardened (Django and Flask say so in bold), serve static files insecurely, reload on file changes, and often expose debuggers. In an image meant for production use a WSGI/ASGI server such as gunicorn or uvicorn, or serve a production build.',
    bad: 'FROM python:3.12.4-slim\nUSER nobody\nCMD python manage.py runserver 0.0.0.0:8000\n',
    good: 'FROM python:3.12.4-slim\nUSER nobody\nCMD ["gunicorn", "--bind", "0.0.0.0:8000", "site.wsgi:application"]\n',
  },
  check(ctx) {
    const stage = (ctx.file.stages.at(-1) ?? null);
    if (stage === null) return;
    let entrypoint: Instruction | null = null;
    let cmd: Instruction | null = null;
    for (const s of ctx.stage(stage).chain) {
      for (let i = s.instructions.length - 1; i >= 0; i--) {
        const instr = s.instructions[i];
        if (instr.keyword === 'ENTRYPOINT' && entrypoint === null) entrypoint = instr;
        if (instr.keyword === 'CMD' && cmd === null) cmd = instr;
      }
    }
    const tokens: Token[] = [];
    if (entrypoint) for (const item of tokensOf(entrypoint)) tokens.push(item);
    // A shell-form ENTRYPOINT ignores CMD.
    if (cmd && !(entrypoint && !entrypoint.execForm)) for (const item of tokensOf(cmd)) tokens.push(item);
    const match = findDevServer(tokens, ctx.context);
    if (match === null) return;
    const instr = match.at.instr;
    const word = instr.words.find((w) => w.value === match.at.value || w.value.includes(match.at.value));
    ctx.report({
      instruction: instr,
      range: word?.range ?? wordInArgs(ctx.file, instr, match.at.value) ?? instr.range,
      message: `The container's command runs ${match.server}, which is not meant for production: use ${match.instead}`,
    });
  },
});
