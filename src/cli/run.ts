/**
 * The command-line interface: `shipshape lint` (src/cli/lint-command.ts), `shipshape parse`,
 * `shipshape rules`.
 *
 * Exit codes (documented in the README): 0 nothing at or above the failure threshold, 1 findings at
 * or above it (or a file that does not parse), 2 usage, configuration or I/O errors. A file that
 * cannot be read is reported on stderr and the other files are still linted.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Command, Option } from 'commander';
import { defaultRules } from '../rules/registry.js';
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
    .showSuggestionAfterError(true)
    .addHelpText('after', '\nAlso (run by the binary, see --help of each):\n  image <archive|dir|->  analyse a built image offline (docs/image.md)\n  pin [Dockerfile...]    pin base images to digests (docs/pin.md)\n  lsp --stdio            language server for editors (docs/editors.md)\n');

  const lint = program
    .command('lint')
    .description('Lint Dockerfiles (files, directories, or - for standard input).')
    .argument('[paths...]', 'Dockerfiles or directories to search; - reads standard input');
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
    .argument('<files...>', 'Dockerfiles')
    .addOption(new Option('--format <format>', 'output format').choices(['json']).default('json'))
    .action((files: string[]) => {
      exitCode = parseCommand(files, io);
    });

  program
    .command('rules')
    .description('List the rules with their default severity.')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .action(async (opts: { format: string }) => {
      const rules = await defaultRules();
      if (opts.format === 'json') {
        io.stdout(JSON.stringify(rules.map((r) => ({ id: r.id, severity: r.severity, origin: r.origin, category: r.category, fix: r.fix, aliases: r.aliases ?? [], summary: r.summary })), null, 2) + '\n');
      } else {
        for (const r of rules) io.stdout(`${r.id.padEnd(32)} ${r.severity.padEnd(8)} ${r.summary}\n`);
      }
    });

  registerInit(program, io, (code) => (exitCode = code));

  if (argv.length === 0) {
    io.stderr(program.helpInformation());
    return EXIT.ERROR;
  }
  return (await parseProgram(program, argv)) ?? exitCode;
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
