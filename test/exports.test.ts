/**
 * Hygiene of the code under src/: no two exported functions share a name (one name, one meaning: a
 * second `stageOf` that returns `undefined` where the first returns `null` is how twins drift apart), and
 * every export is used by another file of the repository (src/, scripts/, test/, fuzz/, bin/) — dead
 * exports are deleted, not kept "in case".
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(__dirname, '..');

function files(dir: string, exts: RegExp): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    if (f === 'node_modules' || f === 'dist') return [];
    return statSync(p).isDirectory() ? files(p, exts) : exts.test(f) ? [p] : [];
  });
}

const sources = files(join(root, 'src'), /\.ts$/);
const everything = ['src', 'scripts', 'test', 'fuzz', 'bin'].flatMap((d) => {
  try {
    return files(join(root, d), /\.(ts|mts|mjs|js)$/);
  } catch {
    return [];
  }
});
const texts = new Map(everything.map((f) => [f, readFileSync(f, 'utf8')]));

/** Named exports of a file: `export function|const|let|class|interface|type|enum NAME`. */
function exportsOf(text: string): { name: string; kind: string }[] {
  const out: { name: string; kind: string }[] = [];
  for (const m of text.matchAll(/^export\s+(?:declare\s+)?(?:async\s+)?(function\*?|const|let|class|interface|type|enum)\s+([A-Za-z_$][\w$]*)/gm)) {
    out.push({ kind: m[1].replace('*', ''), name: m[2] });
  }
  return out;
}

describe('exports under src/', () => {
  it('no two exported functions share a name', () => {
    const byName = new Map<string, string[]>();
    for (const f of sources) {
      for (const e of exportsOf(texts.get(f)!)) {
        if (e.kind !== 'function') continue;
        byName.set(e.name, [...(byName.get(e.name) ?? []), relative(root, f)]);
      }
    }
    const twins = [...byName].filter(([, where]) => where.length > 1).map(([name, where]) => `${name}: ${where.join(', ')}`);
    expect(twins).toEqual([]);
  });

  it('every export is used by another file', () => {
    const unused: string[] = [];
    for (const f of sources.filter((p) => !p.includes(`${join('src', 'cli')}`))) {
      for (const e of exportsOf(texts.get(f)!)) {
        const re = new RegExp(`(^|[^\\w$.])${e.name.replace(/\$/g, '\\$')}(?![\\w$])`, 'm');
        const used = [...texts].some(([other, text]) => other !== f && re.test(text));
        if (!used) unused.push(`${relative(root, f)}: ${e.kind} ${e.name}`);
      }
    }
    expect(unused).toEqual([]);
  });
});
