import { defineRule } from '../define.js';

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
      'Reports `ENV` instructions that set `DEBUG`, `DJANGO_DEBUG` or `FLASK_DEBUG` to a true value (`true`, `1`, `yes`, `on`, any case). The value is read after quote removal; a value that comes from a variable is not judged.',
    why: 'An image is what runs in production. With debug mode on, Django and Flask show stack traces, settings and local variables to whoever triggers an error, and Flask\'s debugger even runs code sent by the client. Switch debug on at run time in development (`docker run -e DEBUG=1`), not in the image.',
    bad: 'FROM python:3.12.4-slim\nENV DJANGO_DEBUG=True\nCMD ["gunicorn", "site.wsgi"]\n',
    good: 'FROM python:3.12.4-slim\nENV DJANGO_DEBUG=False\nCMD ["gunicorn", "site.wsgi"]\n',
  },
  check(ctx) {
    for (const instr of ctx.file.instructions) {
      if (instr.keyword !== 'ENV') continue;
      for (const pair of instr.pairs) {
        if (!DEBUG_NAMES.has(pair.key) || pair.value === null) continue;
        if (!TRUE_VALUES.has(pair.value.trim().toLowerCase())) continue;
        const fixText = pair.equals ? `${pair.key}=False` : `${pair.key} False`;
        ctx.report({
          instruction: instr,
          range: pair.range,
          message: `${pair.key}=${pair.value} switches debug mode on in the image; set it at run time in development instead`,
          fix: ctx.edit().replace(pair.range, fixText).unsafe(`Set ${pair.key} to False`),
        });
      }
    }
  },
});
