/**
 * What the parser's parts share: BuildKit's instruction keywords, the flags each instruction accepts,
 * the stage-name pattern, and the state of one parse (text, position map, escape character, errors).
 *
 * No `node:` imports: this module runs in browsers and language servers.
 */
import type { ParseError } from './types.js';
import type { PositionMap } from './lines.js';

/** Instruction keywords BuildKit knows (upper case). */
export const KEYWORDS = new Set([
  'ADD', 'ARG', 'CMD', 'COPY', 'ENTRYPOINT', 'ENV', 'EXPOSE', 'FROM', 'HEALTHCHECK', 'LABEL',
  'MAINTAINER', 'ONBUILD', 'RUN', 'SHELL', 'STOPSIGNAL', 'USER', 'VOLUME', 'WORKDIR',
]);

type FlagKind = 'string' | 'strings' | 'bool';

/** Flags each instruction accepts (`instructions/parse.go`); instructions not listed accept none. */
export const FLAG_SPECS: Record<string, Record<string, FlagKind>> = {
  FROM: { platform: 'string' },
  RUN: { mount: 'strings', network: 'string', security: 'string', device: 'strings' },
  COPY: { from: 'string', chown: 'string', chmod: 'string', link: 'bool', parents: 'bool', exclude: 'strings' },
  ADD: {
    chown: 'string', chmod: 'string', link: 'bool', 'keep-git-dir': 'bool', checksum: 'string', unpack: 'bool',
    exclude: 'strings',
  },
  HEALTHCHECK: {
    interval: 'string', timeout: 'string', 'start-period': 'string', 'start-interval': 'string', retries: 'string',
  },
};

export const HEREDOC_KEYWORDS = new Set(['RUN', 'COPY', 'ADD']);

/** Parser directive names of the leading comment block. */
export const DIRECTIVE_NAMES = new Set(['syntax', 'escape', 'check']);

/** BuildKit's stage name pattern, applied to the lower-cased name. */
export const STAGE_NAME = /^[a-z][a-z0-9\-_.]*$/;

/** State shared while parsing one file (instructions, validation and stages all report into `errors`). */
export interface ParseState {
  text: string;
  pm: PositionMap;
  escape: number;
  errors: ParseError[];
}

/** A Go `%q` of a short string for messages. */
export function goQuoteSimple(s: string): string {
  return JSON.stringify(s);
}
