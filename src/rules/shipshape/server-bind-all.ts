import type { Instruction, Range } from '../../parse/types.js';
import type { Fix, RuleContext } from '../../engine/types.js';
import { defineRule } from '../define.js';
import { baseName, containerCommand, envAt, type CommandToken } from '../lib/python-tools.js';
import { cleanPath } from '../../parse/paths.js';
import { filesOfSource } from '../lib/copy-sources.js';
import { wordInArgs } from '../../shell/positions.js';

const LOOPBACK = /^(127(?:\.\d{1,3}){3}|localhost|\[?::1\]?)$/i;
const SEPARATORS = new Set(['&&', '||', ';', '|', '&']);

/** The host part of a bind address (`127.0.0.1:8000` → `127.0.0.1`, `[::1]:80` → `[::1]`, `8000` → null). */
function hostOf(bind: string): string | null {
  if (/^unix:|^fd:\/\//.test(bind)) return 'unix';
  const v6 = /^\[([^\]]*)\](?::\d+)?$/.exec(bind);
  if (v6) return `[${v6[1]}]`;
  const i = bind.lastIndexOf(':');
  if (i < 0) return /^\d+$/.test(bind) ? null : bind;
  return bind.slice(0, i);
}

/** Values of `--name X`, `--name=X`, `-n X`, `-nX` among `args`. */
function optionValues(args: string[], long: string[], short: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    for (const l of long) {
      if (a === l && args[i + 1] !== undefined) out.push(args[i + 1]);
      else if (a.startsWith(l + '=')) out.push(a.slice(l.length + 1));
    }
    for (const s of short) {
      if (a === s && args[i + 1] !== undefined) out.push(args[i + 1]);
      else if (a.startsWith(s) && !a.startsWith('--') && a.length > s.length) out.push(a.slice(s.length).replace(/^=/, ''));
    }
  }
  return out;
}

/** Replaces `$VAR`/`${VAR}` with the ENV value in effect, or returns null when one is unknown. */
function resolve(ctx: RuleContext, at: Instruction, value: string): string | null {
  let unknown = false;
  const out = value.replace(/\$\{?([A-Za-z_][A-Za-z0-9_]*)(?::?-([^}]*))?\}?/g, (_m, name: string, dflt?: string) => {
    const v = envAt(ctx, at, name);
    if (v !== undefined && v !== '') return v;
    if (dflt !== undefined) return dflt;
    unknown = true;
    return '';
  });
  return unknown ? null : out;
}

interface Verdict {
  server: string;
  token: CommandToken;
  /** The loopback host written explicitly, or null when the default applies. */
  written: string | null;
  defaultText: string;
  advice: string;
}

function judge(ctx: RuleContext, last: Instruction, tokens: CommandToken[], i: number): Verdict | null {
  const v = tokens.map((t) => t.value);
  const w = baseName(v[i]);
  let end = v.length;
  for (let j = i + 1; j < v.length; j++) if (SEPARATORS.has(v[j])) { end = j; break; }
  const args = v.slice(i + 1, end);
  const token = tokens[i];
  const check = (binds: string[], server: string, defaultText: string, advice: string, silentIf: boolean): Verdict | null => {
    if (binds.length === 0) return silentIf ? null : { server, token, written: null, defaultText, advice };
    const hosts = binds.map((b) => (b.includes('$') ? resolve(ctx, last, b) : b)).map((b) => (b === null ? null : hostOf(b)));
    if (hosts.some((h) => h === null || !LOOPBACK.test(h))) return null;
    return { server, token, written: hosts[0], defaultText, advice };
  };
  // Assignments written before the command (`GUNICORN_CMD_ARGS=... gunicorn app`).
  const inline = new Set<string>();
  for (let j = i - 1; j >= 0 && /^[A-Za-z_][A-Za-z0-9_]*=/.test(v[j]); j--) inline.add(v[j].slice(0, v[j].indexOf('=')));
  if (w === 'gunicorn') {
    const binds = optionValues(args, ['--bind'], ['-b']);
    const configured = optionValues(args, ['--config'], ['-c']).length > 0 || args.some((a) => /^--paste(r)?(=|$)/.test(a)) || inline.has('GUNICORN_CMD_ARGS') || inline.has('PORT') || envAt(ctx, last, 'GUNICORN_CMD_ARGS') !== undefined || (envAt(ctx, last, 'PORT') ?? '') !== '';
    const chdir = args.some((a) => /^--chdir(=|$)/.test(a));
    return check(binds, 'gunicorn', 'gunicorn binds 127.0.0.1:8000 unless told otherwise', '`--bind 0.0.0.0:8000`', configured || chdir || exposesOnlyOtherPorts(ctx, last, '8000') || gunicornConfInWorkdir(ctx, last));
  }
  if (w === 'uvicorn') {
    const hosts = optionValues(args, ['--host'], []);
    const other = args.some((a) => /^--(uds|fd)(=|$)/.test(a)) || envAt(ctx, last, 'UVICORN_HOST') !== undefined || inline.has('UVICORN_HOST');
    return check(hosts, 'uvicorn', "uvicorn's default host is 127.0.0.1", '`--host 0.0.0.0`', other);
  }
  if (w === 'hypercorn') {
    const binds = optionValues(args, ['--bind'], ['-b']);
    return check(binds, 'hypercorn', 'hypercorn binds 127.0.0.1:8000 by default', '`--bind 0.0.0.0:8000`', optionValues(args, ['--config'], ['-c']).length > 0);
  }
  if (w === 'daphne') {
    const binds = optionValues(args, ['--bind'], ['-b']);
    const other = args.some((a) => /^(-u|--unix-socket|--fd|-e|--endpoint)(=|$)/.test(a));
    return check(binds, 'daphne', "daphne's default bind address is 127.0.0.1", '`--bind 0.0.0.0`', other);
  }
  if (w.endsWith('manage.py') && args[0] === 'runserver' || (w === 'django-admin' && args[0] === 'runserver')) {
    // Flask-Script's `manage.py runserver` (127.0.0.1:5000 by default) takes `-h`/`-p` options, not `addr:port`:
    // with those options, or with no address while the image EXPOSEs only ports other than Django's 8000, it may not be Django.
    if (w.endsWith('manage.py') && args.slice(1).some((a) => /^(-h|-p|--host|--port)(=|$)/.test(a))) return null;
    const addr = args.slice(1).find((a) => !a.startsWith('-'));
    if (addr === undefined && w.endsWith('manage.py') && exposesOnlyOtherPorts(ctx, last, '8000')) return null;
    // Without an address the default is Django's, unless the file shows another framework's manage.py (Flask-Script's).
    if (addr === undefined && w.endsWith('manage.py') && managePyFramework(ctx, args) === 'other') return null;
    if (addr === undefined) return { server: 'manage.py runserver', token, written: null, defaultText: 'runserver listens on 127.0.0.1:8000 by default', advice: '`0.0.0.0:8000`' };
    const resolved = addr.includes('$') ? resolve(ctx, last, addr) : addr;
    if (resolved === null) return null;
    const host = /^\d+$/.test(resolved) ? '127.0.0.1' : hostOf(resolved);
    if (host === null || !LOOPBACK.test(host)) return null;
    const portOnly = /^\d+$/.test(resolved);
    return { server: 'manage.py runserver', token, written: portOnly ? null : host, defaultText: portOnly ? 'runserver given a port alone listens on 127.0.0.1' : 'runserver listens on 127.0.0.1:8000 by default', advice: '`0.0.0.0:8000`' };
  }
  if (w === 'flask' && args.includes('run')) {
    const hosts = optionValues(args, ['--host'], ['-h']);
    return check(hosts, 'flask run', "flask run's default host is 127.0.0.1", '`--host 0.0.0.0`', envAt(ctx, last, 'FLASK_RUN_HOST') !== undefined);
  }
  return null;
}

/** Words that only a Django project has: its settings variable, django-admin, Django's own manage.py commands. */
const DJANGO_SIGN = /DJANGO_|django-admin|startproject|\bdjango\b|manage\.py["']?\s+(migrate|collectstatic|makemigrations|createsuperuser|loaddata|compilemessages|check|shell_plus)\b/i;
/** Words of a Flask project (Flask-Script's `manage.py` has a `runserver` too). */
const FLASK_SIGN = /flask/i;

/**
 * The commands of Django's own `manage.py` (django-admin's, and those of contrib apps: auth,
 * staticfiles, sessions, contenttypes; `syncdb` before 1.9) and the common django-extensions ones.
 */
const DJANGO_COMMANDS = new Set([
  'check', 'compilemessages', 'createcachetable', 'dbshell', 'diffsettings', 'dumpdata', 'flush', 'inspectdb', 'loaddata',
  'makemessages', 'makemigrations', 'migrate', 'optimizemigration', 'runserver', 'sendtestemail', 'shell', 'showmigrations',
  'sqlflush', 'sqlmigrate', 'sqlsequencereset', 'squashmigrations', 'startapp', 'startproject', 'test', 'testserver',
  'changepassword', 'createsuperuser', 'collectstatic', 'findstatic', 'clearsessions', 'remove_stale_contenttypes', 'syncdb',
  'shell_plus', 'runserver_plus', 'help', 'version',
]);

/**
 * Whose `manage.py` the Dockerfile shows: Django's or Flask-Script's (whose `runserver` listens on
 * 127.0.0.1:5000 and takes `-h`/`-p`). `django` when the runserver command has `--settings`, or no
 * instruction names Flask and one names Django (`DJANGO_SETTINGS_MODULE`, `pip install Django`,
 * `django-admin`, `manage.py migrate`/`collectstatic`...) or EXPOSEs Django's port 8000. `other` when an
 * instruction names Flask, or the build runs a `manage.py` command Django does not have
 * (`manage.py create_db`: a command the project defines, which is all a Flask-Script manage.py
 * has). Else `unknown`: nothing but `manage.py runserver`, which is Django's far more often.
 */
function managePyFramework(ctx: RuleContext, args: readonly string[]): 'django' | 'other' | 'unknown' {
  if (args.some((a) => a.startsWith('--settings'))) return 'django';
  const instructions = ctx.file.stages.flatMap((s) => [s.from, ...s.instructions]);
  const texts = instructions.map((i) => i.argsAfterFlags.text);
  if (texts.some((t) => FLASK_SIGN.test(t))) return 'other';
  // EXPOSE 8000 is Django's default port; Flask-Script's runserver would listen on 5000.
  if (instructions.some((i) => i.keyword === 'EXPOSE' && i.argsAfterFlags.text.split(/\s+/).some((p) => /^8000(\/tcp)?$/i.test(p)))) return 'django';
  if (texts.some((t) => DJANGO_SIGN.test(t))) return 'django';
  for (const { commands } of ctx.runs()) {
    for (const cmd of commands) {
      const words = [cmd.name, ...cmd.args.map((a) => a.value)];
      const at = words.findIndex((w) => baseName(w) === 'manage.py');
      const sub = words.slice(at + 1).find((w) => !w.startsWith('-'));
      if (at >= 0 && sub !== undefined && !sub.includes('$') && !DJANGO_COMMANDS.has(sub)) return 'other';
    }
  }
  return 'unknown';
}

/**
 * Whether the final image EXPOSEs ports (its own or its ancestor stages' EXPOSE instructions) and none of
 * them is `port`, all written literally (`80`, `443/tcp`). A server left at its default port could never
 * serve such an image: the bind, port included, is evidently given at run time (gunicorn reads `PORT`
 * and `GUNICORN_CMD_ARGS` from the container's environment, e.g. `docker run --env-file`).
 */
function exposesOnlyOtherPorts(ctx: RuleContext, last: Instruction, port: string): boolean {
  const stage = ctx.file.stages[last.stageIndex];
  if (!stage) return false;
  const ports: string[] = [];
  for (const s of ctx.stage(stage).chain) {
    for (const instr of s.instructions) {
      if (instr.keyword === 'EXPOSE') ports.push(...instr.argsAfterFlags.text.split(/\s+/).filter(Boolean));
    }
  }
  if (ports.length === 0 || ports.some((p) => !/^\d+(-\d+)?(\/(tcp|udp|sctp))?$/i.test(p))) return false;
  return ports.every((p) => p.replace(/\/.*$/, '') !== port);
}

/**
 * Whether a `gunicorn.conf.py` from the build context lands in the working directory the container
 * starts in (gunicorn reads `./gunicorn.conf.py` by default): a COPY/ADD of the final image whose
 * source selects such a file and whose destination puts it in the WORKDIR in effect at `last`. Without
 * a build context, or when the WORKDIR depends on an unknown variable, the answer is "maybe": true
 * only with a context we could not follow (to stay silent), false without any context.
 */
function gunicornConfInWorkdir(ctx: RuleContext, last: Instruction): boolean {
  if (ctx.context === null) return false;
  const confs = ctx.context.listFiles().filter((f) => baseName(f) === 'gunicorn.conf.py');
  if (confs.length === 0) return false;
  const workdir = ctx.facts(last).workdir.path;
  if (workdir === null) return true;
  const stage = ctx.facts(last).stage;
  if (stage === null) return true;
  for (const s of ctx.stage(stage).chain) {
    for (const instr of s.instructions) {
      const copy = ctx.facts(instr).copy;
      if (copy === null || copy.from !== null || copy.dest === null) continue;
      const base = ctx.facts(instr).workdir.path;
      if (base === null) return true;
      const destRaw = copy.dest.value;
      if (destRaw.includes('$')) return true;
      const dest = cleanPath(destRaw.startsWith('/') ? destRaw : `${base}/${destRaw}`);
      for (const src of copy.sources) {
        const from = src.value.replace(/^\.\/?/, '').replace(/\/+$/, '');
        for (const conf of confs) {
          let landed: string | null = null;
          if (from === conf || (/[*?[]/.test(from) && from.split('/').length === conf.split('/').length && filesOfSource([conf], from).length > 0)) {
            landed = destRaw.endsWith('/') || copy.sources.length > 1 ? `${dest}/gunicorn.conf.py` : dest;
          } else if (from === '' || conf.startsWith(from + '/')) {
            landed = `${dest}/${from === '' ? conf : conf.slice(from.length + 1)}`;
          }
          if (landed !== null && cleanPath(landed) === cleanPath(`${workdir}/gunicorn.conf.py`)) return true;
        }
      }
    }
  }
  return false;
}

const LAUNCHERS = new Set(['exec', 'nohup', 'env', '--', '-c', 'time', 'tini', 'dumb-init']);

/**
 * True when token `i` is where a command starts: first word, after `&&`/`;`/`|`, after a launcher
 * (`exec`, `sh -c`, `tini --`, `gosu user`), or after `NAME=value` assignments — not an argument
 * (`anyserver.py -s gunicorn`).
 */
function commandStart(v: readonly string[], i: number): boolean {
  if (i === 0) return true;
  const prev = v[i - 1];
  if (SEPARATORS.has(prev) || LAUNCHERS.has(baseName(prev))) return true;
  if (/^[A-Za-z_][A-Za-z0-9_]*=/.test(prev)) return commandStart(v, i - 1);
  return i >= 2 && ['gosu', 'su-exec', 'setpriv', 'chpst'].includes(baseName(v[i - 2]));
}

function tokenRange(ctx: RuleContext, token: CommandToken, needle: string): Range {
  const instr = token.instr;
  const word = instr.words.find((x) => x.value === token.value) ?? instr.words.find((x) => x.value.includes(needle));
  return word?.range ?? wordInArgs(ctx.file, instr, needle) ?? instr.range;
}

/** Fires when the container's server listens only on the loopback interface. */
export default defineRule({
  id: 'server-bind-all',
  severity: 'warning',
  summary: 'The application server listens only inside the container (127.0.0.1)',
  origin: 'shipshape',
  category: 'python',
  fix: 'unsafe',
  docs: {
    description:
      'Reads the command of the final image (`ENTRYPOINT` + `CMD`, inherited ones included, exec or shell form, `sh -c` scripts) and reports a Python server bound to the loopback interface, explicitly (`--bind 127.0.0.1:8000`, `--host localhost`, `::1`) or by default: gunicorn binds `127.0.0.1:8000` unless `-b/--bind`, `-c/--config`, `GUNICORN_CMD_ARGS` or `PORT` (then `0.0.0.0:$PORT`) is set in the image, or the image EXPOSEs only ports other than 8000 (written literally: gunicorn\'s default could never serve them, so the bind comes from the runtime environment, `PORT` or `GUNICORN_CMD_ARGS`; an image that EXPOSEs 8000, or nothing, is still reported), or a `COPY`/`ADD` puts a `gunicorn.conf.py` from the build context into the working directory the container starts in (gunicorn reads `./gunicorn.conf.py`; the WORKDIR in effect is followed, and `--chdir` counts as configured) — without a build context a whole-context copy cannot be seen into, and the default is reported; uvicorn\'s default `--host` is 127.0.0.1 (not reported with `--uds`, `--fd` or `UVICORN_HOST`); hypercorn binds 127.0.0.1:8000 (not with `-c`); daphne binds 127.0.0.1 (not with `-u`, `--fd`, `-e`); `manage.py runserver` without an address or with a port alone listens on 127.0.0.1:8000 (not judged when the command has Flask-Script\'s `-h`/`-p` options, or has no address while the image EXPOSEs only ports other than 8000: Flask-Script\'s `manage.py runserver` defaults to 127.0.0.1:5000; and a `manage.py runserver` without an address is not judged when the Dockerfile shows another framework\'s `manage.py`: an instruction names Flask, or the build runs a `manage.py` command Django does not have (`manage.py create_db`, a command the project defines, which is all a Flask-Script `manage.py` has), unless it also shows Django — `--settings` on the command, `DJANGO_SETTINGS_MODULE`, Django installed by name, `django-admin`, a Django command such as `migrate` or `collectstatic`, or `EXPOSE 8000`; with nothing but the runserver command it is taken for Django\'s, by far the more common); `flask run` on 127.0.0.1 (not with `FLASK_RUN_HOST`). Addresses written with variables are resolved from `ENV`; unknown ones are not judged. A Unix socket (`unix:/run/app.sock`) is not reported. The unsafe fix replaces an explicit loopback host by `0.0.0.0`; it is unsafe because it makes the server reachable from wherever the container\'s ports are published.',
    why: 'Inside a container, 127.0.0.1 is the container\'s own loopback: nothing outside it — not the published port, not the reverse proxy, not the orchestrator\'s health check — can connect. The image builds and starts, and every request fails with "connection reset". Bind to `0.0.0.0` (all interfaces of the container\'s network namespace) and let `docker run -p` or the orchestrator decide what is exposed.',
    bad: 'FROM python:3.12.4-slim\nUSER nobody\nCMD ["gunicorn", "site.wsgi:application"]\n',
    good: 'FROM python:3.12.4-slim\nUSER nobody\nCMD ["gunicorn", "--bind", "0.0.0.0:8000", "site.wsgi:application"]\n',
  },
  check(ctx) {
    const stage = ctx.file.stages.find((s) => ctx.stage(s).final);
    if (stage === undefined) return;
    const { tokens, entrypoint, cmd } = containerCommand(ctx, stage);
    const last = stage.instructions[stage.instructions.length - 1] ?? stage.from;
    const values = tokens.map((t) => t.value);
    for (let i = 0; i < tokens.length; i++) {
      let at = i;
      const isPython = (k: number): boolean => /^python[\d.]*$/.test(baseName(values[k] ?? '')) && commandStart(values, k);
      if (values[i] === '-m' && i > 0 && isPython(i - 1)) at = i + 1;
      else if (/manage\.py$/.test(values[i]) && i > 0 && isPython(i - 1)) at = i;
      else if (!commandStart(values, i) || /\/init\.d\//.test(values[i])) continue;
      if (at >= tokens.length) break;
      // `ENTRYPOINT ["gunicorn"]` without a CMD: the arguments come from `docker run`.
      if (entrypoint !== null && cmd === null && tokens.slice(at).every((t) => t.instr === entrypoint) && at === tokens.length - 1) continue;
      const v = judge(ctx, last, tokens, at);
      if (v === null) continue;
      let fix: Fix | undefined;
      let range = tokenRange(ctx, v.token, v.token.value);
      if (v.written !== null) {
        const hostToken = tokens.slice(at).find((t) => t.value.includes(v.written!) && t !== v.token);
        if (hostToken) {
          const r = tokenRange(ctx, hostToken, v.written);
          const text = ctx.file.text.slice(r.start.offset, r.end.offset);
          if (text.includes(v.written)) {
            range = r;
            fix = ctx.edit().replace(r, text.replace(v.written, '0.0.0.0')).unsafe(`Bind to 0.0.0.0 instead of ${v.written}`);
          }
        }
      }
      ctx.report({
        at: range,
        instruction: v.token.instr,
        message:
          v.written !== null
            ? `${v.server} listens on ${v.written}, the container's own loopback: nothing outside the container can connect. Bind to 0.0.0.0`
            : `${v.defaultText}, the container's own loopback: nothing outside the container can connect. Add ${v.advice}`,
        fix,
      });
      return;
    }
  },
});
