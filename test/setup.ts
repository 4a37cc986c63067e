// Vitest setup: registers the Node.js grammar source and loads the bash parser once per worker, so
// tests can call the synchronous parseShell().
import { useNodeGrammar } from '../src/cli/grammar-node.js';
import { loadShellParser } from '../src/shell/grammar.js';

useNodeGrammar();
await loadShellParser();
