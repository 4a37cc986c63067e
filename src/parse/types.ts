/**
 * The Dockerfile model: what the parser (src/parse/parser.ts) builds from Dockerfile text, following
 * BuildKit's Dockerfile frontend (`frontend/dockerfile/parser` and `instructions`).
 *
 * Conventions used by every range in the model:
 * - `line` is 1-based, `column` is 1-based and counts UTF-16 code units (JavaScript string indices),
 * - `offset` is a 0-based UTF-16 index into the ORIGINAL text handed to the parser (BOM included,
 *   CRLF line endings included), so `text.slice(range.start.offset, range.end.offset)` is the source.
 * - `end` is exclusive.
 */

/** A point in the original Dockerfile text. */
export interface Position {
  /** 1-based line number. */
  line: number;
  /** 1-based column, in UTF-16 code units. */
  column: number;
  /** 0-based offset into the original text, in UTF-16 code units. */
  offset: number;
}

/** A half-open span `[start, end)` of the original text. */
export interface Range {
  start: Position;
  end: Position;
}

/**
 * Maps offsets of a derived string (for example an instruction's arguments after BuildKit joined its
 * continuation lines) back to offsets of the original text. Each segment says that
 * `derived[from, from + length)` was copied from `original[source, source + length)`.
 * Segments are sorted by `from` and do not overlap; positions between segments (nothing there) map to
 * the end of the preceding segment.
 */
export interface SourceSegment {
  from: number;
  source: number;
  length: number;
}

/** A derived text together with the map of where its characters came from. */
export interface MappedText {
  text: string;
  segments: SourceSegment[];
}

/** A parser directive from the leading comment block (`# syntax=`, `# escape=`, `# check=`). */
export interface Directive {
  /** Lower-case directive name: `syntax`, `escape` or `check`. */
  name: string;
  /** The value as written (trimmed). */
  value: string;
  range: Range;
}

/** A comment line (`# ...`), outside or inside a continued instruction. */
export interface Comment {
  /** Text after the `#`, untrimmed. */
  text: string;
  range: Range;
  /** True when the comment sits between continuation lines of an instruction. */
  inContinuation: boolean;
}

/**
 * A flag written before an instruction's arguments (`--mount=type=cache,target=/x`, `--link`).
 * BuildKit: `instructions/bflag.go`; flags end at the first word not starting with `--`, or at `--`.
 */
export interface Flag {
  /** Name without the dashes: `mount`, `from`, `chown`. */
  name: string;
  /** Value after `=`, with quotes and escapes processed as BuildKit does; `null` for a bare `--link`. */
  value: string | null;
  /** The flag exactly as written (`--from=build`), quotes included. */
  raw: string;
  range: Range;
  /** Span of the value (after `=`), when there is one. */
  valueRange: Range | null;
}

/**
 * A heredoc attached to RUN, COPY or ADD (BuildKit `parser.Heredoc`), Dockerfile syntax ≥ 1.4.
 * `content` is stored exactly as BuildKit stores it: the raw body lines, each ending in `\n`, the
 * terminator excluded; with `chomp` the leading tabs are NOT removed here (BuildKit removes them
 * when the body is used).
 */
export interface Heredoc {
  /** Delimiter with quotes removed (`<<"EOF"` → `EOF`). */
  name: string;
  /** False when the delimiter was quoted in any way: the builder will not expand variables. */
  expand: boolean;
  /** True for `<<-`: leading tabs are stripped from body lines and the terminator. */
  chomp: boolean;
  /** Optional file descriptor written before `<<` (`3<<EOF` → 3). */
  fd: number | null;
  /** Raw body, each line ending in `\n`. */
  content: string;
  /** The `<<EOF` word on the instruction line. */
  markerRange: Range;
  /** Span of the body lines (first body line start to the start of the terminator line). */
  contentRange: Range;
  /** Span of the terminator line (without its line ending); null when the heredoc is unterminated. */
  terminatorRange: Range | null;
}

/** One `KEY=value` (or legacy `KEY value`) pair of ENV, LABEL or ARG. */
export interface KeyValue {
  /** Key as written, quotes removed. */
  key: string;
  /** Value as written, quotes and escapes kept (BuildKit keeps them until expansion); null for `ARG NAME`. */
  rawValue: string | null;
  /** Value after BuildKit's word processing WITHOUT variable expansion (quotes removed, escapes applied). */
  value: string | null;
  /** True for `KEY=value`, false for the legacy `KEY value` form (ENV/LABEL only). */
  equals: boolean;
  range: Range;
  keyRange: Range;
  valueRange: Range | null;
}

/** Upper-case instruction keywords that BuildKit knows. */
type Keyword =
  | 'ADD' | 'ARG' | 'CMD' | 'COPY' | 'ENTRYPOINT' | 'ENV' | 'EXPOSE' | 'FROM' | 'HEALTHCHECK' | 'LABEL'
  | 'MAINTAINER' | 'ONBUILD' | 'RUN' | 'SHELL' | 'STOPSIGNAL' | 'USER' | 'VOLUME' | 'WORKDIR';

/**
 * One instruction. `args` is BuildKit's view: the text after the keyword with continuation lines joined
 * (escape + trailing blanks removed, the next line appended as is, comment and empty lines dropped),
 * trimmed, INCLUDING the flags. `argsAfterFlags` is the same without the leading flags.
 */
export interface Instruction {
  /** Upper-case keyword (`RUN`); for an unknown keyword, the upper-cased word as written. */
  keyword: string;
  /** Keyword exactly as written (`run`, `Run`). */
  keywordRaw: string;
  keywordRange: Range;
  /** Whole instruction: keyword to the end of its last continuation line or heredoc terminator. */
  range: Range;
  /** 1-based first and last line, the same as `range.start.line` and `range.end.line`. */
  line: number;
  endLine: number;
  /** Joined argument text (flags included, heredoc bodies excluded), trimmed, with its source map. */
  args: MappedText;
  /** Joined argument text after the flags, left-trimmed, with its source map. */
  argsAfterFlags: MappedText;
  flags: Flag[];
  /** True when the arguments are a JSON string array (BuildKit exec form). */
  execForm: boolean;
  /** Exec form: the decoded array elements. Otherwise null. */
  json: string[] | null;
  /**
   * The instruction's words as BuildKit splits them for whitespace-split instructions (FROM, COPY/ADD
   * in shell form, EXPOSE, VOLUME, USER, WORKDIR, STOPSIGNAL, ARG...), each with its range; for exec
   * form, the JSON elements with the range of each string literal.
   */
  words: Word[];
  /** ENV, LABEL and ARG pairs; empty for other instructions. */
  pairs: KeyValue[];
  heredocs: Heredoc[];
  /** For `ONBUILD <instr>`: the wrapped instruction, parsed like a top-level one. */
  onbuild: Instruction | null;
  /** The comment block directly above (BuildKit `PrevComment`), nearest last. */
  comments: Comment[];
  /** Index of the stage this instruction belongs to; -1 for global ARGs before the first FROM. */
  stageIndex: number;
  /** Position of this instruction in `Dockerfile.instructions`. */
  index: number;
  /** True when one or more empty lines were skipped inside its continuation (NoEmptyContinuation). */
  emptyContinuation: boolean;
}

/** A word of an instruction's arguments, with the text as written and its range. */
export interface Word {
  /** Text as written (quotes kept); for exec form, the decoded JSON string. */
  raw: string;
  /** BuildKit word processing without variable expansion: quotes removed, escapes applied. */
  value: string;
  range: Range;
}

/**
 * A parsed image reference of a FROM, after expanding global ARG defaults. Follows the reference
 * grammar of `distribution/reference` and Docker's normalisation (no registry → docker.io).
 */
export interface ImageRef {
  /** Text as written in the Dockerfile (`python:${PY}-slim`). */
  raw: string;
  /** Text after expanding global ARGs with their defaults; equals `raw` without variables. */
  expanded: string;
  /** Registry host as written (`ghcr.io`, `localhost:5000`), or null when none is written. */
  registry: string | null;
  /** Repository path without registry (`library/python` is written `python`). */
  repository: string;
  /** Tag, or null. */
  tag: string | null;
  /** Digest (`sha256:...`), or null. */
  digest: string | null;
  /** True when `expanded` still contains an unresolved variable or is empty. */
  unresolved: boolean;
}

/** One build stage: a FROM and the instructions up to the next FROM. */
export interface Stage {
  /** 0-based index in file order. */
  index: number;
  /** Stage name after `AS`, as written (may have upper case); null when unnamed. */
  name: string | null;
  nameRange: Range | null;
  /** The FROM instruction. */
  from: Instruction;
  /** The base: an image reference, or the index of an earlier stage (`FROM builder`). `scratch` is an image. */
  base: { kind: 'image'; image: ImageRef } | { kind: 'stage'; stage: number };
  /** `--platform` value as written, or null. */
  platform: string | null;
  /** Instructions of the stage after its FROM, in order. */
  instructions: Instruction[];
}

/** A syntax error; the model is still returned with what could be read. */
export interface ParseError {
  message: string;
  range: Range;
  /**
   * True for errors of BuildKit's raw parser (`parser.Parse`: a bad parser directive, an unterminated
   * heredoc, a file with no instructions), after which BuildKit has no syntax tree at all; false or
   * absent for errors found while reading the instructions (`instructions.Parse`: unknown instruction or
   * flag, wrong argument count...).
   */
  fatal?: boolean;
}

/** The whole parsed Dockerfile. */
export interface Dockerfile {
  /** The original text, unchanged. */
  text: string;
  /** True when the text starts with a UTF-8 byte order mark (U+FEFF). */
  bom: boolean;
  /** Dominant line ending of the file. */
  eol: '\n' | '\r\n';
  /** The escape character from `# escape=` (default backslash). */
  escape: '\\' | '`';
  directives: Directive[];
  /** Every instruction in file order (ONBUILD triggers only inside their ONBUILD). */
  instructions: Instruction[];
  /** ARG instructions before the first FROM. */
  globalArgs: Instruction[];
  stages: Stage[];
  /** Every comment line, in order (directives excluded). */
  comments: Comment[];
  /** Syntax errors; when non-empty the file did not parse as BuildKit would accept it. */
  errors: ParseError[];
  /** Start offset of each line in `text` (index 0 is line 1). */
  lineStarts: number[];
}
