import { defineRule } from '../define.js';
import { isPythonImage } from '../lib/python.js';
import type { Instruction } from '../../parse/types.js';
import type { RuleContext } from '../../engine/types.js';
import { precompilesBytecode } from '../lib/python-tools.js';

const NAMES = ['PYTHONDONTWRITEBYTECODE', 'PYTHONUNBUFFERED'] as const;

/** Value of an ENV variable at the end of the final stage (inherited stages included), or undefined. */
function envAtEnd(ctx: RuleContext, last: Instruction, name: string): string | null | undefined {
  if (last.keyword === 'ENV') {
    for (let i = last.pairs.length - 1; i >= 0; i--) {
      if (last.pairs[i].key === name) return last.pairs[i].value ?? '';
    }
  }
  const v = ctx.scope(last).get(name);
  if (v === undefined || v.kind !== 'env') return undefined;
  return v.value;
}

/**
 * Fires when the final stage of a Python image does not set both PYTHONDONTWRITEBYTECODE and
 * PYTHONUNBUFFERED.
 */
export default defineRule({
  id: 'require-python-env',
  severity: 'info',
  summary: 'Set PYTHONDONTWRITEBYTECODE=1 and PYTHONUNBUFFERED=1 in Python images',
  origin: 'shipshape',
  category: 'python',
  fix: 'safe',
  docs: {
    description:
      'Reports the final stage when its base is a Python image and `ENV` does not give both `PYTHONDONTWRITEBYTECODE` and `PYTHONUNBUFFERED` a non-empty value (Python reads any non-empty value as on). `ENV` of an earlier stage the final stage is built on counts; `ARG` does not (it is not in the running container). A Python image is one whose repository name is `pypy` or contains `python` (`python`, `cimg/python`, `bitnami/python`), or whose tag starts with `python3`/`python2` (`ghcr.io/astral-sh/uv:python3.12-bookworm-slim`, `tiangolo/uvicorn-gunicorn-fastapi:python3.11`). Reported at the final `FROM`. `PYTHONDONTWRITEBYTECODE` is not asked for when the build compiles bytecode on purpose in a stage that feeds the final image (its ancestry or a `COPY --from` source): `ENV UV_COMPILE_BYTECODE=1`, `uv ... --compile-bytecode`, `python -m compileall` or `pip install --compile` — see below.',
    why: 'Without `PYTHONUNBUFFERED`, Python buffers stdout when it is not a terminal: log lines arrive late or are lost when the container crashes, which hides the reason of the crash. Without `PYTHONDONTWRITEBYTECODE`, every import writes `.pyc` files into the container\'s writable layer (or fails on a read-only root filesystem) for no benefit in a short-lived container. The two settings are judged together: a project that precompiles (saleor\'s builder sets `UV_COMPILE_BYTECODE=1` and copies site-packages into the final stage) ships `.pyc` files on purpose, trading image size for start-up time, so that every worker process does not compile the dependencies again at its first import. Asking it for `PYTHONDONTWRITEBYTECODE` would argue against that decision rather than point out an oversight, so the rule stays silent about it there (it still asks for `PYTHONUNBUFFERED`).',
    bad: 'FROM python:3.12.4-slim\nUSER nobody\nCMD ["python", "app.py"]\n',
    good: 'FROM python:3.12.4-slim\nENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1\nUSER nobody\nCMD ["python", "app.py"]\n',
  },
  check(ctx) {
    const stage = ctx.file.stages.find((s) => ctx.stage(s).final) ?? null;
    if (stage === null || !isPythonImage(ctx.stage(stage).rootImage)) return;
    const last = stage.instructions.length > 0 ? stage.instructions[stage.instructions.length - 1] : stage.from;
    const missing: string[] = [];
    let explicitOff = false;
    // A build that compiles bytecode on purpose has decided that .pyc files belong in the image.
    const precompiled = precompilesBytecode(ctx, stage);
    for (const name of NAMES) {
      if (name === 'PYTHONDONTWRITEBYTECODE' && precompiled !== null) continue;
      const value = stage.instructions.length > 0 ? envAtEnd(ctx, last, name) : ctx.scope(stage.from).get(name)?.value;
      if (value === undefined) missing.push(name);
      else if (value === null || value === '') {
        missing.push(name);
        explicitOff = true;
      }
    }
    if (missing.length === 0) return;
    const edit = ctx.edit();
    ctx.report({
      instruction: stage.from,
      range: stage.from.keywordRange,
      message: `Python image without ${missing.map((n) => `\`${n}\``).join(' and ')}: add \`ENV ${missing.map((n) => `${n}=1`).join(' ')}\` to the final stage`,
      fix: explicitOff
        ? undefined
        : edit.insertAfter(stage.from, `${ctx.file.eol}${edit.keyword('ENV')} ${missing.map((n) => `${n}=1`).join(' ')}`).safe(`Set ${missing.join(' and ')}`),
    });
  },
});
