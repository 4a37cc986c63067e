import { defineRule } from '../define.js';
import type { RuleContext } from '../../engine/types.js';
import type { Dockerfile, Instruction } from '../../parse/types.js';
import { knownNumericBaseId } from '../lib/base-env.js';
import { argsRange } from '../../shell/positions.js';
import { dropQuotes } from '../../engine/facts.js';

/** Windows containers identify users by name (`ContainerUser`), not by numeric UID. */
const WINDOWS_USERS = new Set(['containeradministrator', 'containeruser']);

function onWindows(ctx: RuleContext, instr: Instruction): boolean {
  const file = ctx.file;
  const stage = ctx.facts(instr).stage;
  if (!stage) return false;
  return [stage, ...ctx.stage(stage).ancestors].some((s) =>
    s.base.kind === 'image' && /(^|\/)windows\/|servercore|nanoserver|ltsc20\d\d/i.test(s.base.image.expanded));
}

/** USER should be numeric. */
export default defineRule({
  id: 'DL3066',
  severity: 'info',
  summary: 'Use a numeric UID in `USER`',
  origin: 'hadolint',
  category: 'security',
  fix: 'none',
  docs: {
    description:
      'Reports `USER <user>[:<group>]` whose user is not numeric. A user written with a variable passes when that variable is an ARG declared earlier in the file, a variable whose value in scope is numeric, or a variable the base image is known to set to a numeric id (`APP_UID` of the .NET images, `NB_UID`/`NB_GID` of the Jupyter images, `SEL_UID`/`SEL_GID` of the Selenium images).',
    why: 'Orchestrators enforce "run as non-root" by UID: Kubernetes `runAsNonRoot` cannot verify a user name and refuses to start the container. A numeric UID (created with the user) makes the check possible and does not depend on `/etc/passwd` of the image.',
    bad: 'FROM debian:12\nRUN useradd -u 10001 app\nUSER app\n',
    good: 'FROM debian:12\nRUN useradd -u 10001 app\nUSER 10001\n',
    differences: 'A variable set by ENV to a number (`ENV APP_UID=10001`) also passes; hadolint only accepts ARG variables. So does `USER $APP_UID` on a .NET image (and the Jupyter and Selenium uid variables), whose base image sets it to a number. Windows images (`USER ContainerUser`) are not reported: Windows containers have no numeric UIDs.',
  },
  check(ctx) {
    const args = new Set<string>();
    for (const instr of ctx.file.instructions) {
      if (instr.keyword === 'ARG') {
        for (const p of instr.pairs) args.add(p.key);
        continue;
      }
      if (instr.keyword !== 'USER') continue;
      const text = dropQuotes(instr.argsAfterFlags.text.trim());
      if (text === '') continue;
      const user = text.split(':')[0];
      if (/^\d+$/.test(user)) continue;
      if (WINDOWS_USERS.has(user.toLowerCase()) || onWindows(ctx, instr)) continue;
      const vars = [...user.matchAll(/\$\{?([A-Za-z_][A-Za-z0-9_]*)/g)].map((m) => m[1]);
      if (vars.length > 0) {
        const scope = ctx.scope(instr);
        const stage = ctx.facts(instr).stage;
        const ok = vars.some((v) => {
          if (args.has(v) || /^\d+$/.test(scope.get(v)?.value ?? '')) return true;
          return !scope.has(v) && stage !== null && knownNumericBaseId(ctx.stage(stage).chain, v);
        });
        if (ok) continue;
      }
      ctx.report({
        instruction: instr,
        range: argsRange(ctx.file, instr),
        message: vars.length > 0
          ? `\`USER ${text}\` is not a numeric UID: \`${vars[0]}\` is not an ARG and has no numeric value here; write the UID (for example \`USER 10001\`) or pass it with an \`ARG\` so that non-root policies can verify it`
          : `\`USER ${text}\` names a user; use its numeric UID (for example \`USER 10001\`) so that non-root policies can verify it`,
      });
    }
  },
});
