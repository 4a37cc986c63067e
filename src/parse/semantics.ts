/**
 * Variable scoping of a Dockerfile as BuildKit's dispatcher sees it (dockerfile2llb/convert.go):
 * which ARG and ENV names are defined just before each instruction, and with which values.
 *
 * The model (BuildKit behaviour, for a linux/amd64 build without `--build-arg`):
 * - Global scope (seen only by FROM lines): the predefined platform ARGs (BUILDPLATFORM, TARGETARCH...)
 *   plus the global ARGs declared before the first FROM. A global ARG default is expanded with the
 *   global scope before it (so it may use earlier global ARGs and predefined ARGs). `ARG X` without a
 *   default declares X with value null; for a predefined name it keeps the predefined value.
 * - A stage starts with the base image's environment, assumed to be `PATH` with Docker's default value
 *   (BuildKit also gives `FROM scratch` this PATH), or, for `FROM <earlier stage>`, with everything
 *   visible at the end of that stage (ARGs included, declared-only ones too), after which the parent's
 *   image Env (its ENVs) is applied again.
 * - `ARG NAME[=default]` in a stage declares NAME. Its value: the default expanded with the scope before
 *   (each ARG of one instruction sees the ARGs before it in that instruction, as BuildKit dispatches them
 *   one by one), else the global scope's value of the same name (global ARG default or predefined
 *   value), else null. Like BuildKit's `d.state.AddEnv`, an ARG with a value replaces a variable of the
 *   same name, even an ENV; an ARG without a value leaves an existing variable (for example an ENV)
 *   visible with its value.
 * - `ENV k=v ...` expands every key and value with the scope from BEFORE the instruction (all pairs of
 *   one ENV see the old scope), then defines them; ENV replaces an ARG of the same name.
 * - The SBOM args `BUILDKIT_SBOM_SCAN_CONTEXT` / `BUILDKIT_SBOM_SCAN_STAGE` are declared but never get a
 *   value in the environment (BuildKit's `nonEnvArgs`).
 * - Triggers inside `ONBUILD` see the scope of their ONBUILD (they run in a later build; this is the best
 *   static answer).
 *
 * Names are case-sensitive (Linux builds).
 */
import { expandWord, type ExpandOptions, type ExpandResult, type Lookup } from './expand.js';
import type { Dockerfile, Instruction, Stage } from './types.js';

/** A variable visible at some point of the build. */
export interface Variable {
  name: string;
  /** Value; null for `ARG NAME` without a default (declared, value unknown until `--build-arg`). */
  value: string | null;
  /**
   * `arg` (stage ARG), `global-arg` (ARG before the first FROM), `env` (ENV, or the base image's PATH),
   * or `predefined` (TARGETARCH...).
   */
  kind: 'arg' | 'global-arg' | 'env' | 'predefined';
  /** The instruction that defined it; null for predefined ARGs and for the base image's `PATH`. */
  instruction: Instruction | null;
}

/**
 * The variables in scope at one point: ENV and ARG share one namespace, the latest definition wins
 * (see the module notes for the ARG-without-value exception).
 */
export interface Scope {
  /** The visible variable of that name (case-sensitive), or undefined. */
  get(name: string): Variable | undefined;
  /** True when the name is declared, with or without a value. */
  has(name: string): boolean;
  /** Every visible name, ordered by when it was last (re)defined. */
  names(): string[];
}

/** An expansion error met while computing scopes (the build would fail there). */
interface SemanticsError {
  instruction: Instruction;
  /** The variable being defined (ARG or ENV key). */
  name: string;
  /** BuildKit's message, e.g. `syntax error: bad substitution`. */
  message: string;
}

/** Scopes for every instruction of a file, computed once. */
export interface Semantics {
  /** Variables visible to FROM lines: global ARGs with their defaults plus predefined platform ARGs. */
  global: Scope;
  /**
   * Variables visible just before `instruction` (for FROM: the global scope; for a global ARG: the
   * global scope built so far; for a trigger inside ONBUILD: the scope of the ONBUILD).
   */
  scopeAt(instruction: Instruction): Scope;
  /**
   * Variables visible when pair `pairIndex` of an ARG is evaluated: BuildKit dispatches the ARGs of one
   * instruction one after another, so `ARG A=1 B=$A` sees A while expanding B (this is the scope
   * UndefinedVar uses for ARG defaults). For any other instruction, the same as {@link scopeAt}.
   */
  scopeAtPair(instruction: Instruction, pairIndex: number): Scope;
  /** Variables visible after the last instruction of stage `index` (what a child stage inherits). */
  stageEnd(index: number): Scope;
  /** Expansion errors in ARG defaults and ENV keys/values, in file order. */
  errors: SemanticsError[];
}

/** Docker's default `PATH` for Linux images (also given to `FROM scratch` by BuildKit). */
export const DEFAULT_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

/**
 * BuildKit's automatic platform ARGs with the values of a linux/amd64 build on a linux/amd64 host.
 * `TARGETSTAGE` depends on the build target: {@link analyze} gives it the default target's name (the
 * last stage's name, lower-cased as BuildKit stores stage names; empty when that stage is unnamed).
 */
export const PREDEFINED_ARGS: Readonly<Record<string, string>> = Object.freeze({
  BUILDPLATFORM: 'linux/amd64',
  BUILDOS: 'linux',
  BUILDARCH: 'amd64',
  BUILDVARIANT: '',
  BUILDOSVERSION: '',
  TARGETPLATFORM: 'linux/amd64',
  TARGETOS: 'linux',
  TARGETARCH: 'amd64',
  TARGETVARIANT: '',
  TARGETOSVERSION: '',
  TARGETSTAGE: '',
});

/** ARGs BuildKit never puts in the environment and never reports as undefined (`nonEnvArgs`). */
const NON_ENV_ARGS: ReadonlySet<string> = new Set(['BUILDKIT_SBOM_SCAN_CONTEXT', 'BUILDKIT_SBOM_SCAN_STAGE']);

class MapScope implements Scope {
  constructor(private readonly vars: ReadonlyMap<string, Variable>) {}
  get(name: string): Variable | undefined {
    return this.vars.get(name);
  }
  has(name: string): boolean {
    return this.vars.has(name);
  }
  names(): string[] {
    return [...this.vars.keys()];
  }
}

const EMPTY_SCOPE: Scope = new MapScope(new Map());

/**
 * The variables of a scope as they change instruction by instruction, kept as a history per name so
 * that the scope before every instruction is a constant-time snapshot (a version number) instead of a
 * copy: 8,000 ENV lines cost 8,000 steps, not 8,000 copies of up to 8,000 variables. A lookup in a
 * snapshot is a binary search in that name's history.
 */
class Timeline {
  private readonly history = new Map<string, { at: number; v: Variable }[]>();
  /** Every definition in order, for `names()`. */
  private readonly log: { at: number; name: string }[] = [];
  private now = 0;

  /** Defines (or redefines, moving it last in definition order) a variable. */
  set(name: string, v: Variable): void {
    this.now++;
    const h = this.history.get(name);
    // A new name's history starts as a one-element literal: `push` on an empty array would reserve room
    // for 17 (most names are defined once; a 1e6-line file of ENV lines has 1e6 of them).
    if (!h) this.history.set(name, [{ at: this.now, v }]);
    else h.push({ at: this.now, v });
    this.log.push({ at: this.now, name });
  }

  /** The variable as of version `at` (default: now). */
  get(name: string, at = this.now): Variable | undefined {
    const h = this.history.get(name);
    if (!h || h.length === 0 || h[0].at > at) return undefined;
    let lo = 0;
    let hi = h.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (h[mid].at <= at) lo = mid;
      else hi = mid - 1;
    }
    return h[lo].v;
  }

  /** Names visible at version `at`, ordered by their last definition. */
  names(at = this.now): string[] {
    const last = new Map<string, number>();
    for (const e of this.log) {
      if (e.at > at) break;
      last.delete(e.name);
      last.set(e.name, e.at);
    }
    return [...last.keys()];
  }

  /** The scope as it is now; later changes do not show in it. */
  snapshot(): Scope {
    return new TimelineScope(this, this.now);
  }

  /** The scope that follows changes (for expansions in the middle of an instruction). */
  live(): Scope {
    return { get: (n) => this.get(n), has: (n) => this.get(n) !== undefined, names: () => this.names() };
  }
}

class TimelineScope implements Scope {
  private cachedNames: string[] | null = null;
  constructor(
    private readonly timeline: Timeline,
    private readonly at: number,
  ) {}
  get(name: string): Variable | undefined {
    return this.timeline.get(name, this.at);
  }
  has(name: string): boolean {
    return this.timeline.get(name, this.at) !== undefined;
  }
  names(): string[] {
    return [...(this.cachedNames ??= this.timeline.names(this.at))];
  }
}

/**
 * A {@link Lookup} for {@link expandWord} over a scope: the value of each visible variable; declared
 * variables without a value (`ARG X`) are not in the environment, so they look up as undefined (and are
 * listed in `unmatched`) exactly as in BuildKit.
 */
export function scopeLookup(scope: Scope): Lookup {
  return (name) => {
    const v = scope.get(name);
    return v === undefined || v.value === null ? undefined : v.value;
  };
}

/** {@link expandWord}'s result plus the names that are not declared at all in the scope. */
export interface ScopedExpandResult extends ExpandResult {
  /**
   * Names looked up that the scope does not declare: what BuildKit's UndefinedVar reports for an
   * instruction (`unmatched` minus declared ARGs without value minus the SBOM args), or what
   * UndefinedArgInFrom reports when the scope is the global one.
   */
  undeclared: string[];
}

/** Expands a word with a scope's values (see {@link scopeLookup}) and lists the undeclared names. */
export function expandInScope(word: string, scope: Scope, options: ExpandOptions = {}): ScopedExpandResult {
  const r = expandWord(word, scopeLookup(scope), options);
  return { ...r, undeclared: r.unmatched.filter((n) => !scope.has(n) && !NON_ENV_ARGS.has(n)) };
}

/** Options of {@link analyze}. */
interface AnalyzeOptions {
  /**
   * Build arguments (`--build-arg NAME=value`, Compose `build.args`): the value of every ARG of that
   * name, global or in a stage, replacing its default, as BuildKit gives them. Undeclared names do nothing.
   */
  buildArgs?: Readonly<Record<string, string>>;
}

/**
 * Computes the scopes of a parsed file. Never throws: expansion errors go to `Semantics.errors`, and the
 * variable being defined then gets value null.
 */
export function analyze(file: Dockerfile, options: AnalyzeOptions = {}): Semantics {
  const buildArgs = options.buildArgs ?? {};
  const given = (name: string): string | undefined => (Object.prototype.hasOwnProperty.call(buildArgs, name) ? buildArgs[name] : undefined);
  const escape = file.escape;
  const errors: SemanticsError[] = [];
  // The scope before each instruction of the file, by its index (an array: two Maps of a 1e6-line
  // file's instructions cost ~80 bytes an entry); `before` holds the others (ONBUILD triggers, and
  // instructions that are not the file's own at their index).
  const count = file.instructions.length;
  const own: (Scope | undefined)[] = new Array<Scope | undefined>(count).fill(undefined);
  /** The first scope recorded for each index (for an instruction of another parse of the same text). */
  const firstAt: (Scope | undefined)[] = new Array<Scope | undefined>(count).fill(undefined);
  const before = new Map<Instruction, Scope>();
  const byIndex = new Map<number, Scope>();
  const perPair = new Map<Instruction, Scope[]>();
  const isOwn = (ins: Instruction): boolean => ins.index >= 0 && ins.index < count && file.instructions[ins.index] === ins;
  const record = (ins: Instruction, scope: Scope): void => {
    if (isOwn(ins)) own[ins.index] = scope;
    else before.set(ins, scope);
    if (ins.index >= 0 && ins.index < count) {
      if (firstAt[ins.index] === undefined) firstAt[ins.index] = scope;
    } else if (!byIndex.has(ins.index)) byIndex.set(ins.index, scope);
    if (ins.onbuild) before.set(ins.onbuild, scope);
  };
  const recorded = (ins: Instruction): boolean => (isOwn(ins) ? own[ins.index] !== undefined : before.has(ins));

  // ---- global scope
  const globalVars = new Timeline();
  for (const [name, value] of Object.entries(PREDEFINED_ARGS)) {
    globalVars.set(name, { name, value, kind: 'predefined', instruction: null });
  }
  const lastStage = file.stages[file.stages.length - 1];
  const target = lastStage?.name ? lastStage.name.toLowerCase() : '';
  globalVars.set('TARGETSTAGE', { name: 'TARGETSTAGE', value: target, kind: 'predefined', instruction: null });
  const globalArgIns = new Set(file.globalArgs);
  for (const ins of file.globalArgs) {
    record(ins, globalVars.snapshot());
    const pairScopes: Scope[] = [];
    perPair.set(ins, pairScopes);
    for (const pair of ins.pairs) {
      pairScopes.push(globalVars.snapshot());
      const name = pair.key;
      let value: string | null;
      if (given(name) !== undefined) {
        value = given(name)!;
      } else if (pair.rawValue !== null) {
        const r = expandWord(pair.rawValue, scopeLookup(globalVars.live()), { escape });
        if (r.error !== null) errors.push({ instruction: ins, name, message: r.error });
        value = r.error === null ? r.value : null;
      } else {
        value = globalVars.get(name)?.value ?? null;
      }
      globalVars.set(name, { name, value, kind: 'global-arg', instruction: ins }); // last in "order of definition""
    }
  }
  const global = globalVars.snapshot();

  // ---- stages
  const ends: Scope[] = [];
  // The image config's Env of each stage at its end (ENV instructions and the base's Env, not ARGs).
  const imageEnvEnds: Map<string, Variable>[] = [];
  for (const stage of file.stages) {
    record(stage.from, global);
    const { vars, imageEnv } = initialStageVars(stage, ends, imageEnvEnds);
    for (const ins of stage.instructions) {
      record(ins, vars.snapshot());
      if (ins.keyword === 'ARG') {
        const pairScopes: Scope[] = [];
        perPair.set(ins, pairScopes);
        for (const pair of ins.pairs) {
          pairScopes.push(vars.snapshot());
          applyStageArg(ins, pair.key, pair.rawValue, vars, global, escape, errors, given(pair.key));
        }
      } else if (ins.keyword === 'ENV') {
        applyEnv(ins, vars, imageEnv, escape, errors);
      }
    }
    ends[stage.index] = vars.snapshot();
    imageEnvEnds[stage.index] = imageEnv;
  }

  // Instructions the stages did not list (defensive: a model with instructions outside any stage).
  for (const ins of file.instructions) {
    if (!recorded(ins)) record(ins, globalArgIns.has(ins) ? global : EMPTY_SCOPE);
  }

  const scopeAt = (instruction: Instruction): Scope =>
    (isOwn(instruction) ? own[instruction.index] : before.get(instruction)) ??
    (instruction.index >= 0 && instruction.index < count ? firstAt[instruction.index] : byIndex.get(instruction.index)) ??
    EMPTY_SCOPE;
  return {
    global,
    errors,
    scopeAt,
    scopeAtPair(instruction: Instruction, pairIndex: number): Scope {
      return perPair.get(instruction)?.[pairIndex] ?? scopeAt(instruction);
    },
    stageEnd(index: number): Scope {
      return ends[index] ?? EMPTY_SCOPE;
    },
  };
}

/**
 * The variables a stage starts with. BuildKit (`dispatchState.init` + the dispatch loop) takes the
 * parent stage's state (its ENV and ARG values, and its declared ARGs), then re-applies the image
 * config's Env on top, so an ENV of the parent wins again over a later parent ARG of the same name.
 * A stage from an image gets the image's Env, assumed to be only PATH.
 */
function initialStageVars(
  stage: Stage,
  ends: Scope[],
  imageEnvEnds: Map<string, Variable>[],
): { vars: Timeline; imageEnv: Map<string, Variable> } {
  const initial = new Map<string, Variable>();
  let imageEnv = new Map<string, Variable>();
  if (stage.base.kind === 'stage' && stage.base.stage < stage.index && ends[stage.base.stage]) {
    const parent = ends[stage.base.stage];
    for (const name of parent.names()) initial.set(name, parent.get(name)!);
    imageEnv = new Map(imageEnvEnds[stage.base.stage]);
  } else {
    imageEnv.set('PATH', { name: 'PATH', value: DEFAULT_PATH, kind: 'env', instruction: null });
  }
  for (const [name, v] of imageEnv) initial.set(name, v);
  const vars = new Timeline();
  for (const [name, v] of initial) vars.set(name, v);
  return { vars, imageEnv };
}

function applyStageArg(
  ins: Instruction,
  name: string,
  rawValue: string | null,
  vars: Timeline,
  global: Scope,
  escape: '\\' | '`',
  errors: SemanticsError[],
  buildArg?: string,
): void {
  let value: string | null;
  if (buildArg !== undefined) value = buildArg;
  else if (rawValue !== null) {
    const r = expandWord(rawValue, scopeLookup(vars.live()), { escape });
    if (r.error !== null) errors.push({ instruction: ins, name, message: r.error });
    value = r.error === null ? r.value : null;
  } else {
    value = global.get(name)?.value ?? null;
  }
  if (NON_ENV_ARGS.has(name)) value = null;
  const existing = vars.get(name);
  if (value === null && existing !== undefined && existing.value !== null) {
    // BuildKit only touches the environment when the ARG has a value: an ENV (or an earlier ARG) of
    // that name stays visible with its value.
    return;
  }
  vars.set(name, { name, value, kind: 'arg', instruction: ins });
}

function applyEnv(
  ins: Instruction,
  vars: Timeline,
  imageEnv: Map<string, Variable>,
  escape: '\\' | '`',
  errors: SemanticsError[],
): void {
  const old = scopeLookup(vars.snapshot());
  for (const pair of ins.pairs) {
    let name = pair.key;
    if (name.includes('$')) {
      const k = expandWord(name, old, { escape });
      if (k.error !== null) errors.push({ instruction: ins, name, message: k.error });
      else name = k.value;
    }
    let value: string | null = '';
    if (pair.rawValue !== null) {
      const r = expandWord(pair.rawValue, old, { escape });
      if (r.error !== null) errors.push({ instruction: ins, name, message: r.error });
      value = r.error === null ? r.value : null;
    }
    if (name === '') continue;
    const v: Variable = { name, value, kind: 'env', instruction: ins };
    vars.set(name, v);
    imageEnv.set(name, v);
  }
}

/** What a FROM line becomes with the global scope (see {@link expandFrom}). */
interface FromExpansion {
  /** The image word as written (first word after the flags, quotes kept), or `''` when missing. */
  imageRaw: string;
  /** The image after expansion with global ARG defaults and predefined ARGs. */
  image: ScopedExpandResult;
  /** The `--platform` value as written (quotes kept), or null without the flag. */
  platformRaw: string | null;
  /** The platform after expansion, or null without the flag. */
  platform: ScopedExpandResult | null;
  /**
   * Names used by the image or `--platform` that no global ARG declares and that are not predefined:
   * what UndefinedArgInFrom reports (it fires even for `${X:-default}`).
   */
  undeclared: string[];
}

/**
 * Expands a stage's FROM line as BuildKit does before resolving the base: the image word and the
 * `--platform` value, with the global scope only (global ARG defaults, predefined platform ARGs).
 * InvalidDefaultArgInFrom checks `image.value`; UndefinedArgInFrom reports `undeclared`;
 * RedundantTargetPlatform looks at `platform.matched` / `platform.unmatched` / `platform.value`.
 */
export function expandFrom(file: Dockerfile, semantics: Semantics, stage: Stage): FromExpansion {
  const escape = file.escape;
  const imageRaw = stage.from.words[0]?.raw ?? firstWord(stage.from.argsAfterFlags.text);
  const image = expandInScope(imageRaw, semantics.global, { escape });
  const flag = stage.from.flags.find((f) => f.name === 'platform');
  let platformRaw: string | null = null;
  let platform: ScopedExpandResult | null = null;
  if (flag) {
    const eq = flag.raw.indexOf('=');
    platformRaw = eq >= 0 ? flag.raw.slice(eq + 1) : (flag.value ?? '');
    platform = expandInScope(platformRaw, semantics.global, { escape });
  }
  const undeclared = [...new Set([...(platform?.undeclared ?? []), ...image.undeclared])];
  return { imageRaw, image, platformRaw, platform, undeclared };
}

/** Convenience: the expanded image name of a stage's FROM (`expandFrom(...).image.value`). */
export function resolveFromImage(file: Dockerfile, semantics: Semantics, stage: Stage): string {
  return expandFrom(file, semantics, stage).image.value;
}

function firstWord(text: string): string {
  const m = /^\s*(\S+)/.exec(text);
  return m ? m[1] : '';
}
