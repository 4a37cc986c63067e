/**
 * `shipshape image <archive | OCI layout dir | ->`: reads a built image offline (no daemon, no
 * network), prints its layers and sizes, and reports the image checks like lint findings.
 *
 * Exit codes: 0 no finding at or above the failure threshold, 1 findings at or above it (the CI
 * thresholds report `image-wasted-bytes`), 2 usage, configuration or input errors (one line on stderr).
 */
import { createReadStream, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Readable } from 'node:stream';
import { Command } from 'commander';
import { ConfigError } from '../engine/config.js';
import { collectIgnorePragmas, isPragmaSuppressed } from '../engine/lint.js';
import type { FailureThreshold, FileFinding } from '../engine/types.js';
import { SEVERITY_RANK } from '../engine/types.js';
import { parse } from '../parse/parser.js';
import { formatReport, type FormatName, type ReportFile, type RuleInfo } from '../report/index.js';
import { resolveConfig } from '../cli/config.js';
import type { CliIo } from '../cli/run.js';
import { VERSION } from '../cli/version.js';
import { addFailureOptions, addReportOptions, parseProgram, wireProgram } from '../cli/options.js';
import { analyse, type Analysis } from './analysis.js';
import { directorySource, tarSource } from './archive.js';
import { attributeHistory, describeCreatedBy } from './attribute.js';
import { DEFAULT_THRESHOLDS, formatBytes, IMAGE_RULES, redact, runChecks, type Thresholds } from './checks.js';
import { ImageError } from './errors.js';
import { reportPlanProblem, unknownFormat, unknownFormatMessage } from '../cli/output.js';
import { loadImage, type ImageModel } from './model.js';

/** A CLI io that may also stream standard input (the binary passes `process.stdin`). */
export type ImageIo = CliIo & { stdinStream?: () => Readable };

interface ImageOptions {
  platform?: string;
  dockerfile?: string;
  target?: string;
  context?: string;
  appDir?: string;
  format?: string[];
  output?: string[];
  config?: string;
  color: boolean;
  json?: string;
  lowestEfficiency?: string;
  highestWastedBytes?: string;
  highestUserWastedPercent?: string;
  failureThreshold?: FailureThreshold;
  fail: boolean;
  ignore?: string[];
}

/**
 * Parses a byte count as dive accepts it: a number with an optional unit (`B`, `kB`/`KB`, `MB`, `GB`
 * are powers of 1000, `KiB`, `MiB`, `GiB` powers of 1024), or `disabled`.
 * @returns bytes, or null for `disabled`; @throws ImageError for anything else.
 */
export function parseBytes(text: string): number | null {
  const t = text.trim();
  if (/^disabled?$/i.test(t)) return null;
  const m = /^(\d+(?:\.\d+)?)\s*([kmgt]i?b?|b)?$/i.exec(t);
  if (!m) throw new ImageError(`'${text}' is not a byte count (examples: 5000000, 20MB, 15MiB, disabled)`);
  const unit = (m[2] ?? 'b').toLowerCase();
  const pow = { b: 0, k: 1, m: 2, g: 3, t: 4 }[unit[0] as 'b' | 'k' | 'm' | 'g' | 't'];
  const base = unit.includes('i') ? 1024 : 1000;
  return Math.round(Number(m[1]) * base ** pow);
}

/** Parses a ratio: `0.9`, `90%`, or `disabled`. @throws ImageError otherwise. */
export function parseRatio(text: string, flag: string): number | null {
  const t = text.trim();
  if (/^disabled?$/i.test(t)) return null;
  const m = /^(\d+(?:\.\d+)?)(%)?$/.exec(t);
  const v = m ? Number(m[1]) / (m[2] ? 100 : 1) : NaN;
  if (!m || v > 1) throw new ImageError(`${flag}: '${text}' is not a ratio between 0 and 1 (examples: 0.9, 90%, disabled)`);
  return v;
}

/** Runs `shipshape image ...` (`argv` starts after `image`). @returns the exit code. */
export async function runImageCli(argv: string[], io: ImageIo): Promise<number> {
  let code = 0;
  const cmd = wireProgram(new Command('shipshape image'), io)
    .description('Analyse a built image offline: a docker save archive, an OCI layout (directory or tar), or - for standard input.')
    .argument('<image>', 'image archive, OCI layout directory, or -')
    .option('--platform <os/arch>', 'image to read from a multi-platform index (default: this machine\'s, else linux/amd64)')
    .option('--dockerfile <file>', 'Dockerfile that built the image: findings and waste point at its instructions')
    .option('--target <stage>', 'stage of --dockerfile that built the image (default: the last)')
    .option('--context <dir>', 'build context: its requirements/lock files are compared with the installed Python distributions')
    .option('--app-dir <dir>', 'application directory for image-ignored-files (default: the config\'s WorkingDir)');
  addReportOptions(cmd, 'findings format (repeatable; the lint formats)', 'write the findings to a file, paired with --format (repeatable)')
    .option('-c, --config <file>', 'configuration file (.hadolint.yaml keys: ignored, override, failure-threshold, no-fail)')
    .option('--no-color', 'never colour the output')
    .option('--json <file>', 'write the full JSON report (layers, file changes, sizes, findings); - for standard output')
    .option('--lowest-efficiency <ratio>', 'fail below this efficiency (dive\'s score; default 0.9; "disabled")')
    .option('--highest-wasted-bytes <bytes>', 'fail above this many wasted bytes (default disabled; e.g. 20MB)')
    .option('--highest-user-wasted-percent <ratio>', 'fail above this share of wasted bytes among the bytes above the base layer (default 0.1)');
  addFailureOptions(cmd, 'always exit 0 when the analysis succeeded', 'ignore a check (repeatable)').action(async (input: string, opts: ImageOptions) => {
    code = await imageCommand(input, opts, io);
  });
  return (await parseProgram(cmd, argv)) ?? code;
}

/** The full analysis of one image, as `--json` writes it. */
interface ImageReport extends Pick<Analysis, 'totalBytes' | 'userBytes' | 'wastedBytes' | 'userWastedPercent' | 'efficiency' | 'diveWastedBytes'> {
  image: string;
  kind: ImageModel['kind'];
  platform: string;
  layers: {
    index: number;
    digest: string;
    diffId: string;
    compression: string;
    compressedSize: number;
    size: number;
    createdBy: string | null;
    instruction: { file: string; line: number } | null;
    wastedBytes: number;
    hidBytes: number;
    added: string[];
    changed: string[];
    removed: string[];
  }[];
  wasted: { path: string; size: number; shippedIn: number; hiddenBy: number; how: string }[];
  findings: { file: string; line: number; code: string; level: string; message: string }[];
}

/** Instructions that never write files: a layer with files attributed to one of them is a squashed build. */
const WRITES_NO_FILES = new Set(['CMD', 'ENTRYPOINT', 'ENV', 'LABEL', 'EXPOSE', 'USER', 'ARG', 'STOPSIGNAL', 'HEALTHCHECK', 'SHELL', 'MAINTAINER', 'ONBUILD', 'VOLUME']);

/**
 * The instruction whose history entry carries a layer although it writes no files (buildah without
 * `--layers` commits the whole build once, at its last instruction; `docker build --squash` likewise), or
 * null when every layer belongs to an instruction that can write files.
 */
function squashedEntry(history: readonly { empty_layer?: boolean }[], byHistory: ReadonlyMap<number, { keyword: string; line: number }>): { keyword: string; line: number } | null {
  for (let i = 0; i < history.length; i++) {
    if (history[i].empty_layer) continue;
    const instr = byHistory.get(i);
    if (instr && WRITES_NO_FILES.has(instr.keyword)) return instr;
  }
  return null;
}

async function imageCommand(input: string, opts: ImageOptions, io: ImageIo): Promise<number> {
  try {
    const resolved = resolveConfig(io.cwd, io.env, { ignored: opts.ignore, failureThreshold: opts.failureThreshold, noFail: opts.fail === false ? true : undefined, noColor: opts.color === false ? true : undefined, format: opts.format }, opts.config ? resolve(io.cwd, opts.config) : undefined);
    const formats = resolved.formats.length > 0 ? resolved.formats : ['tty'];
    const unknown = unknownFormat(formats);
    if (unknown !== null) throw new ImageError(unknownFormatMessage(unknown));
    const clash = reportPlanProblem(formats, opts.output ?? []);
    if (clash !== null) throw new ImageError(clash);
    const thresholds: Thresholds = {
      lowestEfficiency: opts.lowestEfficiency !== undefined ? parseRatio(opts.lowestEfficiency, '--lowest-efficiency') : DEFAULT_THRESHOLDS.lowestEfficiency,
      highestWastedBytes: opts.highestWastedBytes !== undefined ? parseBytes(opts.highestWastedBytes) : DEFAULT_THRESHOLDS.highestWastedBytes,
      highestUserWastedPercent: opts.highestUserWastedPercent !== undefined ? parseRatio(opts.highestUserWastedPercent, '--highest-user-wasted-percent') : DEFAULT_THRESHOLDS.highestUserWastedPercent,
    };
    if (opts.platform !== undefined && !/^[a-z0-9]+\/[a-z0-9_]+(\/[a-z0-9]+)?$/.test(opts.platform)) throw new ImageError(`--platform: '${opts.platform}' is not os/arch[/variant] (example: linux/arm64)`);

    // Dockerfile first: a bad path should fail before minutes of reading.
    let dockerfile: { name: string; text: string } | null = null;
    if (opts.dockerfile) {
      try {
        dockerfile = { name: opts.dockerfile, text: readFileSync(resolve(io.cwd, opts.dockerfile), 'utf8').replace(/^\uFEFF/, '') };
      } catch (e) {
        throw new ImageError(`--dockerfile ${opts.dockerfile}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}`);
      }
    }
    let lockFiles: Map<string, string> | undefined;
    if (opts.context) {
      const dir = resolve(io.cwd, opts.context);
      if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new ImageError(`--context ${opts.context}: not a directory`);
      lockFiles = new Map();
      for (const n of ['uv.lock', 'poetry.lock', 'pylock.toml', 'requirements.txt', 'requirements/production.txt', 'requirements/base.txt', 'requirements-prod.txt']) {
        const p = resolve(dir, n);
        if (existsSync(p) && statSync(p).isFile()) lockFiles.set(n, readFileSync(p, 'utf8'));
      }
      if (lockFiles.size === 0) io.stderr(`shipshape: warning: --context ${opts.context} has no requirements.txt, poetry.lock, uv.lock or pylock.toml; installed distributions are not compared\n`);
    }

    const display = input === '-' ? '-' : input;
    let src;
    if (input === '-') src = await tarSource(io.stdinStream ? io.stdinStream() : Readable.from([await io.readStdin()]), 'standard input');
    else {
      const abs = resolve(io.cwd, input);
      if (!existsSync(abs)) throw new ImageError(`${input}: no such file or directory`);
      src = statSync(abs).isDirectory() ? directorySource(abs) : await tarSource(createReadStream(abs, { highWaterMark: 1 << 20 }), input);
    }
    const image = await loadImage(src, display, opts.platform);
    const analysis = analyse(image);

    let df: Parameters<typeof runChecks>[0]['dockerfile'];
    let suppressed: (f: FileFinding) => boolean = () => false;
    if (dockerfile) {
      const model = parse(dockerfile.text);
      // `# hadolint ignore=image-root-user` (or `# shipshape ...`) above the instruction a finding is placed on, as for lint.
      const pragmas = resolved.config.disableIgnorePragma ? [] : collectIgnorePragmas(model);
      suppressed = (f) => f.file === dockerfile!.name && isPragmaSuppressed(model, pragmas, f, [f.ruleId]);
      const byHistory = attributeHistory(model, image.history, opts.target);
      const stageIdx = opts.target !== undefined ? model.stages.findIndex((s) => s.name?.toLowerCase() === opts.target!.toLowerCase()) : model.stages.length - 1;
      const stage = model.stages[stageIdx >= 0 ? stageIdx : model.stages.length - 1];
      const chain: typeof model.instructions = [];
      for (let s = stage; s; s = s.base.kind === 'stage' ? model.stages[s.base.stage] : (undefined as never)) {
        chain.unshift(...s.instructions);
        if (s.base.kind !== 'stage' || chain.length > 10000) break;
      }
      df = { name: dockerfile.name, byHistory, finalFrom: stage?.from ?? null, instructions: chain };
      const squash = squashedEntry(image.history, byHistory);
      if (squash) io.stderr(`shipshape: note: ${display}: a layer with files belongs to the history entry of \`${squash.keyword}\` (${dockerfile.name}:${squash.line}), which writes no files: the image was built without --layers (buildah, podman) or with --squash, so its files cannot be tied to the instructions that added them, and findings about them point at that line. Build with --layers to see each instruction's layer.\n`);
    }

    const { config } = resolved;
    const findings = runChecks({ image, analysis, imageName: display, dockerfile: df, lockFiles, appDir: opts.appDir, thresholds })
      .filter((f) => !config.ignored.includes(f.ruleId) && !suppressed(f))
      .map((f) => (config.override[f.ruleId] ? { ...f, severity: config.override[f.ruleId] } : f));

    const report = buildReport(display, image, analysis, findings, df);
    if (opts.json) {
      const text = JSON.stringify(report, null, 2) + '\n';
      if (opts.json === '-') io.stdout(text);
      else writeFileSync(resolve(io.cwd, opts.json), text);
    }

    const files: ReportFile[] = [{ file: display, findings: findings.filter((f) => f.file === display) }];
    if (dockerfile) files.push({ file: dockerfile.name, source: dockerfile.text, findings: findings.filter((f) => f.file === dockerfile!.name) });
    const rules: Record<string, RuleInfo> = {};
    for (const r of IMAGE_RULES) rules[r.id] = { summary: r.summary, severity: r.severity, url: `https://github.com/shipshape-dev/shipshape/blob/main/docs/image.md#${r.id}` };
    const color = !resolved.noColor && io.stdoutIsTTY && io.env.NO_COLOR === undefined;
    const outputs = opts.output ?? [];
    for (let k = 0; k < Math.max(formats.length, outputs.length); k++) {
      const format = (formats[k] ?? 'tty') as FormatName;
      const out = outputs[k];
      let text = formatReport(format, { files, rules, color: out && out !== '-' ? false : color, toolVersion: VERSION, cwd: io.cwd });
      if (format === 'tty') text = summary(report) + text;
      if (out && out !== '-') writeFileSync(resolve(io.cwd, out), text);
      else if (opts.json !== '-') io.stdout(text);
    }
    if (config.noFail) return 0;
    const t = config.failureThreshold;
    return findings.some((f) => t === 'ignore' || t === 'none' || SEVERITY_RANK[f.severity] >= SEVERITY_RANK[t]) ? 1 : 0;
  } catch (e) {
    if (e instanceof ImageError || e instanceof ConfigError) {
      io.stderr(`shipshape: ${e.message}\n`);
      return 2;
    }
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EACCES' || code === 'EISDIR' || code === 'ENOENT') {
      io.stderr(`shipshape: ${(e as Error).message}\n`);
      return 2;
    }
    throw e;
  }
}

function buildReport(display: string, image: ImageModel, a: Analysis, findings: FileFinding[], df: Parameters<typeof runChecks>[0]['dockerfile']): ImageReport {
  return {
    image: display,
    kind: image.kind,
    platform: image.platform,
    totalBytes: a.totalBytes,
    userBytes: a.userBytes,
    wastedBytes: a.wastedBytes,
    userWastedPercent: a.userWastedPercent,
    efficiency: a.efficiency,
    diveWastedBytes: a.diveWastedBytes,
    layers: image.layers.map((l) => {
      const ch = a.layers[l.index];
      const ins = l.historyIndex !== null ? df?.byHistory.get(l.historyIndex) : undefined;
      return {
        index: l.index,
        digest: l.scan.digest,
        diffId: l.scan.diffId,
        compression: l.scan.compression,
        compressedSize: l.scan.compressedSize,
        size: ch.size,
        createdBy: l.historyIndex !== null && image.history[l.historyIndex]?.created_by !== undefined ? redact(image.history[l.historyIndex].created_by!) : null,
        instruction: ins && df ? { file: df.name, line: ins.line } : null,
        wastedBytes: ch.wastedBytes,
        hidBytes: ch.hidBytes,
        added: ch.added,
        changed: ch.changed,
        removed: ch.removed,
      };
    }),
    wasted: [...a.wasted].sort((x, y) => y.size - x.size).map((w) => ({ ...w, path: '/' + w.path })),
    findings: findings.map((f) => ({ file: f.file, line: f.range.start.line, code: f.ruleId, level: f.severity, message: f.message })),
  };
}

/** The readable layer table printed before the findings in tty format. */
function summary(r: ImageReport): string {
  const lines = [`Image ${r.image} (${r.kind === 'oci' ? 'OCI' : 'docker save'}, ${r.platform}), ${r.layers.length} layer(s)`];
  lines.push(`  ${'#'.padStart(3)}  ${'size'.padStart(9)}  ${'wasted'.padStart(9)}  ${'+added ~changed -removed'.padEnd(24)}  created by`);
  for (const l of r.layers) {
    const by = l.createdBy ? describeCreatedBy(l.createdBy) : null;
    const text = by ? `${by.keyword} ${by.text}`.replace(/\s+/g, ' ') : '';
    const where = l.instruction ? `${l.instruction.file}:${l.instruction.line} ` : '';
    lines.push(`  ${String(l.index + 1).padStart(3)}  ${formatBytes(l.size).padStart(9)}  ${(l.wastedBytes ? formatBytes(l.wastedBytes) : '-').padStart(9)}  ${`+${l.added.length} ~${l.changed.length} -${l.removed.length}`.padEnd(24)}  ${where}${text.length > 70 ? text.slice(0, 67) + '...' : text}`);
  }
  lines.push(`Total ${formatBytes(r.totalBytes)}, above the base layer ${formatBytes(r.userBytes)}; wasted ${formatBytes(r.wastedBytes)} (${(r.userWastedPercent * 100).toFixed(2)}% of the bytes above the base); efficiency ${(r.efficiency * 100).toFixed(2)}% (dive's score; dive would count ${formatBytes(r.diveWastedBytes)} wasted)`);
  return lines.join('\n') + '\n\n';
}
