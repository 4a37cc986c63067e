import { defineRule } from '../define.js';
import type { Instruction } from '../../parse/types.js';
import type { Fix, RuleContext } from '../../engine/types.js';
import type { ShellCommand } from '../../shell/types.js';


/**
 * hadolint counts each simple command twice and breaks the chain above a count of 2: a RUN "chains"
 * when it has more than one simple command (`a && b`, `a; b`, `a | b`, `$(b)`).
 */
function isSingleCommand(ctx: RuleContext, run: Instruction): boolean {
  if (ctx.shell(run) === null) return !/&&|\|\||;|\|/.test(run.argsAfterFlags.text);
  return ctx.commands(run).length <= 1;
}

/** Builtins whose effect (directory, variables, options, the shell itself) would reach a joined command. */
const STATEFUL = new Set([
  'cd', 'pushd', 'popd', 'export', 'unset', 'set', 'shopt', 'source', '.', 'alias', 'unalias', 'umask', 'ulimit',
  'exec', 'exit', 'return', 'trap', 'readonly', 'declare', 'typeset', 'local', 'eval', 'hash', 'enable', 'builtin',
  'command', 'wait', 'shift', 'getopts', 'read', 'break', 'continue',
]);

/**
 * The one plain command of a shell-form RUN that `&& next` can follow: no heredoc, a POSIX shell, a
 * script that is exactly one simple command (no trailing `;`/`&`, no comment, no subshell or compound),
 * which changes no shell state a following command would inherit. Null otherwise.
 */
function joinable(ctx: RuleContext, run: Instruction): ShellCommand | null {
  if (run.execForm || run.heredocs.length > 0) return null;
  const script = ctx.shell(run);
  if (!script || script.hasErrors || script.commands.length !== 1) return null;
  const cmd = script.commands[0];
  if (cmd.nested || cmd.inCompound || cmd.words.length === 0 || cmd.words[0].dynamic) return null;
  if (STATEFUL.has(cmd.words[0].value) || STATEFUL.has(cmd.name)) return null;
  // The command must cover the whole script: nothing but blanks before and after it.
  const src = ctx.file.text;
  const before = src.slice(script.range.start.offset, cmd.range.start.offset);
  const after = src.slice(cmd.range.end.offset, script.range.end.offset);
  const blank = new RegExp(`^(?:[ \\t]|${ctx.file.escape === '`' ? '`' : '\\\\'}[ \\t]*\\r?\\n)*$`);
  if (!blank.test(before) || !/^[ \t]*$/.test(after)) return null;
  return cmd;
}

/**
 * True when `prev && <run's script>` keeps the meaning of the two RUNs: the script has no top-level
 * list operator that binds looser than `&&` would make it (`||`, `;`, `&`, a line break), so a failure
 * of `prev` still fails the build (`a && [ -f x ] || touch x` would not). Quoted text is ignored.
 */
function safeAfterAnd(ctx: RuleContext, run: Instruction): boolean {
  if (run.execForm || run.heredocs.length > 0) return false;
  const script = ctx.shell(run);
  if (!script || script.hasErrors) return false;
  const bare = script.source.text.replace(/'[^']*'|"(?:[^"\\]|\\.)*"/g, '""');
  return !/\|\||(?<!\\);|(^|[^&>])&(?![&>])|\n/.test(bare.trim());
}

/**
 * The fix joining `run` onto `prev` (`prev && \` then `run`'s arguments on the next line). Safe when
 * only blank lines separate them; unsafe (comments become comment lines inside the continuation) when
 * comments do; none for pragmas or anything else between them.
 */
function joinFix(ctx: RuleContext, prev: Instruction, run: Instruction): Fix | undefined {
  const prevCmd = joinable(ctx, prev);
  if (!prevCmd || !safeAfterAnd(ctx, run) || run.argsAfterFlags.segments.length === 0) return undefined;
  const edit = ctx.edit();
  const joined = edit.joinRun(prevCmd, run);
  if (!joined) return undefined;
  return edit.fix(joined.comments > 0 ? 'unsafe' : 'safe', 'Join this RUN to the previous one with `&&`');
}

function flagKey(run: Instruction): string {
  return run.flags.map((f) => f.raw).sort().join('\u0000');
}

/** DL3059: consecutive single-command RUNs could be one layer. */
export default defineRule({
  id: 'DL3059',
  severity: 'info',
  summary: 'Multiple consecutive `RUN` instructions: consider consolidation',
  origin: 'hadolint',
  category: 'size',
  fix: 'unsafe',
  docs: {
    description:
      'Reports a RUN that directly follows another RUN (comments in between do not count, any other instruction ends the sequence) with the same flags (`--mount`, `--network`...), when neither of them runs more than one simple command. A RUN that chains commands (`a && b`, `a; b`, a pipe, a `$(...)`) is taken as a deliberate layer boundary and starts a new sequence. A reported RUN does not start a new sequence: in a run of single-command RUNs, every RUN after the first is reported. The fix joins the RUN to the one before it (`a && \\` and the next command on a continuation line, in the file\'s escape character, line ending and continuation indentation): safe when only blank lines separate them, unsafe when comments do (they are kept as comment lines of the continuation); there is no fix when the first RUN is not exactly one plain command (a trailing `;`, `&` or comment, a subshell, a heredoc, exec form, a non-POSIX shell) when it changes shell state the second would inherit (`cd`, `export`, `set`, `source`, `exec`...), or when the second has a top-level `||`, `;` or `&` (a failure of the first would no longer fail the build).',
    why: 'Each RUN creates a layer. Consecutive RUNs that each do one small step make the image history longer and can keep files that a later step deletes. Joining them with `&&` gives one layer and lets a cleanup step actually shrink the image.',
    bad: 'FROM debian:12.6-slim\nRUN mkdir -p /srv/app\nRUN chown nobody /srv/app\n',
    good: 'FROM debian:12.6-slim\nRUN mkdir -p /srv/app \\\n && chown nobody /srv/app\n',
  },
  check(ctx) {
    let prev: { flags: string; single: boolean; instr: Instruction } | null = null;
    let lastLine = 0;
    for (const instr of ctx.file.instructions) {
      if (instr.keyword !== 'RUN') {
        prev = null;
        continue;
      }
      const current = { flags: flagKey(instr), single: isSingleCommand(ctx, instr), instr };
      if (prev === null || prev.flags !== current.flags || !prev.single || !current.single) {
        prev = current;
        lastLine = instr.line;
        continue;
      }
      ctx.report({
        instruction: instr,
        range: instr.keywordRange,
        message: ctx.shell(instr) === null && !instr.execForm && instr.heredocs.length === 0
          ? `This RUN directly follows the single-command RUN on line ${lastLine}: join them into one RUN (one layer) with the command separator of this stage's shell`
          : `This RUN directly follows the single-command RUN on line ${lastLine}: join them with \`&&\` into one layer`,
        fix: joinFix(ctx, prev.instr, instr),
      });
      lastLine = instr.line;
      prev = current;
    }
  },
});
