/**
 * The command-line interface: `shipshape lint` (src/cli/lint-command.ts), `shipshape parse`, `init`;
 * `image`, `pin` and `lsp` are listed here and delegate to their own programs; and
 * `shipshape rules`.
 *
 * Exit codes (documented in the README): 0 nothing at or above the failure threshold, 1 findings at
 * or above it (or a file that does not parse), 2 usage, configuration or I/O errors. A file that
 * cannot be read is reported on stderr and the other files are still linted.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Command, Help, Option } from 'commander';
import { defaultRules } from '../rules/registry.js';
import { ENGINE_FINDINGS } from '../engine/rule-ids.js';
import { parse } from '../parse/parser.js';
import { decodeFile } from './input.js';
import { useNodeGrammar } from './grammar-node.js';
import { VERSION } from './version.js';
import { lintCommand, type LintOptions } from './lint-command.js';
import { EXIT } from './output.js';
import { FORMATS } from '../report/index.js';
import { describeReadError } from './targets.js';
import { registerInit } from '../init/cli.js';
import { addFailureOptions, addReportOptions, parseProgram, repeatable, wireProgram } from './options.js';

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

export { EXIT } from './output.js';

/**
 * Runs the CLI with `argv` (without `node` and the script path).
 * @returns the exit code; never throws for user errors (they are printed on stderr).
 */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  useNodeGrammar();
  let exitCode: number = EXIT.OK;
  const program = wireProgram(new Command('shipshape'), io)
    .description('Make container builds production-ready: lint Dockerfiles and their build context.')
    .version(VERSION, '-v, --version')
    .showSuggestionAfterError(true);

  const lint = program
    .command('lint')
    .description('Lint Dockerfiles (files, directories, or - for standard input).')
    .argument('[paths...]', 'Dockerfiles or directories to search (default: the current directory); - reads standard input');
  addReportOptions(lint, `output format, repeatable: ${FORMATS.map((f) => f.name).join(', ')} (default: tty)`, 'write the report to a file, paired with --format (repeatable)')
    .option('-c, --config <file>', 'configuration file (.hadolint.yaml keys)')
    .option('--no-config', 'use no configuration file (neither -c nor a discovered .hadolint.yaml)')
    .option('--no-color', 'never colour the output')
    .option('--stdin-filename <name>', 'file name to report for standard input')
    .option('--context <dir>', 'build context directory (default: the Dockerfile\'s directory)')
    .option('--target <stage>', 'the stage to build, as docker build --target: it is the final stage (default: the last; Compose build.target)')
    .addOption(repeatable('--build-context <name=path>', 'an additional build context, as docker buildx build --build-context (repeatable)'));
  addFailureOptions(lint, 'always exit 0 when linting succeeded', 'ignore a rule (repeatable)')
    .addOption(repeatable('--error <rule>', 'report a rule as error (repeatable)'))
    .addOption(repeatable('--warning <rule>', 'report a rule as warning (repeatable)'))
    .addOption(repeatable('--info <rule>', 'report a rule as info (repeatable)'))
    .addOption(repeatable('--style <rule>', 'report a rule as style (repeatable)'))
    .addOption(repeatable('--trusted-registry <registry>', 'allowed registry for DL3026 (repeatable)'))
    .addOption(repeatable('--require-label <name:type>', 'required label for DL3049-DL3058 (repeatable)'))
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
    .addOption(repeatable('--fix-rule <rule>', 'only fix findings of this rule (repeatable)'))
    .option('--cache-location <dir>', 'results cache directory (default: $XDG_CACHE_HOME/shipshape or ~/.cache/shipshape)')
    .option('--no-cache', 'do not read or write the results cache')
    .action(async (paths: string[], opts: LintOptions) => {
      exitCode = await lintCommand(paths, opts, io);
    });

  program
    .command('parse')
    .description('Print the parsed instructions of Dockerfiles (for debugging and tools).')
    .argument('<files...>', 'Dockerfiles; - reads standard input')
    .addOption(new Option('--format <format>', 'output format').choices(['json']).default('json'))
    .action(async (files: string[]) => {
      exitCode = await parseCommand(files, io);
    });

  program
    .command('rules')
    .description('List the rules with their default severity, then the findings the engine reports itself.')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .action(async (opts: { format: string }) => {
      const rules = await defaultRules();
      // The engine's own findings (parse errors, encoding, unknown ids in pragmas...) can be ignored like rules: listed last.
      const engine = ENGINE_FINDINGS.map((f) => ({ id: f.id, severity: f.severity, origin: 'engine', category: null, fix: 'none', aliases: [], summary: f.summary }));
      if (opts.format === 'json') {
        io.stdout(JSON.stringify([...rules.map((r) => ({ id: r.id, severity: r.severity, origin: r.origin, category: r.category, fix: r.fix, aliases: r.aliases ?? [], summary: r.summary })), ...engine], null, 2) + '\n');
      } else {
        for (const r of [...rules, ...engine]) io.stdout(`${r.id.padEnd(32)} ${r.severity.padEnd(8)} ${r.summary}${r.origin === 'engine' ? ' (reported by the engine: docs/engine-findings.md)' : ''}\n`);
      }
    });

  registerInit(program, io, (code) => (exitCode = code));

  // `image`, `pin` and `lsp` have their own programs (src/image, src/pin, src/lsp, loaded only when
  // asked for; the binary starts them directly, src/cli/main.ts). Declared here so that `--help` lists
  // them and `help NAME` prints their own help; their arguments pass through untouched.
  const delegated: Record<string, [string, string, (args: string[]) => Promise<number>]> = {
    image: ['[options] <image>', 'Analyse a built image offline: wasted bytes and findings tied to the instruction that made them (docs/image.md).', async (args) => (await import('../image/cli.js')).runImageCli(args, io)],
    pin: ['[options] [dockerfiles...]', 'Pin base images to the digest of their tag (docs/pin.md).', async (args) => (await import('../pin/cli.js')).runPinCli(args, io)],
    lsp: ['--stdio', 'Run the language server for editors over standard input and output (docs/editors.md).', async (args) => {
      const { LSP_USAGE, lspMain } = await import('../lsp/cli.js');
      if (args.includes('-h') || args.includes('--help')) io.stdout(LSP_USAGE);
      else lspMain(args);
      return EXIT.OK;
    }],
  };
  for (const [name, [usage, description, run]] of Object.entries(delegated)) {
    program
      .command(name)
      .usage(usage)
      .description(description)
      .helpOption(false)
      .allowUnknownOption()
      .allowExcessArguments()
      .action(async () => {
        exitCode = await run(argv.slice(argv.indexOf(name) + 1));
      });
  }
  const defaultHelp = new Help();
  program.configureHelp({ subcommandTerm: (cmd) => (cmd.name() in delegated ? `${cmd.name()} ${delegated[cmd.name()][0]}` : defaultHelp.subcommandTerm(cmd)) });
  if (argv[0] === 'help' && argv.length >= 2) {
    if (argv[1] in delegated) argv = [argv[1], '--help'];
    else if (argv[1] !== 'help' && !program.commands.some((c) => c.name() === argv[1])) {
      // commander would print the general help and exit 0: a typo deserves an error.
      io.stderr(`shipshape: unknown command '${argv[1].replace(/[\x00-\x1f\x7f-\x9f]/g, '?')}' (commands: ${program.commands.map((c) => c.name()).join(', ')}, help)\n`);
      return EXIT.ERROR;
    }
  }

  if (argv.length === 0) {
    io.stderr(program.helpInformation());
    return EXIT.ERROR;
  }
  return (await parseProgram(program, argv)) ?? exitCode;
}

async function parseCommand(files: string[], io: CliIo): Promise<number> {
  const out: unknown[] = [];
  let code: number = EXIT.OK;
  for (const f of files) {
    let text: string;
    try {
      // `-` is standard input, as for lint.
      text = decodeFile(f === '-' ? await io.readStdin() : readFileSync(resolve(io.cwd, f)));
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
