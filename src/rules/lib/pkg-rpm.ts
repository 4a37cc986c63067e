/**
 * yum/dnf helpers shared by DL3033 and DL3041 (hadolint's rpm version test) and the rules that append
 * a clean command.
 */
import type { RuleContext } from '../../engine/types.js';
import type { ShellCommand, ShellWord } from '../../shell/types.js';
import { positionalArgs } from '../../shell/query.js';
import { knownVersionVariable, referencedVariables } from './packages.js';
import type { RunFacts } from '../../engine/facts.js';

/**
 * hadolint's rpm pin test: the package has a `-` and either ends in `.rpm`, or uses `${V}` for an ARG
 * declared earlier or an ENV visible at the RUN, or every `-`-separated part after the name consists
 * of `[0-9A-Za-z.~^_:+]` and one of them starts with a digit (`tomcat-9.2`, `openssl-1:1.1.1k`).
 */
export function rpmPinned(ctx: RuleContext, site: RunFacts, pkg: string): boolean {
  if (!pkg.includes('-')) return false;
  if (pkg.endsWith('.rpm')) return true;
  if (pkg.includes('$') && referencedVariables(pkg).some((v) => knownVersionVariable(ctx, site, v))) return true;
  const parts = pkg.split('-').slice(1);
  return parts.every((p) => /^[0-9A-Za-z.~^_:+]*$/.test(p)) && parts.some((p) => /^[0-9]/.test(p));
}

/** yum/dnf/microdnf options whose value is a separate argument (`--installroot /staging`). */
export const RPM_VALUE_FLAGS = [
  'installroot', 'releasever', 'setopt', 'repo', 'repoid', 'enablerepo', 'disablerepo', 'exclude', 'x', 'config',
  'c', 'forcearch', 'destdir', 'downloaddir', 'debuglevel', 'errorlevel', 'rpmverbosity', 'comment',
];

/** zypper options whose value is a separate argument (`--repo oss`, `-t pattern`). */
export const ZYPPER_VALUE_FLAGS = ['r', 'repo', 'from', 't', 'type', 'R', 'root', 'installroot', 'C', 'cache-dir'];

/**
 * Non-flag arguments of `cmd` other than those in `skip` (hadolint `getArgsNoFlags` minus words),
 * without the values of the options in `valueFlags` written as a separate argument.
 */
export function argsExcept(cmd: ShellCommand, skip: string[], valueFlags: string[] = []): ShellWord[] {
  return positionalArgs(cmd, { valueFlags }).filter((a) => !skip.includes(a.value));
}
