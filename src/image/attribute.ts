/**
 * Ties history entries (and so layers) to the Dockerfile instructions that made them.
 *
 * Builders write `created_by` differently: BuildKit `RUN /bin/sh -c make # buildkit`, `COPY . /app #
 * buildkit`, `ENV A=b`; the classic builder and buildah `/bin/sh -c #(nop) COPY file:<hash> in /app`
 * and `/bin/sh -c make` (build arguments as a `|2 A=1 B=2` prefix). Each is reduced to an instruction
 * keyword (and, for RUN, the command), then the final stage's instructions (its base stages first) are
 * aligned with the history from the END: the base image's own history is what remains at the start.
 */
import type { Dockerfile, Instruction } from '../parse/types.js';
import type { HistoryEntry } from './model.js';

const KEYWORDS = new Set(['RUN', 'COPY', 'ADD', 'ENV', 'LABEL', 'USER', 'WORKDIR', 'EXPOSE', 'VOLUME', 'ENTRYPOINT', 'CMD', 'HEALTHCHECK', 'SHELL', 'STOPSIGNAL', 'ONBUILD', 'ARG', 'MAINTAINER']);

/** The instruction a `created_by` describes: keyword and, for RUN, the shell command. */
export function describeCreatedBy(createdBy: string): { keyword: string; text: string } {
  let s = createdBy.trim().replace(/\s*# buildkit$/, '');
  const nop = /#\(nop\)\s*(.*)$/s.exec(s);
  if (nop) s = nop[1].trim();
  else {
    s = s.replace(/^RUN\s+/, '');
    s = s.replace(/^\|\d+(\s+\S+=\S*)*\s+/, '');
    const sh = /^(\/bin\/sh|\/bin\/bash|sh|bash)\s+-c\s+(.*)$/s.exec(s);
    if (sh) return { keyword: 'RUN', text: sh[2].trim() };
    if (createdBy.trim().startsWith('RUN ')) return { keyword: 'RUN', text: s };
  }
  const m = /^([A-Za-z]+)\b\s*(.*)$/s.exec(s);
  if (m && KEYWORDS.has(m[1].toUpperCase())) return { keyword: m[1].toUpperCase(), text: m[2] };
  return { keyword: 'RUN', text: s };
}

/** Instructions of a stage preceded by those of the stages it is built FROM (FROM and ARG lines left out). */
function chainOf(df: Dockerfile, stage: number, depth = 0): Instruction[] {
  const st = df.stages[stage];
  if (!st) return [];
  const base = st.base.kind === 'stage' && depth < 32 ? chainOf(df, st.base.stage, depth + 1) : [];
  return [...base, ...st.instructions.filter((i) => i.keyword !== 'ARG' && i.keyword !== 'FROM')];
}

/**
 * Maps history indexes to instructions of the target stage.
 * @param target stage name or index (`--target`); default the last stage.
 * @returns history index → instruction, for the entries that could be matched.
 */
export function attributeHistory(df: Dockerfile, history: HistoryEntry[], target?: string): Map<number, Instruction> {
  const out = new Map<number, Instruction>();
  if (df.stages.length === 0) return out;
  let stage = df.stages.length - 1;
  if (target !== undefined) {
    const k = df.stages.findIndex((s) => s.name?.toLowerCase() === target.toLowerCase());
    if (k >= 0) stage = k;
    else if (/^\d+$/.test(target) && Number(target) < df.stages.length) stage = Number(target);
  }
  const chain = chainOf(df, stage);
  // Weighted longest common subsequence of history entries and instructions: a pair counts when the
  // keywords agree, more when a RUN's command or a COPY/ADD's destination agrees too. Ties prefer the
  // latest history entries (the base image's history is at the start).
  const H = history.length;
  const I = chain.length;
  const desc = history.map((h) => describeCreatedBy(h.created_by ?? ''));
  const norm = (t: string) => t.replace(/\s+/g, ' ').trim();
  const weight = (h: number, i: number): number => {
    const d = desc[h];
    const ins = chain[i];
    if (d.keyword !== ins.keyword) return 0;
    if (d.keyword === 'RUN') return norm(d.text) === norm(ins.argsAfterFlags.text) ? 3 : 2;
    if (d.keyword === 'COPY' || d.keyword === 'ADD') {
      const dest = ins.words.length > 0 ? ins.words[ins.words.length - 1].value : '';
      return dest !== '' && norm(d.text).endsWith(dest) ? 3 : 2;
    }
    return 2;
  };
  const best: number[][] = Array.from({ length: H + 1 }, () => new Array<number>(I + 1).fill(0));
  for (let h = H - 1; h >= 0; h--) {
    for (let i = I - 1; i >= 0; i--) {
      const w = weight(h, i);
      best[h][i] = Math.max(best[h + 1][i], best[h][i + 1], w > 0 ? w + best[h + 1][i + 1] : 0);
    }
  }
  let h = 0;
  let i = 0;
  while (h < H && i < I) {
    const w = weight(h, i);
    if (w > 0 && best[h][i] === w + best[h + 1][i + 1] && best[h + 1][i] <= best[h][i] - w) {
      out.set(h, chain[i]);
      h++;
      i++;
    } else if (best[h + 1][i] >= best[h][i + 1]) h++;
    else i++;
  }
  return out;
}
