import { defineRule } from '../define.js';
import { isPythonImage } from '../lib/python.js';
import type { Instruction } from '../../parse/types.js';
import type { RuleContext } from '../../engine/types.js';

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
      'Reports the final stage when its base is a Python image and `ENV` does not give both `PYTHONDONTWRITEBYTECODE` and `PYTHONUNBUFFERED` a non-empty value (Python reads any non-empty value as on). `ENV` of an earlier stage the final stage is built on counts; `ARG` does not (it is not in the running container). A Python image is one whose repository name is `pypy` or contains `python` (`python`, `cimg/python`, `bitnami/python`), or whose tag starts with `python3`/`python2` (`ghcr.io/astral-sh/uv:python3.12-bookworm-slim`, `tiangolo/uvicorn-gunicorn-fastapi:python3.11`). Reported at the final `FROM`.',
    why: 'Without `PYTHONUNBUFFERED`, Python buffers stdout when it is not a terminal: log lines arrive late or are lost when the container crashes, which hides the reason of the crash. Without `PYTHONDONTWRITEBYTECODE`, every import writes `.pyc` files into the container\'s writable layer (or fails on a read-only root filesystem) for no benefit in a short-lived container.',
    bad: 'FROM python:3.12.4-slim\nUSER nobody\nCMD ["python", "app.py"]\n',
    good: 'FROM python:3.12.4-slim\nENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1\nUSER nobody\nCMD ["python", "app.py"]\n',
  },
  check(ctx) {
    const stage = (ctx.file.stages.at(-1) ?? null);
    if (stage === null || !isPythonImage(ctx.stage(stage).rootImage)) return;
    const last = stage.instructions.length > 0 ? stage.instructions[stage.instructions.length - 1] : stage.from;
    const missing: string[] = [];
    let explicitOff = false;
    for (const name of NAMES) {
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
