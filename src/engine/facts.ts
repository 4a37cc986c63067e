/**
 * The fact model: answers to the questions many rules ask, computed once per file (lazily, on first
 * use) and shared through `ctx` — per instruction its `--mount`s, COPY/ADD sources and destination, the
 * WORKDIR in effect and its stage; per stage its ancestry, root image and whether it is the final stage;
 * per file the RUN instructions (ONBUILD RUN included) with their shell commands.
 *
 * Rules read these facts instead of re-deriving them, so one reading of a `--mount` or of "the WORKDIR
 * here" holds for every rule. Semantics follow BuildKit (dockerfile frontend dispatch) unless a field
 * says it follows hadolint.
 *
 * No `node:` imports: the engine runs in browsers and language servers too.
 */
import { expandInScope, type Semantics } from '../parse/semantics.js';
import type { Dockerfile, Flag, ImageRef, Instruction, Range, Stage, Word } from '../parse/types.js';
import type { ShellCommand, ShellScript } from '../shell/types.js';
import { cleanPath } from '../parse/paths.js';
import { positionAt } from '../shell/positions.js';

/** One `RUN --mount=...` flag, read as BuildKit reads its CSV fields. */
export interface Mount {
  /** `bind` (default), `cache`, `tmpfs`, `secret`, `ssh`; lower case. */
  type: string;
  /** `target` / `dst` / `destination`, or null when none is given. */
  target: string | null;
  /** Every field, key lower-cased and trimmed (`id`, `from`, `source`, `sharing`...); a bare key has value ``. */
  options: Record<string, string>;
  /**
   * Each `key=value` field as written, with the range of its value in the Dockerfile (quotes around
   * the value excluded), for fixes that rewrite one field (`from=<stage>`). Empty when the flag has no
   * value range. `written` is the value as written, quotes included: BuildKit expands each value after
   * reading the CSV (single quotes keep a `$` literal).
   */
  fields: { key: string; value: string; range: Range; valueRange: Range; written: string }[];
  /** The flag as parsed. */
  flag: Flag;
  /** The whole `--mount=...` flag in the Dockerfile. */
  range: Range;
  /** The additional build context `from=` names (as {@link CopyFacts.fromContext}), or null. */
  fromContext: string | null;
}

/** Sources and destination of a COPY or ADD (after its flags; exec form: the JSON elements). */
interface CopyFacts {
  /** Source words as parsed (quotes removed by the parser). */
  sources: Word[];
  /** The destination word, or null when the instruction has no words. */
  dest: Word | null;
  /**
   * hadolint's reading of the same words (`dropQuotes`): the text as written with one pair of
   * surrounding quotes removed and no escape processing (`c:\\tools` keeps its backslashes). Exec form:
   * the parsed JSON elements. The DL rules and the rules that judge paths as hadolint does read this (no
   * word lies inside a flag: a flag without `=` is a parse error, and rules do not run on those).
   */
  asWritten: { sources: Word[]; dest: Word | null };
  /** The value of `--from` (stage name, index or image), or null. */
  from: string | null;
  /**
   * The additional build context `--from` names (`docker buildx build --build-context NAME=…`, Compose
   * `build.additional_contexts`), or null. BuildKit resolves `--from` first to a stage of the file, then
   * to a named context, then to an image: a stage of the same name wins here too.
   */
  fromContext: string | null;
}

/** The working directory an instruction runs in. */
interface WorkdirFacts {
  /**
   * The last WORKDIR before the instruction in its stage, else the last WORKDIR of the nearest stage it
   * derives from (`FROM <stage>`), else null (the base image's working directory).
   */
  instruction: Instruction | null;
  /**
   * The absolute directory, resolved as BuildKit does: variables expanded with the scope of each
   * WORKDIR, relative paths joined to the previous directory (`/` when none), cleaned like Go's
   * `path.Clean`. Null when a WORKDIR depends on a variable without value or is a Windows path; `/`
   * when there is no WORKDIR at all (the base image's directory is not known here).
   */
  path: string | null;
  /**
   * True when `instruction`'s argument, expanded (a variable without value as empty, as BuildKit does
   * without that build argument), starts with `/`: the directory does not depend on the one before.
   * False without a WORKDIR.
   */
  absolute: boolean;
}

/** What is known about one instruction. */
export interface InstructionFacts {
  instruction: Instruction;
  /** The stage it belongs to; null for global instructions (ARG before the first FROM). */
  stage: Stage | null;
  /** `--mount` flags of a RUN (empty for other instructions). */
  mounts: readonly Mount[];
  /** Sources and destination of COPY/ADD; null for other instructions. */
  copy: CopyFacts | null;
  /** The WORKDIR in effect when the instruction runs. */
  workdir: WorkdirFacts;
  /**
   * For a WORKDIR, the WORKDIR in effect after it (its `instruction` is itself); null for other
   * instructions. A WORKDIR wrapped in ONBUILD runs in a later build, in a directory not known here: a
   * relative path is resolved against `/`.
   */
  workdirAfter: WorkdirFacts | null;
}

const NO_MOUNTS: readonly Mount[] = Object.freeze([]);

/** The facts of an instruction that are computed on first use, for the whole file at once. */
interface LazyFacts {
  workdir: (instr: Instruction) => WorkdirFacts;
  workdirAfter: (instr: Instruction) => WorkdirFacts | null;
}

/**
 * {@link InstructionFacts} of one instruction. A class, so that the lazy facts are getters on its
 * prototype: an object literal with a getter was a dictionary-mode object with its own closure, ~560
 * bytes per instruction (28 MB of a 50,000-line file's 163 MB at the peak of a lint).
 */
class FactsOfInstruction implements InstructionFacts {
  readonly #lazy: LazyFacts;
  constructor(
    readonly instruction: Instruction,
    readonly stage: Stage | null,
    readonly mounts: readonly Mount[],
    readonly copy: CopyFacts | null,
    lazy: LazyFacts,
  ) {
    this.#lazy = lazy;
  }
  get workdir(): WorkdirFacts {
    return this.#lazy.workdir(this.instruction);
  }
  get workdirAfter(): WorkdirFacts | null {
    return this.#lazy.workdirAfter(this.instruction);
  }
}

/** What is known about one stage. */
export interface StageFacts {
  stage: Stage;
  /**
   * The stages it is built on through `FROM <earlier stage>`, nearest first, itself excluded. Stops at
   * an image base, a forward reference or a cycle.
   */
  ancestors: readonly Stage[];
  /** `[stage, ...ancestors]`. */
  chain: readonly Stage[];
  /** The image at the root of the chain; null when the chain ends in a stage reference it cannot follow. */
  rootImage: ImageRef | null;
  /**
   * True for the stage the build produces: the `--target` stage (Compose `build.target`) when one is
   * given, else the last stage of the file (what `docker build` produces without `--target`).
   */
  final: boolean;
  /** True for the final stage and every stage it is built on (`FROM <stage>`). */
  inFinalImage: boolean;
  /**
   * True when BuildKit builds the stage for the final stage: the final stage and every stage it depends
   * on, transitively, through `FROM <stage>`, `COPY --from=<stage>` (ADD too) and
   * `RUN --mount=from=<stage>`. BuildKit skips the others (with or without `--target`).
   */
  built: boolean;
}

/** What is known about the build beyond the Dockerfile (`LintOptions.target`, `.buildContexts`). */
interface BuildFacts {
  /** The name of the stage to build (`--target`); undefined or null for the last stage. Must name a stage (see {@link targetStage}). */
  target?: string | null;
  /** Names of the additional build contexts (`--build-context NAME=…`). */
  namedContexts?: readonly string[];
}

/**
 * The stage `docker build --target NAME` builds: the stage whose name equals `target`, compared
 * case-insensitively (BuildKit lower-cases stage names); null when no stage has that name (BuildKit:
 * "target stage … could not be found"). Stage indexes are not targets.
 */
export function targetStage(file: Dockerfile, target: string): Stage | null {
  const want = target.toLowerCase();
  return file.stages.find((s) => s.name !== null && s.name.toLowerCase() === want) ?? null;
}

/**
 * A RUN instruction as rules meet it: `RUN` itself or the RUN wrapped by `ONBUILD RUN`.
 */
export interface RunFacts {
  /** The RUN (for `ONBUILD RUN`, the wrapped RUN: its flags, words, heredocs). */
  run: Instruction;
  /** The instruction findings are reported on: the RUN, or its ONBUILD (pragmas and `# check=` apply there). */
  reportOn: Instruction;
  /** True for a RUN wrapped in ONBUILD. */
  onbuild: boolean;
  /** The shell model of the RUN, or null (exec form that is not a shell, non-POSIX shell, non-shell heredoc). */
  script: ShellScript | null;
  /** Every simple command of the script in document order (empty when `script` is null). */
  commands: ShellCommand[];
}

/** The facts of one Dockerfile; built by the engine, read through `ctx`. */
export interface Facts {
  /** ARG/ENV scopes at every instruction (BuildKit scoping). */
  readonly semantics: Semantics;
  /** Facts about an instruction (also one wrapped by ONBUILD: it shares its ONBUILD's stage and WORKDIR). */
  of(instruction: Instruction): InstructionFacts;
  /** Facts about a stage. */
  stage(stage: Stage): StageFacts;
  /** The stage the build produces (see {@link StageFacts.final}); null for a file without stages. */
  readonly finalStage: Stage | null;
  /** Every RUN in file order; with `onbuild: false` the RUNs wrapped by ONBUILD are left out. */
  runs(options?: { onbuild?: boolean }): readonly RunFacts[];
  /** The instruction whose text contains `offset` (the ONBUILD, not the wrapped trigger), or null. */
  instructionAt(offset: number): Instruction | null;
}

/**
 * Builds the fact model of a parsed, error-free Dockerfile.
 * @param shell the shell model of a RUN (the engine's, computed once), or null.
 * @param build the target stage and named contexts; an unknown target falls back to the last stage
 *   (callers check it first with {@link targetStage}).
 */
export function buildFacts(file: Dockerfile, semantics: Semantics, shell: (run: Instruction) => ShellScript | null, build: BuildFacts = {}): Facts {
  const namedContexts = new Set((build.namedContexts ?? []).map((n) => n.toLowerCase()));
  const finalStage = (build.target ? targetStage(file, build.target) : null) ?? file.stages[file.stages.length - 1] ?? null;
  const finalChain = finalStage ? [finalStage, ...stageAncestors(file, finalStage)] : [];
  const builtStages = finalStage ? reachedStages(file, finalStage) : new Set<Stage>();
  /** The named context a `--from` value names, when it names no stage (earlier or not) and no index. */
  const contextNamed = (value: string | undefined | null): string | null => {
    if (!value || !namedContexts.has(value.toLowerCase()) || stageNamed(file, value) !== null) return null;
    return value;
  };
  const instrFacts = new Map<Instruction, InstructionFacts>();
  const stageFacts = new Map<Stage, StageFacts>();
  const wrapperOf = new Map<Instruction, Instruction>();
  for (const i of file.instructions) if (i.onbuild) wrapperOf.set(i.onbuild, i);
  let allRuns: RunFacts[] | null = null; // frozen once built
  let workdirs: { before: Map<Instruction, WorkdirFacts>; after: Map<Instruction, WorkdirFacts> } | null = null;

  const stageOf = (instr: Instruction): Stage | null => (instr.stageIndex >= 0 ? file.stages[instr.stageIndex] ?? null : null);

  const stage = (s: Stage): StageFacts => {
    let f = stageFacts.get(s);
    if (!f) {
      const ancestors = stageAncestors(file, s);
      const chain = [s, ...ancestors];
      const last = chain[chain.length - 1];
      const final = s === finalStage;
      const inFinalImage = finalChain.includes(s);
      const built = builtStages.has(s);
      // Shared by every rule of the run: frozen, so a rule that sorts or reverses them fails loudly
      // instead of changing what the rules after it see.
      f = Object.freeze({ stage: s, ancestors: Object.freeze(ancestors), chain: Object.freeze(chain), rootImage: last.base.kind === 'image' ? last.base.image : null, final, inFinalImage, built });
      stageFacts.set(s, f);
    }
    return f;
  };

  const workdirOf = (instr: Instruction): WorkdirFacts => {
    workdirs ??= computeWorkdirs(file, semantics, (s) => stage(s).ancestors);
    const owner = wrapperOf.get(instr) ?? instr;
    return workdirs.before.get(owner) ?? NO_WORKDIR;
  };
  const workdirAfterOf = (instr: Instruction): WorkdirFacts | null => {
    if (instr.keyword !== 'WORKDIR') return null;
    workdirs ??= computeWorkdirs(file, semantics, (s) => stage(s).ancestors);
    return workdirs.after.get(instr) ?? null;
  };

  const lazy: LazyFacts = { workdir: (instr) => workdirOf(instr), workdirAfter: (instr) => workdirAfterOf(instr) };
  const of = (instr: Instruction): InstructionFacts => {
    let f = instrFacts.get(instr);
    if (!f) {
      const owner = wrapperOf.get(instr) ?? instr;
      f = new FactsOfInstruction(
        instr,
        stageOf(owner),
        // Not a RUN: the one shared frozen empty list (a 1e6-line file would otherwise hold 1e6 of them).
        instr.keyword === 'RUN' ? Object.freeze(readMounts(file, instr).map((m) => ({ ...m, fromContext: contextNamed(m.options.from) }))) : NO_MOUNTS,
        instr.keyword === 'COPY' || instr.keyword === 'ADD' ? withContext(readCopy(instr), contextNamed) : null,
        lazy,
      );
      instrFacts.set(instr, f);
    }
    return f;
  };

  const runs = (options: { onbuild?: boolean } = {}): readonly RunFacts[] => {
    if (!allRuns) {
      allRuns = [];
      for (const instr of file.instructions) {
        const run = instr.keyword === 'RUN' ? instr : instr.keyword === 'ONBUILD' && instr.onbuild?.keyword === 'RUN' ? instr.onbuild : null;
        if (!run) continue;
        const script = shell(run);
        allRuns.push(Object.freeze({ run, reportOn: instr, onbuild: run !== instr, script, commands: script?.commands ?? [] }));
      }
      Object.freeze(allRuns);
    }
    return options.onbuild === false ? allRuns.filter((r) => !r.onbuild) : allRuns;
  };

  const instructionAt = (offset: number): Instruction | null => {
    const list = file.instructions;
    let lo = 0;
    let hi = list.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const r = list[mid].range;
      if (offset < r.start.offset) hi = mid - 1;
      else if (offset > r.end.offset) lo = mid + 1;
      else return list[mid];
    }
    return null;
  };

  return { semantics, of, stage, runs, instructionAt, finalStage };
}

function withContext(copy: Omit<CopyFacts, 'fromContext'>, contextNamed: (v: string | null) => string | null): CopyFacts {
  return { ...copy, fromContext: contextNamed(copy.from) };
}

/** The stage a `--from` / `from=` value or `FROM` name refers to: a stage name (any case) or index; else null. */
function stageNamed(file: Dockerfile, value: string): Stage | null {
  if (/^\d+$/.test(value)) return file.stages[Number(value)] ?? null;
  const want = value.toLowerCase();
  return file.stages.find((s) => s.name !== null && s.name.toLowerCase() === want) ?? null;
}

/**
 * The stages BuildKit builds for `final`: itself and, transitively, every stage it depends on through
 * `FROM <stage>`, `COPY|ADD --from=<stage>` and `RUN --mount=from=<stage>` (BuildKit's dispatch
 * dependencies; values with variables are not followed).
 */
function reachedStages(file: Dockerfile, final: Stage): Set<Stage> {
  const out = new Set<Stage>();
  const todo = [final];
  while (todo.length > 0) {
    const s = todo.pop()!;
    if (out.has(s)) continue;
    out.add(s);
    if (s.base.kind === 'stage') {
      const parent = file.stages[s.base.stage];
      if (parent) todo.push(parent);
    }
    for (const instr of s.instructions) {
      const values: string[] = [];
      if (instr.keyword === 'COPY' || instr.keyword === 'ADD') {
        const from = instr.flags.find((f) => f.name === 'from');
        if (from?.value) values.push(from.value);
      } else if (instr.keyword === 'RUN') {
        for (const m of readMounts(file, instr)) if (m.options.from) values.push(m.options.from);
      }
      for (const v of values) {
        const dep = stageNamed(file, v);
        if (dep && dep !== s) todo.push(dep);
      }
    }
  }
  return out;
}

/** Stages a stage is built on through `FROM <earlier stage>`, nearest first (itself excluded). */
function stageAncestors(file: Dockerfile, stage: Stage): Stage[] {
  const out: Stage[] = [];
  const seen = new Set<number>([stage.index]);
  let cur = stage;
  while (cur.base.kind === 'stage') {
    const parent = file.stages[cur.base.stage];
    if (!parent || parent.index >= cur.index || seen.has(parent.index)) break;
    seen.add(parent.index);
    out.push(parent);
    cur = parent;
  }
  return out;
}

/** BuildKit's `--mount` CSV reading (quotes removed, keys lower-cased and trimmed). */
function readMounts(file: Dockerfile, run: Instruction): Mount[] {
  const out: Mount[] = [];
  for (const flag of run.flags) {
    if (flag.name !== 'mount' || flag.value === null) continue;
    const options: Record<string, string> = {};
    for (const field of splitCsv(flag.value)) {
      const eq = field.indexOf('=');
      const key = (eq === -1 ? field : field.slice(0, eq)).trim().toLowerCase();
      options[key] = eq === -1 ? '' : field.slice(eq + 1).trim();
    }
    const target = options.target ?? options.dst ?? options.destination ?? null;
    out.push({ type: (options.type ?? 'bind').toLowerCase(), target, options, fields: mountFields(file, flag), flag, range: flag.range, fromContext: null });
  }
  return out;
}

/** The fields of a `--mount` value as written in the file, with ranges (see {@link Mount.fields}). */
function mountFields(file: Dockerfile, flag: Flag): Mount['fields'] {
  if (!flag.valueRange) return [];
  const base = flag.valueRange.start.offset;
  const raw = file.text.slice(base, flag.valueRange.end.offset);
  const at = (i: number): Range['start'] => positionAt(file.text, file.lineStarts, base + i);
  const out: Mount['fields'] = [];
  let start = 0;
  let quote: string | null = null;
  for (let i = 0; i <= raw.length; i++) {
    const ch = raw[i];
    if (quote) {
      if (ch === quote) quote = null;
      continue;
    }
    if (ch === '"' || ch === "'") {
      quote = ch;
      continue;
    }
    if (i < raw.length && ch !== ',') continue;
    const field = raw.slice(start, i);
    const eq = field.indexOf('=');
    if (eq > 0) {
      let vs = start + eq + 1;
      let ve = i;
      if (ve - vs >= 2 && (raw[vs] === '"' || raw[vs] === "'") && raw[ve - 1] === raw[vs]) {
        vs++;
        ve--;
      }
      out.push({ key: field.slice(0, eq).trim().toLowerCase(), value: raw.slice(vs, ve), range: { start: at(start), end: at(i) }, valueRange: { start: at(vs), end: at(ve) }, written: raw.slice(start + eq + 1, i) });
    }
    start = i + 1;
  }
  return out;
}

/** Splits a CSV record on `,`, honouring `"`/`'` quotes (which are removed). */
function splitCsv(value: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quote: string | null = null;
  for (const ch of value) {
    if (quote) {
      if (ch === quote) quote = null;
      else cur += ch;
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === ',') {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

/** Removes one pair of surrounding `"` or `'` (hadolint's `dropQuotes`). */
export function dropQuotes(s: string): string {
  let out = s;
  if (out.length >= 1 && (out[0] === '"' || out[0] === "'")) out = out.slice(1);
  if (out.length >= 1 && (out.endsWith('"') || out.endsWith("'"))) out = out.slice(0, -1);
  return out;
}

function readCopy(instr: Instruction): Omit<CopyFacts, 'fromContext'> {
  const words = instr.words;
  const written = instr.execForm ? words : words.map((w) => ({ ...w, value: dropQuotes(w.raw) }));
  const from = instr.flags.find((f) => f.name === 'from');
  return {
    sources: words.slice(0, -1),
    dest: words[words.length - 1] ?? null,
    asWritten: { sources: written.slice(0, -1), dest: written[written.length - 1] ?? null },
    from: from ? from.value : null,
  };
}

/** No WORKDIR set: the base image's directory, taken as `/`. */
const NO_WORKDIR: WorkdirFacts = Object.freeze({ instruction: null, path: '/', absolute: false });

/** The directory `instr` (a WORKDIR) sets when `current` is in effect before it (see {@link WorkdirFacts}). */
function setWorkdir(file: Dockerfile, semantics: Semantics, scopeOf: Instruction, instr: Instruction, current: WorkdirFacts): WorkdirFacts {
  const r = expandInScope(instr.argsAfterFlags.text, semantics.scopeAt(scopeOf), { escape: file.escape });
  const absolute = r.error === null && r.value.startsWith('/');
  let path: string | null = r.error !== null || r.unmatched.length > 0 ? null : r.value.replace(/\\/g, '/');
  if (path !== null && /^[A-Za-z]:/.test(path)) path = null;
  if (path !== null && !path.startsWith('/')) path = current.path === null ? null : `${current.path}/${path}`;
  return { instruction: instr, path: path === null ? null : cleanPath(path), absolute };
}

/**
 * The WORKDIR in effect before every instruction of every stage (ONBUILD triggers share their ONBUILD's)
 * and after every WORKDIR (ONBUILD WORKDIR too, resolved against `/`).
 */
function computeWorkdirs(file: Dockerfile, semantics: Semantics, ancestors: (s: Stage) => readonly Stage[]): { before: Map<Instruction, WorkdirFacts>; after: Map<Instruction, WorkdirFacts> } {
  const before = new Map<Instruction, WorkdirFacts>();
  const after = new Map<Instruction, WorkdirFacts>();
  const stageEnd = new Map<number, WorkdirFacts>();
  for (const stage of file.stages) {
    const parent = ancestors(stage)[0];
    let current: WorkdirFacts = (parent && stageEnd.get(parent.index)) ?? NO_WORKDIR;
    for (const instr of stage.instructions) {
      before.set(instr, current);
      if (instr.onbuild?.keyword === 'WORKDIR') after.set(instr.onbuild, setWorkdir(file, semantics, instr, instr.onbuild, NO_WORKDIR));
      if (instr.keyword !== 'WORKDIR') continue;
      current = setWorkdir(file, semantics, instr, instr, current);
      after.set(instr, current);
    }
    stageEnd.set(stage.index, current);
  }
  // A WORKDIR outside any stage (a file without FROM, which BuildKit rejects) sets its path against `/`.
  for (const instr of file.instructions) {
    if (instr.stageIndex >= 0) continue;
    const w = instr.onbuild?.keyword === 'WORKDIR' ? instr.onbuild : instr.keyword === 'WORKDIR' ? instr : null;
    if (w) after.set(w, setWorkdir(file, semantics, instr, w, NO_WORKDIR));
  }
  return { before, after };
}
