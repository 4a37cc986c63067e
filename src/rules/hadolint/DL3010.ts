import { defineRule } from '../define.js';
import type { Instruction } from '../../parse/types.js';
import type { ShellCommand } from '../../shell/types.js';
import type { RuleContext } from '../../engine/types.js';
import { basename, isArchiveName } from '../lib/hadolint.js';
import { roughCommands, type RoughCommand } from '../../shell/rough.js';

const DECOMPRESSORS = new Set(['unzip', 'gunzip', 'bunzip2', 'unlzma', 'unxz', 'zgz', 'uncompress', 'zcat', 'gzcat']);

/** True when the command extracts an archive (hadolint: tar with -x/--extract/--get, or a decompressor). */
function extracts(cmd: RoughCommand): boolean {
  if (DECOMPRESSORS.has(cmd.name)) return true;
  if (cmd.name !== 'tar') return false;
  if (cmd.args.some((a) => a === '--extract' || a === '--get')) return true;
  return cmd.args.some((a) => a.startsWith('-') && !a.startsWith('--') && a.includes('x'));
}

/** The commands of a RUN: the shell model's, or a rough reading for non-POSIX shells. */
function runCommands(ctx: RuleContext, instr: Instruction): RoughCommand[] {
  const script = ctx.shell(instr);
  if (script) return script.commands.map((c: ShellCommand) => ({ name: c.name, args: c.args.map((a) => a.value) }));
  return instr.execForm ? [] : roughCommands(instr.argsAfterFlags.text);
}

/** Tar archives (compressed or not): the only archives ADD extracts. */
function isTarName(name: string): boolean {
  return /\.(tar(\.[A-Za-z0-9]+)?|tgz|tZ|tb2|tbz|tbz2|tlz|tpz|txz)$/.test(name);
}

/** The archive names a COPY brings into the image (hadolint: destination basename, else source basenames). */
function copiedArchives(ctx: RuleContext, instr: Instruction): string[] {
  const { sources, dest } = ctx.facts(instr).copy!.asWritten;
  if (!dest) return [];
  const destName = basename(dest.value);
  if (isArchiveName(destName)) return [destName];
  return sources.map((s) => basename(s.value)).filter((n) => isArchiveName(n));
}

/** COPY of a local archive that a later RUN extracts: ADD would extract it. */
export default defineRule({
  id: 'DL3010',
  severity: 'info',
  summary: 'Use ADD for extracting archives into an image',
  origin: 'hadolint',
  category: 'size',
  fix: 'none',
  docs: {
    description:
      'Reports a `COPY` (without `--from`) of a local archive (`.tar`, `.tar.gz`, `.tgz`, `.bz2`, `.xz`, ...) when a later RUN of the same stage extracts a file of that name with `tar -x`/`--extract`, or decompresses a tar archive of that name with `gunzip`, `bunzip2`, `unxz`, `zcat` and similar. The archive name is the destination\'s file name when that looks like an archive, otherwise the sources\' file names.',
    differences: 'A compressed single file that is not a tar archive (`GeoIP.dat.gz` decompressed with `gunzip`) is not reported: ADD only extracts tar archives, so it would not help; hadolint reports it.',
    why: 'Copying an archive and extracting it in a later RUN stores the archive in one layer and its contents in another, so the image carries both. `ADD archive.tar.gz /dest/` extracts local tar archives in a single layer.',
    bad: 'FROM alpine:3.19\nCOPY site.tar /var/www/\nRUN tar -xf /var/www/site.tar -C /var/www\n',
    good: 'FROM alpine:3.19\nADD site.tar /var/www/\n',
  },
  check(ctx) {
    for (const stage of ctx.file.stages) {
      const recorded: { instr: Instruction; names: string[]; reported: boolean }[] = [];
      for (const instr of stage.instructions) {
        if (instr.keyword === 'COPY' && !instr.flags.some((f) => f.name === 'from')) {
          const names = copiedArchives(ctx, instr);
          if (names.length > 0) recorded.push({ instr, names, reported: false });
          continue;
        }
        if (instr.keyword !== 'RUN' || recorded.length === 0) continue;
        for (const cmd of runCommands(ctx, instr)) {
          if (!extracts(cmd)) continue;
          const argNames = cmd.args.filter((a) => !a.startsWith('-')).map((a) => basename(a));
          for (const rec of recorded) {
            if (rec.reported) continue;
            const name = rec.names.find((n) => argNames.includes(n) && (cmd.name === 'tar' || isTarName(n)));
            if (!name) continue;
            rec.reported = true;
            ctx.report({
              instruction: rec.instr,
              range: rec.instr.range,
              message: `\`${name}\` is copied and then extracted by \`${cmd.name}\` on line ${instr.line}; use \`ADD\` to extract local archives in one layer`,
            });
          }
        }
      }
    }
  },
});
