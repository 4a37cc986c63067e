/**
 * Whether the assumed build context looks wrong: when most COPY/ADD sources of a Dockerfile do not
 * exist in the directory taken as its context (its own folder, for a Dockerfile that no Compose file
 * builds and that was given without `--context`), the context rules would judge the wrong directory
 * (cookiecutter-django's `compose/local/node/Dockerfile` copies `./package.json` from the project
 * root). The CLI says so once per run and how to give the context.
 */
import { dirname, relative } from 'node:path';
import { parse } from '../parse/parser.js';
import { contextCopies, isWholeContext, normaliseSource } from '../rules/lib/seed-stages.js';
import { fsContext } from '../context/fs.js';
import { readInputFile } from './targets.js';

/**
 * When most context sources of `dockerfile` are missing from `contextDir` but present in an enclosing
 * directory (up to 6 levels up), the sources missing and that directory (the likely context); else null.
 * Sources that exist nowhere (a file the build would not find anyway) do not make a context wrong.
 */
export function missingCopySources(dockerfile: string, contextDir: string): { missing: string[]; total: number; likely: string } | null {
  let text: string;
  try {
    // Only a regular file, read without blocking (a FIFO would wait forever): src/cli/targets.ts.
    text = readInputFile(dockerfile).bytes.toString('utf8');
  } catch {
    return null;
  }
  const sources = contextCopies(parse(text))
    .flatMap((c) => c.sources.map((s) => s.value))
    .filter((s) => !isWholeContext(s) && !/[*?[$]/.test(s));
  if (sources.length === 0) return null;
  const present = (dir: string): string[] => {
    const context = fsContext(dir, dockerfile);
    return sources.filter((s) => context.exists(normaliseSource(s)));
  };
  const here = present(contextDir);
  if (here.length * 2 >= sources.length) return null;
  let dir = contextDir;
  for (let level = 0; level < 6; level++) {
    const up = dirname(dir);
    if (up === dir) break;
    dir = up;
    const there = present(dir);
    if (there.length * 2 > sources.length && there.length > here.length) return { missing: sources.filter((s) => !here.includes(s)), total: sources.length, likely: dir };
  }
  return null;
}

/**
 * The one note for a run: the first Dockerfile whose assumed context misses most COPY sources, and how
 * many others do; null when none does. `onWrong` is called with the index of each such check.
 */
export function wrongContextNote(cwd: string, checks: { display: string; path: string; contextDir: string }[], onWrong: (index: number) => void = () => {}): string | null {
  const hits: { display: string; contextDir: string; missing: string[]; total: number; likely: string }[] = [];
  checks.forEach((c, k) => {
    const r = missingCopySources(c.path, c.contextDir);
    if (!r) return;
    hits.push({ display: c.display, contextDir: c.contextDir, ...r });
    onWrong(k);
  });
  if (hits.length === 0) return null;
  const h = hits[0];
  const shown = h.missing.slice(0, 3).map((s) => `\`${s}\``).join(', ') + (h.missing.length > 3 ? ` and ${h.missing.length - 3} more` : '');
  const others = hits.length > 1 ? ` (the same for ${hits.length - 1} other Dockerfile(s))` : '';
  return `note: ${h.missing.length} of the ${h.total} COPY/ADD sources of ${h.display} (${shown}) are not in its assumed build context ${relative(cwd, h.contextDir) || '.'} (the Dockerfile's folder)${others}: they exist in \`${relative(cwd, h.likely) || '.'}\`, likely the real build context, so the rules that read the context skip this file. Give it with \`--context ${relative(cwd, h.likely) || '.'}\`, or lint the Compose file that builds it (\`shipshape lint compose.yaml\`)`;
}
