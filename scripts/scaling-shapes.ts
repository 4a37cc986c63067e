/**
 * Pathological Dockerfile shapes of issue 11, each made at any size `n`: shared by the complexity test
 * (test/robustness/scaling.test.ts) and the benchmark (scripts/bench-scaling.ts).
 */

/** One shape: `make(n)` returns a Dockerfile whose size grows linearly with `n`. */
export interface Shape {
  name: string;
  make: (n: number) => string;
  /** `n` for the test's smaller input (it also lints 4 times that). */
  testSize: number;
  /** `n` that makes about 1,000,000 lines (or, for one-line shapes, about 50 MB). */
  benchSize: number;
}

export const SHAPES: Shape[] = [
  {
    name: 'comment lines',
    make: (n) => 'FROM busybox:1.36.1\n' + '# a comment line that is long enough to matter\n'.repeat(n) + 'USER 1000\n',
    testSize: 16000,
    benchSize: 1_000_000,
  },
  {
    name: 'ENV lines',
    make: (n) => 'FROM busybox:1.36.1\n' + Array.from({ length: n }, (_, i) => `ENV V${i}=value${i}`).join('\n') + '\nRUN echo "$V1"\n',
    testSize: 1000,
    benchSize: 1_000_000,
  },
  {
    name: 'COPY with many flags',
    make: (n) => 'FROM busybox:1.36.1\nCOPY ' + Array.from({ length: n }, (_, i) => `--chown=${i}`).join(' ') + ' a b /dst/\n',
    testSize: 32000,
    benchSize: 2_000_000,
  },
  {
    name: 'COPY with many sources',
    make: (n) => 'FROM busybox:1.36.1\nCOPY --chown=1 ' + Array.from({ length: n }, (_, i) => `src${i}`).join(' ') + ' /dst/\n',
    testSize: 2000,
    benchSize: 2_000_000,
  },
  {
    name: 'exec-form RUN',
    make: (n) => 'FROM busybox:1.36.1\nRUN [' + Array.from({ length: n }, (_, i) => `"arg${i}"`).join(', ') + ']\n',
    testSize: 16000,
    benchSize: 2_000_000,
  },
  {
    name: 'a realistic mix',
    make: (n) =>
      'FROM python:3.12.4-slim AS base\n' +
      Array.from({ length: n }, (_, i) => [`# comment ${i}`, `ENV V${i}=value${i}`, `RUN pip install pkg${i}==1.0 && rm -rf /tmp/x`, `COPY src${i} /app/`, `LABEL l${i}="v"`][i % 5]).join('\n') +
      '\n',
    testSize: 1000,
    benchSize: 1_000_000,
  },
];
