/**
 * Conformance: every case of ../shared/cases/*.jsonl, each run through the real CLI (`shipshape lint
 * -f json` and `shipshape parse`) on a temporary build context. A case that names a rule the registry
 * does not have yet is reported as a pending (todo) test named with those ids, never skipped silently.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { RULES } from '../src/rules/index.js';
import { runShipshape } from './helpers/cli.js';
import { shellcheckAvailable } from '../src/cli/shellcheck.js';
import { CASES_DIR, requireShared } from './helpers/shared.js';


interface Case {
  id: string;
  rule: string;
  dockerfile: string;
  filename?: string;
  files?: Record<string, string>;
  config?: Record<string, unknown>;
  expect_fire: string[];
  expect_silent: string[];
  expect_parse_ok?: boolean;
  expect_instructions?: [string, string][];
  expect_flags?: (string[] | null)[];
  expect_exec_form?: boolean[];
  expect_heredocs?: (null | { name: string; expand: boolean; chomp: boolean; content: string }[])[];
  expect_count?: Record<string, number>;
  note: string;
}

const known = new Set<string>(['DL1000']);
for (const r of RULES) {
  known.add(r.id);
  for (const a of r.aliases ?? []) known.add(a);
}
const hasShellcheck = shellcheckAvailable();

/**
 * Cases whose expectation contradicts the tool they describe, with the evidence. Each is run with the
 * corrected expectation (so it still checks something), never skipped. Keep this list short.
 */
const CORRECTIONS: Record<string, { fire?: string[]; silent?: string[]; why: string }> = {
  'DL3025-pos-03': {
    fire: [],
    silent: ['DL3025'],
    why: "hadolint's DL3025 matches `Cmd (ArgumentsText _)` and `Entrypoint (ArgumentsText _)` only (Hadolint/Rule/DL3025.hs); HEALTHCHECK CMD is not checked (issue 16)",
  },
};

function corrected(c: Case): Case {
  const fix = CORRECTIONS[c.id];
  if (!fix) return c;
  return { ...c, expect_fire: fix.fire ?? c.expect_fire, expect_silent: fix.silent ?? c.expect_silent, note: `${c.note} — corrected: ${fix.why}` };
}

/** Ids a case constrains that no implemented rule provides. */
function missingIds(c: Case): string[] {
  const ids = [...c.expect_fire, ...c.expect_silent, ...Object.keys(c.expect_count ?? {})];
  return [...new Set(ids.filter((id) => !(id.startsWith('SC') ? hasShellcheck : id.endsWith('*') ? [...known].some((k) => k.startsWith(id.slice(0, -1))) : known.has(id))))];
}

function matches(pattern: string, code: string): boolean {
  return pattern.endsWith('*') ? code.startsWith(pattern.slice(0, -1)) : code === pattern;
}

const work = mkdtempSync(join(tmpdir(), 'shipshape-cases-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const files = requireShared('conformance suite (../shared/cases)') ? readdirSync(CASES_DIR).filter((f) => f.endsWith('.jsonl')).sort() : [];
const pendingSummary: string[] = [];

for (const file of files) {
  const cases = readFileSync(join(CASES_DIR, file), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => corrected(JSON.parse(l) as Case));
  describe(file, () => {
    for (const c of cases) {
      const missing = missingIds(c);
      if (missing.length > 0) {
        pendingSummary.push(`${file} ${c.id}: ${missing.join(', ')}`);
        it.todo(`${c.id} (pending: ${missing.join(', ')})`);
        continue;
      }
      it(`${c.id} [${c.rule}]`, async () => {
        const dir = join(work, `${file}-${c.id}`.replace(/[^A-Za-z0-9._-]/g, '_'));
        mkdirSync(dir, { recursive: true });
        const name = c.filename ?? 'Dockerfile';
        for (const [p, content] of Object.entries(c.files ?? {})) {
          mkdirSync(dirname(join(dir, p)), { recursive: true });
          writeFileSync(join(dir, p), content);
        }
        writeFileSync(join(dir, name), c.dockerfile);
        if (c.config) writeFileSync(join(dir, '.hadolint.yaml'), JSON.stringify(c.config));
        const res = await runShipshape(['lint', '-f', 'json', '--no-color', name], dir);
        expect(res.code, res.stderr).not.toBe(2);
        const findings = JSON.parse(res.stdout) as { code: string; aliases?: string[]; line: number; message: string }[];
        const codes = findings.map((f) => f.code);
        // One finding per problem: a finding answers for its code and for the ids merged into it (`aliases`).
        const idsOf = (f: { code: string; aliases?: string[] }): string[] => [f.code, ...(f.aliases ?? [])];
        const hits = (id: string): typeof findings => findings.filter((f) => idsOf(f).some((code) => matches(id, code)));
        const why = `${c.note}\nfindings: ${findings.map((f) => `${f.line} ${f.code}${f.aliases ? ` (${f.aliases.join(', ')})` : ''} ${f.message}`).join('\n  ')}`;
        for (const id of c.expect_fire) expect(hits(id).length > 0, `expected ${id} to fire. ${why}`).toBe(true);
        for (const id of c.expect_silent) expect(hits(id).map((f) => f.code), `expected ${id} to stay silent. ${why}`).toEqual([]);
        for (const [id, n] of Object.entries(c.expect_count ?? {})) expect(hits(id).length, `count of ${id}. ${why}`).toBe(n);
        if (c.expect_parse_ok !== undefined) expect(codes.includes('DL1000'), `parse ok should be ${c.expect_parse_ok}. ${why}`).toBe(!c.expect_parse_ok);
        if (c.expect_instructions || c.expect_flags || c.expect_exec_form || c.expect_heredocs) {
          const parsed = await runShipshape(['parse', '--format', 'json', name], dir);
          const [model] = JSON.parse(parsed.stdout) as { instructions: { keyword: string; args: string; flags: string[]; execForm: boolean; heredocs: unknown }[] }[];
          const collapse = (s: string): string => s.replace(/\s+/g, ' ').trim();
          if (c.expect_instructions) {
            expect(model.instructions.map((i) => [i.keyword, collapse(i.args)])).toEqual(c.expect_instructions.map(([k, a]) => [k, collapse(a)]));
          }
          if (c.expect_flags) expect(model.instructions.map((i) => i.flags)).toEqual(c.expect_flags.map((f) => f ?? []));
          if (c.expect_exec_form) expect(model.instructions.map((i) => i.execForm)).toEqual(c.expect_exec_form);
          if (c.expect_heredocs) expect(model.instructions.map((i) => i.heredocs)).toEqual(c.expect_heredocs);
        }
      });
    }
  });
}

afterAll(() => {
  if (pendingSummary.length > 0) console.log(`${pendingSummary.length} pending case(s) (rules not implemented yet):\n  ${pendingSummary.join('\n  ')}`);
});
