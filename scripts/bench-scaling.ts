/**
 * `npm run bench:scaling` — time and memory of the real CLI on the pathological shapes of issue 11
 * (scripts/scaling-shapes.ts) at about 1,000,000 lines (one-line shapes: about 50 MB), against the
 * targets: under 30 s and under 1 GB peak RSS per file.
 *
 * Each shape is written to a temporary directory and linted as a fresh process,
 * `node bin/shipshape.cjs lint -f json --no-fail FILE`, without ShellCheck (a PATH without it: the
 * ShellCheck pass has its own limits, src/cli/shellcheck.ts). Peak RSS is read from GNU time's
 * `%M` when /usr/bin/time exists, and CPU seconds (user + system) from `%U %S`: on a shared machine
 * wall time grows with the load, CPU time much less.
 *
 * Options: `--scale F` (multiply every size, e.g. 0.1 for a quick look), `--only NAME` (one shape, by a
 * part of its name), `--json FILE` (write the raw numbers), `--bin PATH` (another build's
 * bin/shipshape.cjs, e.g. a copy of the code before a change). Exits 1 when a target is missed.
 * Needs `npm run build` first.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SHAPES } from './scaling-shapes.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const opt = (name: string): string | null => (args.includes(name) ? args[args.indexOf(name) + 1] : null);
const BIN = opt('--bin') ?? join(root, 'bin/shipshape.cjs');
const scale = Number(opt('--scale') ?? 1);
const only = opt('--only');
const jsonOut = opt('--json');
const MAX_SECONDS = 30;
const MAX_MB = 1024;

/** A PATH whose directories hold no `shellcheck` (links to everything else in a temporary directory). */
function pathWithoutShellcheck(tmp: string): string {
  const bin = join(tmp, 'bin');
  mkdirSync(bin);
  for (const d of (process.env.PATH ?? '').split(delimiter)) {
    if (!existsSync(d)) continue;
    for (const f of readdirSync(d)) {
      if (f === 'shellcheck' || existsSync(join(bin, f))) continue;
      try {
        symlinkSync(join(d, f), join(bin, f));
      } catch {
        /* skip */
      }
    }
  }
  return bin;
}

const tmp = mkdtempSync(join(tmpdir(), 'shipshape-scaling-'));
const PATH = pathWithoutShellcheck(tmp);
const gnuTime = existsSync('/usr/bin/time');
const rows: { shape: string; lines: number; mb: number; seconds: number; cpu: number | null; peakMb: number | null; exit: number | null; ok: boolean }[] = [];
console.log(`shipshape scaling benchmark — ${cpus().length} cores, load ${loadavg().map((l) => l.toFixed(1)).join(' ')}, ${new Date().toISOString()}`);
console.log(`targets: < ${MAX_SECONDS} s and < ${MAX_MB} MB per file${scale !== 1 ? ` (sizes scaled by ${scale}; targets not judged)` : ''}\n`);
console.log('shape                      lines     MB   seconds  CPU s  peak MB  exit');
try {
  for (const shape of SHAPES) {
    if (only && !shape.name.includes(only)) continue;
    const dir = join(tmp, shape.name.replace(/\W+/g, '-'));
    mkdirSync(dir);
    const file = join(dir, 'Dockerfile');
    const text = shape.make(Math.round(shape.benchSize * scale));
    writeFileSync(file, text);
    const lines = text.split('\n').length - 1;
    const mb = statSync(file).size / 1e6;
    const cmd = gnuTime ? ['/usr/bin/time', '-f', '%M %U %S', process.execPath, BIN] : [process.execPath, BIN];
    const t0 = performance.now();
    const r = spawnSync(cmd[0], [...cmd.slice(1), 'lint', '-f', 'json', '--no-fail', file], { cwd: dir, env: { PATH, HOME: dir }, encoding: 'utf8', maxBuffer: 1 << 30, timeout: 10 * MAX_SECONDS * 1000 });
    const seconds = (performance.now() - t0) / 1000;
    const timed = gnuTime ? /(\d+) ([\d.]+) ([\d.]+)\s*$/.exec(r.stderr ?? '') : null;
    const peakKb = timed ? Number(timed[1]) : NaN;
    const cpu = timed ? Number(timed[2]) + Number(timed[3]) : null;
    const peakMb = Number.isFinite(peakKb) ? peakKb / 1024 : null;
    const ok = r.status === 0 && seconds < MAX_SECONDS && (peakMb === null || peakMb < MAX_MB);
    rows.push({ shape: shape.name, lines, mb, seconds, cpu, peakMb, exit: r.status, ok });
    console.log(`${shape.name.padEnd(24)} ${String(lines).padStart(8)} ${mb.toFixed(1).padStart(6)} ${seconds.toFixed(1).padStart(9)} ${cpu === null ? '     -' : cpu.toFixed(1).padStart(6)} ${peakMb === null ? '      -' : peakMb.toFixed(0).padStart(8)}  ${r.status ?? 'killed'}${ok || scale !== 1 ? '' : '  MISSED'}`);
    rmSync(dir, { recursive: true, force: true });
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
if (jsonOut) writeFileSync(jsonOut, JSON.stringify({ date: new Date().toISOString(), load: loadavg(), scale, rows }, null, 2) + '\n');
if (scale === 1 && rows.some((r) => !r.ok)) process.exitCode = 1;
