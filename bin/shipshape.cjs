#!/usr/bin/env node
// The bundle's loader (dist/loader.cjs, from scripts/bundle-loader.cjs) sets V8's options and starts
// the CLI with its code cache. CommonJS: an ES module entry would cost every run Node's ESM loader.
require('../dist/loader.cjs');
