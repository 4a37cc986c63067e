/**
 * The one redaction step of every output path (reports of all formats, the tty source excerpt, SARIF
 * fixes, `--diff`): secret values found in a Dockerfile are masked wherever they would be shown.
 *
 * A value is secret when secretlint's recommended rules (src/rules/lib/secrets.ts `findSecrets`) find it
 * in the text — comments included, since a diff shows them — or when it is the literal value of a
 * secret-named key (`DB_PASSWORD=...`, `ENV API_TOKEN ...`, `--password=...`; names and placeholders as
 * judged by `secretName` and `placeholderValue`). Masking keeps the length (`*` per character), so
 * columns of excerpts and SARIF regions stay right. Fixes themselves are applied with the real values;
 * only what is printed is masked.
 */
import { findSecrets, placeholderValue, secretName } from '../rules/lib/secrets.js';
import type { ReportFile } from './types.js';

/**
 * `NAME=value`, `NAME: value`, `--name=value` / `--name value`, and `ENV NAME value` at a line start. An
 * unquoted value runs to a blank or a quote: in ENV/ARG/LABEL `&`, `;` and `|` are literal characters
 * (`ENV PASSWORD=abc&def` is one value), so they are taken in shell text too, where masking a few more
 * characters than the shell's word is harmless.
 */
const ASSIGNMENT = /(?:^[ \t]*(?:ENV|ARG)[ \t]+([A-Za-z_][\w.-]*)[ \t]+|(?:^|[\s"'`;&|(,])(?:--?)?([A-Za-z_][\w.-]*)[ \t]*(?:=|:[ \t]|[ \t]+(?=\S)(?<=--[\w.-]+[ \t]+)))("[^"\n]*"|'[^'\n]*'|[^\s"'`]+)/gim;

/**
 * A value that is only a variable reference (`$TOKEN`, `${TOKEN}`) or starts a command substitution
 * (`$(cat /run/secrets/x)`, of which the pattern sees `$(cat`): nothing literal to mask.
 */
const ONLY_VARIABLE = /^(?:\$\{?[A-Za-z_][A-Za-z0-9_]*\}?$|\$\()/s;

/**
 * The secret values written in `text` (each at least 3 characters), longest first.
 * @param text a Dockerfile, a diff, or any text shown to the user
 * @param keys also take values of secret-named keys (`DB_PASSWORD=x`, `ENV API_TOKEN x`): true for
 *   Dockerfile text, false for prose (a message "ENV API_TOKEN contains a token" names no value)
 */
export function secretValues(text: string, keys = true): string[] {
  return longestFirst(keys ? [...detectedValues(text), ...keyedValues(text)] : detectedValues(text));
}

/**
 * The values secretlint's rules find in `text`. With `latin1View`, the scan reads `text` with each code
 * unit above U+00FF as a space (offsets unchanged; values are taken from `text`): V8 compiles a regular
 * expression once per string representation, so a two-byte text (a message with `…`) made the report's
 * scan compile every secretlint expression again, ~2.5 ms, while a one-byte text reuses what the lint's
 * own scan compiled. Only for texts built from the Dockerfile's pieces (messages, fix texts), whose
 * secrets are also in the Dockerfile itself when they hold such characters.
 */
function detectedValues(text: string, latin1View = false): string[] {
  return findSecrets(latin1View ? oneByte(text) : text).map((hit) => text.slice(hit.start, hit.end));
}

/**
 * `text` with each code unit above U+00FF replaced by a space, as a one-byte string. (`replace` on a
 * two-byte string returns a two-byte string even when nothing wide is left; `String.fromCharCode` with
 * codes below 256 makes a one-byte one.)
 */
function oneByte(text: string): string {
  if (!/[^\x00-\xff]/.test(text)) return text;
  let out = '';
  const chunk: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    chunk.push(c > 0xff ? 0x20 : c);
    if (chunk.length === 4096 || i === text.length - 1) {
      out += String.fromCharCode(...chunk);
      chunk.length = 0;
    }
  }
  return out;
}

/** The literal values of secret-named keys in `text` (`DB_PASSWORD=x`, `ENV API_TOKEN x`). */
function keyedValues(text: string): string[] {
  const values: string[] = [];
  for (const m of text.matchAll(ASSIGNMENT)) {
    const name = m[1] ?? m[2];
    let value = m[3];
    if (/^(["']).*\1$/s.test(value)) value = value.slice(1, -1);
    value = value.replace(/\\$/, '');
    // `--password=$PASS;` in a RUN: the variable with the shell's punctuation after it is still no literal.
    if (!name || value.length < 3 || ONLY_VARIABLE.test(value.replace(/[;&|)]+$/, '')) || !secretName(name) || placeholderValue(value, name)) continue;
    values.push(value);
    // Prose around an assignment (`(user: admin, pass: wildfly)`): the value without the closing
    // punctuation is masked too, wherever else it appears (`echo "admin:wildfly" | chpasswd`).
    const bare = value.replace(/[),;.]+$/, '');
    if (bare !== value && bare.length >= 3) values.push(bare);
  }
  return values;
}

/** Distinct values of at least 3 characters, longest first. */
function longestFirst(values: Iterable<string>): string[] {
  return [...new Set(values)].filter((v) => v.length >= 3).sort((a, b) => b.length - a.length);
}

/** A function that masks `values` (and their JSON-escaped forms) in any text, keeping lengths. */
export function masker(values: readonly string[]): (text: string) => string {
  if (values.length === 0) return (text) => text;
  const forms = new Set<string>();
  for (const v of values) {
    forms.add(v);
    forms.add(JSON.stringify(v).slice(1, -1));
  }
  const list = [...forms].sort((a, b) => b.length - a.length);
  return (text) => {
    let out = text;
    for (const f of list) if (out.includes(f)) out = out.split(f).join('*'.repeat(f.length));
    return out;
  };
}

/**
 * A report file with every secret value of its source (and of `extraTexts`, e.g. the text before
 * fixing) masked in the source, messages, fix descriptions and fix edits.
 */
export function redactReportFile(file: ReportFile, extraTexts: readonly string[] = []): ReportFile {
  // Values of the source, and those that only appear in messages or fix texts (a suggestion built
  // from several pieces). Key assignments are read in the source and fix texts only (a message
  // "ENV API_TOKEN contains a token" names no value). secretlint reads the source as it is and the
  // built texts through a Latin-1 view (see detectedValues), two passes linear in their size.
  const fixTexts: string[] = [];
  const messages: string[] = [];
  for (const f of file.findings) {
    messages.push(f.message);
    for (const e of f.fix?.edits ?? []) fixTexts.push(e.text);
  }
  const source = [file.source ?? '', ...extraTexts].join('\n');
  const built = [...fixTexts, ...messages].join('\n');
  const values = longestFirst([...detectedValues(source), ...(built ? detectedValues(built, true) : []), ...keyedValues([source, ...fixTexts].join('\n'))]);
  if (values.length === 0) return file;
  const mask = masker(values);
  return {
    ...file,
    source: file.source === undefined ? undefined : mask(file.source),
    findings: file.findings.map((f) => ({
      ...f,
      message: mask(f.message),
      fix: f.fix && {
        ...f.fix,
        description: mask(f.fix.description),
        edits: f.fix.edits.map((e) => ({ ...e, text: mask(e.text) })),
        files: f.fix.files?.map((x) => ({ ...x, edits: x.edits.map((e) => ({ ...e, text: mask(e.text) })) })),
      },
    })),
  };
}
