/**
 * Whether the assumed build context looks wrong: when most COPY/ADD sources of a Dockerfile do not
 * exist in the directory taken as its context (its own folder, for a Dockerfile that no Compose file
 * builds and that was given without `--context`), the context rules would judge the wrong directory
 * (cookiecutter-django's `compose/local/node/Dockerfile` copies `./package.json` from the project
 * root). The CLI says so once per run and how to give the context.
 */
import { dirname, isAbsolute, relative, sep } from 'node:path';
import { parse } from '../parse/parser.js';
import type { Dockerfile } from '../parse/types.js';
import { fsContext } from '../context/fs.js';
import { decodeFile } from './input.js';
import { readInputFile } from './targets.js';
import { contextCopies, isWholeContext, normaliseSource } from '../rules/lib/copy-sources.js';

/**
 * Matches wherever `COPY` or `ADD` could be spelled (any case), also with the keyword split over
 * continuation lines (`\` or `` ` `` at the end of a line, comment and empty lines between, which BuildKit
 * joins before reading the keyword). No match: the Dockerfile has no COPY or ADD instruction.
 */
const JOIN = String.raw`(?:[\\\x60][ \t\v\f\r]*\n(?:[ \t\v\f\r]*(?:#[^\n]*)?\n)*[ \t\v\f\r]*)*`;
const MAY_COPY = new RegExp(`${['c', 'o', 'p', 'y'].join(JOIN)}|${['a', 'd', 'd'].join(JOIN)}`, 'i');

/** True when `path` is `dir` or inside it (both absolute). */
function isInside(path: string, dir: string): boolean {
  const r = relative(dir, path);
  return r === '' || (r !== '..' && !r.startsWith(`..${sep}`) && !isAbsolute(r));
}

/** A Dockerfile read and parsed for the check: its decoded text (as the lint reads it) and its model. */
export interface ParsedDockerfile {
  source: string;
  file: Dockerfile;
}

/**
 * When most context sources of `dockerfile` are missing from `contextDir` but present in an enclosing
 * directory (up to 6 levels up, and never outside `within` when given: the working directory, so that
 * `COPY etc usr` does not make `/` the likely context), the sources missing and that directory (the
 * likely context); else null. Sources that exist nowhere (a file the build would not find anyway) do
 * not make a context wrong. `onParsed` receives the file's text and model when it was parsed (it has a
 * COPY or ADD), so that the lint need not parse it again.
 */
export function missingCopySources(
  dockerfile: string,
  contextDir: string,
  onParsed: (parsed: ParsedDockerfile) => void = () => {},
  within: string | null = null,
): { missing: string[]; total: number; likely: string } | null {
  let text: string;
  try {
    // Only a regular file, read without blocking (a FIFO would wait forever): src/cli/targets.ts.
    // Decoded as the lint decodes it, so the model is the one the lint would parse.
    text = decodeFile(readInputFile(dockerfile).bytes);
  } catch {
    return null;
  }
  // Parsing costs as much as linting a long file: skip it when no COPY or ADD can be in the text.
  if (!MAY_COPY.test(text)) return null;
  const file = parse(text);
  onParsed({ source: text, file });
  const sources = contextCopies(file)
    .flatMap((c) => c.sources.map((s) => s.value))
    .filter((s) => !isWholeContext(s) && !/[*?[$]/.test(s));
  if (sources.length === 0) return null;
  // Each distinct source is looked up once per directory, and a directory's look-ups stop as soon as
  // more than `allowedMissing` sources are missing there (it can no longer be the answer): a file with
  // 200,000 COPYs of missing sources costs one pass, not seven.
  const distinct = [...new Set(sources)];
  const count = new Map<string, number>();
  for (const s of sources) count.set(s, (count.get(s) ?? 0) + 1);
  const normalised = distinct.map(normaliseSource);
  const present = (dir: string, allowedMissing: number): Set<string> | null => {
    const context = fsContext(dir, dockerfile);
    const found = new Set<string>();
    let missing = 0;
    for (let i = 0; i < distinct.length; i++) {
      const s = distinct[i];
      if (context.exists(normalised[i])) found.add(s);
      else if ((missing += count.get(s)!) > allowedMissing) return null;
    }
    return found;
  };
  const weight = (found: Set<string>): number => sources.reduce((n, s) => n + (found.has(s) ? 1 : 0), 0);
  const hereSet = present(contextDir, sources.length)!;
  const here = weight(hereSet);
  if (here * 2 >= sources.length) return null;
  let dir = contextDir;
  for (let level = 0; level < 6; level++) {
    const up = dirname(dir);
    if (up === dir || (within !== null && !isInside(up, within))) break;
    dir = up;
    // Needed: more than half present, and more than `here` present.
    const needed = Math.max(Math.floor(sources.length / 2) + 1, here + 1);
    const thereSet = present(dir, sources.length - needed);
    if (thereSet === null) continue;
    const there = weight(thereSet);
    if (there * 2 > sources.length && there > here) return { missing: sources.filter((s) => !hereSet.has(s)), total: sources.length, likely: dir };
  }
  return null;
}

/**
 * The one note for a run: the first Dockerfile whose assumed context misses most COPY sources, and how
 * many others do; null when none does. `onWrong` is called with the index of each such check, and
 * `onParsed` with the index and model of each file parsed for it.
 */
export function wrongContextNote(
  cwd: string,
  checks: { display: string; path: string; contextDir: string }[],
  onWrong: (index: number) => void = () => {},
  onParsed?: (index: number, parsed: ParsedDockerfile) => void,
): string | null {
  const hits: { display: string; contextDir: string; missing: string[]; total: number; likely: string }[] = [];
  checks.forEach((c, k) => {
    const r = missingCopySources(c.path, c.contextDir, onParsed && ((parsed) => onParsed(k, parsed)), cwd);
    if (!r) return;
    hits.push({ display: c.display, contextDir: c.contextDir, ...r });
    onWrong(k);
  });
  if (hits.length === 0) return null;
  const h = hits[0];
  const shown = h.missing.slice(0, 3).map((s) => `\`${s}\``).join(', ') + (h.missing.length > 3 ? ` and ${h.missing.length - 3} more` : '');
  const others = hits.length > 1 ? ` (the same for ${hits.length - 1} other Dockerfile(s))` : '';
  return `note: ${h.missing.length} of the ${h.total} COPY/ADD sources of ${h.display} (${shown}) are not in its assumed build context ${relative(cwd, h.contextDir) || '.'} (the Dockerfile's folder)${others}: they exist in \`${relative(cwd, h.likely) || '.'}\`, likely the real build context, so the rules that judge the build context skip this file (credentials copied from its folder are still reported). Give it with \`--context ${relative(cwd, h.likely) || '.'}\`, or lint the Compose file that builds it (\`shipshape lint compose.yaml\`)`;
}
