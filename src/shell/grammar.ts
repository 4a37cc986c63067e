/**
 * Lazy, once-only loading of tree-sitter's bash grammar (web-tree-sitter + tree-sitter-bash.wasm).
 *
 * This module runs unchanged in Node.js and in a browser: it never touches the file system itself.
 * The host registers where the two wasm files come from with {@link setGrammarSource} (the CLI does
 * so through `src/cli/grammar-node.ts`; a browser passes URLs or fetched bytes), then awaits
 * {@link loadShellParser} once; after that {@link getParser} and `parseShell` are synchronous.
 */
import type { Parser } from 'web-tree-sitter';

/** Where the wasm files come from: a path/URL (string) or the file's bytes. */
export interface GrammarFiles {
  /**
   * web-tree-sitter's own runtime (`tree-sitter.wasm`). Optional: when absent, web-tree-sitter finds
   * it next to its JavaScript module.
   */
  treeSitterWasm?: string | Uint8Array;
  /** The bash grammar (`tree-sitter-bash.wasm` from the `tree-sitter-bash` package). */
  bashWasm: string | Uint8Array;
}

/** A function that produces the wasm locations or bytes; called at most once per successful load. */
export type GrammarSource = () => Promise<GrammarFiles>;

let grammarSource: GrammarSource | null = null;
let loading: Promise<void> | null = null;
let parser: Parser | null = null;

/**
 * Registers how to obtain the wasm files. Must be called before {@link loadShellParser}; calling it
 * again before a load has started replaces the source (a source registered after loading is ignored).
 */
export function setGrammarSource(source: GrammarSource): void {
  grammarSource = source;
}

/**
 * Initialises web-tree-sitter and the bash grammar once. Concurrent and repeated calls share the
 * same promise; after a failure the next call tries again.
 */
export function loadShellParser(): Promise<void> {
  if (parser) return Promise.resolve();
  if (!loading) {
    loading = initialise().catch((error: unknown) => {
      loading = null;
      throw error;
    });
  }
  return loading;
}

/** True once {@link loadShellParser} has completed successfully. */
export function isShellParserLoaded(): boolean {
  return parser !== null;
}

/**
 * The shared bash parser. Synchronous; throws when {@link loadShellParser} has not completed.
 * Callers must `delete()` the trees they parse (not the parser).
 */
export function getParser(): Parser {
  if (!parser) {
    throw new Error('The shell parser is not loaded: await loadShellParser() first (after setGrammarSource()).');
  }
  return parser;
}

async function initialise(): Promise<void> {
  if (!grammarSource) {
    throw new Error('No grammar source registered: call setGrammarSource() before loadShellParser().');
  }
  const files = await grammarSource();
  const { Parser: ParserClass, Language } = await import('web-tree-sitter');
  const runtime = files.treeSitterWasm;
  const moduleOptions: Record<string, unknown> = {};
  if (typeof runtime === 'string') {
    moduleOptions.locateFile = (name: string, scriptDirectory: string) =>
      name.endsWith('.wasm') ? runtime : scriptDirectory + name;
  } else if (runtime instanceof Uint8Array) {
    moduleOptions.wasmBinary = runtime;
  }
  await ParserClass.init(moduleOptions);
  const language = await Language.load(files.bashWasm);
  const created = new ParserClass();
  created.setLanguage(language);
  parser = created;
}
