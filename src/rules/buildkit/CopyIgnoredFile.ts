import { defineRule } from '../define.js';
import { dockerignoreMatcher } from '../../context/dockerignore.js';
import { expandAt } from '../lib/buildkit.js';
import { cleanPath } from '../../parse/paths.js';


const isRemote = (src: string): boolean => /^[a-z][a-z0-9+.-]*:\/\//i.test(src) || src.startsWith('git@') || src.startsWith('github.com/');

export default defineRule({
  id: 'CopyIgnoredFile',
  severity: 'warning',
  summary: 'Attempting to Copy file that is excluded by .dockerignore',
  origin: 'buildkit',
  category: 'correctness',
  fix: 'none',
  needsContext: true,
  docs: {
    description:
      'Reports a `COPY` (without `--from`) or `ADD` source that the build context\'s `.dockerignore` (or `<Dockerfile>.dockerignore`) excludes: the source path, after variable expansion and cleaning, or one of its parent directories matches the ignore patterns, with `!` exceptions applied. Remote ADD sources (URLs, git) are not checked. The whole context (`.` or `/`) is reported only when `.dockerignore` excludes everything (`*`, `**` or `**/*`). Silent when the build context is unknown (standard input) or has no `.dockerignore`. Docker documents the check at https://docs.docker.com/go/dockerfile/rule/copy-ignored-file/.',
    why: 'An excluded file is not sent to the builder: the COPY fails with "not found", or, with a wildcard, silently copies less than the Dockerfile suggests. Either the file should not be copied (it was excluded for a reason, such as secrets), or the `.dockerignore` pattern is too broad.',
    bad: 'FROM python:3.12-slim\nCOPY config/settings.local.py /app/settings.py\n',
    good: 'FROM python:3.12-slim\nCOPY config/settings.py /app/settings.py\n',
    files: { '.dockerignore': '.git\n**/*.local.py\n', 'config/settings.py': 'DEBUG = False\n', 'config/settings.local.py': 'DEBUG = True\n' },
    differences:
      'BuildKit (up to the version this follows) stays silent whenever `.dockerignore` contains any `!` exception, to avoid false reports; shipshape evaluates the exceptions exactly as Docker does when sending the context, so `secrets.env` is still reported when the only exception is `!docs/` (the behaviour proposed upstream in moby/buildkit#7127).',
  },
  check(ctx) {
    if (!ctx.context) return;
    const ignore = ctx.context.dockerignore();
    if (!ignore) return;
    const matcher = dockerignoreMatcher(ignore.content);
    const patterns = ignore.content.split(/\r?\n/).map((l) => l.trim());
    const ignoresAll = patterns.some((p) => p === '*' || p === '**' || p === '**/*');
    const file = ctx.file;
    for (const stage of file.stages) {
      for (const instr of stage.instructions) {
        if (instr.keyword !== 'COPY' && instr.keyword !== 'ADD') continue;
        if (instr.flags.some((f) => f.name === 'from')) continue;
        const words = instr.words;
        if (words.length < 2) continue;
        const scope = ctx.scope(instr);
        for (const w of words.slice(0, -1)) {
          if (!instr.execForm && w.raw.startsWith('<<')) continue;
          const r = expandAt(file, scope, w.raw);
          if (r.error !== null) continue;
          const src = r.value;
          if (src === '' || (instr.keyword === 'ADD' && isRemote(src))) continue;
          const clean = cleanPath(src.replace(/\\/g, '/'));
          const isRoot = clean === '.' || clean === '/';
          const rel = clean.replace(/^\/+/, '');
          const hit = isRoot ? ignoresAll : matcher.ignores(rel);
          if (!hit) continue;
          ctx.report({
            instruction: instr,
            range: w.range,
            message: `Attempting to ${instr.keyword === 'ADD' ? 'Add' : 'Copy'} file "${clean}" that is excluded by ${ignore.path}: it is not sent to the builder, so this ${instr.keyword} fails or copies less than intended; stop copying it or change ${ignore.path}`,
          });
        }
      }
    }
  },
});
