/**
 * hadolint's own readings of a Dockerfile, which its DL rules (src/rules/hadolint/) reproduce: the
 * instructions an "ONBUILD-aware" rule sees, Windows drive paths, archive and remote-source names, and
 * instructions repeated within a stage (reference/hadolint-rules.md). hadolint's reading of COPY/ADD
 * paths (one pair of quotes dropped, no escape processing) is a fact: `ctx.facts(instr).copy.asWritten`.
 *
 * No `node:` imports: rules run in browsers and language servers too.
 */
import type { Dockerfile, Instruction } from '../../parse/types.js';
import { dropQuotes } from '../../engine/facts.js';

/** True for a Windows absolute path (`C:\x`, `c:/`, `D:`). */
export function isWindowsDrivePath(path: string): boolean {
  return /^[A-Za-z]:([\\/]|$)/.test(path);
}

/**
 * Every instruction of the file, and — when `onbuild` is true — also the instructions wrapped by
 * ONBUILD (unwrapped; `wrapper` is the ONBUILD instruction). hadolint's OB=yes rules see both.
 */
export function* withOnbuild(file: Dockerfile, onbuild: boolean): Generator<{ instr: Instruction; wrapper: Instruction | null }> {
  for (const instr of file.instructions) {
    if (instr.keyword === 'ONBUILD') {
      if (onbuild && instr.onbuild) yield { instr: instr.onbuild, wrapper: instr };
      continue;
    }
    yield { instr, wrapper: null };
  }
}

/** hadolint's archive extensions (DL3010, DL3020). */
const ARCHIVE_EXTENSIONS = ['.tar', '.Z', '.bz2', '.gz', '.lz', '.lzma', '.tZ', '.tb2', '.tbz', '.tbz2', '.tgz', '.tlz', '.tpz', '.txz', '.xz'];

/** True when a file name ends with one of the archive extensions (quotes stripped). */
export function isArchiveName(name: string): boolean {
  const n = dropQuotes(name);
  return ARCHIVE_EXTENSIONS.some((ext) => n.endsWith(ext));
}

/** The last path component, splitting on `/` and `\` (a trailing separator is ignored). */
export function basename(path: string): string {
  const p = dropQuotes(path).replace(/[\\/]+$/, '');
  const parts = p.split(/[\\/]/);
  return parts[parts.length - 1];
}

/** True for a remote ADD source: http(s) URLs and git remotes. */
export function isRemoteSource(src: string): boolean {
  const s = dropQuotes(src);
  return /^(https?:\/\/|git@|git:\/\/|ssh:\/\/)/i.test(s);
}

/**
 * The second and every later instruction with `keyword` in each stage, each with the stage's first one
 * (the count restarts at each FROM; ONBUILD triggers are not counted). Used by DL3012, DL4003, DL4004.
 */
export function repeatedInStage(file: Dockerfile, keyword: string): { first: Instruction; repeat: Instruction }[] {
  const out: { first: Instruction; repeat: Instruction }[] = [];
  for (const stage of file.stages) {
    let first: Instruction | null = null;
    for (const instr of stage.instructions) {
      if (instr.keyword !== keyword) continue;
      if (first) out.push({ first, repeat: instr });
      else first = instr;
    }
  }
  return out;
}
