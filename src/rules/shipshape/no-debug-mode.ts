import { defineRule } from '../define.js';
import { baseName, containerCommand } from '../lib/python-tools.js';
import { wordInArgs } from '../../shell/positions.js';

const RELOADERS = new Set(['gunicorn', 'uvicorn', 'hypercorn', 'granian']);

const DEBUG_NAMES = new Set(['DEBUG', 'DJANGO_DEBUG', 'FLASK_DEBUG']);
const TRUE_VALUES = new Set(['true', '1', 'yes', 'on']);

/**
 * Fires on `ENV` that switches a framework's debug mode on in the image. Debug mode leaks stack
 * traces, settings and sometimes an interactive console to anyone who can reach the service.
 */
export default defineRule({
  id: 'no-debug-mode',
  severity: 'warning',
  summary: 'Debug mode is switched on in the image',
  origin: 'shipshape',
  category: 'security',
  fix: 'unsafe',
  docs: {
    description:
      'Reports, in the final stage and the stages it is built on (what the image keeps), `ENV` instructions that set `DEBUG`, `DJANGO_DEBUG` or `FLASK_DEBUG` to a true value (`true`, `1`, `yes`, `on`, any case) or `FLASK_ENV` to `development`, and a container command (`ENTRYPOINT`/`CMD` of the final image, `sh -c` scripts included) that runs gunicorn, uvicorn, hypercorn or granian with `--reload`, or `flask` with `--debug`. The value is read after quote removal; a value that comes from a variable is not judged. Builder stages are not judged: their environment does not reach the image. The unsafe fix sets the variable to `False`; commands have no fix.',
    why: 'An image is what runs in production. With debug mode on, Django and Flask show stack traces, settings and local variables to whoever triggers an error, and Flask\'s debugger even runs code sent by the client. Switch debug on at run time in development (`docker run -e DEBUG=1`), not in the image.',
    bad: 'FROM python:3.12.4-slim\nENV DJANGO_DEBUG=True\nCMD ["gunicorn", "site.wsgi"]\n',
    good: 'FROM python:3.12.4-slim\nENV DJANGO_DEBUG=False\nCMD ["gunicorn", "site.wsgi"]\n',
  },
  check(ctx) {
    const stage = ctx.file.stages.find((s) => ctx.stage(s).final);
    if (stage === undefined) return;
    for (const instr of ctx.file.instructions) {
      const own = ctx.facts(instr).stage;
      if (instr.keyword !== 'ENV' || own === null || !ctx.stage(own).inFinalImage) continue;
      for (const pair of instr.pairs) {
        if (pair.key === 'FLASK_ENV' && (pair.value ?? '').trim().toLowerCase() === 'development') {
          ctx.report({ at: pair, message: 'FLASK_ENV=development switches Flask\'s debugger and reloader on in the image (Flask before 2.3); set it at run time in development instead' });
          continue;
        }
        if (!DEBUG_NAMES.has(pair.key) || pair.value === null) continue;
        if (!TRUE_VALUES.has(pair.value.trim().toLowerCase())) continue;
        const fixText = pair.equals ? `${pair.key}=False` : `${pair.key} False`;
        ctx.report({
          at: pair,
          message: `${pair.key}=${pair.value} switches debug mode on in the image; set it at run time in development instead`,
          fix: ctx.edit().replace(pair, fixText).unsafe(`Set ${pair.key} to False`),
        });
      }
    }
    const { tokens } = containerCommand(ctx, stage);
    let server: string | null = null;
    for (const t of tokens) {
      const w = baseName(t.value);
      if (['&&', '||', ';', '|', '&'].includes(w)) server = null;
      else if (RELOADERS.has(w) || w === 'flask') server = w;
      else if (server !== null && ((RELOADERS.has(server) && (w === '--reload' || w.startsWith('--reload='))) || (server === 'flask' && w === '--debug'))) {
        const word = t.instr.words.find((x) => x.value === t.value);
        ctx.report({
          at: word ?? wordInArgs(ctx.file, t.instr, t.value) ?? t.instr,
          instruction: t.instr,
          message: server === 'flask'
            ? '`flask --debug` runs the interactive debugger, which executes code sent by the client; never ship it in an image'
            : `\`${server} --reload\` watches the source tree and restarts on changes: a development switch that costs CPU and memory in production; remove it from the image's command`,
        });
        return;
      }
    }
  },
});
