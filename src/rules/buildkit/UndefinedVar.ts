import { defineRule } from '../define.js';
import type { RuleContext } from '../../engine/types.js';
import { PREDEFINED_ARGS, type Scope, type Variable } from '../../parse/semantics.js';
import type { Dockerfile, Instruction, Range, Stage } from '../../parse/types.js';
import { expandAt, extendScope, suggestName, variableRange } from '../lib/buildkit.js';
import { knownBaseEnv, baseImageName } from '../lib/base-env.js';

/** One piece of text the builder expands, with the scope it sees and where it is. */
interface Expanded {
  text: string;
  scope: Scope;
  range: Range;
  /** Heredoc bodies of COPY/ADD: quotes are ordinary characters there. */
  skipQuotes?: boolean;
}

const flagValueRaw = (raw: string): string => {
  const eq = raw.indexOf('=');
  return eq >= 0 ? raw.slice(eq + 1) : '';
};

/** The words of `instr` that BuildKit's dispatcher expands (and checks with UndefinedVar). */
function expandedWords(ctx: RuleContext, instr: Instruction, scope: Scope): Expanded[] {
  const file = ctx.file;
  const out: Expanded[] = [];
  const add = (text: string, range: Range, skipQuotes = false): void => {
    if (text.includes('$')) out.push({ text, scope, range, skipQuotes });
  };
  switch (instr.keyword) {
    case 'ADD':
    case 'COPY': {
      for (const f of instr.flags) {
        if (f.name === 'chown' || f.name === 'chmod' || (instr.keyword === 'ADD' && f.name === 'checksum')) add(flagValueRaw(f.raw), f.range);
      }
      for (const w of instr.words) {
        if (!instr.execForm && /^\d*<</.test(w.raw)) continue;
        add(w.raw, w.range);
      }
      for (const h of instr.heredocs) if (h.expand) add(h.content, h.contentRange, true);
      break;
    }
    case 'ENV':
    case 'LABEL':
      for (const p of instr.pairs) {
        const rawKey = file.text.slice(p.keyRange.start.offset, p.keyRange.end.offset);
        add(rawKey, p.keyRange);
        if (p.rawValue !== null) add(p.rawValue, p.valueRange ?? p.range);
      }
      break;
    case 'ARG': {
      const sem = ctx.semantics;
      instr.pairs.forEach((p, i) => {
        if (p.rawValue === null || !p.rawValue.includes('$')) return;
        const declared = new Map<string, Variable>();
        for (const q of instr.pairs.slice(0, i)) declared.set(q.key, { name: q.key, value: q.value, kind: 'arg', instruction: instr });
        const pairScope = sem.scopeAtPair ? sem.scopeAtPair(instr, i) : extendScope(scope, declared);
        out.push({ text: p.rawValue, scope: pairScope, range: p.valueRange ?? p.range });
      });
      break;
    }
    case 'WORKDIR':
    case 'USER':
    case 'STOPSIGNAL':
      add(instr.argsAfterFlags.text, instr.range);
      break;
    case 'VOLUME':
      for (const w of instr.words) add(w.raw, w.range);
      break;
    case 'RUN':
      // Each `--mount` field value, expanded as written (reported on the whole flag).
      for (const m of ctx.facts(instr).mounts) for (const field of m.fields) add(field.written, m.range);
      break;
  }
  return out;
}

function message(ctx: RuleContext, stage: Stage, name: string, hint: string | null): string {
  const file = ctx.file;
  let msg = `Usage of undefined variable '$${name}'${hint ? ` (did you mean $${hint}?)` : ''}`;
  const global = file.globalArgs.some((a) => a.pairs.some((p) => p.key === name));
  if (global) return `${msg}: '${name}' is declared before the first FROM, which makes it visible to FROM lines only; add 'ARG ${name}' inside this stage to use it here`;
  if (name in PREDEFINED_ARGS) return `${msg}: '${name}' is an automatic platform ARG, visible to FROM lines only; add 'ARG ${name}' inside this stage to use it here`;
  // A shell special parameter (`$$`, `$?`, `$1`): BuildKit's expansion knows none of them and makes it
  // empty; no ARG can be named so. A literal dollar is written `\$`.
  if (!/^[A-Za-z_]/.test(name)) return `${msg}: '$${name}' is a shell special parameter, which Dockerfile expansion does not know, so it expands to an empty string here; write '\\$${name === '$' ? '\\$' : name}' to keep it as written`;
  msg += `: no ARG or ENV before this instruction defines it, so it expands to an empty string; declare it first ('ARG ${name}' or 'ENV ${name}=...')`;
  const image = baseImageName(ctx.stage(stage).chain);
  if (image !== null) msg += `. It may come from the base image '${image}', whose ENV shipshape cannot see: if that image sets ${name}, this finding is a false alarm`;
  return msg;
}

export default defineRule({
  id: 'UndefinedVar',
  severity: 'warning',
  summary: 'Variables should be defined before their use',
  origin: 'buildkit',
  category: 'correctness',
  fix: 'none',
  docs: {
    description:
      'Reports `$NAME` / `${NAME...}` references, in the words the builder itself expands, to variables that nothing defines at that point: not an ENV or ARG earlier in the stage (a bare `ARG NAME` counts), not inherited from a parent stage (`FROM <stage>`), not `PATH` (always set). Checked words: COPY/ADD sources, destination, `--chown`, `--chmod`, ADD `--checksum` and unquoted heredoc bodies; ENV and LABEL keys and values; WORKDIR, USER, VOLUME, STOPSIGNAL; stage ARG defaults; RUN `--mount` options. RUN/CMD/ENTRYPOINT command text is expanded by the shell at run time and is not checked. It fires even with a default (`${NAME:-x}`), since an undefined name there is usually a typo; an ENV sees the values from before it (`ENV A=1 B=$A` uses the old A). Global ARGs and automatic ARGs such as TARGETARCH must be re-declared in the stage. Adds a "did you mean" hint. Docker documents the check at https://docs.docker.com/go/dockerfile/rule/undefined-var/.',
    why: 'An undefined variable expands to an empty string without any error: `COPY $SRC_DIR /app/` copies the whole context, `ENV PATH=$PAHT:/opt/bin` loses the whole PATH. Declaring variables before use makes such typos visible.',
    bad: 'FROM alpine:3.20\nENV PATH=$PAHT:/opt/tool/bin\n',
    good: 'FROM alpine:3.20\nENV PATH=$PATH:/opt/tool/bin\n',
    differences:
      'BuildKit reads the base image\'s ENV and does not report variables it sets. shipshape cannot pull images: it assumes the base image sets only PATH, except for the ENV names of well-known official images (python, golang, node, openjdk/eclipse-temurin, ruby, php, nginx, rust, postgres, dotnet..., and the Jupyter docker-stacks and Selenium image families), which it knows. For other base images the message says that the variable may come from the base image.',
  },
  check(ctx) {
    const file = ctx.file;
    for (const stage of file.stages) {
      const baseEnv = knownBaseEnv(ctx.stage(stage).chain);
      for (const instr of stage.instructions) {
        const scope = ctx.scope(instr);
        const reported = new Set<string>();
        for (const e of expandedWords(ctx, instr, scope)) {
          const r = expandAt(file, e.scope, e.text, e.skipQuotes);
          for (const name of r.undeclared) {
            if (reported.has(name) || baseEnv.has(name)) continue;
            reported.add(name);
            const hint = suggestName(name, e.scope.names().filter((n) => !(n in PREDEFINED_ARGS) || e.scope.get(n)?.kind !== 'predefined'));
            ctx.report({
              instruction: instr,
              range: variableRange(file, e.range, name) ?? e.range,
              message: message(ctx, stage, name, hint),
            });
          }
        }
      }
    }
  },
});
