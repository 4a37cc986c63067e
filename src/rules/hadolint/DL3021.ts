import { defineRule } from '../define.js';
import { dropQuotes } from '../../engine/facts.js';

/** COPY with several sources needs a directory destination ending in `/`. */
export default defineRule({
  id: 'DL3021',
  severity: 'error',
  summary: 'COPY with more than 2 arguments requires the last argument to end with /',
  origin: 'hadolint',
  category: 'correctness',
  fix: 'safe',
  docs: {
    description:
      'Reports a `COPY` with two or more sources whose destination (quotes removed) does not end with `/` (or `\\`, the path separator of Windows images). The fix appends the `/`.',
    differences: 'A destination ending in `\\` (`C:\\Windows\\System32\\` in Windows images) is a directory and is not reported; hadolint only accepts `/`.',
    why: 'With several sources the destination must be a directory; without the trailing slash the build fails ("When using COPY with more than one source file, the destination must be a directory and end with a /").',
    bad: 'FROM alpine:3.19\nCOPY app.py util.py /srv\n',
    good: 'FROM alpine:3.19\nCOPY app.py util.py /srv/\n',
  },
  check(ctx) {
    for (const instr of ctx.file.instructions) {
      if (instr.keyword !== 'COPY') continue;
      const { sources, dest } = ctx.facts(instr).copy!.asWritten;
      if (!dest || sources.length < 2) continue;
      const path = dropQuotes(dest.value);
      if (path.endsWith('/') || path.endsWith('\\')) continue;
      ctx.report({
        instruction: instr,
        range: dest.range,
        message: `COPY has ${sources.length} sources, so the destination \`${path}\` must be a directory ending in \`/\` (\`${path}/\`)`,
        fix: ctx.edit().appendToWord(dest, '/').safe('Add a trailing slash to the destination'),
      });
    }
  },
});
