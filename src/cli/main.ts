/**
 * Entry point of the `shipshape` binary: wires the real process streams into `runCli`.
 * Unexpected exceptions print one line (a stack trace only with `--debug`) and exit with code 2.
 * The same bundle is the lint worker thread of src/cli/pool.ts (recognised by an argument).
 */
import { runCli } from './run.js';
import { WORKER_ARG } from './pool.js';
import { runWorker } from './worker.js';

const argv = process.argv.slice(2);
const debug = argv.includes('--debug');

async function readStdin(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

function main(): void {
  // A reader that stops early (`shipshape rules | head -1`) closes the pipe: end quietly, as Unix tools do.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      throw e;
    });
  }
  runCli(argv, {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    readStdin,
    cwd: process.cwd(),
    env: process.env,
    stdoutIsTTY: Boolean(process.stdout.isTTY),
    stderrIsTTY: Boolean(process.stderr.isTTY),
  }).then(
    (code) => {
      process.exitCode = code;
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
else main();
