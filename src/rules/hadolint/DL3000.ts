import { defineRule } from '../define.js';
import { expandAt, looksWindows } from '../lib/buildkit.js';
import { argsRange } from '../../shell/positions.js';
import { isWindowsDrivePath } from '../lib/hadolint.js';
import { dropQuotes } from '../../engine/facts.js';

/** `dir` joined with the relative `rel`, `.` and `..` resolved (POSIX, or Windows with `\\`). */
function joinPath(dir: string, rel: string, windows: boolean): string {
  const sep = windows ? '\\' : '/';
  const parts = dir.split(/[\\/]/).filter((p, i) => p !== '' || i === 0);
  for (const p of rel.split(/[\\/]/)) {
    if (p === '' || p === '.') continue;
    if (p === '..') {
      if (parts.length > 1) parts.pop();
    } else parts.push(p);
  }
  const joined = parts.join(sep);
  return joined === '' || /^[A-Za-z]:$/.test(joined) ? joined + sep : joined;
}

/** WORKDIR must be an absolute path. */
export default defineRule({
  id: 'DL3000',
  severity: 'error',
  summary: 'Use absolute WORKDIR',
  origin: 'hadolint',
  category: 'correctness',
  fix: 'none',
  docs: {
    description:
      'Reports a `WORKDIR` whose path (surrounding quotes removed) is relative: it does not start with `/`, with a variable (`$`), or with a Windows drive (`C:\\`, `C:/`).',
    why: 'A relative WORKDIR is resolved against the previous working directory, which may come from the base image and change when the base image changes. An absolute path says exactly where commands run and files land.',
    bad: 'FROM alpine:3.19\nWORKDIR app\n',
    good: 'FROM alpine:3.19\nWORKDIR /app\n',
  },
  check(ctx) {
    const file = ctx.file;
    // The absolute working directory at the end of each stage, when the Dockerfile sets it.
    const endDir: (string | null)[] = [];
    for (const stage of file.stages) {
      const windows = looksWindows(file, ctx.stage(stage).chain);
      let dir: string | null = stage.base.kind === 'stage' ? (endDir[stage.base.stage] ?? null) : null;
      for (const instr of stage.instructions) {
        if (instr.keyword !== 'WORKDIR') continue;
        const path = dropQuotes(instr.argsAfterFlags.text.trim());
        const r = expandAt(file, ctx.scope(instr), instr.argsAfterFlags.text.trim());
        const value = r.error === null && r.unmatched.length === 0 ? r.value : null;
        const before = dir;
        if (value !== null && (value.startsWith('/') || isWindowsDrivePath(value))) dir = value;
        else dir = value !== null && dir !== null ? joinPath(dir, value, windows) : null;
        if (path === '' || path.startsWith('/') || path.startsWith('$') || isWindowsDrivePath(path)) continue;
        const rest = path.replace(/^\.[\\/]/, '');
        ctx.report({
          instruction: instr,
          range: argsRange(file, instr),
          message: before !== null && dir !== null
            ? `WORKDIR \`${path}\` is relative (to \`${before}\`); write the absolute path (\`${dir}\`)`
            : `WORKDIR \`${path}\` is relative; use an absolute path (\`${windows ? `C:\\${rest}` : `/${rest}`}\`)`,
        });
      }
      endDir[stage.index] = dir;
    }
  },
});
