/**
 * `shipshape pin [Dockerfile...]`: pins every image the build pulls to the digest its tag has now.
 *
 * - default: adds the missing digests and writes the files; stale digests are reported, not changed;
 * - `--update`: also replaces stale digests;
 * - `--check`: writes nothing; exit 1 when a pin is missing or stale, or a reference cannot be resolved
 *   because its image comes from build arguments (`FROM ${BASE}` with `ARG BASE` and no default) (for CI);
 * - `--diff`: prints what would change and writes nothing.
 * Every reference is resolved before anything is written: on any failure (one line per image on
 * stderr) nothing is written and the exit code is 2. Files are replaced atomically, keeping their
 * mode, line endings and byte order mark (src/cli/write.ts).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Command } from 'commander';
import { parse } from '../parse/parser.js';
import { decodeFile } from '../cli/input.js';
import { writeAtomic } from '../cli/write.js';
import { parseProgram, repeatable, wireProgram } from '../cli/options.js';
import type { ImageIo } from '../image/cli.js';
import { findPinSites, pinnedText, type PinSite, type PinSkip } from './pin.js';
import { applyEdits } from '../fix/apply.js';
import { filePatch } from '../report/patch.js';
import { PinError, resolveDigest } from './resolve.js';

interface PinOptions {
  check?: boolean;
  update?: boolean;
  diff?: boolean;
  plainHttp?: string[];
  timeout?: string;
}

/** Runs `shipshape pin ...` (`argv` starts after `pin`). @returns 0, 1 (`--check` found missing or stale pins) or 2 (errors; nothing written). */
export async function runPinCli(argv: string[], io: ImageIo): Promise<number> {
  let code = 0;
  const cmd = wireProgram(new Command('shipshape pin'), io)
    .description('Pin the images of FROM, COPY --from and RUN --mount=from to the digest of their tag (registry HTTP API v2).')
    .argument('[dockerfiles...]', 'Dockerfiles (default: ./Dockerfile)')
    .option('--check', 'write nothing; exit 1 when a pin is missing or stale')
    .option('--update', 'also replace digests that no longer match their tag')
    .option('--diff', 'print the changes as a unified diff and write nothing')
    .addOption(repeatable('--plain-http <registry>', 'talk HTTP, not HTTPS, to this registry (loopback registries always are)'))
    .option('--timeout <ms>', 'time limit per registry request in milliseconds', '15000')
    .action(async (files: string[], opts: PinOptions) => {
      code = await pinCommand(files.length > 0 ? files : ['Dockerfile'], opts, io);
    });
  return (await parseProgram(cmd, argv)) ?? code;
}

async function pinCommand(files: string[], opts: PinOptions, io: ImageIo): Promise<number> {
  const timeoutMs = Number(opts.timeout);
  if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) {
    io.stderr(`shipshape: --timeout: '${opts.timeout}' is not a positive number of milliseconds\n`);
    return 2;
  }
  const docs: { name: string; path: string; text: string; sites: PinSite[]; skipped: PinSkip[] }[] = [];
  let failed = false;
  for (const name of files) {
    const path = resolve(io.cwd, name);
    let text: string;
    try {
      text = decodeFile(readFileSync(path));
    } catch (e) {
      const c = (e as NodeJS.ErrnoException).code;
      io.stderr(`shipshape: ${name}: ${c === 'ENOENT' ? 'no such file' : c === 'EISDIR' ? 'is a directory' : (e as Error).message}\n`);
      failed = true;
      continue;
    }
    const df = parse(text);
    const { sites, skipped } = findPinSites(df);
    docs.push({ name, path, text, sites, skipped });
  }
  if (failed) return 2;

  // Resolve every distinct reference first; nothing is written unless all succeed.
  const resolved = new Map<string, string>();
  const errors = new Map<string, string>();
  const wanted = [...new Set(docs.flatMap((d) => d.sites.filter((s) => !s.digestOnly).map((s) => s.resolve)))];
  await Promise.all(
    wanted.map(async (ref) => {
      try {
        resolved.set(ref, (await resolveDigest(ref, { env: io.env, plainHttp: opts.plainHttp, timeoutMs })).digest);
      } catch (e) {
        if (e instanceof PinError) errors.set(ref, e.message);
        else throw e;
      }
    }),
  );
  // A failed image stops every write, but not the report: each other reference is still said
  // (as --check says it, since nothing is written).
  for (const d of docs) for (const s of d.sites) if (errors.has(s.resolve)) io.stderr(`shipshape: ${d.name}:${s.line}: ${errors.get(s.resolve)}\n`);
  const writing = !opts.check && errors.size === 0;

  // With --diff, standard output is the patch alone (for git apply); what each reference gets goes to stderr.
  const say = opts.diff ? io.stderr : io.stdout;
  let missing = 0;
  let stale = 0;
  let unknown = 0;
  const writes: { path: string; name: string; before: string; after: string }[] = [];
  for (const d of docs) {
    const edits: { start: number; end: number; text: string }[] = [];
    // References whose image is only known at build time: an image nobody can check is not pinned.
    for (const s of d.skipped) {
      const where = `${d.name}:${s.line}`;
      if (s.pinned) {
        say(`${where} ${s.kind} ${s.text}: pinned by digest (built from build arguments, not checked)\n`);
        continue;
      }
      unknown++;
      say(`${where} ${s.kind} ${s.text}: not pinned, cannot be resolved: ${s.reason}\n`);
    }
    for (const s of d.sites) {
      const where = `${d.name}:${s.line}`;
      // A reference built from ARG defaults: say which, and what a digest after it means.
      const note = s.fromDefaults ? ` (${s.text.split('@')[0]} with the default${s.fromDefaults.length > 1 ? 's' : ''} ${s.fromDefaults.join(' ')}; the digest pins ${s.fromDefaults.length > 1 ? 'these defaults' : 'this default'}: with it, --build-arg ${s.fromDefaults.map((x) => `${x.split('=')[0]}=…`).join(' ')} no longer changes the image)` : '';
      if (s.digestOnly) {
        say(`${where} ${s.kind} ${s.text}: pinned by digest only (no tag to check)\n`);
        continue;
      }
      const digest = resolved.get(s.resolve);
      if (digest === undefined) continue; // its error is on stderr
      if (s.digest === digest) {
        say(`${where} ${s.kind} ${s.resolve}: up to date${note}\n`);
        continue;
      }
      if (s.digest === null) {
        missing++;
        say(`${where} ${s.kind} ${s.resolve}: ${writing ? (opts.diff ? 'would be pinned' : 'pinned') : 'not pinned'} to ${digest}${note}\n`);
        if (writing) edits.push({ start: s.start, end: s.end, text: pinnedText(s, digest) });
      } else {
        stale++;
        const action = !writing ? 'stale' : opts.update ? (opts.diff ? 'would be updated' : 'updated') : 'stale (run with --update to refresh)';
        say(`${where} ${s.kind} ${s.resolve}: ${action}: ${s.digest} -> ${digest}${note}\n`);
        if (writing && opts.update) edits.push({ start: s.start, end: s.end, text: pinnedText(s, digest) });
      }
    }
    if (edits.length > 0) writes.push({ path: d.path, name: d.name, before: d.text, after: applyEdits(d.text, edits).text });
  }
  if (errors.size > 0) {
    io.stderr(`shipshape: ${errors.size} image(s) could not be resolved; ${opts.check ? 'their pins were not checked' : 'nothing was written'}\n`);
    return 2;
  }
  if (opts.check) return missing + stale + unknown > 0 ? 1 : 0;
  if (unknown > 0) io.stderr(`shipshape: ${unknown} image reference(s) could not be resolved and stay unpinned (see above)\n`);
  if (opts.diff) {
    for (const w of writes) io.stdout(filePatch(w.name, w.before, w.after));
    return 0;
  }
  const written: typeof writes = [];
  for (const w of writes) {
    try {
      writeAtomic(w.path, w.after);
      written.push(w);
    } catch (e) {
      io.stderr(`shipshape: cannot write ${w.name}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}\n`);
      // All or nothing: put back the files already written.
      for (const done of written) {
        try {
          writeAtomic(done.path, done.before);
        } catch {
          io.stderr(`shipshape: could not restore ${done.name}; it has the pinned text\n`);
        }
      }
      if (written.length > 0) io.stderr(`shipshape: restored ${written.map((x) => x.name).join(', ')}; nothing was changed\n`);
      return 2;
    }
  }
  return 0;
}
