#!/usr/bin/env node
// The old entry, kept for scripts that call it: the package's `bin` is bin/shipshape.cjs, which starts
// faster (no ESM loader).
import '../dist/loader.cjs';
