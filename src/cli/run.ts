/**
 * The command-line interface: `shipshape lint`, `shipshape parse`, `shipshape rules`.
 *
 * Exit codes (documented in the README): 0 nothing at or above the failure threshold, 1 findings at
 * or above it (or a file that does not parse), 2 usage, configuration or I/O errors. A file that
 * cannot be read is reported on stderr and the other files are still linted.
 */
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { Command, CommanderError, Option } from 'commander';
import { ConfigError, SEVERITIES, THRESHOLDS, type ConfigLayer } from '../engine/config.js';
import { lint, defaultRules } from '../engine/lint.js';
import { SEVERITY_RANK, type FailureThreshold, type FileFinding, type LintConfig, type Severity } from '../engine/types.js';
import { parse } from '../parse/parser.js';
import { fixText } from '../fix/fixer.js';
import { createTwoFilesPatch } from 'diff';
import { writeAtomic } from './write.js';
import { shellcheckAnalyzer, shellcheckAvailable } from './shellcheck.js';
import { fsContext } from '../context/fs.js';
import { formatReport, FORMATS, type FormatName, type RuleInfo } from '../report/index.js';
import { ruleDocsUrl } from '../rules/define.js';
import { parseLabelSpecs, resolveConfig } from './config.js';
import { discoverDockerfiles } from './discover.js';
import { decodeFile, InputError } from './input.js';
import { useNodeGrammar } from './grammar-node.js';
import { VERSION } from './version.js';
import { ContextCache } from './lint-file.js';
import { lintInWorkers, workerCount } from './pool.js';
import { cacheDirFor, ResultCache } from './cache.js';

/** Streams and environment of one CLI invocation (injected so tests can run the CLI in-process). */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Reads all of standard input. */
  readStdin: () => Promise<Buffer>;
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** Whether stdout / stderr are terminals (colour and progress). */
  stdoutIsTTY: boolean;
  stderrIsTTY: boolean;
}

/** Exit codes. */
export const EXIT = { OK: 0, FINDINGS: 1, ERROR: 2 } as const;

const collect = (v: string, prev: string[] = []): string[] => [...prev, v];

/**
 * Runs the CLI with `argv` (without `node` and the script path).
 * @returns the exit code; never throws for user errors (they are printed on stderr).
 */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  useNodeGrammar();
  let exitCode: number = EXIT.OK;
  const program = new Command('shipshape')
    .description('Make container builds production-ready: lint Dockerfiles and their build context.')
    .version(VERSION, '-v, --version')
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .showSuggestionAfterError(true);

  program
    .command('lint')
    .description('Lint Dockerfiles (files, directories, or - for standard input).')
    .argument('[paths...]', 'Dockerfiles or directories to search; - reads standard input')
    .addOption(new Option('-f, --format <format>', 'output format (repeatable)').argParser(collect))
    .addOption(new Option('-o, --output <file>', 'write the report to a file, paired with --format (repeatable)').argParser(collect))
    .option('-c, --config <file>', 'configuration file (.hadolint.yaml keys)')
    .option('--no-color', 'never colour the output')
    .option('--stdin-filename <name>', 'file name to report for standard input')
    .option('--context <dir>', 'build context directory (default: the Dockerfile\'s directory)')
    .addOption(new Option('-t, --failure-threshold <level>', 'lowest severity that fails the run').choices(THRESHOLDS as string[]))
    .option('--no-fail', 'always exit 0 when linting succeeded')
    .addOption(new Option('--ignore <rule>', 'ignore a rule (repeatable)').argParser(collect))
    .addOption(new Option('--error <rule>', 'report a rule as error (repeatable)').argParser(collect))
    .addOption(new Option('--warning <rule>', 'report a rule as warning (repeatable)').argParser(collect))
    .addOption(new Option('--info <rule>', 'report a rule as info (repeatable)').argParser(collect))
    .addOption(new Option('--style <rule>', 'report a rule as style (repeatable)').argParser(collect))
    .addOption(new Option('--trusted-registry <registry>', 'allowed registry for DL3026 (repeatable)').argParser(collect))
    .addOption(new Option('--require-label <name:type>', 'required label for DL3049-DL3058 (repeatable)').argParser(collect))
    .option('--strict-labels', 'report labels that are not in the label schema (DL3050)')
    .option('--disable-ignore-pragma', 'do not honour # hadolint ignore= comments')
    .option('--file-path-in-report <path>', 'file name to print in checkstyle, codeclimate, sonarqube and junit reports')
    .option('--print-config <file>', 'print the configuration that applies to a file and exit')
    .option('-V, --verbose', 'print which configuration is used')
    .option('--debug', 'print stack traces of internal errors')
    .option('--fix', 'apply safe fixes and write the files')
    .option('--unsafe-fixes', 'also apply fixes that change behaviour (implies --fix)')
    .option('--diff', 'print the fixes as a unified diff and write nothing')
    .option('--fix-dry-run', 'same as --diff')
    .addOption(new Option('--fix-rule <rule>', 'only fix findings of this rule (repeatable)').argParser(collect))
    .option('--cache-location <dir>', 'results cache directory (default: $XDG_CACHE_HOME/shipshape or ~/.cache/shipshape)')
    .option('--no-cache', 'do not read or write the results cache')
    .action(async (paths: string[], opts: LintOptions) => {
      exitCode = await lintCommand(paths, opts, io);
    });

  program
    .command('parse')
    .description('Print the parsed instructions of Dockerfiles (for debugging and tools).')
    .argument('<files...>', 'Dockerfiles')
    .addOption(new Option('--format <format>', 'output format').choices(['json']).default('json'))
    .action((files: string[]) => {
      exitCode = parseCommand(files, io);
    });

  program
    .command('rules')
    .description('List the rules with their default severity.')
    .option('--format <format>', 'text or json', 'text')
    .action(async (opts: { format: string }) => {
      const rules = await defaultRules();
      if (opts.format === 'json') {
        io.stdout(JSON.stringify(rules.map((r) => ({ id: r.id, severity: r.severity, origin: r.origin, category: r.category, fix: r.fix, aliases: r.aliases ?? [], summary: r.summary })), null, 2) + '\n');
      } else {
        for (const r of rules) io.stdout(`${r.id.padEnd(32)} ${r.severity.padEnd(8)} ${r.summary}\n`);
      }
    });

  if (argv.length === 0) {
    io.stderr(program.helpInformation());
    return EXIT.ERROR;
  }
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return EXIT.OK;
      return EXIT.ERROR;
    }
    throw e;
  }
  return exitCode;
}

interface LintOptions {
  format?: string[];
  output?: string[];
  config?: string;
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
  cache: boolean;
  cacheLocation?: string;
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

async function lintCommand(paths: string[], opts: LintOptions, io: CliIo): Promise<number> {
  let resolved;
  try {
    resolved = resolveConfig(io.cwd, io.env, cliLayer(opts), opts.config ? resolve(io.cwd, opts.config) : undefined);
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
  if (resolved.verbose) io.stderr(`shipshape: configuration ${resolved.file ?? '(none found, using defaults)'}\n`);
  if (opts.printConfig) {
    io.stdout(JSON.stringify({ file: opts.printConfig, configFile: resolved.file, ...config }, null, 2) + '\n');
    return EXIT.OK;
  }
  const formats = resolved.formats.length > 0 ? resolved.formats : ['tty'];
  for (const f of formats) {
    if (!FORMATS.some((x) => x.name === f)) {
      io.stderr(`shipshape: unknown format '${f}'; known formats: ${FORMATS.map((x) => x.name).join(', ')}\n`);
      return EXIT.ERROR;
    }
  }
  if (paths.length === 0) {
    io.stderr('shipshape: no Dockerfile given. Usage: shipshape lint [options] <Dockerfile|directory|->...\n');
    return EXIT.ERROR;
  }

  let ioError = false;
  const targets: { display: string; path: string | null }[] = [];
  for (const p of paths) {
    if (p === '-') {
      targets.push({ display: opts.stdinFilename ?? '-', path: null });
      continue;
    }
    const abs = resolve(io.cwd, p);
    let isDir = false;
    try {
      isDir = statSync(abs).isDirectory();
    } catch {
      /* reported when read */
    }
    if (isDir) {
      const found = discoverDockerfiles(abs);
      if (found.length === 0) {
        // Nothing of what was asked can be linted: an input problem (exit 2), like a missing file.
        ioError = true;
        io.stderr(`shipshape: no Dockerfile found in ${p}\n`);
      }
      for (const f of found) targets.push({ display: relative(io.cwd, f) || f, path: f });
    } else targets.push({ display: p, path: abs });
  }

  const results: { file: string; findings: FileFinding[]; source?: string; parseError?: boolean }[] = [];
  const fixSummary = { active: false, fixed: 0, remaining: 0, unsafe: 0 };
  const cacheDir = cacheDirFor(opts, io.cwd, io.env);
  let cacheWarned = false;
  const cacheWarn = (m: string): void => void (cacheWarned || ((cacheWarned = true), io.stderr(`shipshape: warning: ${m}\n`)));
  const shellcheck = shellcheckAnalyzer({
    cache: cacheDir ? new ResultCache(cacheDir, cacheWarn) : null,
    onMissing: () => io.stderr('shipshape: shellcheck is not installed; RUN scripts are linted without ShellCheck (SC) findings. Install it (e.g. apt-get install shellcheck) to get them.\n'),
  });
  const showProgress = io.stderrIsTTY && targets.length > 5;
  const fixMode = opts.fix || opts.unsafeFixes || opts.diff || opts.fixDryRun || opts.fixRule;
  const contexts = new ContextCache();
  // Many files and nothing to write: lint on worker threads (src/cli/pool.ts), results in input order.
  const workers = fixMode || targets.some((t) => t.path === null) ? 0 : workerCount(targets.length, io.env);
  if (workers > 0) {
    if (!shellcheckAvailable()) shellcheck([]).catch(() => undefined); // says once that ShellCheck is missing
    const outcomes = await lintInWorkers(
      targets.map((t) => ({ path: t.path!, contextDir: opts.context ? resolve(io.cwd, opts.context) : dirname(t.path!) })),
      config,
      workers,
      showProgress ? (n) => io.stderr(`\r\x1b[2K[${n}/${targets.length}]`) : undefined,
      { cacheDir, onWarning: cacheWarn },
    );
    if (showProgress) io.stderr('\r\x1b[2K');
    outcomes.forEach((o, k) => {
      const t = targets[k];
      if (!o.ok) {
        ioError = true;
        io.stderr(`shipshape: ${t.display}: ${describeReadError(o.error)}\n`);
        return;
      }
      for (const err of o.internalErrors) io.stderr(`shipshape: internal error in rule ${err.ruleId} on ${t.display}: ${err.message} (please report this)\n`);
      results.push({ file: t.display, source: o.source, parseError: o.findings.some((f) => f.ruleId === 'DL1000'), findings: o.findings.map((f) => ({ ...f, file: t.display })) });
    });
  }
  let i = 0;
  for (const t of workers > 0 ? [] : targets) {
    i++;
    if (showProgress) io.stderr(`\r\x1b[2K[${i}/${targets.length}] ${t.display}`);
    let text: string;
    try {
      const bytes = t.path === null ? await io.readStdin() : readFileSync(t.path);
      text = decodeFile(bytes);
    } catch (e) {
      ioError = true;
      io.stderr(`${showProgress ? '\r\x1b[2K' : ''}shipshape: ${t.display}: ${describeReadError(e)}\n`);
      continue;
    }
    const scriptAnalyzer = shellcheck;
    const contextDir = opts.context ? resolve(io.cwd, opts.context) : t.path ? dirname(t.path) : io.cwd;
    const context = t.path || opts.context ? (fixMode ? fsContext(contextDir, t.path ?? undefined) : contexts.get(contextDir, t.path ?? undefined)) : null;
    let result;
    if (fixMode) {
      const fixed = await fixText(text, { config, context, scriptAnalyzer, level: opts.unsafeFixes ? 'unsafe' : 'safe', onlyRules: opts.fixRule });
      result = fixed.after;
      for (const e of fixed.errors) io.stderr(`shipshape: internal error: discarded a fix round of ${e.rules.join(', ')} on ${t.display}: ${e.message} (please report this)\n`);
      const dryRun = opts.diff || opts.fixDryRun;
      if (dryRun) {
        if (fixed.output !== text) io.stdout(createTwoFilesPatch(t.display, t.display, text, fixed.output));
        for (const [p, content] of fixed.files) {
          const before = context?.readFile(p) ?? '';
          io.stdout(createTwoFilesPatch(p, p, before, content));
        }
      } else if (t.path === null) {
        io.stdout(fixed.output);
      } else {
        try {
          if (fixed.output !== text) writeAtomic(t.path, fixed.output);
          for (const [p, content] of fixed.files) writeAtomic(resolve(contextDir, p), content);
        } catch (e) {
          ioError = true;
          io.stderr(`shipshape: cannot write the fixes of ${t.display}: ${describeReadError(e)}\n`);
        }
      }
      fixSummary.fixed += Object.values(fixed.fixedByRule).reduce((a, b) => a + b, 0);
      fixSummary.remaining += fixed.after.findings.length;
      fixSummary.unsafe += fixed.after.findings.filter((f) => f.fix?.applicability === 'unsafe').length;
      fixSummary.active = true;
    } else {
      result = await lint(text, { config, context, scriptAnalyzer });
    }
    for (const err of result.internalErrors) {
      io.stderr(`shipshape: internal error in rule ${err.ruleId} on ${t.display}: ${err.message} (please report this)\n`);
    }
    results.push({
      file: t.display,
      // After fixing, the findings are positions in the fixed text: show excerpts from it.
      source: result.file.text,
      parseError: result.findings.some((f) => f.ruleId === 'DL1000'),
      findings: result.findings.map((f) => ({ ...f, file: t.display })),
    });
  }
  if (showProgress) io.stderr('\r\x1b[2K');

  // With `-` and --fix, standard output carries the fixed Dockerfile: the report goes to stderr.
  const stdinFixed = Boolean((opts.fix || opts.unsafeFixes || opts.fixRule) && !(opts.diff || opts.fixDryRun) && targets.some((t) => t.path === null));
  const color = !resolved.noColor && io.stdoutIsTTY && io.env.NO_COLOR === undefined;
  const outputs = opts.output ?? [];
  const ruleInfo: Record<string, RuleInfo> = {};
  for (const r of await defaultRules()) ruleInfo[r.id] = { summary: r.summary, url: ruleDocsUrl(r.id), severity: r.severity === 'off' ? undefined : r.severity };
  for (let k = 0; k < Math.max(formats.length, outputs.length); k++) {
    const format = formats[k] ?? 'tty';
    const out = outputs[k];
    const text = formatReport(format as FormatName, {
      files: results,
      rules: ruleInfo,
      color: out && out !== '-' ? false : color,
      toolVersion: VERSION,
      cwd: io.cwd,
      filePathInReport: opts.filePathInReport,
    });
    if (out && out !== '-') {
      try {
        writeFileSync(resolve(io.cwd, out), text);
      } catch (e) {
        io.stderr(`shipshape: cannot write ${out}: ${describeReadError(e)}\n`);
        ioError = true;
      }
    } else if (stdinFixed) io.stderr(text);
    else io.stdout(text);
  }

  if (fixSummary.active && formats.includes('tty')) {
    const hint = fixSummary.unsafe > 0 && !opts.unsafeFixes ? `; ${fixSummary.unsafe} of them can be fixed with --unsafe-fixes` : '';
    io.stderr(`${opts.diff || opts.fixDryRun ? 'Would fix' : 'Fixed'} ${fixSummary.fixed} finding(s); ${fixSummary.remaining} remain${hint}.\n`);
  }
  if (ioError) return EXIT.ERROR;
  if (config.noFail || formats.some((f) => FORMATS.find((x) => x.name === f)?.forcesExitZero)) return EXIT.OK;
  return results.some((r) => r.parseError || r.findings.some((f) => failsThreshold(f.severity, config))) ? EXIT.FINDINGS : EXIT.OK;
}

/** hadolint: a finding fails the run when its severity is at or above the threshold; `ignore`/`none` fail on any. */
export function failsThreshold(severity: Severity, config: LintConfig): boolean {
  const t = config.failureThreshold;
  if (t === 'ignore' || t === 'none') return true;
  return SEVERITY_RANK[severity] >= SEVERITY_RANK[t];
}

function describeReadError(e: unknown): string {
  if (e instanceof InputError || (e as Error | null)?.name === 'InputError') return (e as Error).message;
  const code = (e as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT':
      return 'no such file or directory';
    case 'EISDIR':
      return 'is a directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    default:
      return code ?? (e instanceof Error ? e.message : String(e));
  }
}

function parseCommand(files: string[], io: CliIo): number {
  const out: unknown[] = [];
  let code: number = EXIT.OK;
  for (const f of files) {
    let text: string;
    try {
      text = decodeFile(readFileSync(resolve(io.cwd, f)));
    } catch (e) {
      io.stderr(`shipshape: ${f}: ${describeReadError(e)}\n`);
      code = EXIT.ERROR;
      continue;
    }
    const df = parse(text);
    out.push({
      file: f,
      errors: df.errors.map((e) => ({ message: e.message, line: e.range.start.line, column: e.range.start.column })),
      // After an error of BuildKit's raw parser there is no syntax tree: no instructions (as BuildKit).
      instructions: (df.errors.some((e) => e.fatal) ? [] : df.instructions).map((i) => ({
        keyword: i.keyword,
        args: i.args.text,
        line: i.line,
        endLine: i.endLine,
        flags: i.flags.map((fl) => fl.raw),
        execForm: i.execForm,
        heredocs: i.heredocs.length === 0 ? null : i.heredocs.map((h) => ({ name: h.name, expand: h.expand, chomp: h.chomp, content: h.content })),
      })),
    });
  }
  io.stdout(JSON.stringify(out, null, 2) + '\n');
  return code;
}
