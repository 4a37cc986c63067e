/**
 * Property tests: for generated Dockerfiles and for mutations of real ones (truncation, duplicated
 * lines, flipped escapes, heredoc markers, random bytes), `parse`, `lint` and `fixText` never throw,
 * always finish, and fixing never makes a file parse worse. Run counts are modest so the suite stays
 * fast; raise them locally with SHIPSHAPE_PROPERTY_RUNS=N.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lint } from '../../src/engine/lint.js';
import { defaultRules } from '../../src/rules/registry.js';
import { defaultConfig } from '../../src/engine/types.js';
import { fixText } from '../../src/fix/fixer.js';
import { parse } from '../../src/parse/parser.js';

const RUNS = Number(process.env.SHIPSHAPE_PROPERTY_RUNS ?? 40);
const CORPUS = join(import.meta.dirname, '../../../shared/corpus/files');

/** Every rule on, including those off by default. */
const config = (() => {
  const c = defaultConfig();
  c.override = { DL1001: 'warning' };
  return c;
})();

/** The three operations must not throw, and fixing must not make parsing worse. */
async function checkText(text: string): Promise<void> {
  const parsed = parse(text);
  expect(Array.isArray(parsed.errors)).toBe(true);
  const result = await lint(text, { rules: await defaultRules(), config });
  expect(Array.isArray(result.findings)).toBe(true);
  expect(result.internalErrors, `a rule threw on ${JSON.stringify(text.slice(0, 300))}`).toEqual([]);
  const fixed = await fixText(text, { rules: await defaultRules(), config, level: 'unsafe' });
  const before = parsed.errors.length;
  const after = parse(fixed.output).errors.length;
  expect(after, `fixing made parsing worse: ${JSON.stringify(text.slice(0, 300))} → ${JSON.stringify(fixed.output.slice(0, 300))}`).toBeLessThanOrEqual(before);
}

// ---------------------------------------------------------------------------------------------------
// Generated Dockerfiles

const word = fc.oneof(
  fc.constantFrom('alpine', 'debian:12', 'python:3.12-slim', 'node:22@sha256:' + 'a'.repeat(64), '$VAR', '${VAR:-x}', '"quoted word"', "'single'", '--flag=x', '-y', '&&', '||', ';', '|', '\\', '`', '$(', ')', '<<EOF', '<<-"EOT"', '#', '=', '\t', 'ä', '🐳', '\\\n'),
  fc.string({ maxLength: 8 }),
);
const words = fc.array(word, { maxLength: 8 }).map((ws) => ws.join(' '));
const keyword = fc.constantFrom('FROM', 'RUN', 'CMD', 'LABEL', 'EXPOSE', 'ENV', 'ADD', 'COPY', 'ENTRYPOINT', 'VOLUME', 'USER', 'WORKDIR', 'ARG', 'ONBUILD', 'STOPSIGNAL', 'HEALTHCHECK', 'SHELL', 'MAINTAINER', 'from', 'Run', 'BOGUS');
const instruction = fc.oneof(
  { weight: 6, arbitrary: fc.tuple(keyword, words).map(([k, w]) => `${k} ${w}`) },
  { weight: 1, arbitrary: words.map((w) => `# ${w}`) },
  { weight: 1, arbitrary: fc.constantFrom('# syntax=docker/dockerfile:1', '# escape=`', '# escape=\\', '# check=skip=all;error=true', '# hadolint ignore=DL3008,SC2086', '# hadolint shell=pwsh', '') },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom('RUN', 'COPY'), fc.constantFrom('EOF', 'EOT', '"END"', "'X'"), words).map(([k, m, body]) => `${k} <<${m}${k === 'COPY' ? ' /dst' : ''}\n${body}\n${m.replace(/['"]/g, '')}`) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom('RUN', 'CMD', 'ENTRYPOINT', 'SHELL'), fc.array(fc.string({ maxLength: 6 }), { maxLength: 4 })).map(([k, a]) => `${k} ${JSON.stringify(a)}`) },
  { weight: 1, arbitrary: fc.tuple(words, words).map(([a, b]) => `RUN ${a} \\\n  ${b}`) },
);
const dockerfile = fc
  .tuple(fc.array(instruction, { minLength: 0, maxLength: 14 }), fc.constantFrom('\n', '\r\n'), fc.boolean())
  .map(([lines, eol, from]) => (from ? ['FROM alpine:3.20', ...lines] : lines).join(eol) + eol);

// ---------------------------------------------------------------------------------------------------
// Mutations of real Dockerfiles

function sampleCorpus(): string[] {
  if (!existsSync(CORPUS)) return [];
  const out: string[] = [];
  for (const repo of readdirSync(CORPUS).sort()) {
    const files = readdirSync(join(CORPUS, repo)).filter((f) => !/dockerignore/i.test(f)).sort();
    if (files.length > 0) out.push(readFileSync(join(CORPUS, repo, files[0]), 'utf8'));
  }
  return out;
}
const seeds = sampleCorpus();

type Mutation = (text: string, at: number, extra: string) => string;
const MUTATIONS: Record<string, Mutation> = {
  truncate: (t, at) => t.slice(0, at % (t.length + 1)),
  duplicateLines: (t, at) => {
    const lines = t.split('\n');
    const i = at % lines.length;
    return [...lines.slice(0, i + 1), ...lines.slice(i, Math.min(lines.length, i + 3)), ...lines.slice(i + 1)].join('\n');
  },
  flipEscapes: (t) => (t.startsWith('# escape=`') ? t.replace(/^# escape=`/, '') : '# escape=`\n' + t),
  dropBackslashes: (t, at) => {
    let n = 0;
    return t.replace(/\\\n/g, (m) => (n++ % 2 === at % 2 ? '\n' : m));
  },
  heredocMarker: (t, at, extra) => {
    const i = t.indexOf('\n', at % (t.length + 1));
    const pos = i < 0 ? t.length : i;
    return t.slice(0, pos) + ` <<${/^[A-Za-z]/.test(extra) ? extra.replace(/\W/g, '') || 'EOF' : 'EOF'}` + t.slice(pos);
  },
  randomBytes: (t, at, extra) => {
    const pos = at % (t.length + 1);
    return t.slice(0, pos) + extra + t.slice(pos);
  },
  crlf: (t) => t.replace(/\n/g, '\r\n'),
};

describe('robustness properties', () => {
  it('generated Dockerfiles: parse, lint and fix never throw; fixing never parses worse', async () => {
    await fc.assert(fc.asyncProperty(dockerfile, checkText), { numRuns: RUNS * 2, seed: 20261129, endOnFailure: true });
  });

  it.skipIf(seeds.length === 0)('mutated corpus files: parse, lint and fix never throw; fixing never parses worse', async () => {
    const mutation = fc.constantFrom(...Object.keys(MUTATIONS));
    const extra = fc.oneof(fc.string({ maxLength: 12 }), fc.string({ unit: 'binary', maxLength: 12 }), fc.constantFrom('\\', '`', '\r', '\u0000', '\uFEFF', '$(', '"', "'", '<<EOF\n', '\\\n\\\n'));
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...seeds), fc.array(fc.tuple(mutation, fc.nat(), extra), { minLength: 1, maxLength: 3 }), async (seed, steps) => {
        let text = seed;
        for (const [name, at, x] of steps) text = MUTATIONS[name](text, at, x);
        await checkText(text);
      }),
      { numRuns: RUNS, seed: 42, endOnFailure: true },
    );
  });
});
