#!/usr/bin/env node
// V8 compiles WebAssembly twice by default: a quick baseline (Liftoff) and, in background threads, the
// optimising tier, which Node waits for before exiting. For tree-sitter-bash's 1.36 MB module that
// second compilation cost a short run ~0.4 s and gave batches nothing measurable (docs/performance.md),
// so the baseline tier is used everywhere. The flag must be set before the bundle compiles the wasm,
// hence the dynamic import; worker threads share the process's V8 flags.
import { setFlagsFromString } from 'node:v8';

setFlagsFromString('--liftoff-only');
await import('../dist/cli.mjs');
