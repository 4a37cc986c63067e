/**
 * Stages from instructions (BuildKit `instructions.Parse`): global ARGs, FROM images expanded with
 * their defaults, references to earlier stages, stage names.
 *
 * No `node:` imports: this module runs in browsers and language servers.
 */
import type { ImageRef, Instruction, Stage } from './types.js';
import { expandWord } from './expand.js';
import { parseImageRef } from './image-ref.js';
import type { ParseState } from './syntax.js';
import { unquoteWord } from './words.js';

/**
 * Groups instructions into stages (BuildKit `instructions.Parse`): ARGs before the first FROM are
 * global; anything else there is `no build stage in current context`. Each FROM's image is expanded
 * with the global ARG defaults and compared (lower-cased) with earlier stage names.
 */
export function buildStages(ctx: ParseState, instructions: Instruction[]): { stages: Stage[]; globalArgs: Instruction[] } {
  const stages: Stage[] = [];
  const globalArgs: Instruction[] = [];
  const globals = new Map<string, string | null>();
  const stageByName = new Map<string, number>();
  const lookupGlobal = (name: string): string | undefined => {
    const v = globals.get(name);
    return v === null ? undefined : v;
  };
  for (const instr of instructions) {
    if (instr.keyword === 'FROM') {
      const index = stages.length;
      instr.stageIndex = index;
      const words = instr.words;
      const imageWord = words.length > 0 ? words[0].raw : '';
      const named = words.length === 3 && words[1].raw.toLowerCase() === 'as';
      const name = named ? words[2].raw : null;
      const { expanded, unresolved } = expandImage(imageWord, lookupGlobal, ctx.escape);
      const lower = expanded.toLowerCase();
      let base: Stage['base'];
      const earlier = stageByName.get(lower);
      if (earlier !== undefined && !unresolved) base = { kind: 'stage', stage: earlier };
      else base = { kind: 'image', image: parseImageRef(imageWord, expanded, unresolved) as ImageRef };
      const platformFlag = instr.flags.find((f) => f.name === 'platform');
      stages.push({
        index,
        name,
        nameRange: named ? words[2].range : null,
        from: instr,
        base,
        platform: platformFlag ? platformFlag.value : null,
        instructions: [],
      });
      if (instr.onbuild) instr.onbuild.stageIndex = index;
      if (name !== null && !stageByName.has(name.toLowerCase())) stageByName.set(name.toLowerCase(), index);
      continue;
    }
    if (stages.length === 0) {
      instr.stageIndex = -1;
      if (instr.keyword === 'ARG') {
        globalArgs.push(instr);
        for (const p of instr.pairs) {
          if (p.rawValue === null) {
            if (!globals.has(p.key)) globals.set(p.key, null);
          } else {
            const r = safeExpand(p.rawValue, lookupGlobal, ctx.escape, false);
            globals.set(p.key, r.value);
          }
        }
      }
      // Any other instruction before the first FROM makes BuildKit fail with `no build stage in current
      // context`. Rule DL3061 reports it (as hadolint does), so the rest of the file is still linted.
      continue;
    }
    const stage = stages[stages.length - 1];
    instr.stageIndex = stage.index;
    if (instr.onbuild) instr.onbuild.stageIndex = stage.index;
    stage.instructions.push(instr);
  }
  return { stages, globalArgs };
}

function safeExpand(
  word: string, lookup: (n: string) => string | undefined, escape: number, skipUnsetEnv: boolean,
): { value: string; unmatched: string[]; error: string | null } {
  try {
    const r = expandWord(word, lookup, { escape: escape === 0x60 ? '`' : '\\', skipUnsetEnv });
    return { value: r.value, unmatched: r.unmatched, error: r.error };
  } catch {
    return { value: word, unmatched: [], error: 'expansion failed' };
  }
}

/** True when `text` still holds the plain reference `$name` or `${name}`. */
function hasPlainRef(text: string, name: string): boolean {
  if (text.includes(`\${${name}}`)) return true;
  const needle = `$${name}`;
  for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
    const c = text.charCodeAt(i + needle.length);
    const wordChar = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
    if (!wordChar) return true;
  }
  return false;
}

/**
 * Expands a FROM image with the global ARG defaults (BuildKit expands unset names to empty; here a
 * plain `$X`/`${X}` without a value is kept as written and marks the result unresolved, while
 * `${X:-default}` and friends apply their modifier).
 */
function expandImage(
  word: string, lookup: (n: string) => string | undefined, escape: number,
): { expanded: string; unresolved: boolean } {
  if (!word.includes('$')) {
    return { expanded: unquoteWord(word, escape), unresolved: word === '' };
  }
  const kept = safeExpand(word, lookup, escape, true);
  const plain = new Set(kept.unmatched.filter((n) => hasPlainRef(kept.value, n)));
  const r = safeExpand(word, (n) => lookup(n) ?? (plain.has(n) ? `\${${n}}` : undefined), escape, false);
  if (r.error !== null) return { expanded: word, unresolved: true };
  return { expanded: r.value, unresolved: plain.size > 0 || r.value === '' };
}
