/**
 * `npx tsx scripts/python-pack.ts` — the proof of the Python/Django rule pack (issue 12): lints every
 * Dockerfile of the curated and bulk corpus sets (../shared/corpus, no build context) with the pack's
 * rules only, prints the number of findings and of files with findings per rule and set, and writes
 * docs/python-pack-samples/<rule>.md: up to 30 findings per rule, spread evenly over all of them
 * (every k-th in file order, so reruns give the same sample), each with file, line, message and the
 * instruction text, for a reviewer to classify right / wrong / noise.
 *
 * Options: `--limit N` (files per set), `--no-samples` (counts only), `--json`, `--list FILE` (every
 * finding of the new rules as `rule<TAB>path:line<TAB>message`, one a line, for diffing two runs).
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join, dirname, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { useNodeGrammar } from '../src/cli/grammar-node.js';
import { decodeFile } from '../src/cli/input.js';
import { lint } from '../src/engine/lint.js';
import { defaultRules } from '../src/rules/registry.js';
import { defaultConfig } from '../src/engine/types.js';
import { CORPUS, corpusFiles } from './corpus-files.js';

/** The rules of the pack: new ones first, then the extended ones. */
export const PACK_NEW = ['no-dev-dependencies', 'require-locked-install', 'no-host-venv', 'no-system-pip', 'no-duplicate-python', 'no-migrate-at-build', 'server-bind-all', 'prefer-slim-base', 'uv-cache-link-mode'];
export const PACK_EXTENDED = ['pin-python-requirements', 'copy-manifest-first', 'no-debug-mode', 'no-dev-server', 'require-python-env', 'JSONArgsRecommended', 'DL3064', 'no-secrets-in-image'];

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

interface Hit {
  set: string;
  file: string;
  line: number;
  message: string;
  text: string;
  /** The FROM line of the finding's stage, for context (corpus files are not copied whole). */
  from: string;
}

/** The FROM line of the stage an instruction belongs to (one line, for the reviewer's context). */
function fromLine(text: string, file: import('../src/parse/types.js').Dockerfile | null, instr: import('../src/parse/types.js').Instruction | null): string {
  if (!file || !instr) return '';
  const stage = file.stages[instr.stageIndex];
  if (!stage) return '';
  return text.slice(stage.from.range.start.offset, stage.from.range.end.offset).split(/\r?\n/)[0].slice(0, 200);
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const limit = argv.includes('--limit') ? Number(argv[argv.indexOf('--limit') + 1]) : Infinity;
  useNodeGrammar();
  const ids = new Set([...PACK_NEW, ...PACK_EXTENDED]);
  const rules = (await defaultRules()).filter((r) => ids.has(r.id));
  const config = defaultConfig();
  const hits = new Map<string, Hit[]>();
  const files = new Map<string, Map<string, Set<string>>>();
  const totals: Record<string, number> = {};
  for (const set of ['files', 'bulk'] as const) {
    const list = corpusFiles(set).slice(0, limit);
    totals[set] = list.length;
    for (const f of list) {
      let text: string;
      try {
        text = decodeFile(readFileSync(f));
      } catch {
        continue;
      }
      const result = await lint(text, { config, context: null, rules });
      for (const e of result.internalErrors) console.error(`crash ${e.ruleId} ${f}: ${e.message}`);
      for (const finding of result.findings) {
        if (!ids.has(finding.ruleId)) continue;
        const rel = relative(CORPUS, f);
        const instr = finding.instruction;
        const source = instr ? text.slice(instr.range.start.offset, instr.range.end.offset) : '';
        const list2 = hits.get(finding.ruleId) ?? [];
        list2.push({ set, file: rel, line: finding.range.start.line, message: finding.message, text: source.length > 600 ? source.slice(0, 600) + ' …' : source, from: fromLine(text, result.file, instr) });
        hits.set(finding.ruleId, list2);
        const bySet = files.get(finding.ruleId) ?? new Map<string, Set<string>>();
        const s = bySet.get(set) ?? new Set<string>();
        s.add(rel);
        bySet.set(set, s);
        files.set(finding.ruleId, bySet);
      }
    }
  }
  const rows = [...PACK_NEW, ...PACK_EXTENDED].map((id) => {
    const all = hits.get(id) ?? [];
    const n = (set: string): number => all.filter((h) => h.set === set).length;
    const fl = (set: string): number => files.get(id)?.get(set)?.size ?? 0;
    return { id, curated: n('files'), curatedFiles: fl('files'), bulk: n('bulk'), bulkFiles: fl('bulk') };
  });
  if (argv.includes('--json')) console.log(JSON.stringify({ totals, rows }, null, 2));
  else {
    console.log(`curated: ${totals.files} files, bulk: ${totals.bulk} files`);
    console.log('| rule | curated findings (files) | bulk findings (files) |\n|---|---|---|');
    for (const r of rows) console.log(`| \`${r.id}\` | ${r.curated} (${r.curatedFiles}) | ${r.bulk} (${r.bulkFiles}) |`);
  }
  if (argv.includes('--list')) {
    const out = PACK_NEW.flatMap((id) => (hits.get(id) ?? []).map((h) => `${id}\t${h.file}:${h.line}\t${h.message.replace(/\s+/g, ' ')}`));
    writeFileSync(argv[argv.indexOf('--list') + 1], out.join('\n') + '\n');
  }
  if (argv.includes('--no-samples')) return;
  const dir = join(root, 'docs/python-pack-samples');
  mkdirSync(dir, { recursive: true });
  for (const id of PACK_NEW) {
    const all = hits.get(id) ?? [];
    const step = Math.max(1, all.length / 30);
    const sample: Hit[] = [];
    for (let i = 0; i < all.length && sample.length < 30; i += step) sample.push(all[Math.floor(i)]);
    const lines = [
      `# Sample of \`${id}\` findings on the corpus`,
      '',
      `${all.length} findings in total (curated set: ${rows.find((r) => r.id === id)!.curated}, bulk set: ${rows.find((r) => r.id === id)!.bulk}), linted without a build context; ${sample.length} shown, spread evenly over all of them. Generated by \`npx tsx scripts/python-pack.ts\`.`,
      '',
      'Reviewer: mark each finding **right** (a real problem the message describes correctly), **wrong** (not a problem, or the message is false) or **noise** (true but not worth reporting). Each finding shows the instruction it belongs to and the `FROM` of its stage; the whole file is in the shared corpus at `../shared/corpus/<path>` (corpus files are not copied into the project).',
      '',
    ];
    sample.forEach((h, i) => {
      const fence = (t: string): string => t.replace(/```/g, '`\u200b``');
      lines.push(`## ${i + 1}. \`${h.file}\` line ${h.line}`, '', `> ${h.message.replace(/\n/g, ' ')}`, '', '```dockerfile', fence(h.text), '```', '', h.from && !h.text.startsWith(h.from) ? `Stage: \`${h.from}\`` : '', '', 'Verdict: ', '');
    });
    writeFileSync(join(dir, `${id}.md`), lines.join('\n'));
  }
}

void main();
