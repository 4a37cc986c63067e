/**
 * ShellCheck off the typing path: the language server lints with a script analyser that answers
 * only from a cache and records which RUN scripts it has not seen; those are then checked by one
 * `shellcheck` process in the background, and the file is linted again once their results are in.
 *
 * A cache entry belongs to one RUN instruction's exact source text, its start column, the shell that
 * runs it and the variable names in scope (everything ShellCheck's input depends on, see
 * `shellcheckInput`). Its findings are stored relative to the instruction's start, so an unchanged RUN
 * keeps its findings when lines above it are added or removed.
 */
import type { ScriptAnalyzer, ScriptJob } from '../engine/lint.js';
import type { Finding } from '../engine/types.js';
import type { Position } from '../parse/types.js';

interface Entry {
  /** Findings with positions relative to the instruction start (line delta, offset delta; columns kept). */
  findings: Finding[];
}

/** Entries kept; the oldest are dropped first. */
const MAX_ENTRIES = 2000;

/** A cache of ShellCheck findings per RUN script. */
export class ShellcheckCache {
  private readonly entries = new Map<string, Entry>();
  private readonly running = new Set<string>();

  /** @param analyzer the real analyser (src/cli/shellcheck.ts), called with the uncached scripts only. */
  constructor(private readonly analyzer: ScriptAnalyzer) {}

  /**
   * A script analyser for `lint` that returns cached findings at once and adds every script it has no
   * entry for to `misses` (pass the array to {@link fill} afterwards).
   */
  cachedAnalyzer(misses: ScriptJob[]): ScriptAnalyzer {
    return async (jobs) => {
      const out: Finding[] = [];
      for (const job of jobs) {
        const entry = this.entries.get(keyOf(job));
        if (entry) out.push(...entry.findings.map((f) => place(f, job)));
        else misses.push(job);
      }
      return out;
    };
  }

  /**
   * Runs ShellCheck on `jobs` (one process) and stores the results. Scripts already being checked by
   * an earlier call are skipped. Resolves true when ShellCheck found something in them (so a lint now
   * would say more than the lint that recorded the misses).
   * @throws what the analyser throws (a failing `shellcheck` program); nothing is stored then.
   */
  async fill(jobs: ScriptJob[]): Promise<boolean> {
    const todo = new Map<string, ScriptJob>();
    for (const job of jobs) {
      const key = keyOf(job);
      if (!this.entries.has(key) && !this.running.has(key)) todo.set(key, job);
    }
    if (todo.size === 0) return false;
    for (const key of todo.keys()) this.running.add(key);
    try {
      const found = await this.analyzer([...todo.values()]);
      let any = false;
      for (const [key, job] of todo) {
        const own = found.filter((f) => f.instruction === job.instruction);
        this.entries.set(key, { findings: own.map((f) => relative(f, job)) });
        any ||= own.length > 0;
        while (this.entries.size > MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value as string);
      }
      return any;
    } finally {
      for (const key of todo.keys()) this.running.delete(key);
    }
  }

  /** Number of cached scripts (for tests). */
  get size(): number {
    return this.entries.size;
  }
}

function keyOf(job: ScriptJob): string {
  const r = job.instruction.range;
  const source = job.file.text.slice(r.start.offset, r.end.offset);
  return JSON.stringify([job.shell, [...job.variables].sort(), r.start.column, source]);
}

function relative(f: Finding, job: ScriptJob): Finding {
  const base = job.instruction.range.start;
  const shift = (p: Position): Position => ({ line: p.line - base.line, column: p.column, offset: p.offset - base.offset });
  return { ...f, instruction: null, range: { start: shift(f.range.start), end: shift(f.range.end) } };
}

function place(f: Finding, job: ScriptJob): Finding {
  const base = job.instruction.range.start;
  const shift = (p: Position): Position => ({ line: p.line + base.line, column: p.column, offset: p.offset + base.offset });
  return { ...f, instruction: job.instruction, range: { start: shift(f.range.start), end: shift(f.range.end) } };
}
