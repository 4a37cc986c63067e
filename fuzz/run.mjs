// `npm run fuzz [-- SECONDS]` — fuzzes the parser for a fixed time (default 60 s; FUZZ_SECONDS too).
//
// The target (fuzz/parser.fuzz.ts) is bundled to CommonJS with esbuild, then run by Jazzer.js
// (coverage-guided, libFuzzer) with the corpus in fuzz/corpus/ (seeded from ../shared/corpus/files).
// Jazzer.js's native fuzzer needs glibc ≥ 2.38; where it cannot load (Debian 12 has 2.36), the same
// target runs in a mutation loop without coverage feedback (random splices, byte flips, insertions of
// Dockerfile tokens over the seed files), for the same time. Crashing inputs are written to
// fuzz/crashes/ and the run exits 1.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const seconds = Number(process.argv[2] ?? process.env.FUZZ_SECONDS ?? 60);
const out = join(here, '.build/parser.fuzz.cjs');
const corpusDir = join(here, 'corpus');
const crashDir = join(here, 'crashes');
mkdirSync(corpusDir, { recursive: true });
mkdirSync(crashDir, { recursive: true });

await build({ entryPoints: [join(here, 'parser.fuzz.ts')], bundle: true, platform: 'node', format: 'cjs', outfile: out, logLevel: 'warning' });

// Seeds: a few dozen real Dockerfiles (one per repository of the curated corpus).
const shared = join(here, '../../shared/corpus/files');
if (readdirSync(corpusDir).length === 0 && existsSync(shared)) {
  for (const repo of readdirSync(shared).sort()) {
    const f = readdirSync(join(shared, repo)).filter((x) => !/dockerignore/i.test(x)).sort()[0];
    if (f) writeFileSync(join(corpusDir, `${repo}`), readFileSync(join(shared, repo, f)));
  }
}

const require = createRequire(import.meta.url);
let jazzerLoads = false;
try {
  require('@jazzer.js/fuzzer');
  jazzerLoads = true;
} catch (e) {
  console.error(`Jazzer.js's native fuzzer does not load here (${String(e.message).split('\n')[0]}); running the mutation loop instead.`);
}

if (jazzerLoads) {
  const cli = require.resolve('@jazzer.js/core/dist/cli.js');
  const r = spawnSync(process.execPath, [cli, out, corpusDir, '--sync', '--', `-max_total_time=${seconds}`, `-artifact_prefix=${crashDir}/`], { stdio: 'inherit' });
  process.exit(r.status ?? 1);
}

const { fuzz } = require(out);
const seeds = readdirSync(corpusDir).map((f) => readFileSync(join(corpusDir, f)));
if (seeds.length === 0) seeds.push(Buffer.from('FROM alpine:3.20\nRUN echo hi\n'));
const TOKENS = ['\\\n', '`', '\\', '<<EOF\n', '<<-"EOT"\n', 'EOF\n', '# escape=`\n', '# syntax=x\n', '$', '${', '}', '$(', ')', '"', "'", '\r\n', '\0', '\uFEFF', 'RUN ', 'FROM ', 'ONBUILD ', '--mount=type=cache,target=/x ', '[', ']', '\t', ' \\ \n', '\n\n'].map((s) => Buffer.from(s));
let seed = 0x2545f491;
const rnd = (n) => {
  seed ^= seed << 13;
  seed ^= seed >>> 17;
  seed ^= seed << 5;
  return (seed >>> 0) % Math.max(1, n);
};
function mutate(buf) {
  let b = Buffer.from(buf);
  for (let k = 1 + rnd(4); k > 0; k--) {
    const at = rnd(b.length + 1);
    switch (rnd(6)) {
      case 0: b = Buffer.concat([b.subarray(0, at), TOKENS[rnd(TOKENS.length)], b.subarray(at)]); break;
      case 1: b = b.subarray(0, at); break;
      case 2: if (b.length) b[rnd(b.length)] = rnd(256); break;
      case 3: { const o = seeds[rnd(seeds.length)]; const s = rnd(o.length); b = Buffer.concat([b.subarray(0, at), o.subarray(s, s + rnd(200))]); break; }
      case 4: { const s = rnd(b.length); b = Buffer.concat([b.subarray(0, at), b.subarray(s, s + rnd(120)), b.subarray(at)]); break; }
      default: b = Buffer.concat([b.subarray(0, at), b.subarray(at + rnd(20))]);
    }
  }
  return b;
}
const end = Date.now() + seconds * 1000;
let runs = 0;
while (Date.now() < end) {
  const input = mutate(seeds[rnd(seeds.length)]);
  try {
    fuzz(input);
  } catch (e) {
    const p = join(crashDir, `crash-${Date.now()}`);
    writeFileSync(p, input);
    console.error(`crash after ${runs} runs: ${e.stack ?? e}\ninput written to ${p}`);
    process.exit(1);
  }
  runs++;
}
console.log(`${runs} inputs in ${seconds} s, no crash (mutation loop, no coverage feedback)`);
