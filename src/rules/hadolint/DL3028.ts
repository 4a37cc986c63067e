import { defineRule } from '../define.js';
import type { ShellCommand, ShellWord } from '../../shell/types.js';
import { hasArg } from '../../shell/query.js';
import { cmdHasArgs, pinMessage } from '../lib/packages.js';

/**
 * hadolint's gem packages: arguments before `--`, without every argument starting with `-` and the
 * argument after it (so `gem install --no-document rails` has no package), without `install`/`i`.
 */
function gemPackages(cmd: ShellCommand): ShellWord[] {
  const end = cmd.args.findIndex((a) => a.value === '--');
  const args = end === -1 ? cmd.args : cmd.args.slice(0, end);
  const out: ShellWord[] = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i].value.startsWith('-')) {
      i++;
      continue;
    }
    if (args[i].value !== 'install' && args[i].value !== 'i') out.push(args[i]);
  }
  return out;
}

/** DL3028: gems must be pinned. */
export default defineRule({
  id: 'DL3028',
  severity: 'warning',
  summary: 'Pin versions in gem install: write `gem install <gem>:<version>`',
  origin: 'hadolint',
  category: 'reproducibility',
  fix: 'none',
  docs: {
    description:
      'Reports `gem` commands with an `install` or `i` argument (also inside ONBUILD) and no `-v`/`--version` option that name a gem without `:<version>`. Arguments after `--` are build options and ignored; like hadolint, each argument starting with `-` is dropped together with the argument after it.',
    why: 'Without a version, `gem install rails` installs the newest release when the image is built: rebuilds differ and a major release can break the image silently. Pin with `gem install rails:7.1.3` or `-v 7.1.3`, or use Bundler with a Gemfile.lock.',
    bad: 'FROM ruby:3.3.4-slim\nRUN gem install rake\n',
    good: 'FROM ruby:3.3.4-slim\nRUN gem install rake:13.2.1\n',
    differences:
      'Same reading as hadolint, including its quirk that the argument after any option is skipped (`gem install --no-document rails` is not checked).',
  },
  check(ctx) {
    for (const site of ctx.runs()) {
      const unpinned: ShellWord[] = [];
      for (const cmd of site.commands) {
        if (!cmdHasArgs(cmd, 'gem', ['install', 'i'])) continue;
        if (hasArg(cmd, '-v', '--version') || cmd.args.some((a) => a.value.startsWith('--version='))) continue;
        unpinned.push(...gemPackages(cmd).filter((g) => !g.value.includes(':')));
      }
      if (unpinned.length === 0) continue;
      ctx.report({
        at: unpinned[0],
        message: pinMessage(unpinned, 'gem install', (w) => `${w.value}:<version>`, ' or add `-v <version>`'),
      });
    }
  },
});
