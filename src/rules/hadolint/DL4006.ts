import { defineRule } from '../define.js';
import type { Fix, RuleContext } from '../../engine/types.js';
import type { Dockerfile, Instruction, Stage } from '../../parse/types.js';
import type { ShellCommand, ShellScript } from '../../shell/types.js';
import { hasArg, hasFlag } from '../../shell/query.js';
import { looksBusybox } from '../lib/images.js';

const NON_POSIX = new Set(['pwsh', 'powershell', 'cmd']);
const PIPEFAIL_SHELLS = new Set(['bash', 'zsh', 'ash']);

function programName(path: string): string {
  return path.replace(/^.*[\\/]/, '').replace(/\.exe$/i, '').toLowerCase();
}

/** True when a SHELL instruction makes pipes safe: a non-POSIX shell, or bash/zsh/ash with `-o pipefail`. */
function shellIsOk(instr: Instruction): boolean {
  const argv = instr.json;
  if (!argv || argv.length === 0) return false;
  const prog = programName(argv[0]);
  if (NON_POSIX.has(prog)) return true;
  if (!PIPEFAIL_SHELLS.has(prog)) return false;
  const args = argv.slice(1);
  return args.some((a) => /^-[A-Za-z]*o[A-Za-z]*$/.test(a)) && args.includes('pipefail');
}

/** True when the script switches pipefail on (`set -o pipefail`, `set -euo pipefail`) before `index`. */
function setsPipefail(script: ShellScript, index: number): boolean {
  return script.commands.some((c) => c.index < index && c.name === 'set' && hasArg(c, 'pipefail') && hasFlag(c, 'o'));
}

/** Commands that only write text they were given: a pipe from them cannot hide a failure. */
const CANNOT_FAIL = new Set(['echo', 'printf']);

/** True when some command feeding the pipeline (not the last) could fail unnoticed. */
function canHideFailure(pipeline: ShellCommand[]): boolean {
  return pipeline.slice(0, -1).some((c) => !CANNOT_FAIL.has(c.name));
}

function shellFix(ctx: RuleContext, stage: Stage, instr: Instruction): Fix {
  const file = ctx.file;
  const shell = looksBusybox(ctx.stage(stage).chain) ? '/bin/ash' : '/bin/bash';
  // Above the comment block of the RUN, so the comment stays with its instruction.
  const edit = ctx.edit();
  return edit.insertLinesBefore(instr, `${edit.keyword('SHELL')} ["${shell}", "-o", "pipefail", "-c"]`).unsafe(`Run this and later RUN instructions with ${shell} -o pipefail`);
}

/**
 * A fix that adds `-o pipefail` to an existing bash/zsh/ash SHELL instruction (JSON form), instead of a
 * second SHELL: `SHELL ["/bin/bash", "-c"]` → `SHELL ["/bin/bash", "-o", "pipefail", "-c"]`. Null when the
 * SHELL is not such a shell, or its first argument cannot be located.
 */
function extendShellFix(ctx: RuleContext, shell: Instruction): Fix | null {
  const argv = shell.json;
  if (!argv || argv.length === 0 || !PIPEFAIL_SHELLS.has(programName(argv[0]))) return null;
  const first = shell.words[0];
  if (!first || shell.words.length !== argv.length) return null;
  return ctx.edit().insertAfter(first, ', "-o", "pipefail"').unsafe(`Add -o pipefail to the SHELL on line ${shell.line}`);
}

/** Pipes in RUN without pipefail. */
export default defineRule({
  id: 'DL4006',
  severity: 'warning',
  summary: 'Set the SHELL option -o pipefail before RUN with a pipe in it',
  origin: 'hadolint',
  category: 'correctness',
  fix: 'unsafe',
  docs: {
    description:
      'Reports a shell-form RUN containing a pipeline (`a | b`; `||` and `|` inside quotes are not pipes) in which a command other than `echo`/`printf` feeds the pipe while the stage\'s shell does not have `pipefail` on. The shell is safe after a `SHELL` running `bash`, `zsh` or `ash` with `-o pipefail` (`["/bin/bash", "-o", "pipefail", "-c"]`, `-euo pipefail`), or a PowerShell/cmd `SHELL`; a `set -o pipefail` in the script before the pipe also counts. The SHELL of a stage carries over into stages built `FROM` it. The fix (unsafe) inserts `SHELL ["/bin/bash", "-o", "pipefail", "-c"]` before the first such RUN of a stage (`/bin/ash` in Alpine/BusyBox stages); when a bash, zsh or ash `SHELL` without pipefail is already in effect (in the stage or inherited through `FROM <stage>`), it adds `"-o", "pipefail"` to that SHELL instead, and a stage built `FROM` a stage whose fix already covers it gets no second SHELL.',
    why: 'A pipeline\'s exit status is that of its last command: in `RUN curl -fsSL https://x/install.sh | sh` a failed download still "succeeds" and the build goes on with a broken step. With `pipefail` any failing command of the pipeline fails the RUN. POSIX `sh` (dash) has no reliable pipefail, hence the bash/ash SHELL.',
    bad: 'FROM debian:12\nRUN curl -fsSL https://example.com/list | sort > /sorted\n',
    good: 'FROM debian:12\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN curl -fsSL https://example.com/list | sort > /sorted\n',
    differences:
      'hadolint looks for a `|` character in the RUN text, so it also reports pipes inside quoted strings (`yq \'.a | keys\'`) and in exec-form RUN (where SHELL does not apply); shipshape only reports real pipelines of shell-form RUN, and not pipes fed only by `echo`/`printf` (`echo "$SHA  file" | sha256sum -c -`), which cannot fail. It accepts `set -o pipefail` inside the script (hadolint does not), inherits SHELL through `FROM <stage>` as BuildKit does (hadolint resets it at every FROM), and stays silent where the shell is not POSIX (a `# hadolint shell=powershell` pragma, Windows base images whose default shell is cmd).',
  },
  check(ctx) {
    const file = ctx.file;
    const finalOk = new Map<number, boolean>();
    // Per stage: the SHELL in effect at its end (own or inherited), and whether a fix already makes its
    // end pipefail-safe (a stage built FROM it inherits that fix: no second SHELL there).
    const finalShell = new Map<number, Instruction | null>();
    const finalFixed = new Map<number, boolean>();
    const extended = new Set<Instruction>();
    for (const stage of file.stages) {
      const parent = stage.base.kind === 'stage' ? stage.base.stage : -1;
      let ok = finalOk.get(parent) ?? false;
      let shellInstr = finalShell.get(parent) ?? null;
      let fixed = finalFixed.get(parent) ?? false;
      for (const instr of stage.instructions) {
        if (instr.keyword === 'SHELL') {
          ok = shellIsOk(instr);
          shellInstr = instr;
          fixed = false;
          continue;
        }
        if (instr.keyword !== 'RUN' || instr.execForm || ok) continue;
        const script = ctx.shell(instr);
        if (!script || script.pipelines.length === 0) continue;
        // A bash SHELL already in effect gets `-o pipefail` (once); otherwise a new SHELL goes before this RUN.
        const fixFor = (run: Instruction): Fix | undefined => {
          if (shellInstr !== null) {
            if (extended.has(shellInstr)) return undefined;
            const extend = extendShellFix(ctx, shellInstr);
            if (extend) {
              extended.add(shellInstr);
              return extend;
            }
          }
          return shellFix(ctx, stage, run);
        };
        const pipeline = script.pipelines.find((p) => canHideFailure(p) && !setsPipefail(script, p[0].index));
        if (!pipeline) continue;
        const first = pipeline.find((c) => !CANNOT_FAIL.has(c.name)) ?? pipeline[0];
        const last = pipeline[pipeline.length - 1];
        const next = pipeline[pipeline.indexOf(first) + 1] ?? last;
        ctx.report({
          instruction: instr,
          range: { start: pipeline[0].range.start, end: last.range.end },
          message: `\`${first.name} | ${next.name}\`: a failure of \`${first.name}\` is ignored without pipefail; set \`SHELL ["${looksBusybox(ctx.stage(stage).chain) ? '/bin/ash' : '/bin/bash'}", "-o", "pipefail", "-c"]\` before this RUN`,
          fix: fixed ? undefined : fixFor(instr),
        });
        fixed = true;
      }
      finalOk.set(stage.index, ok);
      finalShell.set(stage.index, shellInstr);
      finalFixed.set(stage.index, fixed);
    }
  },
});
