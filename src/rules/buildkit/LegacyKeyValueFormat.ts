import { defineRule } from '../define.js';
import type { Fix } from '../../engine/types.js';
import type { EditBuilder } from '../../fix/edit.js';
import type { Dockerfile, Instruction, KeyValue } from '../../parse/types.js';

/** True when `raw` is one word for BuildKit's ENV/LABEL word splitting (no unquoted white space). */
function isSingleWord(raw: string, escape: string): boolean {
  let quote: string | null = null;
  for (let i = 0; i < raw.length; i++) {
    const ch = raw[i];
    if (ch === escape && quote !== "'") {
      i++;
      continue;
    }
    if (quote) {
      if (ch === quote) quote = null;
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (/\s/.test(ch)) return false;
  }
  return quote === null;
}

/** The `KEY=value` text that gives the same key and value as the legacy pair, or null when unsure. */
function modernText(file: Dockerfile, pair: KeyValue): string | null {
  const raw = pair.rawValue;
  if (raw === null || raw === '') return null;
  if (/\n\s*#/.test(file.text.slice(pair.range.start.offset, pair.range.end.offset))) return null; // would drop a comment
  if (/\s/.test(pair.key) || pair.key.includes('=')) return null;
  if (isSingleWord(raw, file.escape)) return `${pair.key}=${raw}`;
  if (/["'\n\r]/.test(raw) || raw.includes(file.escape)) return null;
  return `${pair.key}="${raw}"`;
}

/**
 * For a value written over continuation lines (`ENV DEPS \\` then one package per line), adds the edits that
 * keep the layout: `KEY="first \\` … `last"`. BuildKit joins the lines before reading the quotes, so the
 * value is the same as the one-line rewrite. False (nothing added) when the value is on one line or its
 * text has quotes or escape characters other than the line continuations.
 */
function quoteContinued(file: Dockerfile, edit: EditBuilder, pair: KeyValue): boolean {
  if (!pair.valueRange || pair.valueRange.start.line === pair.valueRange.end.line) return false;
  if (isSingleWord(pair.rawValue ?? '', file.escape)) return false;
  const src = file.text.slice(pair.valueRange.start.offset, pair.valueRange.end.offset);
  const esc = file.escape === '`' ? '`' : '\\\\';
  const body = src.replace(new RegExp(`${esc}[ \\t]*\\r?\\n`, 'g'), '');
  if (/["'\r\n]/.test(body) || body.includes(file.escape)) return false;
  edit.replaceBetween(pair.keyRange, pair.valueRange, '="').insertAfter(pair.valueRange, '"');
  return true;
}

export default defineRule({
  id: 'LegacyKeyValueFormat',
  severity: 'warning',
  summary: 'Legacy key/value format with whitespace separator should not be used',
  origin: 'buildkit',
  category: 'maintainability',
  fix: 'safe',
  docs: {
    description:
      'Reports `ENV` and `LABEL` instructions in the legacy `KEY value` form: the first word has no `=`, so the key is that word and the value is the whole rest of the instruction. `ARG` is never reported (`ARG a b` declares two ARGs). Docker documents the check at https://docs.docker.com/go/dockerfile/rule/legacy-key-value-format/.',
    why: 'The legacy form sets exactly one variable and silently takes everything after the key as its value, so `ENV MODE key=value` sets MODE to `key=value` and `ENV A 1 B 2` sets A to `1 B 2`. The `KEY=value` form says what it means, sets several variables in one layer, and is the only form documented for new Dockerfiles.',
    bad: 'FROM python:3.12-slim\nENV PYTHONUNBUFFERED 1\nLABEL org.opencontainers.image.title My service\n',
    good: 'FROM python:3.12-slim\nENV PYTHONUNBUFFERED=1\nLABEL org.opencontainers.image.title="My service"\n',
    differences:
      'The fix writes `KEY=value`, quoting the value in double quotes when it contains white space; a value written over continuation lines keeps its lines (`KEY="a \\` … `z"`: BuildKit joins the lines before reading the quotes, so the value is unchanged). It is not offered when the value contains quotes or escape characters that make the rewrite ambiguous, or when comment lines sit inside the instruction.',
  },
  check(ctx) {
    const file = ctx.file;
    for (const stage of file.stages) {
      for (const instr of stage.instructions as Instruction[]) {
        if (instr.keyword !== 'ENV' && instr.keyword !== 'LABEL') continue;
        const pair = instr.pairs[0];
        if (!pair || pair.equals) continue;
        const text = modernText(file, pair);
        const edit = ctx.edit();
        if (text && !quoteContinued(file, edit, pair)) edit.replace(pair, text);
        const fix: Fix | undefined = text ? edit.safe(`Write ${instr.keyword} ${text}`) : undefined;
        ctx.report({
          instruction: instr,
          range: pair.range,
          message: `"${instr.keyword} key=value" should be used instead of legacy "${instr.keyword} key value" format${text ? `: write ${instr.keywordRaw} ${text}` : ''}`,
          fix,
        });
      }
    }
  },
});
