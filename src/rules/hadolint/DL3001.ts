import { defineRule } from '../define.js';

const POINTLESS = new Set(['free', 'kill', 'mount', 'ps', 'service', 'shutdown', 'ssh', 'top', 'vim']);

/** Commands that make no sense while building an image. */
export default defineRule({
  id: 'DL3001',
  severity: 'info',
  summary: 'Command makes no sense in a container build',
  origin: 'hadolint',
  category: 'maintainability',
  fix: 'none',
  docs: {
    description:
      'Reports RUN commands (also inside `ONBUILD RUN`) named `free`, `kill`, `mount`, `ps`, `service`, `shutdown`, `ssh`, `top` or `vim`. Only the command name counts: `apt-get install vim` is fine.',
    why: 'A build step runs once in a throw-away container with no services, no terminal and no init system: starting services, editing files interactively, inspecting processes or logging into other machines does nothing useful for the image and often hangs or fails the build.',
    bad: 'FROM debian:12\nRUN service nginx restart\n',
    good: 'FROM debian:12\nCMD ["nginx", "-g", "daemon off;"]\n',
  },
  check(ctx) {
    for (const { run, commands } of ctx.runs()) {
      for (const cmd of commands) {
        if (!POINTLESS.has(cmd.name)) continue;
        const word = cmd.words.find((w) => w.value === cmd.name) ?? cmd.words[0];
        ctx.report({
          at: word ?? cmd,
          message: `\`${cmd.name}\` makes no sense in a container build; remove it (run services with CMD, inspect containers from outside)`,
        });
      }
    }
  },
});
