import { defineRule } from '../define.js';
import type { RuleContext } from '../../engine/types.js';
import type { Dockerfile, Instruction, Stage } from '../../parse/types.js';
import { pythonServerOf, shellWords } from '../lib/python-tools.js';

/** True when a SHELL instruction precedes `instr` in its stage or appears in a parent stage. */
function shellSet(ctx: RuleContext, stage: Stage, instr: Instruction): boolean {
  const file = ctx.file;
  for (const s of ctx.stage(stage).chain) {
    for (const i of s.instructions) {
      if (s === stage && i.range.start.offset >= instr.range.start.offset) break;
      if (i.keyword === 'SHELL') return true;
    }
  }
  return false;
}

const SIMPLE_WORD = /^[A-Za-z0-9_./:=@%+,-]+$/;

export default defineRule({
  id: 'JSONArgsRecommended',
  severity: 'warning',
  summary: 'JSON arguments recommended for ENTRYPOINT/CMD to prevent unintended behavior related to OS signals',
  origin: 'buildkit',
  category: 'correctness',
  fix: 'unsafe',
  docs: {
    description:
      'Reports `CMD` and `ENTRYPOINT` in shell form (anything that is not a valid JSON array of strings: `CMD [\'a\']` with single quotes is shell form too), unless a `SHELL` instruction earlier in the stage or in a parent stage chose the shell on purpose. `RUN`, `HEALTHCHECK CMD` and instructions inside `ONBUILD` are not checked. Docker documents the check at https://docs.docker.com/go/dockerfile/rule/json-args-recommended/.',
    why: 'In shell form the container runs `/bin/sh -c "<command>"`: the shell is PID 1 and does not pass SIGTERM on, so `docker stop` waits its timeout and then kills the process without a clean shutdown. The exec form (`CMD ["nginx", "-g", "daemon off;"]`) runs the program directly. If you need a shell, write it explicitly: `CMD ["/bin/sh", "-c", "exec my-server --port $PORT"]`.',
    bad: 'FROM python:3.12-slim\nCMD gunicorn app:app --bind 0.0.0.0:8000\n',
    good: 'FROM python:3.12-slim\nCMD ["gunicorn", "app:app", "--bind", "0.0.0.0:8000"]\n',
    differences:
      'An unsafe fix rewrites the instruction in exec form when its arguments are plain words (no quotes, variables or shell operators). It is unsafe because the program then runs without a shell and, for ENTRYPOINT, starts receiving the CMD as arguments. BuildKit also counts a SHELL set in the base image; shipshape cannot see base images. When the command starts a Python server or program (gunicorn, uvicorn, hypercorn, daphne, granian, uwsgi, celery, `manage.py runserver`, `python ...`), the message says what the lost SIGTERM costs it (graceful shutdown of in-flight requests, celery\'s warm shutdown) and, when a shell is needed for variables, shows the `sh -c "exec ..."` form.',
  },
  check(ctx) {
    const file = ctx.file;
    for (const stage of file.stages) {
      for (const instr of stage.instructions) {
        if (instr.keyword !== 'CMD' && instr.keyword !== 'ENTRYPOINT') continue;
        if (instr.execForm) continue;
        if (shellSet(ctx, stage, instr)) continue;
        const text = instr.argsAfterFlags.text.trim();
        const words = text.split(/\s+/);
        const inner = file.comments.some((c) => c.range.start.offset > instr.range.start.offset && c.range.start.offset < instr.range.end.offset);
        const simple = !inner && instr.heredocs.length === 0 && text !== '' && words.every((w) => SIMPLE_WORD.test(w));
        const exec = `[${words.map((w) => JSON.stringify(w)).join(', ')}]`;
        const server = pythonServerOf(shellWords(text));
        const python = server === null ? '' : server === 'python' ? ': Python gets no SIGTERM on `docker stop` and is killed after the timeout, without running its shutdown handlers' : server === 'celery' ? ': celery gets no SIGTERM on `docker stop`, so it cannot finish its running tasks (warm shutdown) and is killed after the timeout' : `: ${server} gets no SIGTERM on \`docker stop\`, so it cannot finish in-flight requests (graceful shutdown) and is killed after the timeout`;
        const shellNeeded = !simple && server !== null ? ` (["/bin/sh", "-c", "exec ${server === 'manage.py runserver' ? 'python manage.py runserver' : server} ..."] when you need the shell for variables)` : '';
        ctx.report({
          instruction: instr,
          message: `${instr.keyword} in shell form runs under '/bin/sh -c', which does not forward signals such as SIGTERM to your process${python}; write it as a JSON array${simple ? `: ${instr.keywordRaw} ${exec}` : shellNeeded || ` (["executable", "arg", ...])`}`,
          fix: simple ? ctx.edit().replaceArguments(instr, exec).unsafe(`Write ${instr.keyword} in exec form`) : undefined,
        });
      }
    }
  },
});
