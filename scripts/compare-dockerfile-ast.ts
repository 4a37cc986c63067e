/**
 * Compares shipshape's parser with `dockerfile-ast` over the corpus: the keyword sequence and the
 * first/last line of every instruction. Prints how many files agree and, for each kind of difference,
 * a count and examples; docs/parser-differences.md explains each kind by BuildKit's behaviour.
 *
 * Usage: npx tsx scripts/compare-dockerfile-ast.ts [--set files|bulk] [--examples N]
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DockerfileParser } from 'dockerfile-ast';
import { parse } from '../src/parse/parser.js';
import { decodeFile } from '../src/cli/input.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const CORPUS = join(root, '../shared/corpus');

interface Row {
  keyword: string;
  line: number;
  endLine: number;
}

function ours(text: string): Row[] {
  const df = parse(text);
  return df.instructions.map((i) => ({ keyword: i.keyword, line: i.line, endLine: i.endLine }));
}

function theirs(text: string): Row[] {
  const df = DockerfileParser.parse(text);
  return df.getInstructions().map((i) => {
    const r = i.getRange();
    return { keyword: i.getKeyword().toUpperCase(), line: r.start.line + 1, endLine: r.end.line + 1 };
  });
}

/** Classifies the first difference between two instruction lists. */
function classify(text: string, a: Row[], b: Row[]): string {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    if (a[i].keyword !== b[i].keyword || a[i].line !== b[i].line) {
      const line = text.split('\n')[Math.min(a[i].line, b[i].line) - 1] ?? '';
      if (/<</.test(text)) return 'heredoc';
      if (/^\s*#\s*escape\s*=/im.test(text)) return 'escape directive';
      return `instruction start differs (${a[i].keyword}@${a[i].line} vs ${b[i].keyword}@${b[i].line}: ${line.trim().slice(0, 40)})`;
    }
    if (a[i].endLine !== b[i].endLine) {
      if (/<</.test(text)) return 'heredoc extent';
      const lines = text.split('\n').slice(a[i].line - 1, Math.max(a[i].endLine, b[i].endLine));
      if (lines.some((l) => /^\s*$/.test(l.replace(/\r$/, '')))) return 'empty line inside a continuation';
      if (lines.some((l) => /^\s*#/.test(l))) return 'comment line inside a continuation';
      if (lines.some((l) => /\\[ \t]+\r?$/.test(l))) return 'whitespace after the escape character';
      return 'instruction end line differs';
    }
  }
  if (a.length !== b.length) return a.length > b.length ? 'shipshape finds more instructions' : 'dockerfile-ast finds more instructions';
  return 'same';
}

function main(): void {
  const args = process.argv.slice(2);
  const set = args[args.indexOf('--set') + 1] && args.includes('--set') ? args[args.indexOf('--set') + 1] : 'files';
  const examples = args.includes('--examples') ? Number(args[args.indexOf('--examples') + 1]) : 3;
  const walk = (d: string): string[] => readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(d, e.name)) : [join(d, e.name)]));
  const files = walk(join(CORPUS, set)).filter((f) => !f.endsWith('dockerignore'));
  const kinds = new Map<string, string[]>();
  let same = 0;
  for (const f of files) {
    let text: string;
    try {
      text = decodeFile(readFileSync(f));
    } catch {
      continue;
    }
    const kind = classify(text, ours(text), theirs(text));
    if (kind === 'same') {
      same++;
      continue;
    }
    const key = kind.replace(/\(.*\)/, '').trim();
    if (!kinds.has(key)) kinds.set(key, []);
    kinds.get(key)!.push(`${f.slice(CORPUS.length + 1)}  ${kind}`);
  }
  console.log(`${set}: ${files.length} files, ${same} identical keyword sequences and line ranges, ${files.length - same} differ`);
  for (const [k, list] of [...kinds].sort((x, y) => y[1].length - x[1].length)) {
    console.log(`\n${list.length}  ${k}`);
    for (const e of list.slice(0, examples)) console.log(`    ${e}`);
  }
}

main();
