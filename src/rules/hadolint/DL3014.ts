import { defineRule } from '../define.js';
import type { ShellCommand } from '../../shell/types.js';
import { hasArg, hasFlag } from '../../shell/query.js';
import { argWord, cmdHasArgs } from '../lib/packages.js';

/** hadolint: `-y`, `--yes`, `--assume-yes`, `--qq`, exactly two `q` or two `quiet` flags, or `-q=2`. */
function assumesYes(cmd: ShellCommand): boolean {
  if (hasFlag(cmd, 'y', 'yes', 'assume-yes', 'qq')) return true;
  if (cmd.flags.filter((f) => f.name === 'q').length === 2) return true;
  if (cmd.flags.filter((f) => f.name === 'quiet').length === 2) return true;
  return hasArg(cmd, '-q=2');
}

/**
 * apt-get's simulation options (apt-get(8): `-s`, `--simulate`, `--just-print`, `--dry-run`, `--recon`,
 * `--no-act`): nothing is installed, so apt-get never asks for a confirmation. hadolint does not know
 * them; the official postgres image runs `apt-get install -s` to list dependencies.
 */
function simulates(cmd: ShellCommand): boolean {
  return hasFlag(cmd, 's', 'simulate', 'just-print', 'dry-run', 'recon', 'no-act');
}

/** DL3014: `apt-get install` must not wait for a confirmation that never comes. */
export default defineRule({
  id: 'DL3014',
  severity: 'warning',
  summary: 'Use the `-y` switch with apt-get install',
  origin: 'hadolint',
  category: 'correctness',
  fix: 'safe',
  docs: {
    description:
      'Reports `apt-get` commands with an `install` argument (also inside ONBUILD) that do not answer yes on their own: none of `-y`, `--yes`, `--assume-yes`, `--qq`, exactly two `-q` (`-qq`, `-q -q`), exactly two `--quiet`, or `-q=2`. The flag may be anywhere in the command. Unlike hadolint, a simulated install (`-s`, `--simulate`, `--just-print`, `--dry-run`, `--recon`, `--no-act`) is not reported: it installs nothing and never asks (the official postgres image runs `apt-get install -s` to see what a package would pull in). The fix adds `-y` after `install`.',
    why: 'A build has no terminal: when apt-get asks "Do you want to continue? [Y/n]" it reads end-of-file and aborts, so the build fails as soon as an install needs a confirmation (new dependencies, disk space). `-y` makes the install non-interactive.',
    bad: 'FROM debian:12.6-slim\nRUN apt-get update && apt-get install --no-install-recommends curl=7.88.1-10+deb12u6 && rm -rf /var/lib/apt/lists/*\n',
    good: 'FROM debian:12.6-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u6 && rm -rf /var/lib/apt/lists/*\n',
  },
  check(ctx) {
    for (const site of ctx.runs()) {
      const offenders = site.commands.filter((c) => cmdHasArgs(c, 'apt-get', ['install']) && !assumesYes(c) && !simulates(c));
      if (offenders.length === 0) continue;
      const edit = ctx.edit();
      for (const c of offenders) edit.insertFlagAfter(site.run, argWord(c, 'install')!, '-y');
      ctx.report({
        at: offenders[0],
        message: 'Add `-y` to `apt-get install`: the build cannot answer its confirmation prompt',
        fix: edit.safe('Add -y to apt-get install'),
      });
    }
  },
});
