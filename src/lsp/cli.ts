/**
 * `shipshape lsp --stdio`: command-line entry of the language server (wired in src/cli/main.ts).
 * Exit codes: 2 for a usage error (no transport, or one other than `--stdio`); otherwise the server
 * runs until the client sends `exit`.
 */
import { startStdioServer } from './server.js';

/** The usage text of `shipshape lsp` (printed by `--help` and after a usage error). */
export const LSP_USAGE = `Usage: shipshape lsp --stdio

Runs the shipshape language server, speaking LSP over standard input and output.
Editors start it themselves; see docs/editors.md.
`;

/** Runs the `lsp` subcommand with its arguments (after `lsp`). */
export function lspMain(args: string[]): void {
  if (args.includes('-h') || args.includes('--help')) {
    process.stdout.write(LSP_USAGE);
    return;
  }
  const unknown = args.filter((a) => a !== '--stdio');
  if (!args.includes('--stdio') || unknown.length > 0) {
    process.stderr.write(`shipshape lsp: ${unknown.length > 0 ? `unknown argument ${unknown[0]}` : 'missing --stdio'} (only the stdio transport is supported)\n\n${LSP_USAGE}`);
    process.exitCode = 2;
    return;
  }
  startStdioServer();
}
