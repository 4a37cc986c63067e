import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { resolveNodeGrammarFiles } from '../../src/cli/grammar-node.js';

/** A fresh copy of the grammar module (not the one test/setup.ts loaded). */
async function freshGrammar(): Promise<typeof import('../../src/shell/grammar.js')> {
  vi.resetModules();
  return import('../../src/shell/grammar.js');
}

describe('grammar loading', () => {
  it('resolves the wasm files of the installed packages', () => {
    const files = resolveNodeGrammarFiles();
    expect(files.bashWasm).toMatch(/tree-sitter-bash\.wasm$/);
    expect(files.treeSitterWasm).toMatch(/tree-sitter\.wasm$/);
  });

  it('refuses getParser() before loading and fails clearly without a source, then retries', async () => {
    const grammar = await freshGrammar();
    expect(grammar.isShellParserLoaded()).toBe(false);
    expect(() => grammar.getParser()).toThrow(/loadShellParser/);
    await expect(grammar.loadShellParser()).rejects.toThrow(/setGrammarSource/);
    grammar.setGrammarSource(async () => resolveNodeGrammarFiles());
    await grammar.loadShellParser();
    expect(grammar.isShellParserLoaded()).toBe(true);
  });

  it('loads once for concurrent callers, from bytes as a browser would', async () => {
    const grammar = await freshGrammar();
    const files = resolveNodeGrammarFiles();
    let calls = 0;
    grammar.setGrammarSource(async () => {
      calls++;
      return { treeSitterWasm: readFileSync(files.treeSitterWasm as string), bashWasm: readFileSync(files.bashWasm as string) };
    });
    const first = grammar.loadShellParser();
    const second = grammar.loadShellParser();
    expect(first).toBe(second);
    await Promise.all([first, second, grammar.loadShellParser()]);
    await grammar.loadShellParser();
    expect(calls).toBe(1);
    const tree = grammar.getParser().parse('echo hi')!;
    expect(tree.rootNode.type).toBe('program');
    tree.delete();
  });
});
