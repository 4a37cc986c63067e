import { defineRule } from '../define.js';
import { readUser, userInstructions } from '../lib/users.js';

/** The last USER of a stage is root. */
export default defineRule({
  id: 'DL3002',
  severity: 'warning',
  summary: 'Last USER should not be root',
  origin: 'hadolint',
  category: 'security',
  fix: 'none',
  docs: {
    description:
      'Reports, in every stage, the last `USER` instruction when it switches to root: the user part (before `:`) is `root` or `0` (`USER root`, `USER 0:1000`, `USER root:root`). Stages without `USER` are not reported (see `require-non-root-user` for the final image). Variables are expanded with the `ARG`/`ENV` values in scope.',
    why: 'A process running as root inside the container is root on the host\'s kernel too: a container escape or a writable host mount turns an application bug into a host compromise. Switch back to an unprivileged user once the root-only steps are done.',
    bad: 'FROM debian:12.6-slim\nUSER root\nCMD ["bash"]\n',
    good: 'FROM debian:12.6-slim\nUSER root\nRUN apt-get update\nUSER nobody\nCMD ["bash"]\n',
    differences: 'hadolint compares the text as written; shipshape also expands `ARG`/`ENV` variables (`ARG U=root` / `USER $U` is reported).',
  },
  check(ctx) {
    for (const stage of ctx.file.stages) {
      const users = userInstructions(stage);
      if (users.length === 0) continue;
      const last = readUser(ctx, users[users.length - 1]);
      if (!last.root) continue;
      ctx.report({
        instruction: last.instruction,
        range: last.word?.range ?? last.instruction.range,
        message: `Last USER should not be root: \`USER ${last.word?.raw ?? last.value}\` leaves the stage running as root; switch to an unprivileged user after the steps that need root`,
      });
    }
  },
});
