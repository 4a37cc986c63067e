import { defineRule } from '../define.js';

/** `ln ... /bin/sh`: use SHELL. */
export default defineRule({
  id: 'DL4005',
  severity: 'warning',
  summary: 'Use SHELL to change the default shell',
  origin: 'hadolint',
  category: 'maintainability',
  fix: 'none',
  docs: {
    description: 'Reports `ln` commands (also inside `ONBUILD RUN`) with an argument exactly `/bin/sh`, i.e. that replace the system shell by a link.',
    why: 'Relinking `/bin/sh` changes the shell of every script and package maintainer script in the image, not just of your RUN instructions, and breaks when the base image changes. The `SHELL` instruction changes the shell of the following RUN, CMD and ENTRYPOINT instructions only.',
    bad: 'FROM debian:12\nRUN ln -sfn /bin/bash /bin/sh\n',
    good: 'FROM debian:12\nSHELL ["/bin/bash", "-c"]\n',
  },
  check(ctx) {
    for (const { run, commands } of ctx.runs()) {
      for (const cmd of commands) {
        if (cmd.name !== 'ln') continue;
        const target = cmd.args.find((a) => a.value === '/bin/sh');
        if (!target) continue;
        ctx.report({
          at: target,
          message: 'Do not relink `/bin/sh`; use the `SHELL` instruction to change the shell of RUN instructions',
        });
      }
    }
  },
});
