// Unit, conformance and property tests of the Dockerfile parser (src/parse/parser.ts).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from '../../src/parse/parser.js';
import { CASES_DIR, requireShared } from '../helpers/shared.js';
import { renderBuildkitTree } from '../../src/parse/render.js';
import type { Dockerfile, Instruction, MappedText, Position, Range } from '../../src/parse/types.js';

const casesDir = CASES_DIR;

interface Case {
  id: string;
  dockerfile: string;
  expect_instructions?: [string, string][];
  expect_flags?: (string[] | null)[];
  expect_exec_form?: boolean[];
  expect_heredocs?: ({ name: string; expand: boolean; chomp: boolean; content: string }[] | null)[];
  expect_parse_ok?: boolean;
}

const collapse = (s: string): string => s.replace(/\s+/g, ' ').trim();

function loadCases(): Case[] {
  const out: Case[] = [];
  for (const f of readdirSync(casesDir).filter((n) => n.endsWith('.jsonl')).sort()) {
    for (const line of readFileSync(join(casesDir, f), 'utf8').split('\n')) {
      if (line.trim() === '') continue;
      const c = JSON.parse(line) as Case;
      if (
        c.expect_instructions !== undefined || c.expect_flags !== undefined || c.expect_exec_form !== undefined ||
        c.expect_heredocs !== undefined || c.expect_parse_ok !== undefined
      ) out.push(c);
    }
  }
  return out;
}

/** Asserts that a range is inside the text and its line/column agree with its offsets. */
function checkPosition(df: Dockerfile, p: Position): void {
  expect(p.offset).toBeGreaterThanOrEqual(0);
  expect(p.offset).toBeLessThanOrEqual(df.text.length);
  expect(df.lineStarts[p.line - 1]).toBeDefined();
  expect(df.lineStarts[p.line - 1] + p.column - 1).toBe(p.offset);
  const nextStart = df.lineStarts[p.line];
  if (nextStart !== undefined) expect(p.offset).toBeLessThan(nextStart);
}

function checkRange(df: Dockerfile, r: Range): void {
  checkPosition(df, r.start);
  checkPosition(df, r.end);
  expect(r.start.offset).toBeLessThanOrEqual(r.end.offset);
}

function checkMapped(df: Dockerfile, m: MappedText): void {
  let prev = 0;
  for (const s of m.segments) {
    expect(s.from).toBeGreaterThanOrEqual(prev);
    expect(m.text.slice(s.from, s.from + s.length)).toBe(df.text.slice(s.source, s.source + s.length));
    prev = s.from + s.length;
  }
  expect(prev).toBeLessThanOrEqual(m.text.length);
  // The joined text is made only of source slices: the segments cover all of it.
  expect(m.segments.reduce((n, s) => n + s.length, 0)).toBe(m.text.length);
}

function checkInstruction(df: Dockerfile, i: Instruction): void {
  checkRange(df, i.range);
  checkRange(df, i.keywordRange);
  expect(i.line).toBe(i.range.start.line);
  expect(i.endLine).toBe(i.range.end.line);
  checkMapped(df, i.args);
  checkMapped(df, i.argsAfterFlags);
  for (const f of i.flags) {
    checkRange(df, f.range);
    if (f.valueRange) checkRange(df, f.valueRange);
  }
  for (const w of i.words) checkRange(df, w.range);
  // Words and flags on one physical line read exactly as written at their range.
  const oneLine = (r: Range): boolean => r.start.line === r.end.line;
  const at = (r: Range): string => df.text.slice(r.start.offset, r.end.offset);
  if (oneLine(i.keywordRange)) expect(at(i.keywordRange)).toBe(i.keywordRaw);
  if (!i.execForm) for (const w of i.words) if (oneLine(w.range)) expect(at(w.range)).toBe(w.raw);
  for (const f of i.flags) if (oneLine(f.range)) expect(at(f.range)).toBe(f.raw);
  for (const p of i.pairs) {
    checkRange(df, p.range);
    checkRange(df, p.keyRange);
    if (p.valueRange) checkRange(df, p.valueRange);
  }
  for (const h of i.heredocs) {
    checkRange(df, h.markerRange);
    checkRange(df, h.contentRange);
    if (h.terminatorRange) checkRange(df, h.terminatorRange);
  }
  for (const c of i.comments) checkRange(df, c.range);
  if (i.onbuild) checkInstruction(df, i.onbuild);
}

/** Every invariant of the model that must hold for any input. */
function checkModel(df: Dockerfile): void {
  for (const i of df.instructions) checkInstruction(df, i);
  for (const c of df.comments) checkRange(df, c.range);
  for (const d of df.directives) checkRange(df, d.range);
  for (const e of df.errors) checkRange(df, e.range);
  for (const s of df.stages) if (s.nameRange) checkRange(df, s.nameRange);
  df.instructions.forEach((i, n) => expect(i.index).toBe(n));
  expect(typeof renderBuildkitTree(df)).toBe('string');
}

const present = requireShared('parser conformance cases (../shared/cases)');

if (present) describe('conformance cases with parser expectations', () => {
  const cases = loadCases();
  it('found the parser cases', () => {
    expect(cases.length).toBeGreaterThan(40);
  });
  for (const c of cases) {
    it(c.id, () => {
      const df = parse(c.dockerfile);
      checkModel(df);
      if (c.expect_parse_ok !== undefined) {
        expect(df.errors.length === 0, JSON.stringify(df.errors.map((e) => e.message))).toBe(c.expect_parse_ok);
      }
      if (c.expect_parse_ok === false) return;
      if (c.expect_instructions) {
        expect(df.instructions.map((i) => [i.keyword, collapse(i.args.text)])).toEqual(
          c.expect_instructions.map(([k, a]) => [k, collapse(a)]),
        );
      }
      if (c.expect_flags) {
        c.expect_flags.forEach((flags, n) => {
          expect(df.instructions[n].flags.map((f) => f.raw)).toEqual(flags ?? []);
        });
      }
      if (c.expect_exec_form) {
        expect(df.instructions.map((i) => i.execForm)).toEqual(c.expect_exec_form);
      }
      if (c.expect_heredocs) {
        c.expect_heredocs.forEach((hs, n) => {
          const got = df.instructions[n].heredocs.map(({ name, expand, chomp, content }) => ({ name, expand, chomp, content }));
          expect(got).toEqual(hs ?? []);
        });
      }
    });
  }
});

/** Seed Dockerfiles for mutation: every case file and the BuildKit suite. */
function seedTexts(): string[] {
  // Without ../shared, mutate a few Dockerfiles of this repository's own tests instead.
  if (!present) return ['FROM alpine:3.20\nRUN echo a \\\n  b\n', '# escape=`\nFROM x\nRUN a `\n  b\n', 'FROM a AS b\nRUN <<EOF\necho\nEOF\nCOPY --from=b ["x", "y"]\n'];
  const out = loadCases().map((c) => c.dockerfile);
  const suite = join(casesDir, 'buildkit-parser');
  for (const d of readdirSync(suite)) {
    try {
      out.push(readFileSync(join(suite, d, 'Dockerfile'), 'utf8'));
    } catch {
      // README.md is not a folder
    }
  }
  return out;
}

const PIECES = [
  '\\', '\n', '\r\n', '\r', '`', '"', "'", '[', ']', '<<', '<<-', 'EOF', '#', '# escape=`\n', '--', '--mount=',
  '=', ' ', '\t', '\ufeff', '\u00a0', 'RUN ', 'FROM ', 'ONBUILD ', 'COPY ', 'ENV ', 'ARG ', 'HEALTHCHECK ', '$', '${',
  '}', ',', '😀', '\ud800', 'AS ', '\\\n', '`\n',
];

describe('property: parse never throws and ranges are consistent', () => {
  it('on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (s) => {
        checkModel(parse(s));
      }),
      { numRuns: 400 },
    );
  });

  it('on strings built from Dockerfile syntax pieces', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 6 })), { maxLength: 60 }), (parts) => {
        checkModel(parse(parts.join('')));
      }),
      { numRuns: 600 },
    );
  });

  it('on mutated Dockerfiles', () => {
    const seeds = seedTexts();
    const mutation = fc.record({
      at: fc.nat(),
      del: fc.nat({ max: 8 }),
      ins: fc.array(fc.constantFrom(...PIECES), { maxLength: 4 }),
    });
    fc.assert(
      fc.property(fc.nat({ max: seeds.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 6 }), (si, muts) => {
        let text = seeds[si];
        for (const m of muts) {
          const at = text.length === 0 ? 0 : m.at % (text.length + 1);
          text = text.slice(0, at) + m.ins.join('') + text.slice(at + m.del);
        }
        checkModel(parse(text));
      }),
      { numRuns: 500 },
    );
  });
});
