import { defineRule } from '../define.js';
import type { Fix, RuleContext } from '../../engine/types.js';
import type { Instruction } from '../../parse/types.js';
import type { ShellCommand, ShellScript } from '../../shell/types.js';

/** Instructions whose meaning depends on the working directory. */
const USES_WORKDIR = new Set(['RUN', 'COPY', 'ADD', 'CMD', 'ENTRYPOINT', 'HEALTHCHECK', 'ONBUILD', 'WORKDIR']);

/**
 * True when an absolute WORKDIR (its argument, expanded, starts with `/`: BuildKit's reading, so
 * `WORKDIR $APP_HOME` with `ARG APP_HOME=/app` counts) follows the RUN in its stage before anything
 * that depends on the working directory: then moving the RUN's `cd` into a WORKDIR changes nothing
 * after the RUN.
 */
function workdirResetAfter(ctx: RuleContext, instr: Instruction): boolean {
  const stage = ctx.facts(instr).stage;
  if (!stage) return false;
  for (const next of stage.instructions.filter((i) => i.index > instr.index)) {
    if (!USES_WORKDIR.has(next.keyword)) continue;
    return next.keyword === 'WORKDIR' && ctx.facts(next).workdirAfter!.absolute;
  }
  return false;
}

/**
 * The fix for `RUN cd /abs && cmd ...`: move the directory change into a WORKDIR line above the RUN.
 * Offered only when the cd is the first command, takes one plain absolute path and is followed by
 * `&&`. Safe when an absolute WORKDIR follows before anything that depends on the directory;
 * otherwise unsafe, because WORKDIR also changes the directory of every later instruction of the stage.
 */
function workdirFix(ctx: RuleContext, instr: Instruction, script: ShellScript, cd: ShellCommand): Fix | undefined {
  if (instr.heredocs.length > 0 || instr.execForm) return undefined;
  if (script.commands[0] !== cd || cd.nested || cd.inCompound || cd.pipedOut) return undefined;
  if (cd.args.length !== 1 || cd.redirects.length > 0 || cd.assignments.length > 0) return undefined;
  const dir = cd.args[0];
  if (!/^\/[A-Za-z0-9._\/@+-]*$/.test(dir.raw)) return undefined;
  if (script.commands.filter((c) => c.name === 'cd').length !== 1) return undefined;
  const next = script.commands[1];
  if (!next || next.connector !== '&&') return undefined;
  const edit = ctx.edit();
  // Above the comment block of the RUN, so the comment stays with its instruction.
  edit.insertLinesBefore(instr, `${edit.keyword('WORKDIR')} ${dir.raw}`);
  if (!edit.removeCommandBefore(cd, next)) return undefined;
  return edit.fix(workdirResetAfter(ctx, instr) ? 'safe' : 'unsafe', `Replace \`cd ${dir.raw}\` with \`WORKDIR ${dir.raw}\``);
}

function stripSlash(p: string): string {
  return p.length > 1 ? p.replace(/\/+$/, '') : p;
}

/** The directory a `cd` goes to, trailing slashes dropped (`-` for the previous one); null without one. */
function cdTarget(cd: ShellCommand): string | null {
  const target = cd.args.find((a) => !a.value.startsWith('-') || a.value === '-');
  return target ? stripSlash(target.value) : null;
}

/**
 * True when WORKDIR cannot replace this `cd`: it returns to `/`, the previous directory or a parent
 * (`..`), is undone later in the RUN by a `cd /` or `cd -`, enters a directory the same RUN deletes
 * afterwards (a temporary build tree), or a directory held in a variable the same RUN assigns
 * (`dir="$(mktemp -d)"; cd "$dir"`).
 */
function scopedCd(script: ShellScript, cd: ShellCommand): boolean {
  const t = cdTarget(cd);
  if (t === null) return false;
  // Returning: to `/`, to the previous directory, or up (`cd ..` after a `cd src` into a build tree).
  if (t === '/' || t === '-' || /^\.\.(\/\.\.)*$/.test(t)) return true;
  // A `cd` the same RUN later undoes with `cd /` or `cd -` (the official php image: `cd /usr/src/php;
  // ... make install; ... cd /;`): the author keeps later instructions where they were, which WORKDIR
  // would change.
  if (script.commands.some((c) => c.index > cd.index && c.name === 'cd' && !c.nested && ['/', '-'].includes(cdTarget(c) ?? ''))) return true;
  const removed = script.commands.some((c) => c.index > cd.index && c.name === 'rm' && c.args.some((a) => {
    const r = stripSlash(a.value);
    return !a.value.startsWith('-') && r !== '/' && (r === t || t.startsWith(r + '/'));
  }));
  if (removed) return true;
  const vars = [...t.matchAll(/\$\{([A-Za-z_][A-Za-z0-9_]*)/g)].map((m) => m[1]);
  return vars.some((v) => new RegExp(`(^|[\\s;&|(])${v}=`).test(script.source.text));
}

/** `cd` in RUN: use WORKDIR. */
export default defineRule({
  id: 'DL3003',
  severity: 'warning',
  summary: 'Use WORKDIR to switch to a directory',
  origin: 'hadolint',
  category: 'maintainability',
  fix: 'unsafe',
  docs: {
    description:
      'Reports a RUN that changes directory with `cd`, once per RUN at its first such `cd`. Not reported, because WORKDIR cannot express them: a `cd` inside a subshell `( ... )` or a command substitution `$( ... )` (it only changes the directory of that subshell); `cd /`, `cd -` and `cd ..` (returning after work), and a `cd` that a later `cd /` or `cd -` of the same RUN undoes (the official php image works in `/usr/src/php` and returns to `/`: WORKDIR would move every later instruction); a `cd` into a directory that the same RUN removes later with `rm` (a temporary build tree); a `cd` into a directory held in a variable that the same RUN assigns (`dir="$(mktemp -d)"; cd "$dir"`).',
    why: 'A `cd` lasts for one RUN only, so the next RUN, COPY or CMD silently runs somewhere else; chains of `cd` are hard to read and review. `WORKDIR` sets the directory for every following instruction, creates it when missing, and documents where the image works.',
    bad: 'FROM gcc:13\nRUN cd /usr/src/app && make\n',
    good: 'FROM gcc:13\nWORKDIR /usr/src/app\nRUN make\n',
    differences:
      'The fix (moving a leading `cd /dir &&` into `WORKDIR /dir` above the RUN) is shipshape\'s own; it is safe only when an absolute WORKDIR (after expanding its variables, as BuildKit does) follows the RUN before any instruction that depends on the working directory, and unsafe otherwise. hadolint also reports `cd` inside a subshell or command substitution (`(cd /tmp/x && make)`, `$(cd "$(dirname "$0")" && pwd)`); its own documentation lists the subshell as an exception, and that usage does not leak to later commands, so shipshape does not report it. Nor does it report the other scoped uses listed above (returning to `/` or up with `cd ..`, temporary build directories removed in the same RUN, `mktemp` directories), which official images use to build and clean up in one layer. Exec-form RUN is not a shell, so a `cd` inside `["sh", "-c", "cd x"]` is not seen as a command.',
  },
  check(ctx) {
    for (const instr of ctx.file.instructions) {
      if (instr.keyword !== 'RUN') continue;
      const script = ctx.shell(instr);
      if (!script) continue;
      // Once per RUN, at its first `cd`, as hadolint: `cd web && make && cd ..` is one problem (and
      // `WORKDIR ..` is no advice).
      for (const cmd of script.commands) {
        if (cmd.name !== 'cd' || cmd.nested || scopedCd(script, cmd)) continue;
        const target = cmd.args[0]?.value;
        const word = cmd.words.find((w) => w.value === 'cd') ?? cmd.words[0];
        ctx.report({
          instruction: instr,
          range: word?.range ?? cmd.range,
          message: target
            ? `Use \`WORKDIR ${target}\` instead of \`cd ${target}\` in RUN`
            : 'Use WORKDIR instead of `cd` in RUN',
          fix: workdirFix(ctx, instr, script, cmd),
        });
        break;
      }
    }
  },
});
