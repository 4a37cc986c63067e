import { defineRule } from '../define.js';

/** No sudo in RUN. */
export default defineRule({
  id: 'DL3004',
  severity: 'error',
  summary: 'Do not use sudo',
  origin: 'hadolint',
  category: 'security',
  fix: 'none',
  docs: {
    description:
      'Reports RUN commands (also inside `ONBUILD RUN`) named `sudo`. Installing the `sudo` package is not reported.',
    why: 'Build steps already run as the current `USER`; `sudo` has unpredictable TTY and signal-forwarding behaviour, needs a sudoers setup inside the image and leaves a privilege-escalation path in it. Switch users with `USER` (or `gosu`/`su-exec` at run time) instead.',
    bad: 'FROM debian:12\nRUN sudo apt-get update\n',
    good: 'FROM debian:12\nUSER root\nRUN apt-get update\n',
  },
  check(ctx) {
    for (const { run, commands } of ctx.runs()) {
      for (const cmd of commands) {
        if (cmd.name !== 'sudo') continue;
        const word = cmd.words.find((w) => w.value === 'sudo') ?? cmd.words[0];
        ctx.report({
          at: word ?? cmd,
          message: 'Do not use `sudo`: run the step as the right user with `USER` instead',
        });
      }
    }
  },
});
