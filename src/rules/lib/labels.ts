/**
 * Label helpers for hadolint's label-schema rules (DL3048–DL3058): value validators that follow the
 * Haskell libraries hadolint uses, and the walk over LABEL pairs shared by the typed-label rules.
 */
import type { Instruction, KeyValue, Range } from '../../parse/types.js';
import type { LabelType, RuleContext } from '../../engine/types.js';
import { expandInScope } from '../../parse/semantics.js';
import { SPDX_LICENSE_IDS } from './spdx-ids.js';

/**
 * Why a label key is invalid (hadolint DL3048, Docker's key format recommendation), or null when valid:
 * it must start with `a-z`, end with `a-z0-9`, contain only `a-z 0-9 . - _ /`, not use a reserved
 * Docker namespace and not contain `..` or `--`.
 */
export function invalidLabelKey(key: string): string | null {
  if (/[A-Z]/.test(key)) return 'must be lower case';
  if (!/^[a-z]/.test(key)) return 'must start with a lower-case letter';
  if (!/[a-z0-9]$/.test(key)) return 'must end with a lower-case letter or digit';
  const bad = /[^a-z0-9._/-]/.exec(key);
  if (bad) return `contains \`${bad[0]}\``;
  for (const ns of ['com.docker.', 'io.docker.', 'org.dockerproject.']) {
    if (key.startsWith(ns)) return `uses the reserved \`${ns}\` namespace`;
  }
  if (key.includes('..') || key.includes('--')) return 'contains consecutive separators';
  return null;
}

/** True for a non-empty value made of `0-9a-f` only, 7 or 40 characters long (hadolint DL3055). */
function isGitHash(v: string): boolean {
  return (v.length === 7 || v.length === 40) && /^[0-9a-f]+$/.test(v);
}

const NUM = '(?:0|[1-9][0-9]*)';
const PRE_ID = '(?:0|[1-9][0-9]*|[0-9]*[A-Za-z-][0-9A-Za-z-]*)';
const BUILD_ID = '[0-9A-Za-z-]+';
const SEMVER = new RegExp(`^${NUM}\\.${NUM}\\.${NUM}(?:-${PRE_ID}(?:\\.${PRE_ID})*)?(?:\\+${BUILD_ID}(?:\\.${BUILD_ID})*)?$`);

/** Strict Semantic Versioning 2.0.0: `MAJOR.MINOR.PATCH[-pre][+build]`, no `v`, no leading zeros (DL3056). */
function isSemver(v: string): boolean {
  return SEMVER.test(v);
}

/** True for one SPDX license identifier, case-sensitive, no expressions (DL3054, Cabal's `LicenseId`). */
function isSpdxId(v: string): boolean {
  return SPDX_LICENSE_IDS.has(v);
}

/**
 * RFC 3339 `date-time` (timerep's `parseTimeRFC3339`): `YYYY-MM-DDTHH:MM:SS[.frac](Z|±HH:MM)` with a
 * real calendar date; surrounding blanks are tolerated as `parseTimeM` does.
 */
function isRfc3339(v: string): boolean {
  const m = /^\s*(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(?:[Zz]|[+-](\d{2}):(\d{2}))\s*$/.exec(v);
  if (!m) return false;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number);
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  if (day > days || hour > 23 || minute > 59 || second > 60) return false;
  if (m[7] !== undefined && (Number(m[7]) > 23 || Number(m[8]) > 59)) return false;
  return true;
}

const UNRESERVED = "A-Za-z0-9\\-._~";
const SUB_DELIMS = "!$&'()*+,;=";
const PCHAR = `(?:[${UNRESERVED}${SUB_DELIMS}:@]|%[0-9A-Fa-f]{2})`;
const QUERY = `(?:${PCHAR}|[/?])*`;
const IPV6 = '\\[[0-9A-Fa-f:.]+\\]|\\[v[0-9A-Fa-f]+\\.[' + UNRESERVED + SUB_DELIMS + ':]+\\]';
const REG_NAME = `(?:[${UNRESERVED}${SUB_DELIMS}]|%[0-9A-Fa-f]{2})*`;
const USERINFO = `(?:[${UNRESERVED}${SUB_DELIMS}:]|%[0-9A-Fa-f]{2})*`;
const AUTHORITY = `(?:${USERINFO}@)?(?:${IPV6}|${REG_NAME})(?::[0-9]*)?`;
const HIER = `(?://${AUTHORITY}(?:/${PCHAR}*)*|/(?:${PCHAR}+(?:/${PCHAR}*)*)?|${PCHAR}+(?:/${PCHAR}*)*|)`;
const URI = new RegExp(`^[A-Za-z][A-Za-z0-9+.-]*:${HIER}(?:\\?${QUERY})?(?:#${QUERY})?$`);

/**
 * An absolute URI as RFC 3986 defines it (Network.URI's `parseURI`): a scheme, `:`, then only URI
 * characters (percent-encoded otherwise); no blanks.
 */
function isUrl(v: string): boolean {
  return URI.test(v);
}

const ATEXT = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]";
const DOT_ATOM = `${ATEXT}+(?:\\.${ATEXT}+)*`;
const QUOTED = '"(?:[\\x20\\x21\\x23-\\x5b\\x5d-\\x7e]|\\\\[\\x20-\\x7e])*"';
const LABEL = '[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?';
const DOMAIN = `(?:${LABEL}(?:\\.${LABEL})*|\\[[\\x21-\\x5a\\x5e-\\x7e]*\\])`;
const EMAIL = new RegExp(`^(?:${DOT_ATOM}|${QUOTED})@${DOMAIN}$`);

/** An RFC 5322 `addr-spec` (email-validate's `isValid`): `local@domain`, at most 254 characters. */
function isEmail(v: string): boolean {
  return v.length <= 254 && EMAIL.test(v);
}

/** The validator of each label type; `text` accepts anything. */
const LABEL_VALIDATORS: Record<LabelType, (v: string) => boolean> = {
  text: () => true,
  url: isUrl,
  semver: isSemver,
  hash: isGitHash,
  rfc3339: isRfc3339,
  spdx: isSpdxId,
  email: isEmail,
};

/** A LABEL pair with the value the builder will store, when it can be known. */
interface LabelValue {
  pair: KeyValue;
  /** Value after BuildKit's expansion with the ARG/ENV defaults in scope; null when it uses an unknown variable. */
  value: string | null;
  /** Where to report a problem with the value (the value, or the key when the value is empty). */
  range: Range;
}

/** The pairs of a LABEL instruction with their expanded values (see {@link LabelValue}). */
export function labelValues(ctx: RuleContext, instr: Instruction): LabelValue[] {
  const out: LabelValue[] = [];
  for (const pair of instr.pairs) {
    let value: string | null = pair.value ?? '';
    const raw = pair.rawValue ?? '';
    if (raw.includes('$')) {
      const r = expandInScope(raw, ctx.scope(instr), { escape: ctx.file.escape });
      value = r.error !== null || r.unmatched.length > 0 ? null : r.value;
    }
    const range = pair.valueRange && pair.valueRange.end.offset > pair.valueRange.start.offset ? pair.valueRange : pair.keyRange;
    out.push({ pair, value, range });
  }
  return out;
}

/** Every top-level LABEL instruction (hadolint does not look into `ONBUILD LABEL`). */
export function labelInstructions(ctx: RuleContext): Instruction[] {
  return ctx.file.instructions.filter((i) => i.keyword === 'LABEL');
}

/**
 * Shared check of the typed-label rules (DL3052–DL3056, DL3058): for each schema label of `type`, each
 * LABEL instruction setting it to a value that fails the type's validator is reported once, at the
 * first bad value.
 */
export function checkTypedLabels(ctx: RuleContext, type: LabelType, message: (label: string, value: string) => string): void {
  const labels = Object.keys(ctx.settings.labelSchema).filter((k) => ctx.settings.labelSchema[k] === type);
  if (labels.length === 0) return;
  const valid = LABEL_VALIDATORS[type];
  for (const instr of labelInstructions(ctx)) {
    const values = labelValues(ctx, instr);
    for (const label of labels) {
      const bad = values.find((v) => v.pair.key === label && v.value !== null && !valid(v.value));
      if (bad) ctx.report({ instruction: instr, range: bad.range, message: message(label, bad.value!) });
    }
  }
}
