/**
 * Builds the shell model of a RUN script (src/shell/types.ts) from tree-sitter-bash's syntax tree,
 * following how hadolint turns RUN text into commands (reference/hadolint-rules.md §0.1): every simple
 * command anywhere in the script, with normalised words, hadolint-style flags and Dockerfile ranges.
 */
import type { Language, TreeCursor } from 'web-tree-sitter';
import type { MappedText, Range } from '../parse/types.js';
import { getParser } from './grammar.js';
import { maskScript, type ShellHeredoc } from './mask.js';
import { RangeMapper } from './positions.js';
import type { Connector, ShellCommand, ShellScript, ShellWord } from './types.js';
import { commandNameIndex, flagsOf } from './words.js';

/**
 * Options of {@link parseShell}: the original Dockerfile that `source.segments` point into. The parsed
 * `Dockerfile` itself fits (`parseShell(script, file)`); without it, line and column numbers are
 * computed against `source.text` and are wrong for a mapped script.
 */
export interface ParseShellOptions {
  /**
   * The original Dockerfile text that `source.segments` point into. When omitted, `source.text` is
   * taken as the original (right for identity maps, such as a standalone script in tests).
   */
  text?: string;
  /** Line starts of `text` (`Dockerfile.lineStarts`); computed when omitted. */
  lineStarts?: readonly number[];
}

/** Statement node types of tree-sitter-bash (`_statement`). */
const STATEMENTS = new Set([
  'c_style_for_statement', 'case_statement', 'command', 'compound_statement', 'declaration_command',
  'for_statement', 'function_definition', 'if_statement', 'list', 'negated_command', 'pipeline',
  'redirected_statement', 'subshell', 'test_command', 'unset_command', 'variable_assignment',
  'variable_assignments', 'while_statement', 'ERROR',
]);

/** Nodes holding a sequence of statements inside a compound command. */
const BODIES = new Set(['do_group', 'elif_clause', 'else_clause', 'case_item', 'compound_statement']);

/** Separator tokens and the connector they give the next statement. */
const SEPARATORS: Record<string, Connector> = {
  ';': ';', '&': '&', '&&': '&&', '||': '||', ';;': ';', ';&': ';', ';;&': ';', '|': '|', '|&': '|',
};

/** Node types that expand at run time (make a word dynamic). */
const EXPANSIONS = new Set([
  'simple_expansion', 'expansion', 'command_substitution', 'arithmetic_expansion', 'process_substitution',
]);

const REDIRECTS = new Set(['file_redirect', 'heredoc_redirect', 'herestring_redirect']);

interface Context {
  nested: boolean;
  inSubstitution: boolean;
  inCompound: boolean;
  /** Number of enclosing `$( )`, backticks or `<( )`. */
  depth: number;
}

/**
 * Parses a RUN script (shell form, heredoc bodies included) into the shell model. Synchronous:
 * the grammar must have been loaded with `loadShellParser()`. Never throws on bad syntax: the model
 * holds what tree-sitter could read and `hasErrors` is set.
 *
 * Heredoc bodies in the script are not commands (they are text fed to a command); the heredoc shows as
 * a redirect of its command (`<<` / `<<-` with the delimiter as written).
 */
export function parseShell(source: MappedText, options: ParseShellOptions = {}): ShellScript {
  const mapper = new RangeMapper(source, options.text ?? source.text, options.lineStarts);
  const masked = maskScript(source.text);
  const parser = getParser();
  const tree = parser.parse(masked.text);
  const range = mapper.range(0, source.text.length);
  if (!tree) return { source, commands: [], pipelines: [], hasErrors: true, range };
  let root: SNode;
  let hasErrors: boolean;
  const cursor = tree.walk();
  try {
    root = copyTree(cursor, parser.language!);
    hasErrors = tree.rootNode.hasError;
  } finally {
    cursor.delete();
    tree.delete();
  }
  const walker = new Walker(source.text, mapper, masked.heredocs);
  try {
    walker.sequence(root, { nested: false, inSubstitution: false, inCompound: false, depth: 0 });
  } catch (error) {
    // Only pathological nesting (thousands of levels of `$(`) gets here: keep what was read.
    if (!(error instanceof RangeError)) throw error;
    hasErrors = true;
  }
  const { commands, pipelines } = walker.finish();
  return { source, commands, pipelines, hasErrors, range };
}

/**
 * A syntax node copied out of tree-sitter's wasm memory. Reading a tree through web-tree-sitter's
 * `Node` objects costs several wasm calls per node; copying it once with a cursor (three calls per
 * node, named-ness cached per node type) is faster and lets the tree be freed right away.
 */
interface SNode {
  type: string;
  named: boolean;
  start: number;
  end: number;
  children: SNode[];
}

const namedTypes = new WeakMap<Language, boolean[]>();

function copyTree(cursor: TreeCursor, language: Language): SNode {
  let named = namedTypes.get(language);
  if (!named) {
    named = [];
    namedTypes.set(language, named);
  }
  const cache = named;
  const snapshot = (): SNode => {
    const typeId = cursor.nodeTypeId;
    let isNamed = cache[typeId];
    if (isNamed === undefined) isNamed = cache[typeId] = language.nodeTypeIsNamed(typeId);
    return { type: language.types[typeId] ?? 'ERROR', named: isNamed, start: cursor.startIndex, end: cursor.endIndex, children: [] };
  };
  // Iterative depth-first copy: deeply nested scripts must not overflow the JS stack.
  const root = snapshot();
  const stack: SNode[] = [root];
  const enter = (): void => {
    const node = snapshot();
    stack[stack.length - 1].children.push(node);
    stack.push(node);
  };
  for (;;) {
    if (cursor.gotoFirstChild()) {
      enter();
      continue;
    }
    for (;;) {
      stack.pop();
      if (stack.length === 0) return root;
      if (cursor.gotoNextSibling()) {
        enter();
        break;
      }
      cursor.gotoParent();
    }
  }
}

class Walker {
  private readonly commands: ShellCommand[] = [];
  /** Derived start offset and substitution depth of each command, parallel to `commands`. */
  private readonly starts: number[] = [];
  private readonly depths: number[] = [];
  private readonly pipelines: ShellCommand[][] = [];
  private readonly heredocs = new Map<number, ShellHeredoc>();

  constructor(
    private readonly text: string,
    private readonly mapper: RangeMapper,
    heredocs: readonly ShellHeredoc[],
  ) {
    for (const doc of heredocs) this.heredocs.set(doc.operatorStart, doc);
  }

  /** Commands in document order with their indexes, and the pipelines. */
  finish(): { commands: ShellCommand[]; pipelines: ShellCommand[][] } {
    const order = this.commands.map((_, i) => i).sort((a, b) => this.starts[a] - this.starts[b] || a - b);
    const commands = order.map((i) => this.commands[i]);
    commands.forEach((command, index) => { command.index = index; });
    const pipelines = this.pipelines.slice().sort((a, b) => a[0].index - b[0].index);
    return { commands, pipelines };
  }

  /** Visits the statements among `node`'s children (a program, subshell, body...). */
  sequence(node: SNode, ctx: Context): void {
    let pending: Connector = null;
    let started = false;
    for (const child of node.children) {
      if (!child.named) {
        if (child.type in SEPARATORS) pending = SEPARATORS[child.type];
        else { pending = null; started = false; }
        continue;
      }
      if (child.type === 'comment') continue;
      if (STATEMENTS.has(child.type)) {
        this.statement(child, ctx, started ? pending ?? ';' : pending);
        started = true;
        pending = null;
      } else if (BODIES.has(child.type)) {
        this.sequence(child, ctx);
        started = false;
        pending = null;
      } else {
        this.scan(child, ctx);
      }
    }
  }

  private statement(node: SNode, ctx: Context, connector: Connector): void {
    switch (node.type) {
      case 'command':
      case 'declaration_command':
      case 'unset_command':
        this.command(node, [], node, ctx, connector);
        return;
      case 'redirected_statement': {
        const body = node.children.find((child) => STATEMENTS.has(child.type));
        const redirects = node.children.filter((child) => REDIRECTS.has(child.type));
        if (body && (body.type === 'command' || body.type === 'declaration_command' || body.type === 'unset_command')) {
          this.command(body, redirects, node, ctx, connector);
        } else {
          if (body) this.statement(body, ctx, connector);
          for (const redirect of redirects) this.scan(redirect, ctx);
        }
        return;
      }
      case 'negated_command': {
        for (const child of node.children) {
          if (STATEMENTS.has(child.type)) this.statement(child, ctx, connector);
        }
        return;
      }
      case 'list': {
        // `a && b || c` is list(list(a && b) || c): walk down the left spine without recursing, so
        // that long chains do not grow the stack, then visit the operands left to right.
        const tails: SNode[][] = [];
        let head: SNode = node;
        while (head.type === 'list') {
          const first = head.children.findIndex((child) => child.named && child.type !== 'comment');
          if (first === -1) break;
          tails.push(head.children.slice(first + 1));
          head = head.children[first];
        }
        if (head.type === 'list') return;
        this.statement(head, ctx, connector);
        for (let t = tails.length - 1; t >= 0; t--) {
          let pending: Connector = null;
          for (const child of tails[t]) {
            if (!child.named) {
              if (child.type in SEPARATORS) pending = SEPARATORS[child.type];
              continue;
            }
            if (STATEMENTS.has(child.type)) this.statement(child, ctx, pending);
            else if (child.type !== 'comment') this.scan(child, ctx);
          }
        }
        return;
      }
      case 'pipeline':
        this.pipeline(node, ctx, connector);
        return;
      case 'subshell':
        this.sequence(node, { ...ctx, nested: true });
        return;
      case 'compound_statement':
      case 'ERROR':
        this.sequence(node, ctx);
        return;
      case 'function_definition': {
        const body = node.children.find((child) => child.type === 'compound_statement' || (STATEMENTS.has(child.type) && child.type !== 'ERROR'));
        const inner = { ...ctx, nested: true };
        if (body?.type === 'compound_statement' || body?.type === 'subshell') this.sequence(body, inner);
        else if (body) this.statement(body, inner, null);
        return;
      }
      case 'if_statement':
      case 'while_statement':
      case 'for_statement':
      case 'c_style_for_statement':
      case 'case_statement':
        this.sequence(node, { ...ctx, inCompound: true });
        return;
      default:
        this.scan(node, ctx);
    }
  }

  private pipeline(node: SNode, ctx: Context, connector: Connector): void {
    const stages: ShellCommand[][] = [];
    for (const child of node.children) {
      if (!child.named || child.type === 'comment') continue;
      const before = this.commands.length;
      this.statement(child, ctx, stages.length === 0 ? connector : '|');
      const stage: ShellCommand[] = [];
      for (let i = before; i < this.commands.length; i++) {
        if (this.depths[i] === ctx.depth) stage.push(this.commands[i]);
      }
      stages.push(stage);
    }
    stages.forEach((stage, i) => {
      for (const command of stage) {
        if (i < stages.length - 1) command.pipedOut = true;
        if (i > 0) command.pipedIn = true;
      }
    });
    const all = stages.flat().sort((a, b) => a.range.start.offset - b.range.start.offset);
    if (stages.length >= 2 && all.length >= 2) this.pipelines.push(all);
  }

  /** Visits the command substitutions (and process substitutions) anywhere below `node`. */
  private scan(node: SNode, ctx: Context): void {
    if (node.type === 'heredoc_body') return;
    if (node.type === 'command_substitution' || node.type === 'process_substitution') {
      this.sequence(node, { ...ctx, nested: true, inSubstitution: true, depth: ctx.depth + 1 });
      return;
    }
    for (const child of node.children) if (child.named) this.scan(child, ctx);
  }

  private command(node: SNode, extraRedirects: SNode[], rangeNode: SNode, ctx: Context, connector: Connector): void {
    const words: ShellWord[] = [];
    const assignments: ShellCommand['assignments'] = [];
    const redirects: ShellCommand['redirects'] = [];
    let missingName = false;
    for (const child of node.children) {
      if (!child.named) {
        // `export`, `declare`, `local`, `readonly`, `typeset`, `unset`, `unsetenv` keywords.
        if (node.type !== 'command' && words.length === 0 && /^[a-z]+$/.test(child.type)) words.push(this.word(child));
        continue;
      }
      switch (child.type) {
        case 'comment':
          break;
        case 'variable_assignment':
          if (words.length === 0 && node.type === 'command') assignments.push(this.assignment(child));
          else words.push(this.word(child));
          this.scan(child, ctx);
          break;
        case 'file_redirect':
        case 'heredoc_redirect':
        case 'herestring_redirect':
          this.redirect(child, words, redirects, ctx);
          break;
        case 'ERROR':
          this.scan(child, ctx);
          break;
        case 'command_name':
          if (child.start === child.end || child.children.some((c) => c.start === c.end || c.type === 'ERROR')) missingName = true;
          words.push(this.word(child));
          this.scan(child, ctx);
          break;
        default:
          words.push(this.word(child));
          this.scan(child, ctx);
      }
    }
    for (const redirect of extraRedirects) this.redirect(redirect, words, redirects, ctx);
    if (words.length === 0 || missingName) return;
    const nameIndex = commandNameIndex(words);
    const args = words.slice(nameIndex + 1);
    let end = rangeNode.end;
    for (const redirect of extraRedirects) end = Math.max(end, this.redirectEnd(redirect));
    const command: ShellCommand = {
      name: words[nameIndex].value,
      words,
      args,
      flags: flagsOf(args),
      assignments,
      redirects,
      range: this.range(rangeNode.start, end),
      connector,
      pipedOut: false,
      pipedIn: false,
      nested: ctx.nested,
      inSubstitution: ctx.inSubstitution,
      inCompound: ctx.inCompound,
      index: -1,
    };
    this.commands.push(command);
    this.starts.push(rangeNode.start);
    this.depths.push(ctx.depth);
  }

  private redirectEnd(node: SNode): number {
    const doc = this.heredocOf(node);
    return doc ? Math.max(node.end, doc.delimiterEnd) : node.end;
  }

  private heredocOf(node: SNode): ShellHeredoc | undefined {
    if (node.type !== 'file_redirect') return undefined;
    for (const child of node.children) {
      if (!child.named && child.type === '<') return this.heredocs.get(child.start);
    }
    return undefined;
  }

  private redirect(node: SNode, words: ShellWord[], redirects: ShellCommand['redirects'], ctx: Context): void {
    let descriptor = '';
    let operator = '';
    const targets: SNode[] = [];
    for (const child of node.children) {
      if (child.type === 'file_descriptor') descriptor = this.raw(child);
      else if (!child.named && !operator) operator = child.type;
      else if (child.named && child.type !== 'heredoc_body' && child.type !== 'heredoc_end' && child.type !== 'comment') {
        targets.push(child);
      }
    }
    const doc = this.heredocOf(node);
    if (doc) {
      redirects.push({
        operator: descriptor + doc.operator,
        target: doc.delimiterRaw,
        range: this.range(node.start, Math.max(node.end, doc.delimiterEnd)),
      });
      return;
    }
    const [target, ...extra] = targets;
    redirects.push({
      operator: descriptor + operator,
      target: target ? this.raw(target) : '',
      range: this.range(node.start, target ? target.end : node.end),
    });
    if (target) this.scan(target, ctx);
    if (node.type !== 'file_redirect') return;
    // bash reads `echo a > f b` as `echo a b > f`; tree-sitter puts `b` in the redirect.
    for (const word of extra) {
      words.push(this.word(word));
      this.scan(word, ctx);
    }
  }

  private assignment(node: SNode): ShellCommand['assignments'][number] {
    // variable_name (or subscript `a[0]`), `=` or `+=`, then the value when there is one.
    const operator = node.children.findIndex((child) => !child.named && (child.type === '=' || child.type === '+='));
    const nameNode = operator > 0 ? node.children[0] : undefined;
    const valueNode = operator >= 0 ? node.children[operator + 1] : undefined;
    return {
      name: nameNode ? this.raw(nameNode) : this.raw(node).split('=')[0],
      value: valueNode ? valueOf(this.text, valueNode) : '',
      range: this.range(node.start, node.end),
    };
  }

  private word(node: SNode): ShellWord {
    return {
      raw: this.raw(node),
      value: valueOf(this.text, node),
      dynamic: isDynamic(node),
      range: this.range(node.start, node.end),
    };
  }

  private raw(node: SNode): string {
    return this.text.slice(node.start, node.end);
  }

  private range(start: number, end: number): Range {
    return this.mapper.range(start, end);
  }
}

/** True when a parameter expansion or substitution occurs below `node`. */
function isDynamic(node: SNode): boolean {
  if (EXPANSIONS.has(node.type)) return true;
  return node.children.some((child) => child.named && isDynamic(child));
}

/**
 * The value of a word: quotes removed, escapes applied, `$x`/`${x}` as `${x}`, other expansions
 * and `$(...)` kept as written (backticks rewritten to `$(...)`).
 */
function valueOf(text: string, node: SNode): string {
  const raw = text.slice(node.start, node.end);
  switch (node.type) {
    case 'raw_string':
      return raw.startsWith("'") ? raw.slice(1, raw.endsWith("'") && raw.length > 1 ? -1 : undefined) : raw;
    case 'string':
      return quoted(text, node, 1);
    case 'translated_string':
      return quoted(text, node, 2);
    case 'ansi_c_string':
      return ansiC(raw.slice(2, raw.endsWith("'") && raw.length > 2 ? -1 : undefined));
    case 'simple_expansion':
      return '${' + raw.slice(1) + '}';
    case 'expansion':
    case 'arithmetic_expansion':
    case 'process_substitution':
      return raw;
    case 'command_substitution':
      return raw.startsWith('`') ? '$(' + raw.slice(1, raw.endsWith('`') && raw.length > 1 ? -1 : undefined) + ')' : raw;
    default: {
      if (!node.children.some((child) => child.named)) return unquoted(raw);
      let out = '';
      let pos = node.start;
      for (const child of node.children) {
        if (!child.named) continue;
        out += unquoted(text.slice(pos, child.start)) + valueOf(text, child);
        pos = child.end;
      }
      return out + unquoted(text.slice(pos, node.end));
    }
  }
}

/** Value of a double-quoted string whose opening quote has `open` characters (`"` or `$"`). */
function quoted(text: string, node: SNode, open: number): string {
  const raw = text.slice(node.start, node.end);
  const start = node.start + Math.min(open, raw.length);
  const end = raw.length > open && raw.endsWith('"') ? node.end - 1 : node.end;
  let out = '';
  let pos = start;
  for (const child of node.children) {
    if (!child.named || !EXPANSIONS.has(child.type)) continue;
    out += doubleQuoted(text.slice(pos, child.start)) + valueOf(text, child);
    pos = child.end;
  }
  return out + doubleQuoted(text.slice(pos, Math.max(pos, end)));
}

/** Unquoted text: `\c` → `c`, backslash-newline removed. */
function unquoted(s: string): string {
  return s.includes('\\') ? s.replace(/\\(\r?\n|[\s\S])?/g, (_, c: string | undefined) => (c === undefined || c.endsWith('\n') ? '' : c)) : s;
}

/** Inside double quotes only `\$`, `` \` ``, `\"`, `\\` and backslash-newline are escapes. */
function doubleQuoted(s: string): string {
  return s.includes('\\') ? s.replace(/\\(\r?\n|[$`"\\])/g, (_, c: string) => (c.endsWith('\n') ? '' : c)) : s;
}

const ANSI_C: Record<string, string> = {
  n: '\n', t: '\t', r: '\r', a: '\x07', b: '\b', e: '\x1b', E: '\x1b', f: '\f', v: '\v', '\\': '\\', "'": "'", '"': '"', '?': '?',
};

/** Body of `$'...'` with the common escapes decoded (others kept as written). */
function ansiC(s: string): string {
  return s.replace(/\\(x[0-9a-fA-F]{1,2}|[0-7]{1,3}|[\s\S])/g, (all, c: string) => {
    if (c in ANSI_C) return ANSI_C[c];
    if (c.startsWith('x') && c.length > 1) return String.fromCharCode(parseInt(c.slice(1), 16));
    if (/^[0-7]+$/.test(c)) return String.fromCharCode(parseInt(c, 8));
    return all;
  });
}
