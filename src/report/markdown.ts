/** The `markdown` format: a table per file, for pull-request comments and job summaries. shipshape's own format. */
import type { ReportInput } from './types.js';
import { sanitizeText, sortedFindings, spanOf } from './util.js';
import { summaryLine } from './tty.js';

/**
 * Escapes text for a GitHub-flavoured Markdown table cell: `|` as `\|` (also inside code spans, as
 * GFM requires), line breaks as `<br>`; outside code spans also `\`, `<`, `&` and `*`/`_`/`[`/`]`
 * so that messages are shown literally. A message with unbalanced backticks is escaped as plain text.
 */
export function escapeMarkdownCell(text: string): string {
  const clean = sanitizeText(text.replace(/\r\n|\r|\n/g, '\u2028'));
  const parts = clean.split('`');
  const balanced = parts.length % 2 === 1;
  return parts
    .map((part, index) => {
      const inCode = balanced && index % 2 === 1;
      let escaped = inCode ? part : part.replace(/[\\`*_[\]<>&]/g, escapeMarkdownChar);
      escaped = escaped.replace(/\|/g, '\\|').replace(/\u2028/g, '<br>');
      return escaped;
    })
    .join(balanced ? '`' : '\\`');
}

const HTML_ENTITIES: Record<string, string> = { '<': '&lt;', '>': '&gt;', '&': '&amp;' };

function escapeMarkdownChar(c: string): string {
  return HTML_ENTITIES[c] ?? `\\${c}`;
}

function linkTarget(url: string): string {
  return url.replace(/[ ()<>]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

/**
 * Not a hadolint format: for each file with findings a heading and a table
 * `| Line | Severity | Rule | Message |` (rule linked to its documentation), then the summary line.
 * No findings: `No problems found.`
 */
export function formatMarkdown(input: ReportInput): string {
  const sections: string[] = [];
  for (const file of input.files) {
    const findings = sortedFindings(file);
    if (findings.length === 0) continue;
    const rows = findings.map((f) => {
      const span = spanOf(f);
      const rule = f.url ? `[${escapeMarkdownCell(f.ruleId)}](${linkTarget(f.url)})` : escapeMarkdownCell(f.ruleId);
      return `| ${span.line}:${span.column} | ${f.severity} | ${rule} | ${escapeMarkdownCell(f.message)} |`;
    });
    sections.push(
      `### ${escapeMarkdownCell(file.file)}\n\n| Line | Severity | Rule | Message |\n| ---: | --- | --- | --- |\n${rows.join('\n')}\n`,
    );
  }
  if (sections.length === 0) return 'No problems found.\n';
  return `${sections.join('\n')}\n${summaryLine(input.files.flatMap((f) => f.findings))}\n`;
}
