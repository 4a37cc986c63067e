/**
 * The options lint, image and pin share (src/cli/options.ts) read and behave the same in every command:
 * the same flags and choices, `--help` exit 0, a usage error exit 2 with commander's message.
 */
import { describe, expect, it } from 'vitest';
import { runImageCli } from '../../src/image/cli.js';
import { runPinCli } from '../../src/pin/cli.js';
import { runCli } from '../../src/cli/run.js';

async function run(cli: 'lint' | 'image' | 'pin', argv: string[]) {
  let stdout = '';
  let stderr = '';
  const io = { stdout: (t: string) => void (stdout += t), stderr: (t: string) => void (stderr += t), readStdin: async () => Buffer.alloc(0), cwd: '/', env: { HOME: '/nonexistent' }, stdoutIsTTY: false, stderrIsTTY: false };
  const code = cli === 'lint' ? await runCli(['lint', ...argv], io) : cli === 'image' ? await runImageCli(argv, io) : await runPinCli(argv, io);
  return { code, stdout, stderr };
}

describe('shared command-line options', () => {
  it('lint and image spell -f/-o, -t, --no-fail and --ignore the same way', async () => {
    const lint = (await run('lint', ['--help'])).stdout;
    const image = (await run('image', ['--help'])).stdout;
    for (const flag of ['-f, --format <format>', '-o, --output <file>', '-t, --failure-threshold <level>', '--no-fail', '--ignore <rule>']) {
      expect(lint).toContain(flag);
      expect(image).toContain(flag);
    }
    const choices = (help: string) => /--failure-threshold <level>[^\n]*\(choices: ([^)]*)\)/.exec(help.replace(/\n\s+/g, ' '))?.[1];
    expect(choices(image)).toBe(choices(lint));
    expect(choices(lint)).toContain('"none"');
  });

  it.each(['lint', 'image', 'pin'] as const)('%s: --help exits 0, an unknown option exits 2 with one message', async (cli) => {
    expect((await run(cli, ['--help'])).code).toBe(0);
    const bad = await run(cli, ['--no-such-option']);
    expect(bad.code).toBe(2);
    // One line in shipshape's own form, not commander's `error: ...`.
    expect(bad.stderr).toMatch(/^shipshape: unknown option '--no-such-option'\n$/);
  });

  it('an invalid choice is one line in shipshape\'s form, exit 2', async () => {
    const r = await run('lint', ['-t', 'bogus', 'Dockerfile']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^shipshape: option '-t, --failure-threshold <level>' argument 'bogus' is invalid\. Allowed choices are error, warning, info, style, ignore, none\.\n$/);
  });

  it('image -t takes only the levels lint takes', async () => {
    const r = await run('image', ['-t', 'loud', 'x.tar']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/argument 'loud' is invalid/);
  });
});
