/**
 * EXPOSE items as BuildKit's dispatcher sees them: each word expanded with the scope before the
 * instruction (undefined variables are ignored), then split into `[ip:][hostPort:]port[/proto]`.
 */
import type { Scope } from '../../parse/semantics.js';
import type { Dockerfile, Instruction, Range, Word } from '../../parse/types.js';
import { rangeAt } from '../../shell/positions.js';
import { expandWords } from '../../parse/expand.js';
import { scopeLookup } from '../../parse/semantics.js';

interface ExposeItem {
  /** The word as written. */
  word: Word;
  /** True when the word contains no variable and no quote: the item is the word itself. */
  literal: boolean;
  /** One expanded item. */
  text: string;
  ip: string;
  hostPort: string;
  containerPort: string;
  proto: string;
  /** Where the protocol is written in the Dockerfile (literal words with a `/proto` only), else null. */
  protoRange: Range | null;
}

/** BuildKit `splitParts`: `[ip:][hostPort:]containerPort`. */
function splitParts(raw: string): { ip: string; hostPort: string; containerPort: string } {
  const parts = raw.split(':');
  const n = parts.length;
  const containerPort = parts[n - 1];
  if (n === 1) return { ip: '', hostPort: '', containerPort };
  if (n === 2) return { ip: '', hostPort: parts[0], containerPort };
  if (n === 3) return { ip: parts[0], hostPort: parts[1], containerPort };
  return { ip: parts.slice(0, n - 2).join(':'), hostPort: parts[n - 2], containerPort };
}

export function exposeItems(file: Dockerfile, instr: Instruction, scope: Scope): ExposeItem[] {
  const out: ExposeItem[] = [];
  for (const word of instr.words) {
    const literal = !/[$"'`\\]/.test(word.raw);
    let texts: string[];
    if (literal) texts = [word.raw];
    else {
      const r = expandWords(word.raw, scopeLookup(scope), { escape: file.escape });
      if (r.error !== null) continue;
      texts = r.words;
    }
    for (const text of texts) {
      const slash = text.indexOf('/');
      const portPart = slash >= 0 ? text.slice(0, slash) : text;
      const proto = slash >= 0 ? text.slice(slash + 1) : '';
      const protoRange = literal && slash >= 0 ? rangeAt(file, word.range.start.offset + slash + 1, word.range.end.offset) : null;
      out.push({ word, literal, text, proto, protoRange, ...splitParts(portPart) });
    }
  }
  return out;
}
