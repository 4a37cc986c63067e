import { defineRule } from '../define.js';
import type { BuildContext, Fix, RuleContext } from '../../engine/types.js';
import type { Instruction, Word } from '../../parse/types.js';
import { expandAt } from '../lib/buildkit.js';
import { isArchiveName, isRemoteSource } from '../lib/hadolint.js';
import { dropQuotes } from '../../engine/facts.js';

/**
 * The source as the builder sees it: variables expanded with the ARG/ENV values in scope
 * (`ARG URL=https://...` / `ADD $URL /bin/`). As written when a variable has no value.
 */
function resolvedSource(ctx: RuleContext, instr: Instruction, src: Word): string {
  const s = dropQuotes(src.value);
  if (!s.includes('$')) return s;
  const r = expandAt(ctx.file, ctx.scope(instr), src.raw);
  return r.error === null && r.unmatched.length === 0 && r.value !== '' ? r.value : s;
}

/** Flags only ADD understands: with them ADD cannot become COPY. */
const ADD_ONLY_FLAGS = new Set(['checksum', 'keep-git-dir', 'unpack']);

/** True when the context file's content is a tar, gzip, bzip2 or xz archive (ADD would extract it). */
function isArchiveContent(context: BuildContext | null, path: string): boolean {
  if (!context) return false;
  const content = context.readFile(path.replace(/^\.?\//, ''));
  if (content === null) return false;
  if (/^\u001f[\u008b\ufffd]/.test(content) || content.startsWith('BZh') || content.startsWith('\ufffd7zXZ')) return true;
  return content.slice(257, 262) === 'ustar';
}

/** A local source that ADD copies as it is: no archive, no URL, no variable, no glob that could match an archive. */
function plainSource(context: BuildContext | null, src: Word): boolean {
  const s = dropQuotes(src.value);
  if (isRemoteSource(s) || isArchiveName(s) || s.includes('$') || s.startsWith('<<')) return false;
  const lastGlob = Math.max(s.lastIndexOf('*'), s.lastIndexOf('?'), s.lastIndexOf(']'));
  if (lastGlob >= 0) {
    // Every match ends with the literal suffix after the last glob character.
    const suffix = s.slice(lastGlob + 1);
    if (!/^[^/\\]*\.[A-Za-z0-9]+$/.test(suffix) || isArchiveName(suffix)) return false;
    return true;
  }
  if (s.endsWith('/')) return true;
  return !isArchiveContent(context, s);
}

function copyFix(ctx: RuleContext, instr: Instruction, allPlain: boolean): Fix | undefined {
  if (!allPlain || instr.flags.some((f) => ADD_ONLY_FLAGS.has(f.name))) return undefined;
  const edit = ctx.edit();
  return edit.replace(instr.keywordRange, edit.keywordAs(instr, 'COPY')).safe('Replace ADD with COPY');
}

/** ADD for plain local files: use COPY. */
export default defineRule({
  id: 'DL3020',
  severity: 'error',
  summary: 'Use COPY instead of ADD for files and folders',
  origin: 'hadolint',
  category: 'maintainability',
  fix: 'safe',
  docs: {
    description:
      'Reports an `ADD` with a source that is neither a remote URL (`http://`, `https://`, a git remote) nor a local archive by name (`.tar`, `.gz`, `.tgz`, `.bz2`, `.xz`, ...). `.zip` is not an archive for ADD, so it is reported. A source with variables is judged by its value when every variable has one (`ARG URL=https://...` / `ADD $URL /bin/` downloads a URL and is not reported). When every source is a plain local file or folder, the fix replaces `ADD` with `COPY`.',
    why: 'ADD has hidden behaviour: it extracts local tar archives and downloads URLs. For plain files COPY does the same copy with no surprises, so readers know that nothing gets unpacked or fetched.',
    bad: 'FROM debian:12\nADD motd /etc/motd\n',
    good: 'FROM debian:12\nCOPY motd /etc/motd\n',
    differences:
      'Git remotes (`git@…`, `git://…`, `ssh://…`) are remote sources for BuildKit\'s ADD and are not reported (hadolint reports them). When the build context is available, a source whose content is a tar, gzip, bzip2 or xz archive is not reported: ADD extracts it by content, whatever its name. hadolint does not expand variables, so it reports `ADD $URL` even when the ARG holds a URL.',
  },
  check(ctx) {
    for (const instr of ctx.file.instructions) {
      if (instr.keyword !== 'ADD') continue;
      const { sources } = ctx.facts(instr).copy!.asWritten;
      const offending = sources.filter((src) => {
        const s = resolvedSource(ctx, instr, src);
        return !s.startsWith('<<') && !isRemoteSource(s) && !isArchiveName(s) && !isArchiveContent(ctx.context, s);
      });
      if (offending.length === 0) continue;
      const allPlain = sources.every((src) => plainSource(ctx.context, src));
      const names = offending.map((s) => `\`${dropQuotes(s.value)}\``).join(', ');
      ctx.report({
        instruction: instr,
        range: instr.keywordRange,
        message: `Use COPY instead of ADD for ${names}: ADD is only needed for URLs and local tar archives`,
        fix: copyFix(ctx, instr, allPlain),
      });
    }
  },
});
