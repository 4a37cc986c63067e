import type { BuildContext } from '../../engine/types.js';
import { defineRule } from '../define.js';
import { containerCommand, type CommandToken } from '../lib/python-tools.js';
import { wordInArgs } from '../../shell/positions.js';

type Token = CommandToken;

const base = (s: string): string => s.slice(s.lastIndexOf('/') + 1);

interface Match {
  at: Token;
  server: string;
  instead: string;
}

const SKIP_DIRS = /(^|\/)(\.?venv|env|site-packages|node_modules|\.git|\.tox)\//;

/**
 * The production command for this Django project, in backticks: `gunicorn mysite.wsgi:application` with the WSGI module
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
  if (wsgi) return `\`gunicorn ${moduleOf(wsgi)}:application\``;
  const asgi = pick('asgi.py');
  if (asgi) return `\`uvicorn ${moduleOf(asgi)}:application\``;
  const settings = manage ? /DJANGO_SETTINGS_MODULE["']\s*,\s*["']([A-Za-z_][\w]*)\./.exec(context?.readFile(manage) ?? '') : null;
  if (settings) return `\`gunicorn ${settings[1]}.wsgi:application\``;
  return '`gunicorn <your_project>.wsgi:application`, naming the package that holds wsgi.py';
}

function findDevServer(tokens: Token[], context: BuildContext | null): Match | null {
  const v = tokens.map((t) => base(t.value));
  for (let i = 0; i < v.length; i++) {
    const w = v[i];
    const next = v[i + 1] ?? '';
    if ((w === 'runserver' || w === 'runserver_plus') && v.slice(0, i).some((p) => p.endsWith('manage.py') || p === 'django-admin')) {
      return { at: tokens[i], server: `Django's development server (\`manage.py ${w}\`)`, instead: `a WSGI/ASGI server (${djangoServerCommand(context)})` };
    }
    if (w === 'flask' && v.slice(i + 1).includes('run')) {
      return { at: tokens[i], server: "Flask's development server (`flask run`)", instead: 'gunicorn (`gunicorn app:app`)' };
    }
    if (w === '-m' && (next === 'http.server' || next === 'SimpleHTTPServer')) {
      return { at: tokens[i + 1], server: `Python's \`${next}\``, instead: 'a real web server (nginx, caddy) or your application server' };
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
      'Reports the final stage when its command — `ENTRYPOINT` and `CMD` together, inherited from earlier stages of the file, exec or shell form, including scripts passed to `sh -c` — starts a development server: Django `manage.py runserver` (also `runserver_plus`, `django-admin runserver`), `flask run`, `fastapi dev`, `python -m http.server` / `SimpleHTTPServer`, `npm run dev` (also `pnpm`/`yarn`/`bun`), `next dev`, `nuxt dev`, `vite dev`, `ng serve`, `webpack serve`, `webpack-dev-server`, `react-scripts start`, `nodemon`, `php -S`, `php artisan serve`. Earlier stages (a `dev` target) are not judged: only the image the file produces. For Django the message names the production command with the project\'s own WSGI module, found in the build context (`mysite/wsgi.py` → `gunicorn mysite.wsgi:application`; an `asgi.py` alone → uvicorn; else the package `manage.py` names in `DJANGO_SETTINGS_MODULE`), or a placeholder that says what to fill in. `--reload` on a production server (gunicorn, uvicorn) is a debug switch, reported by `no-debug-mode`.',
    why: 'Development servers are single-threaded or unhardened (Django and Flask say so in bold), serve static files insecurely, reload on file changes, and often expose debuggers. In an image meant for production use a WSGI/ASGI server such as gunicorn or uvicorn, or serve a production build.',
    bad: 'FROM python:3.12.4-slim\nUSER nobody\nCMD python manage.py runserver 0.0.0.0:8000\n',
    good: 'FROM python:3.12.4-slim\nUSER nobody\nCMD ["gunicorn", "--bind", "0.0.0.0:8000", "site.wsgi:application"]\n',
  },
  check(ctx) {
    const stage = ctx.file.stages.find((s) => ctx.stage(s).final);
    if (stage === undefined) return;
    const { tokens } = containerCommand(ctx, stage);
    const match = findDevServer(tokens, ctx.context);
    if (match === null) return;
    const instr = match.at.instr;
    const word = instr.words.find((w) => w.value === match.at.value || w.value.includes(match.at.value));
    ctx.report({
      at: word ?? wordInArgs(ctx.file, instr, match.at.value) ?? instr,
      instruction: instr,
      message: `The container's command runs ${match.server}, which is not meant for production: use ${match.instead}`,
    });
  },
});
