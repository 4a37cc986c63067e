/**
 * Time grows linearly with the input for each shape that was once quadratic (issue 11): many comment
 * lines (no-secrets-in-image blanked them one by one), many ENV lines (the scope was copied at every
 * instruction), a COPY with thousands of flags or sources (flags were matched against every word, and
 * the sources recomputed per source), a long exec-form RUN, and a realistic mix.
 *
 * A complexity check, not a speed goal (those are in scripts/bench-scaling.ts): the input is made 4
 * times larger and the time may grow at most 10 times (linear gives ~4, quadratic ~16). Each size is
 * timed 5 times and the fastest run counts, and the comparison is made up to three times, so a loaded
 * machine does not make it flaky.
 */
import { describe, expect, it } from 'vitest';
import { lint } from '../../src/engine/lint.js';
import { memoryContext } from '../../src/context/memory.js';
import { defaultConfig } from '../../src/engine/types.js';
import { SHAPES } from '../../scripts/scaling-shapes.js';
import { defaultRules } from '../../src/rules/registry.js';

const rules = await defaultRules();

/** The fastest of `runs` lints of `text` against a context of `files`, in ms. */
async function fastest(text: string, files: Record<string, string> = { a: 'x', b: 'y', 'requirements.txt': 'django\n' }, runs = 5): Promise<number> {
  const context = memoryContext(files);
  let best = Infinity;
  for (let k = 0; k < runs; k++) {
    const t0 = performance.now();
    await lint(text, { rules, config: defaultConfig(), context });
    best = Math.min(best, performance.now() - t0);
  }
  return best;
}

describe('time is linear in the input size', () => {
  for (const shape of SHAPES) {
    it(`${shape.name}: 4x the input takes less than 10x the time`, { timeout: 120_000 }, async () => {
      await fastest(shape.make(shape.testSize)); // warm up (rule modules, JIT)
      // Up to three measurements: a quadratic shape is over the bound every time (~16), while a pause of
      // the garbage collector or another process on a loaded machine only sometimes pushes a linear one
      // past it (seen once at 12.6 with two test suites running on two cores).
      const ratios: number[] = [];
      for (let attempt = 0; attempt < 3 && !ratios.some((r) => r < 10); attempt++) {
        const small = await fastest(shape.make(shape.testSize));
        const large = await fastest(shape.make(shape.testSize * 4));
        ratios.push(large / Math.max(small, 1));
      }
      expect(Math.min(...ratios)).toBeLessThan(10);
    });
  }
});

describe('COPY sources against a large build context', () => {
  // Each source was matched against the whole listing (no-secret-files-copied, require-dockerignore,
  // dockerignore rules): 20,000 COPYs in a context of 22,000 files took ~13 s more than in an empty one.
  const project = (n: number): { text: string; files: Record<string, string> } => {
    const files: Record<string, string> = { '.dockerignore': '.git\n*.pem\n' };
    for (let i = 0; i < n; i++) files[`pkg${i % 50}/src${i}.py`] = 'x\n';
    const copies = Array.from({ length: n }, (_, i) => `COPY pkg${i % 50}/src${i}.py /app/\nCOPY pkg${i % 50} /app/pkg/`).join('\n');
    return { text: `FROM python:3.12.4-slim\n${copies}\nUSER 1000\n`, files };
  };
  const time = async (n: number): Promise<number> => {
    const { text, files } = project(n);
    return fastest(text, files, 3);
  };

  it('4x the COPYs and 4x the files take less than 10x the time', { timeout: 120_000 }, async () => {
    await time(500);
    const ratios: number[] = [];
    for (let attempt = 0; attempt < 3 && !ratios.some((r) => r < 10); attempt++) ratios.push((await time(4000)) / Math.max(await time(1000), 1));
    expect(Math.min(...ratios)).toBeLessThan(10);
  });
});
