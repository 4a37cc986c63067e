import { defineRule } from '../define.js';
import { baseName, envAt } from '../lib/python-tools.js';
import { flagValue, positionalArgs } from '../../shell/query.js';

const INSTALLING = new Set(['sync', 'install', 'add', 'run', 'venv']);

/** Fires when uv installs from a cache mount without UV_LINK_MODE=copy. */
export default defineRule({
  id: 'uv-cache-link-mode',
  severity: 'info',
  summary: 'Set UV_LINK_MODE=copy when uv uses a cache mount',
  origin: 'shipshape',
  category: 'python',
  fix: 'safe',
  docs: {
    description:
      'Reports a uv command that installs packages (`uv sync`, `uv pip install`/`sync`, `uv add`, `uv tool install`, `uv run`) in a `RUN` with a `--mount=type=cache` whose target is uv\'s cache (a path containing `uv`, or the `UV_CACHE_DIR` in effect), when the link mode is not `copy`: no `UV_LINK_MODE=copy` in `ENV` or on the command, no `--link-mode copy`. The safe fix adds `--link-mode=copy` after the subcommand, which is what uv falls back to anyway.',
    why: 'uv installs by linking files from its cache into the environment: on Linux it tries a reflink (clone) first, since uv 0.10.5, then a hard link. A cache mount is a different filesystem from the image layer, so both fail on the first file: uv prints a warning (\"Failed to hardlink files; falling back to full copy\") on every build and copies everything. Saying `copy` up front is what uv\'s Docker guide recommends; it removes the warning and the wasted attempts, and makes it explicit that the installed files are real copies that stay in the image after the mount is gone.',
    bad: 'FROM python:3.12.4-slim\nCOPY --from=ghcr.io/astral-sh/uv:0.4.20 /uv /bin/\nRUN --mount=type=cache,target=/root/.cache/uv uv sync --locked --no-dev\n',
    good: 'FROM python:3.12.4-slim\nCOPY --from=ghcr.io/astral-sh/uv:0.4.20 /uv /bin/\nENV UV_LINK_MODE=copy\nRUN --mount=type=cache,target=/root/.cache/uv uv sync --locked --no-dev\n',
  },
  check(ctx) {
    for (const { run, commands } of ctx.runs()) {
      const mounts = ctx.facts(run).mounts.filter((m) => m.type === 'cache' && m.target !== null);
      if (mounts.length === 0) continue;
      for (const cmd of commands) {
        if (baseName(cmd.name) !== 'uv') continue;
        const pos = positionalArgs(cmd, { valueFlags: ['link-mode', 'cache-dir', 'python', 'p', 'group', 'extra', 'r', 'requirement', 'c', 'constraint', 'index-url', 'extra-index-url', 'directory', 'project', 'package', 'with', 'from'] });
        const sub = pos[0]?.value === 'pip' || pos[0]?.value === 'tool' ? pos[1] : pos[0];
        if (!sub || !INSTALLING.has(sub.value)) continue;
        if (pos[0]?.value === 'tool' && sub.value !== 'install') continue;
        const cacheDir = flagValue(cmd, 'cache-dir') ?? envAt(ctx, run, 'UV_CACHE_DIR', cmd) ?? null;
        const mount = mounts.find((m) => /(^|\/|\.)uv(\/|$)/.test(m.target!) || (cacheDir !== null && m.target!.replace(/\/+$/, '') === cacheDir.replace(/\/+$/, '')));
        if (!mount) continue;
        const mode = flagValue(cmd, 'link-mode') ?? envAt(ctx, run, 'UV_LINK_MODE', cmd);
        if (mode === 'copy') continue;
        ctx.report({
          at: cmd,
          message: `\`uv ${pos[0].value === sub.value ? sub.value : `${pos[0].value} ${sub.value}`}\` with a cache mount at \`${mount.target}\` cannot hard-link from the cache (another filesystem)${mode ? ` with link mode \`${mode}\`` : ''}: uv warns and falls back to copying on every build; set \`UV_LINK_MODE=copy\` (or \`--link-mode=copy\`) to copy up front without the warning`,
          fix: ctx.edit().insertFlagAfter(run, sub, '--link-mode=copy').safe('Add --link-mode=copy'),
        });
      }
    }
  },
});
