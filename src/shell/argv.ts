/**
 * The shell model of an exec-form RUN (`RUN ["apt-get", "install", "-y", "curl"]`): one command whose
 * words are the JSON array elements. No shell runs, so nothing is expanded or split: values are the
 * decoded strings as they are, and no word is dynamic.
 */
import type { Range, SourceSegment } from '../parse/types.js';
import type { ShellScript, ShellWord } from './types.js';
import { commandNameIndex, flagsOf } from './words.js';

/** One exec-form element: its decoded value, the range of its JSON string literal, and optionally that literal. */
export interface ArgvWord {
  value: string;
  range: Range;
  /** The JSON literal as written (quotes kept); defaults to `JSON.stringify(value)`. */
  raw?: string;
}

/**
 * Builds a script holding one command from exec-form words (empty when `words` is empty). `range`
 * is the whole argument list. `source.text` is the words joined by single spaces (hadolint's view of
 * exec form); its segments map each word whose literal has no escapes back to the Dockerfile.
 */
export function scriptFromArgv(words: readonly ArgvWord[], range: Range): ShellScript {
  const shellWords: ShellWord[] = words.map((word) => ({
    raw: word.raw ?? JSON.stringify(word.value),
    value: word.value,
    dynamic: false,
    range: word.range,
  }));
  let text = '';
  const segments: SourceSegment[] = [];
  for (const word of words) {
    if (text) text += ' ';
    const literalLength = word.range.end.offset - word.range.start.offset;
    if (literalLength === word.value.length + 2) {
      segments.push({ from: text.length, source: word.range.start.offset + 1, length: word.value.length });
    }
    text += word.value;
  }
  const source = { text, segments };
  if (shellWords.length === 0) return { source, commands: [], pipelines: [], hasErrors: false, range };
  const nameIndex = commandNameIndex(shellWords);
  const args = shellWords.slice(nameIndex + 1);
  return {
    source,
    commands: [{
      name: shellWords[nameIndex].value,
      words: shellWords,
      args,
      flags: flagsOf(args),
      assignments: [],
      redirects: [],
      range: { start: shellWords[0].range.start, end: shellWords[shellWords.length - 1].range.end },
      connector: null,
      pipedOut: false,
      pipedIn: false,
      nested: false,
      inSubstitution: false,
      inCompound: false,
      index: 0,
    }],
    pipelines: [],
    hasErrors: false,
    range,
  };
}
