#!/usr/bin/env node
// The bundle's loader (dist/cli.mjs, from scripts/bundle-loader.mjs) sets V8's options and starts
// the CLI with its code cache.
import '../dist/cli.mjs';
