/**
 * The shell model of RUN instructions: load the grammar once, parse scripts into commands with
 * Dockerfile ranges, and query them with hadolint's semantics.
 */
export type * from './types.js';
export { setGrammarSource, loadShellParser, isShellParserLoaded, getParser } from './grammar.js';
export type { GrammarFiles, GrammarSource } from './grammar.js';
export { parseShell } from './parse.js';
export type { ParseShellOptions } from './parse.js';
export { scriptFromArgv } from './argv.js';
export type { ArgvWord } from './argv.js';
export { hasFlag, hasArg, flagValue, flagValues, positionalArgs, subcommand, isCommand, findCommands } from './query.js';
export type { PositionalOptions } from './query.js';
export { positionAt, computeLineStarts, mapOffset, RangeMapper } from './positions.js';
export { maskScript } from './mask.js';
export type { ShellHeredoc, MaskedScript } from './mask.js';
export { flagsOf, isFlagWord, commandNameIndex } from './words.js';
