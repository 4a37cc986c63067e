import { defineRule } from '../define.js';
import type { ShellCommand } from '../../shell/types.js';
import { effectiveCommand } from '../../shell/wrappers.js';

/** Words that make a password input random or read it from a secret mount (not hard-coded). */
const NOT_HARDCODED = /\/run\/secrets\/|\/dev\/u?random|openssl\s+rand\b|\bpwgen\b|\buuidgen\b|mkpasswd\s+-R|\$\(\s*cat\s+\/run\/secrets/;

/** Hash values of `useradd -p` that lock the account instead of setting a password. */
const LOCKED = /^(\*|!|!!|x|)$/;

/** Passwords set inside the image (Checkov CKV2_DOCKER_17). */
export default defineRule({
  id: 'no-hardcoded-password',
  severity: 'error',
  summary: 'A password is set in the image',
  origin: 'shipshape',
  category: 'security',
  aliases: ['CKV2_DOCKER_17'],
  fix: 'none',
  docs: {
    description:
      'Reports RUN commands (also `ONBUILD RUN`, heredoc and exec-form RUN, behind `sudo`) that set an account password from the Dockerfile: `chpasswd` (for example `echo \'root:toor\' | chpasswd`), `passwd` reading the new password from a pipe or `--stdin`, `useradd`/`usermod` `-p`/`--password` with a hash (locking values `*`, `!`, `!!` are fine) and `htpasswd -b` with the password on the command line. Not reported: input read from a secret mount (`chpasswd < /run/secrets/pw`, `$(cat /run/secrets/pw)`) or generated at build time (`$(openssl rand -base64 24)`, `pwgen`, `/dev/urandom`). The password itself is never printed.',
    why: 'The password — or its hash, which can be cracked offline — is in the Dockerfile, in the build history and in `/etc/shadow` of every container started from the image, identical everywhere. Containers rarely need account passwords: run as a non-root `USER`, use `docker exec` for a shell, and when a service needs a credential, pass it at run time (a secret file or environment variable from the orchestrator) or at build time with `RUN --mount=type=secret`.',
    bad: 'FROM debian:12-slim\nRUN useradd -m app && echo \'app:changeme\' | chpasswd\nUSER app\n',
    good: 'FROM debian:12-slim\nRUN useradd -m app\nUSER app\n',
    differences: 'Checkov CKV2_DOCKER_17 reports any RUN that mentions `chpasswd`; shipshape reads the commands, also covers `passwd --stdin`, `useradd -p` and `htpasswd -b`, and stays silent for passwords read from secret mounts or generated at build time.',
  },
  check(ctx) {
    for (const { run, reportOn: owner, commands, script } of ctx.runs()) {
      const pipelines = script?.pipelines ?? [];
      const producers = (cmd: ShellCommand): ShellCommand[] => {
        const p = pipelines.find((pl) => pl.some((c) => c.range.start.offset === cmd.range.start.offset));
        if (!p) return [];
        return p.slice(0, p.findIndex((c) => c.range.start.offset === cmd.range.start.offset));
      };
      const fromSecret = (cmd: ShellCommand): boolean =>
        cmd.redirects.some((r) => r.operator.startsWith('<') && (/\/run\/secrets\//.test(r.target) || NOT_HARDCODED.test(r.target)))
        || producers(cmd).some((p) => p.words.some((w) => NOT_HARDCODED.test(w.value) || NOT_HARDCODED.test(w.raw)));
      for (const cmd of commands) {
        const eff = effectiveCommand(cmd);
        const word = eff.nameWord;
        const values = eff.args.map((a) => a.value);
        let message: string | null = null;
        if (eff.name === 'chpasswd') {
          if (fromSecret(cmd)) continue;
          message = '`chpasswd` sets an account password written in the Dockerfile: anyone with the image or its history can read it; do not set passwords in the image (use `USER` and `docker exec`), or read it from a secret mount';
        } else if (eff.name === 'passwd' && (cmd.pipedIn || values.includes('--stdin') || cmd.redirects.some((r) => r.operator.startsWith('<')))) {
          if (fromSecret(cmd)) continue;
          message = '`passwd` reads a password written in the Dockerfile: anyone with the image or its history can read it; do not set passwords in the image, or read it from a secret mount';
        } else if (eff.name === 'useradd' || eff.name === 'usermod') {
          const i = values.findIndex((v) => v === '-p' || v === '--password' || v.startsWith('--password='));
          if (i < 0) continue;
          const hash = values[i].startsWith('--password=') ? values[i].slice('--password='.length) : values[i + 1] ?? '';
          if (LOCKED.test(hash) || NOT_HARDCODED.test(hash)) continue;
          message = `\`${eff.name} ${values[i].replace(/=.*$/, '')}\` bakes a password hash into the image (hashes can be cracked offline): create the account without a password (\`--disabled-password\`, or lock it with \`-p '*'\`)`;
        } else if (eff.name === 'htpasswd' && eff.flags.some((f) => f.name === 'b')) {
          message = '`htpasswd -b` writes a password given in the Dockerfile into the image: create the password file outside the build and mount it as a secret at run time';
        }
        if (!message) continue;
        ctx.report({ instruction: owner, range: word.range, message });
      }
    }
  },
});
