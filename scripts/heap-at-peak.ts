/**
 * `tsx scripts/heap-at-peak.ts SHAPE N [--keep FILE]` — where the memory of a lint goes, for one of the
 * pathological shapes of scripts/scaling-shapes.ts (`SHAPE` is part of its name, `N` its size).
 *
 * Lints the shape in process with every default rule and, after the last rule ran (the model, the
 * semantics, the facts, the shell scripts and the findings are then all alive: the peak of a lint),
 * writes a V8 heap snapshot and prints the retained heap summed three ways: by V8 node type and
 * constructor, and, for plain objects, by their property names (so `{line,column,offset}` positions,
 * `{start,end}` ranges and the model's records show up separately), and, for JS arrays with their
 * elements stores, by the property that holds them (`.words`, `.segments`). Bytes are V8's self sizes.
 * `--keep FILE` keeps the snapshot (for Chrome DevTools); otherwise it is deleted.
 *
 * Reading a snapshot takes several times its size in memory: keep N at 50,000 lines or so.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeHeapSnapshot } from 'node:v8';
import { useNodeGrammar } from '../src/cli/grammar-node.js';
import { lint } from '../src/engine/lint.js';
import { defaultConfig, type Rule } from '../src/engine/types.js';
import { defaultRules } from '../src/rules/registry.js';
import { SHAPES } from './scaling-shapes.js';

const args = process.argv.slice(2);
const keepAt = args.indexOf('--keep');
const keep = keepAt >= 0 ? args[keepAt + 1] : null;
const [name, size] = args.filter((_, i) => keepAt < 0 || (i !== keepAt && i !== keepAt + 1));
const shape = SHAPES.find((s) => s.name.includes(name ?? '\0'));
if (!shape || !Number(size)) {
  console.error(`usage: tsx scripts/heap-at-peak.ts SHAPE N [--keep FILE]; shapes: ${SHAPES.map((s) => s.name).join(', ')}`);
  process.exit(2);
}

interface Snapshot {
  snapshot: { meta: { node_fields: string[]; node_types: [string[]]; edge_fields: string[]; edge_types: [string[]] } };
  nodes: number[];
  edges: number[];
  strings: string[];
}

/** Sums of self sizes: by `type:constructor`, and for plain objects by their property names. */
function summarise(s: Snapshot): { byType: Map<string, [number, number]>; byShape: Map<string, [number, number]>; byHolder: Map<string, [number, number]>; total: number } {
  const m = s.snapshot.meta;
  const nf = m.node_fields.length;
  const ef = m.edge_fields.length;
  const [types] = m.node_types;
  const [edgeTypes] = m.edge_types;
  const [it, iname, isize, iedges] = ['type', 'name', 'self_size', 'edge_count'].map((f) => m.node_fields.indexOf(f));
  const [et, ename] = ['type', 'name_or_index'].map((f) => m.edge_fields.indexOf(f));
  const byType = new Map<string, [number, number]>();
  const byShape = new Map<string, [number, number]>();
  const add = (map: Map<string, [number, number]>, key: string, bytes: number): void => {
    const a = map.get(key) ?? [0, 0];
    a[0]++;
    a[1] += bytes;
    map.set(key, a);
  };
  let total = 0;
  let e = 0;
  for (let i = 0; i < s.nodes.length; i += nf) {
    const type = types[s.nodes[i + it]];
    const bytes = s.nodes[i + isize];
    const edges = s.nodes[i + iedges];
    const ctor = /string|number|array|hidden|code/.test(type) ? '' : s.strings[s.nodes[i + iname]].slice(0, 40);
    add(byType, `${type}${ctor ? ` ${ctor}` : ''}`, bytes);
    if (type === 'object' && ctor === 'Object') {
      const props: string[] = [];
      for (let k = 0; k < edges; k++) {
        const b = e + k * ef;
        if (edgeTypes[s.edges[b + et]] === 'property' && s.strings[s.edges[b + ename]] !== '__proto__') props.push(s.strings[s.edges[b + ename]]);
      }
      add(byShape, props.length > 0 ? `{${props.join(',').slice(0, 80)}}` : '{numbers only: positions {line,column,offset}, segments {from,source,length}}', bytes);
    }
    total += bytes;
    e += edges * ef;
  }
  // JS arrays by the property that holds them (`words`, `pairs`, `segments`...): the edge into each.
  const [eto] = ['to_node'].map((f) => m.edge_fields.indexOf(f));
  const arrayBytes = new Map<number, number>();
  e = 0;
  for (let i = 0; i < s.nodes.length; i += nf) {
    const type = types[s.nodes[i + it]];
    if (type === 'object' && s.strings[s.nodes[i + iname]] === 'Array') {
      // The array's own size plus its elements store (its first internal edge to an `array` node).
      let bytes = s.nodes[i + isize];
      for (let k = 0; k < s.nodes[i + iedges]; k++) {
        const to = s.edges[e + k * ef + eto];
        if (types[s.nodes[to + it]] === 'array' && edgeTypes[s.edges[e + k * ef + et]] === 'internal') bytes += s.nodes[to + isize];
      }
      arrayBytes.set(i, bytes);
    }
    e += s.nodes[i + iedges] * ef;
  }
  const byHolder = new Map<string, [number, number]>();
  const counted = new Set<number>();
  for (let b = 0; b < s.edges.length; b += ef) {
    const to = s.edges[b + eto];
    const bytes = arrayBytes.get(to);
    if (bytes === undefined || counted.has(to)) continue;
    const kind = edgeTypes[s.edges[b + et]];
    if (kind !== 'property' && kind !== 'element') continue;
    counted.add(to);
    add(byHolder, kind === 'property' ? `.${s.strings[s.edges[b + ename]]}` : '[element of an array]', bytes);
  }
  return { byType, byShape, byHolder, total };
}

const print = (title: string, map: Map<string, [number, number]>, rows: number): void => {
  console.log(`\n${title}\n${'MB'.padStart(8)} ${'count'.padStart(9)} ${'B each'.padStart(7)}  what`);
  for (const [k, [count, bytes]] of [...map].sort((a, b) => b[1][1] - a[1][1]).slice(0, rows)) {
    console.log(`${(bytes / 1e6).toFixed(2).padStart(8)} ${String(count).padStart(9)} ${(bytes / count).toFixed(0).padStart(7)}  ${k}`);
  }
};

useNodeGrammar();
const rules = await defaultRules();
const text = shape.make(Number(size));
const dir = mkdtempSync(join(tmpdir(), 'shipshape-heap-'));
const file = keep ?? join(dir, 'peak.heapsnapshot');
// A last "rule" that only takes the snapshot: every other rule has run, nothing of the lint is freed yet.
const snapshotRule: Rule = { ...rules[rules.length - 1], id: 'heap-at-peak', check: () => void writeHeapSnapshot(file) };
const result = await lint(text, { rules: [...rules, snapshotRule], config: defaultConfig(), context: null });
const lines = text.split('\n').length - 1;
console.log(`${shape.name}, n = ${size}: ${lines} lines, ${(text.length / 1e6).toFixed(1)} M characters, ${result.findings.length} findings, ${result.internalErrors.length} internal errors`);
if (!existsSync(file)) {
  // A file BuildKit cannot parse gets one DL1000 finding and no rule runs: the model is the peak.
  console.log(`no rule ran (${result.findings[0]?.ruleId ?? '?'}: ${result.findings[0]?.message ?? ''}): the snapshot holds the lint result`);
  writeHeapSnapshot(file);
}
try {
  const { byType, byShape, byHolder, total } = summarise(JSON.parse(readFileSync(file, 'utf8')) as Snapshot);
  console.log(`heap at the peak: ${(total / 1e6).toFixed(1)} MB, ${(total / lines) | 0} bytes per line, ${(total / text.length).toFixed(1)} per character`);
  print('by V8 type and constructor', byType, 15);
  print('plain objects, by property names', byShape, 15);
  print('arrays (with their elements store), by the property that holds them', byHolder, 15);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
