/**
 * Whether the assumed build context looks wrong: when most COPY/ADD sources of a Dockerfile do not
 * exist in the directory taken as its context (its own folder, for a Dockerfile that no Compose file
 * builds and that was given without `--context`), the context rules would judge the wrong directory
 * (cookiecutter-django's `compose/local/node/Dockerfile` copies `./package.json` from the project
 * root). The CLI says so once per run and how to give the context.
 */
import { relative } from 'node:path';
import { parse } from '../parse/parser.js';
import { contextCopies, isWholeContext, normaliseSource } from '../rules/lib/seed-stages.js';
import { fsContext } from '../context/fs.js';
import { readInputFile } from './targets.js';

/** The context sources of `dockerfile` missing from `contextDir`, when they are most of them (else null). */
export function missingCopySources(dockerfile: string, contextDir: string): { missing: string[]; total: number } | null {
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
  const context = fsContext(contextDir, dockerfile);
  const missing = sources.filter((s) => !context.exists(normaliseSource(s)));
  return missing.length * 2 > sources.length ? { missing, total: sources.length } : null;
}

/**
 * The one note for a run: the first Dockerfile whose assumed context misses most COPY sources, and how
 * many others do; null when none does. `onWrong` is called with the index of each such check.
 */
export function wrongContextNote(cwd: string, checks: { display: string; path: string; contextDir: string }[], onWrong: (index: number) => void = () => {}): string | null {
  const hits: { display: string; contextDir: string; missing: string[]; total: number }[] = [];
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
  return `note: ${h.missing.length} of the ${h.total} COPY/ADD sources of ${h.display} (${shown}) are not in its assumed build context ${relative(cwd, h.contextDir) || '.'} (the Dockerfile's folder)${others}: the context looks wrong, so the rules that read the build context skip it. Give it with --context DIR, or lint the Compose file that builds it (shipshape lint compose.yaml)`;
}
