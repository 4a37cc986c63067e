import type { ImageIo } from '../image/cli.js';
/** Placeholder replaced below. */
export async function runPinCli(_argv: string[], io: ImageIo): Promise<number> {
  io.stderr('shipshape: pin is not available yet\n');
  return 2;
}
