/**
 * An interrupted `--fix` (issue 11): SIGTERM or SIGINT, at any point of a run on a large Dockerfile,
 * leaves neither the temporary file of the atomic write nor a half-written Dockerfile — the file is
 * either the original or the whole fixed text — and a run interrupted while it wrote does not go on to
 * report success: it ends with the status of the signal (128 + its number), like the ShellCheck runner.
 *
 * The CLI runs from the sources (tsx) in a child process; the signal is sent while the temporary file
 * exists (watched with inotify and polled), and at a few fixed delays (while it parses, lints or fixes).
 */
import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, watch, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it, vi } from 'vitest';

// Each case lints and fixes a 14 MB file a few times; minutes on a loaded shared machine.
vi.setConfig({ testTimeout: 600_000 });

const root = resolve(__dirname, '../..');
// tsx by path: the child runs in a temporary directory, where `--import tsx` would not resolve.
const TSX = pathToFileURL(join(root, 'node_modules/tsx/dist/loader.mjs')).href;
const dir = mkdtempSync(join(tmpdir(), 'shipshape-fix-signal-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// 300,000 comment lines (14 MB, linted in ~1.5 CPU s) and one fixable instruction: the fixed file
// differs from the original in one character, so a half-written file would be neither of them.
const COMMENTS = '# a comment line that is long enough to matter\n'.repeat(300_000);
const ORIGINAL = `FROM busybox:1.36.1\nENV K v\n${COMMENTS}USER 1000\n`;
const FIXED = `FROM busybox:1.36.1\nENV K=v\n${COMMENTS}USER 1000\n`;
const source = join(dir, 'original');
writeFileSync(source, ORIGINAL);

let n = 0;
interface Outcome {
  /** Whether the signal was sent while the temporary file existed. */
  duringWrite: boolean;
  sent: boolean;
  code: number | null;
  signal: string | null;
  stderr: string;
  /** What is in the directory afterwards. */
  names: string[];
  content: string;
}

/**
 * Runs `shipshape lint --fix` on a fresh copy of the large file and sends `signal` when the temporary
 * file appears (`at: 'write'`) or after `at` milliseconds.
 */
async function interrupted(signal: 'SIGTERM' | 'SIGINT', at: 'write' | number): Promise<Outcome> {
  const project = join(dir, `p${n++}`);
  mkdirSync(project);
  const file = join(project, 'Dockerfile');
  copyFileSync(source, file);
  const child = spawn(process.execPath, ['--import', TSX, join(root, 'src/cli/main.ts'), 'lint', '--fix', '--no-cache', '--no-color', 'Dockerfile'], {
    cwd: project,
    env: { ...process.env, HOME: project },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.resume();
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<{ code: number | null; signal: string | null }>((r) => child.on('exit', (code, sig) => r({ code, signal: sig })));
  let sent = false;
  let duringWrite = false;
  const send = (write: boolean): void => {
    if (sent) return;
    sent = true;
    duringWrite = write;
    child.kill(signal);
  };
  const hasTemp = (): boolean => readdirSync(project).some((name) => name.endsWith('.tmp'));
  let watcher: ReturnType<typeof watch> | null = null;
  let poll: NodeJS.Timeout | null = null;
  let timer: NodeJS.Timeout | null = null;
  if (at === 'write') {
    watcher = watch(project, (_, name) => {
      if (name?.endsWith('.tmp') && hasTemp()) send(true);
    });
    poll = setInterval(() => hasTemp() && send(true), 1);
  } else {
    timer = setTimeout(() => send(false), at);
  }
  const end = await exited;
  watcher?.close();
  if (poll) clearInterval(poll);
  if (timer) clearTimeout(timer);
  return { duringWrite, sent, ...end, stderr, names: readdirSync(project).sort(), content: readFileSync(file, 'utf8') };
}

/** The checks that hold whenever the signal came: nothing left behind, the file whole. */
function expectIntact(o: Outcome): void {
  expect(o.names).toEqual(['Dockerfile']);
  // Compared by length and one line first, so that a failure does not print 14 MB.
  expect(o.content.length === ORIGINAL.length && (o.content === ORIGINAL || o.content === FIXED)).toBe(true);
}

describe.skipIf(process.platform !== 'linux')('an interrupted --fix', () => {
  it('is not interrupted by the test itself: without a signal the file is fixed and nothing is left', async () => {
    const o = await interrupted('SIGTERM', 600_000);
    expect(o.sent).toBe(false);
    expect({ code: o.code, signal: o.signal, stderr: o.code === 0 ? '' : o.stderr }).toEqual({ code: 0, signal: null, stderr: '' });
    expect(o.stderr).toContain('Fixed 1 finding(s)');
    expect(o.names).toEqual(['Dockerfile']);
    expect(o.content === FIXED).toBe(true);
  });

  it.each([
    ['SIGTERM', 143],
    ['SIGINT', 130],
  ] as const)('%s while the fixed file is written: no temporary file, the file whole, the run ends with %i', async (signal, status) => {
    // The temporary file exists for a few tens of milliseconds: retry when the signal missed it.
    let o: Outcome | null = null;
    for (let attempt = 0; attempt < 5 && !o?.duringWrite; attempt++) {
      o = await interrupted(signal, 'write');
      expectIntact(o);
    }
    expect(o?.duringWrite).toBe(true);
    // The write finished or was undone, and the run stopped there: no success status, no summary.
    expect({ code: o?.code, signal: o?.signal }).toEqual({ code: status, signal: null });
    expect(o?.stderr).not.toContain('Fixed');
  });

  it.each([300, 1000, 2000, 3000])('SIGTERM after %i ms (start-up, parsing, linting or fixing): the file is whole', async (ms) => {
    const o = await interrupted('SIGTERM', ms);
    expectIntact(o);
    // Killed by the signal itself (no handler yet) or ended by a handler with its status; or the run had
    // already finished its work (written the whole fix and said so) when the signal landed: on a loaded
    // machine the timer can fire while the process is exiting (seen once in a full suite run). What must
    // never happen — a signal during the write that is lost — is the 'while the fixed file is written' case.
    const finished = o.content === FIXED && o.stderr.includes('Fixed 1 finding(s)') && (o.code === 0 || o.code === 1);
    if (o.sent) expect(o.signal === 'SIGTERM' || o.code === 143 || finished).toBe(true);
  });
});
