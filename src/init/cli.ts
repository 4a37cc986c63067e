/**
 * `shipshape init [DIR]`: writes DIR/Dockerfile and DIR/.dockerignore (and DIR/compose.yaml with
 * `--compose`) for the project in DIR.
 *
 * Exit codes (docs/init.md): 0 the files were written, or already had exactly this content, or were
 * printed (`--stdout`, `--dry-run`); 1 a file exists with other content: its unified diff is printed and
 * nothing is written (`--force` overwrites the Dockerfile and compose.yaml; an existing .dockerignore is only
 * completed with the entries it lacks, src/context/ignore-merge.ts); 2 usage errors, a project init cannot handle (the message
 * says why and what to pass), unreadable project files or a failed write. Never a stack trace.
 * Writes are atomic (a temporary file renamed into place), so an interrupted run leaves no half file.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Command, Option } from 'commander';
import { fsContext } from '../context/fs.js';
import type { CliIo } from '../cli/run.js';
import { writeAtomic } from '../cli/write.js';
import { mergeDockerignore } from '../context/ignore-merge.js';
import { DetectError, detectProject, PACKAGE_MANAGERS, type Detection, type PackageManager } from './detect.js';
import { ProjectFileError } from '../rules/lib/python-manifests.js';
import { baseImageOf, renderCompose, renderDockerfile, renderDockerignore, renderEnvExample, uvImage, type RenderOptions } from './render.js';
import { filePatch } from '../report/patch.js';
import { PinError, resolveDigest } from '../pin/resolve.js';

/** Options of `shipshape init`, as commander parses them. */
interface InitOptions {
  stdout?: boolean;
  dryRun?: boolean;
  force?: boolean;
  explain?: boolean;
  compose?: boolean;
  packageManager?: PackageManager;
  port: string;
  healthPath: string;
  cmd?: string;
  pin?: boolean;
  baseImage?: string;
}

/**
 * Adds the `init` subcommand to the CLI.
 * @param setExit receives the command's exit code
 */
export function registerInit(program: Command, io: CliIo, setExit: (code: number) => void): void {
  program
    .command('init')
    .description('Write a production Dockerfile and .dockerignore for the Django or Python project in DIR.')
    .argument('[dir]', 'project directory', '.')
    .option('--stdout', 'print the files instead of writing them')
    .option('--dry-run', 'print what would change as a unified diff and write nothing')
    .option('--force', 'overwrite existing files')
    .option('--explain', 'print what was detected and from which file (on stderr)')
    .option('--compose', 'also write compose.yaml with the detected services')
    .addOption(new Option('--package-manager <name>', 'use this package manager when lock files disagree').choices([...PACKAGE_MANAGERS]))
    .option('--port <port>', 'port the server listens on', '8000')
    .option('--health-path <path>', 'path the HEALTHCHECK requests', '/')
    .option('--cmd <command>', 'the command to run (a JSON array or words), for projects without a detected server')
    .option('--base-image <image:tag>', 'base image instead of python:<version>-slim-bookworm (a mirror of it, say)')
    .option('--pin', 'pin the base image (and the uv image) to the digest its registry serves (docs/pin.md)')
    .action(async (dir: string, opts: InitOptions) => {
      setExit(await initCommand(dir, opts, io));
    });
}

/** Runs `init`; returns the exit code. */
async function initCommand(dir: string, opts: InitOptions, io: CliIo): Promise<number> {
  const root = resolve(io.cwd, dir);
  const fail = (message: string): number => {
    io.stderr(`shipshape init: ${message}\n`);
    return 2;
  };
  try {
    if (!statSync(root).isDirectory()) return fail(`${dir} is not a directory`);
  } catch {
    return fail(`${dir}: no such directory`);
  }
  const port = Number(opts.port);
  if (!/^\d+$/.test(opts.port) || port < 1 || port > 65535) return fail(`--port ${opts.port}: expected a port number from 1 to 65535`);
  if (!opts.healthPath.startsWith('/') || /[\s'"\\]/.test(opts.healthPath)) return fail(`--health-path ${opts.healthPath}: expected a URL path starting with / (no spaces or quotes)`);
  let command: string[] | undefined;
  if (opts.cmd !== undefined) {
    const parsed = parseCommand(opts.cmd);
    if (!parsed) return fail(`--cmd ${opts.cmd}: expected a JSON array of strings or words separated by spaces`);
    command = parsed;
  }

  let detection: Detection;
  try {
    detection = detectProject(fsContext(root), { packageManager: opts.packageManager, command });
  } catch (e) {
    if (e instanceof DetectError || e instanceof ProjectFileError) return fail(e.message);
    throw e;
  }
  if (opts.explain) io.stderr(explain(detection));
  for (const w of detection.warnings) io.stderr(`shipshape init: warning: ${w}\n`);

  const render: RenderOptions = { port, healthPath: opts.healthPath, baseImage: opts.baseImage };
  if (opts.baseImage !== undefined && !/^[a-z0-9][\w.:/-]*:[\w][\w.-]*$/i.test(opts.baseImage))
    return fail(`--base-image ${opts.baseImage}: expected an image reference with a tag, such as registry.example.com/python:3.12.7-slim-bookworm`);
  if (opts.pin) {
    // A digest makes the build reproducible even when the tag is moved; the tag stays for people to read.
    const images = [render.baseImage ?? baseImageOf(detection), ...(detection.packageManager === 'uv' ? [uvImage(detection)] : [])];
    const pinned: string[] = [];
    for (const image of images) {
      // The project's own Dockerfile already pinned it (the uv image): keep that digest.
      if (image.includes('@sha256:')) {
        pinned.push(image);
        if (opts.explain) io.stderr(`pinned ${image}  (digest kept from the project)\n`);
        continue;
      }
      try {
        const { digest } = await resolveDigest(image, { env: io.env });
        pinned.push(`${image}@${digest}`);
        if (opts.explain) io.stderr(`pinned ${image}  ${digest}  (from the registry)\n`);
      } catch (e) {
        if (e instanceof PinError || (e as Error | null)?.name === 'PinError') return fail(`--pin: ${(e as Error).message}; run without --pin to keep the tag only`);
        throw e;
      }
    }
    render.baseImage = pinned[0];
    if (pinned[1]) render.uvImage = pinned[1];
  }
  const outputs: [string, string][] = [
    ['Dockerfile', renderDockerfile(detection, render)],
    // BuildKit reads `<Dockerfile>.dockerignore` instead of `.dockerignore` when it exists beside the
    // Dockerfile: the list to complete is that one.
    [existsSync(join(root, 'Dockerfile.dockerignore')) ? 'Dockerfile.dockerignore' : '.dockerignore', renderDockerignore(detection)],
  ];
  if (opts.compose) outputs.push(['compose.yaml', renderCompose(detection, render)]);
  // compose.yaml reads .env: give a template of it, unless the project has one (never replaced).
  const hasEnv = existsSync(join(root, '.env'));
  const envTemplate = opts.compose && !hasEnv && !existsSync(join(root, '.env.example'));
  if (envTemplate) outputs.push(['.env.example', renderEnvExample(detection)]);

  if (opts.stdout) {
    outputs.forEach(([name, text], i) => io.stdout(`${i > 0 ? '\n' : ''}==> ${name} <==\n${text}`));
    return 0;
  }
  // Docker Compose prefers compose.yaml over docker-compose.yml: writing one beside the project's own
  // compose file would silently replace the stack `docker compose up` starts.
  if (opts.compose && !opts.force && !opts.dryRun) {
    const own = readdirSync(root).filter((f) => /^(docker-)?compose(\.[\w-]+)*\.ya?ml$/.test(f) && f !== 'compose.yaml');
    if (own.length > 0) {
      io.stderr(`shipshape init: ${join(dir, own[0])} exists and \`docker compose\` would use a new compose.yaml instead of it; nothing was written. Leave out --compose, or run again with --force to write compose.yaml anyway.\n`);
      return 1;
    }
  }
  const existing: (string | null)[] = [];
  for (const [name] of outputs) {
    try {
      existing.push(readIfExists(join(root, name)));
    } catch (e) {
      return fail(`cannot read ${join(dir, name)}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    }
  }
  // The .dockerignore is the project's list: an existing one keeps every line, and only the entries
  // init wants that it lacks are added (at its top, so the project's own lines still decide).
  let ignoreAdded: string[] = [];
  const ignoreAt = 1;
  const ignoreName = outputs[ignoreAt][0];
  const ownIgnore = existing[ignoreAt];
  if (ownIgnore !== null && ownIgnore !== outputs[ignoreAt][1]) {
    const merged = mergeDockerignore(ownIgnore, outputs[ignoreAt][1], 'Added by `shipshape init` (missing here; the lines below come later, so they decide)');
    outputs[ignoreAt] = [ignoreName, merged.text];
    ignoreAdded = merged.added;
  }
  const changed = outputs.filter(([, text], i) => existing[i] !== text);
  const diffs = (): void => {
    outputs.forEach(([name, text], i) => {
      if (existing[i] !== text) io.stdout(filePatch(name, existing[i], text));
    });
  };
  if (opts.dryRun) {
    diffs();
    return 0;
  }
  if (changed.length === 0) {
    io.stderr(`shipshape init: ${outputs.map(([n]) => n).join(', ')} already up to date\n`);
    return 0;
  }
  const conflicts = outputs.filter(([, text], i) => existing[i] !== null && existing[i] !== text);
  if (conflicts.length > 0 && !opts.force) {
    diffs();
    const what = conflicts.map(([n]) => (n === ignoreName ? `${n} (the entries it lacks would be added, nothing removed)` : n));
    io.stderr(`shipshape init: ${what.join(' and ')} already exist${conflicts.length === 1 ? 's' : ''} with other content; nothing was written. Review the diff above, then run again with --force to write ${conflicts.length === 1 ? 'it' : 'them'}.\n`);
    return 1;
  }
  for (const [name, text] of changed) {
    try {
      writeAtomic(join(root, name), text);
    } catch (e) {
      return fail(`cannot write ${join(dir, name)}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    }
    if (name === ignoreName && ignoreAdded.length > 0) io.stderr(`shipshape init: added ${ignoreAdded.length} ${ignoreAdded.length === 1 ? 'entry' : 'entries'} to ${join(dir, name)} (its own lines are kept): ${ignoreAdded.join(' ')}\n`);
    else io.stderr(`shipshape init: wrote ${join(dir, name)}\n`);
  }
  if (opts.compose && !hasEnv) io.stderr(`shipshape init: compose.yaml reads ${join(dir, '.env')}, which does not exist: copy ${join(dir, '.env.example')} to it and fill in the empty values before \`docker compose up\`\n`);
  return 0;
}

function readIfExists(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
}

/** Parses `--cmd`: a JSON array of strings, or words split on spaces (quotes group words). */
export function parseCommand(text: string): string[] | null {
  const t = text.trim();
  if (t.startsWith('[')) {
    try {
      const v: unknown = JSON.parse(t);
      return Array.isArray(v) && v.length > 0 && v.every((x) => typeof x === 'string') ? (v as string[]) : null;
    } catch {
      return null;
    }
  }
  const words: string[] = [];
  const re = /"([^"]*)"|'([^']*)'|(\S+)/g;
  for (const m of t.matchAll(re)) words.push(m[1] ?? m[2] ?? m[3]);
  return words.length > 0 ? words : null;
}

/** The `--explain` text: one line per decision with its source. */
export function explain(d: Detection): string {
  const width = Math.max(...d.evidence.map((e) => e.topic.length));
  return d.evidence.map((e) => `${e.topic.padEnd(width)}  ${e.value}  (from ${e.source})\n`).join('');
}
