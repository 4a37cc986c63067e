/**
 * `shipshape lint`: configuration, then the targets (src/cli/targets.ts) are linted — on worker threads
 * (src/cli/pool.ts) or in this thread (src/cli/lint-file.ts) — or fixed (src/cli/fix-files.ts), then
 * reported (src/cli/output.ts).
 */
import { statSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { ConfigError, SEVERITIES, type ConfigLayer } from '../engine/config.js';
import type { FailureThreshold } from '../engine/types.js';
import { fsContext, MAX_FILES } from '../context/fs.js';
import { parseLabelSpecs, resolveConfig } from './config.js';
import { RULES } from '../rules/index.js';
import { isKnownRuleId, knownRuleIds, unknownRuleIdMessage } from '../engine/rule-ids.js';
import { fixSummaryLine, fixTarget, type FixRequest, type FixSummary } from './fix-files.js';
import { ContextCache, lintFile, lintSource, namedContextFiles, unknownTarget, type BuildSettings, type FileOutcome } from './lint-file.js';
import { InputError } from './input.js';
import { wrongContextNote, type ParsedDockerfile } from './context-check.js';
import { EXIT, lintExitCode, ReportWriter, reportPlanProblem, unknownFormat, unknownFormatMessage } from './output.js';
import { lintInWorkers, workerCount } from './pool.js';
import type { CliIo } from './run.js';
import { shellcheckAnalyzer, shellcheckAvailable, shellcheckIdentity } from './shellcheck.js';
import { cachedLintFile } from './file-cache.js';
import { cacheDirFor, ResultCache } from './cache.js';
import { describeReadError, readTarget, resolveTargets, shownName, type Target } from './targets.js';

/** The options of `shipshape lint`, as commander gives them. */
export interface LintOptions {
  format?: string[];
  output?: string[];
  /** A file (`-c`), or false for `--no-config`. */
  config?: string | false;
  color: boolean;
  stdinFilename?: string;
  context?: string;
  failureThreshold?: FailureThreshold;
  fail: boolean;
  ignore?: string[];
  error?: string[];
  warning?: string[];
  info?: string[];
  style?: string[];
  trustedRegistry?: string[];
  requireLabel?: string[];
  strictLabels?: boolean;
  disableIgnorePragma?: boolean;
  filePathInReport?: string;
  printConfig?: string;
  verbose?: boolean;
  debug?: boolean;
  fix?: boolean;
  unsafeFixes?: boolean;
  diff?: boolean;
  fixDryRun?: boolean;
  fixRule?: string[];
  /** false for `--no-cache`. */
  cache: boolean;
  cacheLocation?: string;
  /** `--target STAGE`: the stage to build (wins over Compose `build.target`). */
  target?: string;
  /** `--build-context NAME=PATH` (repeatable): additional build contexts, added to Compose's. */
  buildContext?: string[];
}

/** The configuration layer given by command-line flags. */
function cliLayer(opts: LintOptions): ConfigLayer {
  const layer: ConfigLayer = {
    ignored: opts.ignore,
    trustedRegistries: opts.trustedRegistry,
    failureThreshold: opts.failureThreshold,
    noFail: opts.fail === false ? true : undefined,
    strictLabels: opts.strictLabels,
    disableIgnorePragma: opts.disableIgnorePragma,
    noColor: opts.color === false ? true : undefined,
    format: opts.format,
    verbose: opts.verbose,
    override: {},
  };
  for (const s of SEVERITIES) if (opts[s]) layer.override![s] = opts[s];
  if (opts.requireLabel) layer.labelSchema = parseLabelSpecs(opts.requireLabel, true);
  return layer;
}

/**
 * Runs `shipshape lint` on `paths`.
 * @returns the exit code (src/cli/output.ts `EXIT`)
 */
export async function lintCommand(paths: string[], opts: LintOptions, io: CliIo): Promise<number> {
  let resolved;
  try {
    resolved = resolveConfig(io.cwd, io.env, cliLayer(opts), opts.config === false ? null : opts.config ? resolve(io.cwd, opts.config) : undefined);
    const known = knownRuleIds(RULES);
    for (const id of opts.fixRule ?? []) if (!isKnownRuleId(id, known)) throw new ConfigError(unknownRuleIdMessage(id, '--fix-rule', known));
  } catch (e) {
    if (e instanceof ConfigError) {
      io.stderr(`shipshape: ${e.message}\n`);
      return EXIT.ERROR;
    }
    throw e;
  }
  const { config } = resolved;
  for (const key of resolved.unknownKeys) {
    io.stderr(`shipshape: warning: ${resolved.file}: unknown key '${key}' is ignored (known keys: ignored, override, failure-threshold, no-fail, no-color, disable-ignore-pragma, trustedRegistries, label-schema, strict-labels, format, verbose)\n`);
  }
  if (resolved.verbose) io.stderr(`shipshape: configuration ${resolved.file ?? (opts.config === false ? '(none: --no-config)' : '(none found, using defaults)')}\n`);
  if (opts.printConfig) {
    io.stdout(JSON.stringify({ file: opts.printConfig, configFile: resolved.file, ...config }, null, 2) + '\n');
    return EXIT.OK;
  }
  const formats = resolved.formats.length > 0 ? resolved.formats : ['tty'];
  // A configuration file changes what is reported: in the human format, say which one (once).
  if (resolved.file && !resolved.verbose && formats.includes('tty') && !opts.printConfig) io.stderr(`shipshape: using configuration ${shownName(relative(io.cwd, resolved.file) || resolved.file)} (--no-config to lint without it)\n`);
  const unknown = unknownFormat(formats);
  if (unknown !== null) {
    io.stderr(`shipshape: ${unknownFormatMessage(unknown)}\n`);
    return EXIT.ERROR;
  }
  const clash = reportPlanProblem(formats, opts.output ?? []);
  if (clash !== null) {
    io.stderr(`shipshape: ${clash}\n`);
    return EXIT.ERROR;
  }
  // No path: the current directory, as ruff and ESLint do (its Dockerfiles and Compose files).
  if (paths.length === 0) paths = ['.'];

  // Inputs are checked before anything is read or written.
  if (opts.context) {
    const dir = resolve(io.cwd, opts.context);
    const problem = notADirectory(dir);
    if (problem) {
      io.stderr(`shipshape: build context ${shownName(opts.context)}: ${problem}\n`);
      return EXIT.ERROR;
    }
  }
  // `--build-context NAME=VALUE`, as `docker buildx build` takes it (VALUE: a directory, a URL,
  // `docker-image://…`): the name makes `--from=NAME` no image; a local directory is also read.
  const cliContexts: string[] = [];
  const cliContextDirs: Record<string, string> = {};
  for (const spec of opts.buildContext ?? []) {
    const eq = spec.indexOf('=');
    if (eq <= 0 || eq === spec.length - 1) {
      io.stderr(`shipshape: --build-context ${shownName(spec)}: expected NAME=PATH (for example --build-context assets=./frontend/dist)\n`);
      return EXIT.ERROR;
    }
    cliContexts.push(spec.slice(0, eq));
    // A local directory is read by the rules (COPY --from=NAME); URLs and docker-image:// are not.
    const value = spec.slice(eq + 1);
    if (!/^[\w.+-]+:\/\//.test(value) && !/^git@/.test(value)) {
      const dir = resolve(io.cwd, value);
      const problem = notADirectory(dir);
      if (problem) {
        io.stderr(`shipshape: --build-context ${shownName(spec)}: ${problem}\n`);
        return EXIT.ERROR;
      }
      cliContextDirs[spec.slice(0, eq)] = dir;
    }
  }
  if (opts.target !== undefined && opts.target.trim() === '') {
    io.stderr('shipshape: --target needs a stage name\n');
    return EXIT.ERROR;
  }
  const { targets, errors, notes, infos } = resolveTargets(paths, io.cwd, opts.stdinFilename, io.env);
  let ioError = errors.length > 0;
  for (const m of errors) io.stderr(`shipshape: ${m}\n`);
  for (const m of notes) io.stderr(`shipshape: warning: ${m}\n`);
  for (const m of infos) io.stderr(`shipshape: ${m}\n`);
  if (resolved.verbose) {
    for (const t of targets) {
      if (!t.compose) continue;
      const services = t.compose.map((b) => `${b.service} (${relative(io.cwd, b.composeFile) || b.composeFile})`).join(', ');
      io.stderr(`shipshape: ${shownName(t.display)}: build context ${shownName(relative(io.cwd, t.contextDir!) || '.')}${t.compose[0].target ? `, target ${shownName(t.compose[0].target)}` : ''}, from ${shownName(services)}\n`);
    }
  }
  const shownContextFiles = new Set<string>();
  const fixSummary: FixSummary = { fixed: 0, remaining: 0, unsafe: 0 };
  let fixedAny = false;
  const cacheDir = cacheDirFor(opts, io.cwd, io.env);
  let cacheWarned = false;
  const cacheWarn = (m: string): void => void (cacheWarned || ((cacheWarned = true), io.stderr(`shipshape: warning: ${m}\n`)));
  const resultCache = cacheDir ? new ResultCache(cacheDir, cacheWarn) : null;
  const shellcheck = shellcheckAnalyzer({
    cache: resultCache,
    onMissing: () => io.stderr('shipshape: shellcheck is not installed; RUN scripts are linted without ShellCheck (SC) findings. Install it (e.g. apt-get install shellcheck) to get them.\n'),
  });
  const showProgress = io.stderrIsTTY && targets.length > 5;
  const dryRun = Boolean(opts.diff || opts.fixDryRun);
  const fixMode = Boolean(opts.fix || opts.unsafeFixes || dryRun || opts.fixRule);
  const request: FixRequest = { level: opts.unsafeFixes ? 'unsafe' : 'safe', onlyRules: opts.fixRule, dryRun };
  const contexts = new ContextCache();
  let scIdentity: string | null | undefined;

  // Dockerfiles linted against their own folder: when most of their COPY sources are not there but in
  // an enclosing folder inside the working directory, that context looks wrong. Say so once (on stderr,
  // whatever the format), and let only the rules marked `readsDoubtfulContext` read it: no
  // .dockerignore is judged or written where the build may never read it, while credentials copied
  // from the folder are still reported (a Dockerfile cannot switch that check off by naming sources
  // that exist elsewhere).
  const doubtfulContext = new Set<Target>();
  // Many files and nothing to write: lint on worker threads (src/cli/pool.ts), results in input order.
  const workers = fixMode || targets.some((t) => t.path === null) ? 0 : workerCount(targets.length, io.env);
  // Files the check parsed, for the lint in this thread to use instead of parsing them again (few
  // files: with workers each worker reads and parses its own).
  const parsedByCheck = new Map<Target, ParsedDockerfile>();
  if (!opts.context) {
    const assumed = targets.filter((t) => t.path !== null && !t.contextDir);
    const keep = workers === 0 && !fixMode ? (k: number, parsed: ParsedDockerfile) => void parsedByCheck.set(assumed[k], parsed) : undefined;
    const note = wrongContextNote(io.cwd, assumed.map((t) => ({ display: t.display, path: t.path!, contextDir: dirname(t.path!) })), (k) => doubtfulContext.add(assumed[k]), keep);
    if (note) io.stderr(`shipshape: ${note}\n`);
  }
  // A diff never mixes into a machine-readable report on standard output: it goes to stderr then.
  const outputs = opts.output ?? [];
  const machineOnStdout = formats.some((f, k) => f !== 'tty' && (outputs[k] === undefined || outputs[k] === '-'));
  const diffOut = machineOnStdout ? io.stderr : io.stdout;
  // With `-` and --fix, standard output carries the fixed Dockerfile: the report goes to stderr.
  const stdinFixed = fixMode && !dryRun && targets.some((t) => t.path === null);
  const color = !resolved.noColor && io.stdoutIsTTY && io.env.NO_COLOR === undefined;
  const plan = { formats, outputs, color, cwd: io.cwd, filePathInReport: opts.filePathInReport };
  const reports = new ReportWriter(plan, config, stdinFixed ? io.stderr : io.stdout, io.stderr, !fixMode);
  // The build a target describes: --target wins over Compose's `build.target`; named contexts are
  // Compose's (every service of this build) and --build-context's.
  const buildOf = (t: Target): BuildSettings => ({
    buildArgs: t.compose?.[0].args,
    target: opts.target ?? t.compose?.[0].target ?? null,
    buildContexts: [...new Set([...(t.compose ?? []).flatMap((b) => Object.keys(b.additionalContexts)), ...cliContexts])],
    contextDirs: localContexts(t),
  });
  // Compose's additional contexts that are existing directories (of the first service; the flag wins).
  const localContexts = (t: Target): Record<string, string> | undefined => {
    const out: Record<string, string> = {};
    for (const [name, value] of Object.entries(t.compose?.[0].additionalContexts ?? {})) {
      try {
        if (isAbsolute(value) && statSync(value).isDirectory()) out[name] = value;
      } catch {
        /* not a local directory: named, not read */
      }
    }
    Object.assign(out, cliContextDirs);
    return Object.keys(out).length > 0 ? out : undefined;
  };
  const withFiles = (b: BuildSettings): BuildSettings => ({ ...b, contextFiles: namedContextFiles(b.contextDirs, (dir) => fsContext(dir, undefined, maxContextFiles)) });
  // --context wins; then the context Compose gives; then the Dockerfile's own directory.
  const contextDirOf = (t: Target): string => (opts.context ? resolve(io.cwd, opts.context) : t.contextDir ?? (t.path ? dirname(t.path) : io.cwd));
  // A context listing cut at its limit is said once per context directory. SHIPSHAPE_CONTEXT_LIMIT
  // moves the limit (a monorepo context with more files).
  const limitEnv = Number(io.env.SHIPSHAPE_CONTEXT_LIMIT);
  const maxContextFiles = Number.isInteger(limitEnv) && limitEnv > 0 ? limitEnv : MAX_FILES;
  const truncatedContexts = new Set<string>();
  const noteTruncated = (contextDir: string): void => {
    if (truncatedContexts.has(contextDir)) return;
    truncatedContexts.add(contextDir);
    io.stderr(`shipshape: warning: build context ${shownName(relative(io.cwd, contextDir) || '.')} has more than ${maxContextFiles.toLocaleString('en-US')} files: context rules saw only the first ${maxContextFiles.toLocaleString('en-US')} (point --context at the directory the build uses, or raise SHIPSHAPE_CONTEXT_LIMIT)\n`);
  };
  const report = (display: string, o: FileOutcome, contextDir?: string): void => {
    if (!o.ok) {
      ioError = true;
      io.stderr(`${showProgress ? '\r\x1b[2K' : ''}shipshape: ${shownName(display)}: ${describeReadError(o.error)}\n`);
      return;
    }
    for (const err of o.internalErrors) io.stderr(`shipshape: internal error in rule ${err.ruleId} on ${shownName(display)}: ${err.message} (please report this)\n`);
    if (o.contextTruncated && contextDir) noteTruncated(contextDir);
    // A streamed report prints now: the progress line is cleared first so the two do not mix.
    if (showProgress) io.stderr('\r\x1b[2K');
    reports.add({ file: display, source: o.source, parseError: o.findings.some((f) => f.ruleId === 'DL1000'), findings: o.findings.map((f) => ({ ...f, file: display })) });
  };

  if (workers > 0) {
    if (!shellcheckAvailable()) shellcheck([]).catch(() => undefined); // says once that ShellCheck is missing
    // Each file is reported as soon as it and those before it are done (the report may stream).
    await lintInWorkers(
      targets.map((t) => ({ path: t.path!, contextDir: contextDirOf(t), doubtfulContext: doubtfulContext.has(t), ...buildOf(t), maxContextFiles })),
      config,
      workers,
      showProgress ? (n) => io.stderr(`\r\x1b[2K[${n}/${targets.length}]`) : undefined,
      { cacheDir, onWarning: cacheWarn, onOutcome: (k, o) => report(targets[k].display, o, contextDirOf(targets[k])) },
    );
    if (showProgress) io.stderr('\r\x1b[2K');
  }
  let i = 0;
  for (const t of workers > 0 ? [] : targets) {
    i++;
    if (showProgress) io.stderr(`\r\x1b[2K[${i}/${targets.length}] ${t.display}`);
    const contextDir = contextDirOf(t);
    if (!fixMode) {
      if (t.path !== null) {
        const parsed = parsedByCheck.get(t);
        parsedByCheck.delete(t);
        const job = { path: t.path, contextDir, doubtfulContext: doubtfulContext.has(t), ...buildOf(t), maxContextFiles };
        // Whole files through the results cache, as on worker threads: an unchanged file and context
        // are not linted again.
        const outcome = resultCache
          ? await cachedLintFile(job, config, shellcheck, contexts, resultCache, (scIdentity ??= shellcheckIdentity()), undefined, { parsed })
          : await lintFile(job, config, shellcheck, contexts, { parsed });
        report(t.display, outcome, contextDir);
        continue;
      }
      let source: string;
      try {
        source = (await readTarget(t, io.readStdin)).text;
      } catch (error) {
        report(t.display, { ok: false, error });
        continue;
      }
      report(t.display, await lintSource(source, opts.context ? contexts.get(contextDir, undefined, maxContextFiles) : null, config, shellcheck, withFiles(buildOf(t))), contextDir);
      continue;
    }
    let read;
    try {
      read = await readTarget(t, io.readStdin);
    } catch (error) {
      report(t.display, { ok: false, error });
      continue;
    }
    const build = buildOf(t);
    const missing = build.target ? unknownTarget(read.text, build) : null;
    if (missing) {
      report(t.display, { ok: false, error: new InputError(missing) });
      continue;
    }
    const context = t.path || opts.context ? fsContext(contextDir, t.path ?? undefined, maxContextFiles) : null;
    const contextDoubtful = doubtfulContext.has(t);
    const fixed = await fixTarget(t, read.text, read.snapshot, { config, context, contextDoubtful, contextDir, scriptAnalyzer: shellcheck, request, cwd: io.cwd, shownContextFiles, ...withFiles(build) }, { stdout: io.stdout, stderr: io.stderr, diff: diffOut }, fixSummary);
    if (!fixed.ioError) fixedAny = true;
    if (context?.truncated()) noteTruncated(contextDir);
    if (fixed.ioError) ioError = true;
    for (const err of fixed.result.internalErrors) io.stderr(`shipshape: internal error in rule ${err.ruleId} on ${shownName(t.display)}: ${err.message} (please report this)\n`);
    // After fixing, the findings are positions in the fixed text: show excerpts from it.
    const findings = fixed.result.findings;
    reports.add({ file: t.display, source: fixed.result.file.text, parseError: findings.some((f) => f.ruleId === 'DL1000'), findings: findings.map((f) => ({ ...f, file: t.display })) });
  }
  if (showProgress) io.stderr('\r\x1b[2K');

  if (!(await reports.finish())) ioError = true;

  if (fixedAny && formats.includes('tty')) io.stderr(fixSummaryLine(fixSummary, dryRun, Boolean(opts.unsafeFixes)));
  return lintExitCode(reports.failing, formats, config, ioError);
}

/** Why `dir` cannot be a build context (`no such directory`, `not a directory`), or null when it is a directory. */
function notADirectory(dir: string): string | null {
  try {
    return statSync(dir).isDirectory() ? null : 'not a directory';
  } catch {
    return 'no such directory';
  }
}
