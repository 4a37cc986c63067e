/**
 * Pure helpers of the language server: engine findings → LSP diagnostics, the text edits behind the
 * "ignore" code actions, hover text. No I/O here; src/lsp/server.ts does the wiring.
 *
 * LSP positions are 0-based lines and 0-based UTF-16 character offsets (LSP 3.17 §Position, default
 * `utf-16` encoding); the engine's are 1-based lines and columns in the same UTF-16 units, so a
 * position converts by subtracting one from each.
 */
import { parseDocument, isMap, isSeq } from 'yaml';
import type { Diagnostic, Hover, Range as LspRange } from 'vscode-languageserver';
import { DiagnosticSeverity, MarkupKind } from 'vscode-languageserver';
import { parsePragma } from '../engine/pragmas.js';
import type { Finding, RuleMeta, Severity, TextEdit } from '../engine/types.js';
import type { Dockerfile, Range } from '../parse/types.js';

/** File names an editor may call a Dockerfile (the CLI's discovery patterns, src/cli/discover.ts). */
const DOCKERFILE_NAME = /^(?:(?:Dockerfile|Containerfile)(?:\..+)?|.+\.(?:Dockerfile|dockerfile|Containerfile|containerfile))$/;

/**
 * True for `Dockerfile`, `Dockerfile.*`, `*.Dockerfile`, `*.dockerfile`, `Containerfile` and
 * `Containerfile.*` (not `*.dockerignore`), or any file whose language id is `dockerfile`.
 * @param path a path or URI; only its last segment counts.
 */
export function isDockerfile(path: string, languageId?: string): boolean {
  if (languageId === 'dockerfile' || languageId === 'containerfile') return true;
  const name = decodeURIComponent(path.replace(/[?#].*$/, '').replace(/^.*\//, ''));
  return DOCKERFILE_NAME.test(name) && !name.endsWith('.dockerignore');
}

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  style: DiagnosticSeverity.Hint,
};

/** An engine range as an LSP range. */
export function toLspRange(range: Range): LspRange {
  return {
    start: { line: range.start.line - 1, character: range.start.column - 1 },
    end: { line: range.end.line - 1, character: range.end.column - 1 },
  };
}

/**
 * One finding as a diagnostic: the rule id is the `code`, its docs page the `codeDescription`, the
 * severity maps error/warning/info/style to Error/Warning/Information/Hint.
 */
export function toDiagnostic(finding: Finding): Diagnostic {
  const d: Diagnostic = {
    range: toLspRange(finding.range),
    severity: SEVERITY[finding.severity],
    code: finding.ruleId,
    source: 'shipshape',
    message: finding.message,
  };
  if (finding.url) d.codeDescription = { href: finding.url };
  return d;
}

/** True when `position` (LSP, 0-based) lies in the finding's range (ends included, so a caret just after it counts). */
export function findingContains(finding: Finding, line: number, character: number): boolean {
  const r = toLspRange(finding.range);
  const after = (a: { line: number; character: number }, b: { line: number; character: number }): boolean => a.line > b.line || (a.line === b.line && a.character >= b.character);
  return after({ line, character }, r.start) && after(r.end, { line, character });
}

/** True when the finding's range and the LSP range share at least one point. */
export function findingIntersects(finding: Finding, range: LspRange): boolean {
  const r = toLspRange(finding.range);
  const before = (a: { line: number; character: number }, b: { line: number; character: number }): boolean => a.line < b.line || (a.line === b.line && a.character < b.character);
  return !before(r.end, range.start) && !before(range.end, r.start);
}

/** hadolint's pragma accepts only `D L S C 0-9` in rule names; others need the `shipshape` spelling. */
function pragmaTool(ruleId: string): 'hadolint' | 'shipshape' {
  return /^[DLSC0-9]+$/.test(ruleId) ? 'hadolint' : 'shipshape';
}

/**
 * The edit that silences `finding` on its instruction with an inline pragma (`# hadolint ignore=ID`
 * on the line above; hadolint `Hadolint.Pragma`: the pragma covers the instruction that starts on
 * the next line). When that line already is an `ignore=` pragma of the same tool, the id is added to
 * its list instead of writing a second comment. Returns null for parse errors (DL1000), which no
 * pragma can silence.
 */
export function ignorePragmaEdit(file: Dockerfile, finding: Finding): TextEdit | null {
  if (finding.ruleId === 'DL1000') return null;
  const text = file.text;
  const line = finding.instruction ? finding.instruction.line : finding.range.start.line;
  const tool = pragmaTool(finding.ruleId);
  const eol = /\r\n/.test(text) ? '\r\n' : '\n';
  const above = file.comments.find((c) => c.range.start.line === line - 1 && !c.inContinuation);
  const pragma = above ? parsePragma(above) : null;
  if (above && pragma && pragma.kind === 'ignore' && pragma.scope === 'next' && pragma.tool === tool) {
    if (pragma.rules.includes(finding.ruleId)) return null;
    // Append after the last rule name, before any trailing blanks or `# comment`.
    const source = text.slice(above.range.start.offset, above.range.end.offset);
    const m = /ignore[ \t]*=[ \t]*[A-Za-z0-9_-]+(?:[ \t]*,[ \t]*[A-Za-z0-9_-]+)*/.exec(source);
    if (!m) return null;
    const at = above.range.start.offset + m.index + m[0].length;
    return { start: at, end: at, text: `,${finding.ruleId}` };
  }
  const lineStart = file.lineStarts[line - 1] ?? 0;
  const indent = /^[ \t]*/.exec(text.slice(lineStart))![0];
  return { start: lineStart, end: lineStart, text: `${indent}# ${tool} ignore=${finding.ruleId}${eol}` };
}

/**
 * `.hadolint.yaml` text with `ruleId` added to its `ignored:` list, keeping comments and layout
 * (the `yaml` package's document model). An empty or missing file gives `ignored:\n  - ID\n`.
 * Returns the text unchanged when the rule is already ignored.
 * @throws Error when the text is not a YAML mapping (the user must fix the file first).
 */
export function addIgnoredRule(yamlText: string, ruleId: string): string {
  const doc = parseDocument(yamlText);
  if (doc.errors.length > 0) throw new Error(`invalid YAML: ${doc.errors[0].message.split('\n')[0]}`);
  if (doc.contents === null || doc.contents === undefined) return `${yamlText}${yamlText && !yamlText.endsWith('\n') ? '\n' : ''}ignored:\n  - ${ruleId}\n`;
  if (!isMap(doc.contents)) throw new Error('the file is not a YAML mapping');
  const ignored = doc.get('ignored');
  if (ignored === undefined || ignored === null) {
    doc.set('ignored', doc.createNode([ruleId]));
  } else if (isSeq(ignored)) {
    if (ignored.items.some((i) => String((i as { value?: unknown }).value ?? i) === ruleId)) return yamlText;
    ignored.add(doc.createNode(ruleId));
  } else {
    throw new Error('`ignored` is not a list');
  }
  return doc.toString();
}

/**
 * The smallest single edit turning `before` into `after` (common prefix and suffix kept), so that
 * applying a whole-file result (fix all) leaves the editor's cursor and undo history meaningful.
 */
export function minimalEdit(before: string, after: string): TextEdit | null {
  if (before === after) return null;
  let start = 0;
  const max = Math.min(before.length, after.length);
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let endB = before.length;
  let endA = after.length;
  while (endB > start && endA > start && before.charCodeAt(endB - 1) === after.charCodeAt(endA - 1)) {
    endB--;
    endA--;
  }
  return { start, end: endB, text: after.slice(start, endA) };
}

/**
 * Hover text for the findings under the cursor: for each, its rule id linked to the docs page, the
 * message, and the rule's summary and "why" from the registry (SC findings: the message and the
 * ShellCheck wiki link only).
 */
export function hoverFor(findings: Finding[], rules: ReadonlyMap<string, RuleMeta>, range: LspRange): Hover | null {
  if (findings.length === 0) return null;
  const parts = findings.map((f) => {
    const meta = rules.get(f.ruleId);
    const title = f.url ? `[**${f.ruleId}**](${f.url})` : `**${f.ruleId}**`;
    const lines = [`${title} (${f.severity}) — ${escapeMarkdown(f.message)}`];
    if (meta && meta.summary !== f.message) lines.push('', escapeMarkdown(meta.summary));
    if (meta?.docs.why) lines.push('', `*Why:* ${escapeMarkdown(meta.docs.why)}`);
    if (f.fix) lines.push('', `*Fix (${f.fix.applicability}):* ${escapeMarkdown(f.fix.description)}`);
    return lines.join('\n');
  });
  return { contents: { kind: MarkupKind.Markdown, value: parts.join('\n\n---\n\n') }, range };
}

/**
 * `s` as Markdown that shows as written: messages mark code with backticks (`` `--no-cache-dir` ``), so
 * complete code spans are kept as code and everything else has Markdown's special characters escaped
 * (`*`, `_`, `[`, `<`... would otherwise format or hide text). A lone backtick is escaped too.
 */
function escapeMarkdown(s: string): string {
  const plain = (t: string): string => t.replace(/([\\`*_[\]<>])/g, '\\$1');
  let out = '';
  let last = 0;
  for (const m of s.matchAll(/`[^`\n]+`/g)) {
    out += plain(s.slice(last, m.index)) + m[0];
    last = m.index! + m[0].length;
  }
  return out + plain(s.slice(last));
}
