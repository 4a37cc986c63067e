import { defineRule } from '../define.js';
import type { Applicability, Fix, RuleContext } from '../../engine/types.js';
import type { Instruction, Stage } from '../../parse/types.js';

/** Shell builtins and keywords: as the first word they need a shell, exec form cannot run them. */
const NEEDS_SHELL = new Set([
  '.', ':', '[[', '{', '}', '!', 'alias', 'bg', 'break', 'case', 'cd', 'command', 'continue', 'declare', 'do', 'done',
  'elif', 'else', 'esac', 'eval', 'exit', 'export', 'fg', 'fi', 'for', 'function', 'getopts', 'hash', 'if', 'jobs',
  'local', 'read', 'readonly', 'return', 'select', 'set', 'shift', 'source', 'then', 'time', 'trap', 'typeset', 'ulimit',
  'umask', 'unalias', 'unset', 'until', 'wait', 'while',
]);

/**
 * Splits a shell-form command into argv when the shell would do nothing but split words: plain words
 * of safe characters and quoted strings without expansions. Null when the text uses any shell feature.
 */
function plainArgv(text: string): string[] | null {
  const out: string[] = [];
  let i = 0;
  while (i < text.length) {
    while (i < text.length && (text[i] === ' ' || text[i] === '\t')) i++;
    if (i >= text.length) break;
    let word = '';
    while (i < text.length && text[i] !== ' ' && text[i] !== '\t') {
      const c = text[i];
      if (c === "'") {
        const end = text.indexOf("'", i + 1);
        if (end < 0) return null;
        word += text.slice(i + 1, end);
        i = end + 1;
      } else if (c === '"') {
        const end = text.indexOf('"', i + 1);
        if (end < 0) return null;
        const inner = text.slice(i + 1, end);
        if (/[$`\\!]/.test(inner)) return null;
        word += inner;
        i = end + 1;
      } else if (/[A-Za-z0-9_\-./:=,@%+^]/.test(c)) {
        word += c;
        i++;
      } else {
        return null;
      }
    }
    out.push(word);
  }
  if (out.length === 0) return null;
  if (out[0] === 'exec' && out.length > 1) out.shift();
  if (NEEDS_SHELL.has(out[0]) || /^[A-Za-z_][A-Za-z0-9_]*=/.test(out[0])) return null;
  return out;
}

/**
 * The items of a JSON-looking array written with single quotes (`['gunicorn', 'app:app']`), which is
 * not JSON: BuildKit then takes the text as shell form and runs `/bin/sh -c "['gunicorn', ..."`, which
 * fails. Null for anything else.
 */
function singleQuotedArray(text: string): string[] | null {
  const m = /^\[\s*((?:'[^'\n]*'\s*,\s*)*'[^'\n]*')\s*,?\s*\]$/.exec(text.trim());
  if (!m) return null;
  return [...m[1].matchAll(/'([^'\n]*)'/g)].map((x) => x[1]);
}

function stageChainHas(ctx: RuleContext, stage: Stage, keyword: string): boolean {
  return [stage, ...ctx.stage(stage).ancestors].some((s) => s.instructions.some((i) => i.keyword === keyword));
}

/** The exec-form fix: the arguments rewritten as a JSON array, when the shell would only split words. */
function execFix(ctx: RuleContext, instr: Instruction, applicability: Applicability): Fix | undefined {
  if (instr.heredocs.length > 0) return undefined;
  const argv = plainArgv(instr.argsAfterFlags.text);
  if (!argv) return undefined;
  const edit = ctx.edit();
  if (edit.commentsInArguments(instr)) return undefined;
  return edit.replaceArguments(instr, `[${argv.map((a) => JSON.stringify(a)).join(', ')}]`).fix(applicability, 'Use the exec (JSON) form');
}

/** Shell-form CMD/ENTRYPOINT: use exec form. */
export default defineRule({
  id: 'DL3025',
  severity: 'warning',
  summary: 'Use arguments JSON notation for CMD and ENTRYPOINT arguments',
  origin: 'hadolint',
  category: 'correctness',
  fix: 'unsafe',
  docs: {
    description:
      'Reports `CMD` and `ENTRYPOINT` written in shell form (not a JSON array of strings; `["a", $X]` is not valid JSON and counts as shell form). An array written with single quotes (`CMD [\'gunicorn\', \'app:app\']`) is shell form too, and fails when the container starts: it gets its own message and a safe fix to double quotes. When the command uses no shell feature — no variables, no `&&`/`|`/`;`, no redirections, globs or escapes, only plain words and simple quoted strings — the fix rewrites it in exec form. The fix is safe for `CMD` when no `ENTRYPOINT` is set in the stage or the stages it derives from, and for `ENTRYPOINT` when the stage sets no `CMD`; otherwise it is unsafe, because in exec form the CMD becomes arguments of the ENTRYPOINT.',
    why: 'In shell form the command runs as `/bin/sh -c "…"`: the shell is PID 1, so `docker stop` sends SIGTERM to the shell, which does not forward it; the application is killed after the timeout instead of shutting down cleanly. A shell-form ENTRYPOINT also ignores CMD and `docker run` arguments.',
    bad: 'FROM ruby:3.3\nCMD rails server\n',
    good: 'FROM ruby:3.3\nCMD ["rails", "server"]\n',
    differences: 'Like hadolint (its rule matches `Cmd` and `Entrypoint` only), `HEALTHCHECK CMD` in shell form is not reported: the check is a short command, not PID 1, and needs no signals. The fix is shipshape\'s own. Converting changes what `docker run <image> <args>` does with a shell-form ENTRYPOINT (arguments are then passed to it instead of ignored), which is the point of the rule.',
  },
  check(ctx) {
    const file = ctx.file;
    for (const instr of file.instructions) {
      if (instr.keyword !== 'CMD' && instr.keyword !== 'ENTRYPOINT') continue;
      if (instr.execForm) continue;
      const stage = file.stages[instr.stageIndex];
      const text = instr.argsAfterFlags.text;
      let applicability: Applicability = 'safe';
      if (stage) {
        const other = instr.keyword === 'CMD' ? 'ENTRYPOINT' : 'CMD';
        const conflict = instr.keyword === 'CMD' ? stageChainHas(ctx, stage, 'ENTRYPOINT') : stage.instructions.some((i) => i.keyword === other);
        if (conflict) applicability = 'unsafe';
      }
      if (text.trim() === '') continue;
      const quoted = instr.heredocs.length === 0 ? singleQuotedArray(text) : null;
      if (quoted) {
        // The author meant exec form: the fix only makes the array JSON, and the image fails to start without it.
        const json = `[${quoted.map((a) => JSON.stringify(a)).join(', ')}]`;
        const edit = ctx.edit();
        ctx.report({
          instruction: instr,
          range: instr.keywordRange,
          message: `The ${instr.keyword} array uses single quotes, which JSON does not allow: Docker runs the text as a shell command (\`/bin/sh -c "[…"\`), which fails to start. Write \`${instr.keyword} ${json}\``,
          fix: edit.commentsInArguments(instr) ? undefined : edit.replaceArguments(instr, json).safe('Use double quotes (JSON)'),
        });
        continue;
      }
      const fix = execFix(ctx, instr, applicability);
      const what = instr.keyword;
      const argv = plainArgv(text);
      ctx.report({
        instruction: instr,
        range: instr.keywordRange,
        message: `Use the JSON (exec) form for ${what}${argv ? `: \`${what} [${argv.map((a) => JSON.stringify(a)).join(', ')}]\`` : ' (`[\"executable\", \"arg\"]`)'}, so that signals reach the process${argv ? '' : '; wrap shell syntax in a script'}`,
        fix,
      });
    }
  },
});
