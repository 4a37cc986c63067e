/**
 * The checks BuildKit's `instructions.Parse` makes on each instruction (unknown keywords and flags with
 * "did you mean", argument counts, stage names, RUN --mount CSV, HEALTHCHECK durations, SHELL and
 * ONBUILD forms, heredoc destinations), reported into the parse state's errors.
 *
 * No `node:` imports: this module runs in browsers and language servers.
 */
import type { Instruction, Range } from './types.js';
import { isSpace } from './lines.js';
import { parseHeredocMarker } from './words.js';
import { FLAG_SPECS, KEYWORDS, STAGE_NAME, goQuoteSimple, type ParseState } from './syntax.js';
import { editDistance } from './edit-distance.js';


/**
 * The checks `instructions.Parse` applies to one instruction: unknown keyword, flags (BuildKit
 * `BFlags.Parse`), argument counts, HEALTHCHECK type, ONBUILD trigger, SHELL form.
 */
export function validate(ctx: ParseState, instr: Instruction, ra: number, b: number): void {
  const { keyword } = instr;
  const err = (message: string, r: Range = instr.range): void => {
    ctx.errors.push({ message, range: r });
  };
  if (!KEYWORDS.has(keyword)) {
    err(`unknown instruction: ${instr.keywordRaw}${didYouMean(instr.keywordRaw, KEYWORD_LIST, false)}`, instr.keywordRange);
    return;
  }
  // BuildKit does not parse the flags of `HEALTHCHECK NONE`.
  const healthNone = keyword === 'HEALTHCHECK' && instr.words.length > 0 && instr.words[0].raw.toUpperCase() === 'NONE';
  if (!healthNone && instr.flags.length > 0) {
    const spec = FLAG_SPECS[keyword] ?? {};
    const used = new Set<string>();
    // BuildKit's `BFlags.Parse` stops at the first bad flag, and so does this: one error per
    // instruction (a COPY repeating `--chown` 2,000,000 times made 2,000,000 errors, ~1 GB).
    const before = ctx.errors.length;
    for (const f of instr.flags) {
      if (ctx.errors.length > before) break;
      const kind = Object.prototype.hasOwnProperty.call(spec, f.name) ? spec[f.name] : undefined;
      if (kind === undefined) {
        err(`unknown flag: ${f.name}${didYouMean(f.name, Object.keys(spec), true)}`, f.range);
        continue;
      }
      if (used.has(f.name) && kind !== 'strings') {
        err(`duplicate flag specified: ${f.name}`, f.range);
        continue;
      }
      used.add(f.name);
      if (kind === 'bool') {
        if (f.value !== null) {
          const v = f.value.toLowerCase();
          if (f.value === '') err(`missing a value on flag: ${f.name}`, f.range);
          else if (v !== 'true' && v !== 'false') err(`expecting boolean value for flag ${f.name}, not: ${f.value}`, f.range);
        }
      } else if (f.value === null) {
        err(`missing a value on flag: ${f.name}`, f.range);
      }
    }
  }
  const hasArgs = ra < b;
  const nWords = instr.execForm ? (instr.json ?? []).length : instr.words.length;
  switch (keyword) {
    case 'FROM': {
      const n = instr.words.length;
      if (n !== 1 && !(n === 3 && instr.words[1].raw.toLowerCase() === 'as')) {
        err('FROM requires either one or three arguments');
      } else if (n === 3) {
        const name = instr.words[2].raw;
        if (!STAGE_NAME.test(name.toLowerCase())) {
          err(`invalid name for build stage: ${goQuoteSimple(name)}, name can't start with a number or contain symbols`, instr.words[2].range);
        }
      }
      break;
    }
    case 'ENV':
    case 'LABEL':
      if (instr.words.length === 0) err(`${keyword} requires at least one argument`);
      for (const p of instr.pairs) if (p.key === '' && p.equals) err(`${keyword} names can not be blank`, p.keyRange);
      break;
    case 'ARG':
      if (instr.words.length === 0) err('ARG requires at least one argument');
      for (const p of instr.pairs) if (p.key === '') err('ARG names can not be blank', p.range);
      break;
    case 'MAINTAINER':
    case 'WORKDIR':
    case 'USER':
    case 'STOPSIGNAL':
      if (!hasArgs) err(`${keyword} requires exactly one argument`);
      break;
    case 'EXPOSE':
      if (!hasArgs) err('EXPOSE requires at least one argument');
      break;
    case 'VOLUME':
      if (nWords === 0) err('VOLUME requires at least one argument');
      else if (instr.execForm && (instr.json ?? []).some((v) => v.trim() === '')) err('VOLUME specified can not be an empty string');
      break;
    case 'RUN':
      checkMountFlags(ctx, instr);
      break;
    case 'ADD':
    case 'COPY':
      if (nWords < 2) {
        err(`${keyword} requires at least two arguments, but only one was provided. Destination could not be determined`);
      }
      break;
    case 'SHELL':
      if (!hasArgs || (instr.execForm && nWords === 0)) err('SHELL requires at least one argument');
      else if (!instr.execForm) err('SHELL requires the arguments to be in JSON form');
      break;
    case 'HEALTHCHECK': {
      if (instr.words.length === 0) {
        err('HEALTHCHECK requires at least one argument');
        break;
      }
      const typ = instr.words[0].raw.toUpperCase();
      let next = ra + instr.words[0].raw.length;
      while (next < b && isSpace(instr.argsAfterFlags.text.charCodeAt(next - ra))) next++;
      const hasCmd = next < b;
      if (typ === 'NONE') {
        if (hasCmd) err('HEALTHCHECK NONE takes no arguments');
      } else if (typ === 'CMD') {
        if (!hasCmd || (instr.execForm && (instr.json ?? []).length === 0)) err('Missing command after HEALTHCHECK CMD');
        checkHealthcheckFlags(ctx, instr);
      } else {
        err(`Unknown type ${goQuoteSimple(instr.words[0].raw)} in HEALTHCHECK (try CMD)`, instr.words[0].range);
      }
      break;
    }
    case 'ONBUILD': {
      const trig = instr.onbuild;
      if (trig === null) {
        err('ONBUILD requires at least one argument');
      }
      // BuildKit also refuses `ONBUILD ONBUILD`, `ONBUILD FROM` and `ONBUILD MAINTAINER`. They are left to
      // rule DL3043 (as hadolint does) so that the rest of the file is still linted.
      break;
    }
    default:
      break;
  }
}

/**
 * One CSV record as Go's `encoding/csv` reads it (comma-separated, `"` quoting with `""` inside
 * quotes, no lazy quotes). Returns the fields, or an error message.
 */
function readCsvRecord(s: string): string[] | string {
  const fields: string[] = [];
  let i = 0;
  const n = s.length;
  for (;;) {
    if (i < n && s[i] === '"') {
      let field = '';
      i++;
      for (;;) {
        const q = s.indexOf('"', i);
        if (q < 0) return 'extraneous or missing " in quoted-field';
        field += s.slice(i, q);
        if (s[q + 1] === '"') {
          field += '"';
          i = q + 2;
          continue;
        }
        i = q + 1;
        break;
      }
      if (i < n && s[i] !== ',') return 'extraneous or missing " in quoted-field';
      fields.push(field);
    } else {
      let c = s.indexOf(',', i);
      if (c < 0) c = n;
      const field = s.slice(i, c);
      if (field.includes('"')) return 'bare " in non-quoted-field';
      fields.push(field);
      i = c;
    }
    if (i >= n) return fields;
    i++; // comma
  }
}

/** RUN --mount checks BuildKit makes while parsing (the rest waits for dispatch): CSV syntax, no variable in `from`. */
function checkMountFlags(ctx: ParseState, instr: Instruction): void {
  for (const f of instr.flags) {
    if (f.name !== 'mount' || f.value === null) continue;
    const fields = readCsvRecord(f.value);
    if (typeof fields === 'string') {
      ctx.errors.push({ message: `failed to parse csv mounts: ${fields}`, range: f.range });
      continue;
    }
    for (const field of fields) {
      const eq = field.indexOf('=');
      if (eq < 0 || field.slice(0, eq).toLowerCase() !== 'from') continue;
      const value = field.slice(eq + 1);
      const dollar = value.indexOf('$');
      if (dollar >= 0 && dollar !== value.length - 1) {
        ctx.errors.push({ message: "'from' doesn't support variable expansion, define alias stage instead", range: f.range });
      }
    }
  }
}

/** Go's `time.ParseDuration`: the duration in nanoseconds, or an error message. */
function parseGoDuration(s: string): number | string {
  const units: Record<string, number> = { ns: 1, us: 1e3, 'µs': 1e3, 'μs': 1e3, ms: 1e6, s: 1e9, m: 60e9, h: 3600e9 };
  const quoted = JSON.stringify(s);
  let i = 0;
  let neg = false;
  if (s[i] === '-' || s[i] === '+') {
    neg = s[i] === '-';
    i++;
  }
  if (s.slice(i) === '0') return 0;
  if (i >= s.length) return `time: invalid duration ${quoted}`;
  let total = 0;
  while (i < s.length) {
    const ns = i;
    while (i < s.length && s.charCodeAt(i) >= 48 && s.charCodeAt(i) <= 57) i++;
    const intPart = s.slice(ns, i);
    let frac = '';
    if (s[i] === '.') {
      i++;
      const fs = i;
      while (i < s.length && s.charCodeAt(i) >= 48 && s.charCodeAt(i) <= 57) i++;
      frac = s.slice(fs, i);
    }
    if (intPart === '' && frac === '') return `time: invalid duration ${quoted}`;
    const us = i;
    while (i < s.length && s[i] !== '.' && !(s.charCodeAt(i) >= 48 && s.charCodeAt(i) <= 57)) i++;
    const unit = s.slice(us, i);
    if (unit === '') return `time: missing unit in duration ${quoted}`;
    const mult = units[unit];
    if (mult === undefined) return `time: unknown unit ${JSON.stringify(unit)} in duration ${quoted}`;
    total += Number(`${intPart || '0'}.${frac || '0'}`) * mult;
  }
  return neg ? -total : total;
}

/** HEALTHCHECK CMD flag values (BuildKit `parseHealthcheck`): Go durations ≥ 1ms (or 0), integer retries ≥ 0. */
function checkHealthcheckFlags(ctx: ParseState, instr: Instruction): void {
  for (const f of instr.flags) {
    if (f.value === null || f.value === '') continue;
    if (f.name === 'retries') {
      if (!/^[+-]?\d+$/.test(f.value) || Math.abs(Number(f.value)) > 2147483647) {
        ctx.errors.push({ message: `strconv.ParseInt: parsing ${JSON.stringify(f.value)}: invalid syntax`, range: f.range });
      } else if (Number(f.value) < 0) {
        ctx.errors.push({ message: `--retries cannot be negative (${Number(f.value)})`, range: f.range });
      }
    } else if (f.name === 'interval' || f.name === 'timeout' || f.name === 'start-period' || f.name === 'start-interval') {
      const d = parseGoDuration(f.value);
      if (typeof d === 'string') ctx.errors.push({ message: d, range: f.range });
      else if (d !== 0 && d < 1e6) ctx.errors.push({ message: `Interval "${f.name}" cannot be less than 1ms`, range: f.range });
    }
  }
}

const KEYWORD_LIST = [...KEYWORDS].sort();


/**
 * BuildKit's `suggest.WrapError` suffix: ` (did you mean X?)` for the first option at edit distance
 * below 3 (the closest wins); case-insensitive matching answers in the case style of the input.
 */
function didYouMean(value: string, options: string[], caseSensitive: boolean): string {
  if (value.length > 64) return '';
  const val = caseSensitive ? value : value.toLowerCase();
  let match = '';
  let best = 3;
  for (const o of options) {
    const opt = caseSensitive ? o : o.toLowerCase();
    if (opt === val) return '';
    const d = editDistance(val, opt);
    if (d < best) {
      best = d;
      match = caseSensitive || value !== value.toUpperCase() ? opt : opt.toUpperCase();
      if (!caseSensitive && value === value.toLowerCase()) match = opt;
    }
  }
  return match === '' ? '' : ` (did you mean ${match}?)`;
}

/** COPY/ADD: a heredoc in destination position is an error (`errBadHeredoc`). */
export function checkHeredocDestination(ctx: ParseState, instr: Instruction): void {
  if ((instr.keyword !== 'COPY' && instr.keyword !== 'ADD') || instr.execForm || instr.words.length < 2) return;
  const dest = instr.words[instr.words.length - 1];
  if (parseHeredocMarker(dest.raw) !== null) {
    ctx.errors.push({ message: `${instr.keyword} cannot accept a heredoc as destination`, range: dest.range });
  }
}
