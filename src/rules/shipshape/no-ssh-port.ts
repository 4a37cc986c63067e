import { defineRule } from '../define.js';
import { exposeItems } from '../lib/expose.js';
import { withOnbuild } from '../lib/hadolint.js';

/** True when a container port item (`22`, `20-30`) covers port 22. */
function coversSsh(port: string): boolean {
  const m = /^(\d+)(?:-(\d+))?$/.exec(port.trim());
  if (!m) return false;
  const lo = Number(m[1]);
  const hi = m[2] === undefined ? lo : Number(m[2]);
  return lo <= 22 && 22 <= hi;
}

/** EXPOSE 22: an SSH server in the container (Trivy DS004, Checkov CKV_DOCKER_1). */
export default defineRule({
  id: 'no-ssh-port',
  severity: 'warning',
  summary: 'Port 22 (SSH) is exposed',
  origin: 'shipshape',
  category: 'security',
  aliases: ['DS004', 'DS-0004', 'CKV_DOCKER_1'],
  fix: 'none',
  docs: {
    description:
      'Reports `EXPOSE` (also `ONBUILD EXPOSE`) items whose container port is 22, with any protocol (`22`, `22/tcp`, `22/udp`, `0.0.0.0:2222:22`), or a port range that contains 22 (`20-25`). Variables are expanded with the ARG and ENV values in scope, as the builder does; an item whose variables have no value is not judged.',
    why: 'Port 22 means an SSH server runs in the container: another long-lived process with its own keys and passwords to manage and an extra way in for an attacker. Get a shell with `docker exec` (or `kubectl exec`) instead, and copy files with `docker cp`.',
    bad: 'FROM debian:12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends openssh-server && rm -rf /var/lib/apt/lists/*\nEXPOSE 22\nCMD ["/usr/sbin/sshd", "-D"]\n',
    good: 'FROM debian:12-slim\nCOPY app /usr/local/bin/app\nEXPOSE 8080\nCMD ["app"]\n',
    differences:
      'Trivy DS004 and Checkov CKV_DOCKER_1 compare the words as written; shipshape expands variables (`EXPOSE ${SSH_PORT}` with `ARG SSH_PORT=22`) and reads ranges and `ip:host:container` items the way BuildKit does.',
  },
  check(ctx) {
    for (const { instr, wrapper } of withOnbuild(ctx.file, true)) {
      if (instr.keyword !== 'EXPOSE') continue;
      const scope = ctx.scope(wrapper ?? instr);
      const seen = new Set<number>();
      for (const item of exposeItems(ctx.file, instr, scope)) {
        if (!coversSsh(item.containerPort) || seen.has(item.word.range.start.offset)) continue;
        seen.add(item.word.range.start.offset);
        const shown = item.literal ? item.text : `${item.word.raw} (${item.text})`;
        ctx.report({
          instruction: wrapper ?? instr,
          range: item.word.range,
          message: `EXPOSE ${shown} publishes the SSH port: do not run an SSH server in the container; use \`docker exec\` for a shell`,
        });
      }
    }
  },
});
