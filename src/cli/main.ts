/**
 * Entry point of the `shipshape` binary: wires the real process streams into `runCli`.
 * Unexpected exceptions print one line (a stack trace only with `--debug`) and exit with code 2.
 * The same bundle is the lint worker thread of src/cli/pool.ts (recognised by its `workerData`).
 */
import { isMainThread, workerData } from 'node:worker_threads';
import { runCli } from './run.js';
import { WORKER_FLAG } from './pool.js';
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
  // `image` and `pin` live in src/image and src/pin (loaded only when asked for).
  const sub = argv[0] === 'image' ? import('../image/cli.js').then((m) => m.runImageCli) : argv[0] === 'pin' ? import('../pin/cli.js').then((m) => m.runPinCli) : null;
  const run = sub ? (a: string[], io: Parameters<typeof runCli>[1]) => sub.then((f) => f(a.slice(1), { ...io, stdinStream: () => process.stdin })) : runCli;
  run(argv, {
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

if (!isMainThread && (workerData as Record<string, unknown> | null)?.[WORKER_FLAG]) runWorker();
else main();
