/**
 * Entry point of the `shipshape` binary: wires the real process streams into `runCli`.
 * Unexpected exceptions print one line (a stack trace only with `--debug`) and exit with code 2.
 * The same bundle is the lint worker thread of src/cli/pool.ts (recognised by an argument).
 */
import { fstatSync, readFileSync, readlinkSync } from 'node:fs';
import { runCli } from './run.js';
import { WORKER_ARG } from './pool.js';
import { runWorker } from './worker.js';

const argv = process.argv.slice(2);
const debug = argv.includes('--debug');

async function readStdin(): Promise<Buffer> {
  // A directory on standard input (`shipshape lint - < dir`) reads as empty: say what it is.
  if (fstatSync(0).isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

/**
 * Whether standard output was closed when the process started (`shipshape lint >&-`). Node.js then
 * opens /dev/null read-write in its place, which a shell redirection (`> /dev/null`) never does.
 * Linux only (/proc); elsewhere false.
 */
function stdoutWasClosed(): boolean {
  try {
    if (readlinkSync('/proc/self/fd/1') !== '/dev/null') return false;
    const flags = /^flags:\s*([0-7]+)/m.exec(readFileSync('/proc/self/fdinfo/1', 'utf8'));
    return flags !== null && (parseInt(flags[1], 8) & 3) === 2; // O_RDWR
  } catch {
    return false;
  }
}

/** Errno codes of a failed write, in words. */
const WRITE_ERRORS: Record<string, string> = { ENOSPC: 'no space left on device', EBADF: 'it is closed', EIO: 'input/output error', EDQUOT: 'disk quota exceeded', EFBIG: 'file too large' };

function main(): void {
  // Output that cannot be written is an I/O error (exit 2) with one line on stderr, never a stack
  // trace; a reader that stops early (`shipshape rules | head -1`) closes the pipe: end quietly, as
  // Unix tools do.
  let stdoutFailed = false;
  const failStdout = (why: string): void => {
    if (stdoutFailed) return;
    stdoutFailed = true;
    process.exitCode = 2;
    try {
      process.stderr.write(`shipshape: cannot write to standard output: ${why}\n`);
    } catch {
      /* stderr is gone too */
    }
  };
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      if (stream === process.stdout) failStdout(WRITE_ERRORS[e.code ?? ''] ?? e.code ?? e.message);
      else process.exitCode = 2;
    });
  }
  // `image` and `pin` live in src/image and src/pin (loaded only when asked for).
  const sub = argv[0] === 'image' ? import('../image/cli.js').then((m) => m.runImageCli) : argv[0] === 'pin' ? import('../pin/cli.js').then((m) => m.runPinCli) : null;
  const run = sub ? (a: string[], io: Parameters<typeof runCli>[1]) => sub.then((f) => f(a.slice(1), { ...io, stdinStream: () => process.stdin })) : runCli;
  let checked = false;
  run(argv, {
    stdout: (t) => {
      if (!checked) {
        checked = true;
        if (stdoutWasClosed()) failStdout('it is closed');
      }
      if (!stdoutFailed) process.stdout.write(t);
    },
    stderr: (t) => process.stderr.write(t),
    readStdin,
    cwd: process.cwd(),
    env: process.env,
    stdoutIsTTY: Boolean(process.stdout.isTTY),
    stderrIsTTY: Boolean(process.stderr.isTTY),
  }).then(
    (code) => {
      process.exitCode = stdoutFailed ? 2 : code;
    },
    (e: unknown) => {
      process.stderr.write(`shipshape: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
      if (debug && e instanceof Error) process.stderr.write(`${e.stack}\n`);
      else process.stderr.write('(run again with --debug for details, and please report it)\n');
      process.exitCode = 2;
    },
  );
}

if (process.argv.includes(WORKER_ARG)) void runWorker().then((isWorker) => isWorker || main());
else if (argv[0] === 'lsp') void import('../lsp/cli.js').then(({ lspMain }) => lspMain(argv.slice(1)));
else main();
