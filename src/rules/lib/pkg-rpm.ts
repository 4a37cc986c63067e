/**
 * yum/dnf helpers shared by DL3033 and DL3041 (hadolint's rpm version test) and the rules that append
 * a clean command.
 */
import type { RuleContext } from '../../engine/types.js';
import type { ShellCommand, ShellWord } from '../../shell/types.js';
import { isFlagWord } from '../../shell/words.js';
import { knownVersionVariable, referencedVariables, type RunSite } from './packages.js';

/**
 * hadolint's rpm pin test: the package has a `-` and either ends in `.rpm`, or uses `${V}` for an ARG
 * declared earlier or an ENV visible at the RUN, or every `-`-separated part after the name consists
 * of `[0-9A-Za-z.~^_:+]` and one of them starts with a digit (`tomcat-9.2`, `openssl-1:1.1.1k`).
 */
export function rpmPinned(ctx: RuleContext, site: RunSite, pkg: string): boolean {
  if (!pkg.includes('-')) return false;
  if (pkg.endsWith('.rpm')) return true;
  if (pkg.includes('$') && referencedVariables(pkg).some((v) => knownVersionVariable(ctx, site, v))) return true;
  const parts = pkg.split('-').slice(1);
  return parts.every((p) => /^[0-9A-Za-z.~^_:+]*$/.test(p)) && parts.some((p) => /^[0-9]/.test(p));
}

/** Non-flag arguments of `cmd` other than those in `skip` (hadolint `getArgsNoFlags` minus words). */
export function argsExcept(cmd: ShellCommand, skip: string[]): ShellWord[] {
  return cmd.args.filter((a) => !isFlagWord(a) && !skip.includes(a.value));
}
