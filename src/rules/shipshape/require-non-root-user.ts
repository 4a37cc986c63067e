import type { Dockerfile, ImageRef, Instruction } from '../../parse/types.js';
import type { Fix, RuleContext } from '../../engine/types.js';
import { defineRule } from '../define.js';
import { imageKey, nonRootTag } from '../lib/images.js';
import type { Stage } from '../../parse/types.js';
import type { EditBuilder } from '../../fix/edit.js';
import { interactiveCommand, needsRootAtStart, preparedUsers, selfDroppingServer, userToReuse, type PreparedUser, readUser, userInstructions, type UserValue } from '../lib/users.js';

const TAIL_KEYWORDS = new Set(['CMD', 'ENTRYPOINT', 'EXPOSE', 'HEALTHCHECK', 'STOPSIGNAL', 'LABEL']);
const UID = 10001;

/**
 * The tools a base image has for creating users, as far as shipshape knows:
 * - `shadow`: `groupadd`/`useradd` (Debian's `passwd` package is required in every Debian and Ubuntu
 *   image; Fedora, CentOS, Rocky, Alma, Oracle Linux and the standard UBI images carry `shadow-utils`);
 * - `busybox`: BusyBox `addgroup`/`adduser` (Alpine, `busybox`, any `*alpine*` tag);
 * - `distroless`: no shell at all, but `/etc/passwd` has `nonroot` (uid/gid 65532);
 * - `none`: no shell (`scratch`, chiseled Ubuntu, UBI micro);
 * - `unknown`: anything else. Minimal images differ here, and a wrong guess breaks the build:
 *   `amazonlinux:2023` (hence `amazon/aws-cli`), `ubi-minimal`, CBL-Mariner 2.0 ship without
 *   `shadow-utils`, and a base image given by a build argument could be any of them.
 */
type UserTools = 'shadow' | 'busybox' | 'distroless' | 'none' | 'unknown';

/** Docker Official Images whose default variants are Debian or Ubuntu (their `-alpine` tags are caught first). */
const DEBIAN_BASED = new Set([
  'debian', 'ubuntu', 'python', 'node', 'ruby', 'golang', 'php', 'perl', 'rust', 'openjdk', 'eclipse-temurin', 'maven',
  'gradle', 'nginx', 'httpd', 'postgres', 'redis', 'mariadb', 'mongo', 'rabbitmq', 'tomcat', 'buildpack-deps', 'haproxy',
  'memcached', 'elixir', 'erlang', 'julia', 'r-base', 'swift', 'haskell', 'clojure', 'pypy', 'ghost', 'wordpress', 'django',
  'mcr.microsoft.com/dotnet/sdk', 'mcr.microsoft.com/dotnet/aspnet', 'mcr.microsoft.com/dotnet/runtime', 'mcr.microsoft.com/dotnet/runtime-deps',
]);
/** Enterprise Linux images that carry `shadow-utils` (not their `-minimal`/`-micro` variants). */
const RHEL_BASED = /^(fedora|centos|rockylinux|almalinux|oraclelinux|quay\.io\/centos\/centos|registry\.access\.redhat\.com\/ubi\d+(\/ubi)?|registry\.redhat\.io\/ubi\d+(\/ubi)?)$/;

/** What the base image has for creating a user (see {@link UserTools}). */
function userTools(image: ImageRef | null): UserTools {
  if (image === null || image.unresolved) return 'unknown';
  const name = image.expanded.toLowerCase();
  const key = imageKey(image);
  const tag = (image.tag ?? '').toLowerCase();
  if (name === 'scratch' || /chisel/.test(name) || /(^|[/-])ubi\d*-micro|\/ubi\d+\/ubi-micro/.test(key)) return 'none';
  if (name.includes('distroless')) return 'distroless';
  if (key === 'alpine' || key === 'busybox' || /(^|\/)alpine$/.test(key) || /(^|[-.])alpine/.test(tag)) return 'busybox';
  if (/minimal|micro|slim/.test(tag) && RHEL_BASED.test(key)) return 'unknown'; // oraclelinux:9-slim, ubi-minimal...
  if (/-minimal|-micro/.test(key)) return 'unknown';
  // Official images also publish variants on other distributions (`maven:3.9.8-amazoncorretto-21`).
  if (/corretto|amazonlinux|oraclelinux|ubi\d|graalvm|sles|opensuse/.test(tag)) return 'unknown';
  if (DEBIAN_BASED.has(key) || RHEL_BASED.test(key)) return 'shadow';
  return 'unknown';
}

/** True when a RUN of the chain installs the shadow tools itself (`apk add shadow`, `dnf install shadow-utils`...). */
function installsShadow(chain: readonly Stage[]): boolean {
  return chain.some((s) => s.instructions.some((i) => i.keyword === 'RUN' && /\b(apk\s+add|(yum|dnf|microdnf|tdnf)\s+(-\S+\s+)*install|apt-get\s+(-\S+\s+)*install)\b[^&;|]*\s(shadow|shadow-utils|passwd)(\s|=|-\d|$)/.test(i.args.text)));
}

/** The user switch to insert, written with the base image's tools (just the numeric USER when they are unknown). */
function userLines(edit: EditBuilder, tools: UserTools): string[] {
  const run = edit.keyword('RUN');
  if (tools === 'distroless') return [`${edit.keyword('USER')} 65532:65532`];
  const user = `${edit.keyword('USER')} ${UID}:${UID}`;
  if (tools === 'busybox') return [`${run} addgroup -S -g ${UID} app && adduser -S -u ${UID} -G app app`, user];
  if (tools === 'shadow') return [`${run} groupadd --system --gid ${UID} app && useradd --system --uid ${UID} --gid app --no-log-init app`, user];
  return [user];
}

/** Unsafe fix: create a system user (with the tools the base image has) and switch to it before the trailing CMD/ENTRYPOINT block. */
function addUserFix(ctx: RuleContext, stage: Stage, tools: UserTools): Fix {
  const description =
    tools === 'distroless' ? 'Switch to `nonroot` (uid 65532), the user distroless images define'
    : tools === 'shadow' || tools === 'busybox' ? `Create a system user with uid ${UID} and switch to it`
    : `Switch to uid ${UID} (a numeric USER needs no user tools in the image)`;
  return insertBeforeTail(ctx, stage, (edit) => userLines(edit, tools), description);
}

/** The message's last sentence saying why the fix only switches to a numeric uid, or `''`. */
function toolsNote(tools: UserTools): string {
  const only = `. The fix adds only \`USER ${UID}:${UID}\``;
  if (tools === 'none') return `${only}: the base image has no shell to create a user, and a numeric user needs no account`;
  if (tools === 'unknown') return `${only}: the base image may have no \`useradd\` (amazonlinux:2023 has none), and a numeric user needs no account`;
  return '';
}

/** Unsafe fix: switch to the user the stage already prepares (`USER saleor`, `USER 1000:2000`). */
function reuseUserFix(ctx: RuleContext, stage: Stage, user: PreparedUser): Fix {
  return insertBeforeTail(ctx, stage, (edit) => [`${edit.keyword('USER')} ${user.spec}`], `Switch to \`${user.spec}\`, the user the stage already prepares`);
}

/** A fix inserting lines before the trailing CMD/ENTRYPOINT/EXPOSE... block of the stage (else at its end). */
function insertBeforeTail(ctx: RuleContext, stage: Stage, lines: (edit: EditBuilder) => string[], description: string): Fix {
  const body = stage.instructions;
  let first = body.length;
  while (first > 0 && TAIL_KEYWORDS.has(body[first - 1].keyword)) first--;
  const edit = ctx.edit();
  const text = lines(edit);
  if (first < body.length) edit.insertLinesBefore(body[first], text);
  else edit.appendLines(text);
  return edit.unsafe(description);
}

/** How a stage prepared the user it then does not switch to, for messages. */
function describePrepared(user: PreparedUser): string {
  return user.how === 'created'
    ? `user \`${user.spec}\` created on line ${user.instruction.line} is never used`
    : `files are handed to \`${user.spec}\` (line ${user.instruction.line}) but the image never switches to it`;
}

/**
 * The fix and the message tail for a final stage that runs as root: no fix when the image needs root at
 * start (its entrypoint runs sudo, gosu...), else switch to the user the stages prepare, else create one.
 */
function planFix(ctx: RuleContext, stage: Stage): { fix?: Fix; note: string; prepared: string | null } {
  const chain = ctx.stage(stage).chain;
  const root = needsRootAtStart(chain, ctx.context);
  if (root !== null) return { note: ` (no fix offered: ${root}, so the image needs root when it starts; drop privileges there instead)`, prepared: null };
  const user = userToReuse(preparedUsers(ctx, chain));
  if (user !== null) return { fix: reuseUserFix(ctx, stage, user), note: `; ${describePrepared(user)}: add \`USER ${user.spec}\``, prepared: `${describePrepared(user)}. Add \`USER ${user.spec}\`` };
  let tools = userTools(ctx.stage(stage).rootImage);
  if (tools === 'unknown' && installsShadow(chain)) tools = 'shadow';
  return { fix: addUserFix(ctx, stage, tools), note: toolsNote(tools), prepared: null };
}

/** Where to report a final stage without a non-root USER: its last CMD/ENTRYPOINT, else its FROM. */
function reportTarget(stage: Stage): Instruction {
  for (let i = stage.instructions.length - 1; i >= 0; i--) {
    const k = stage.instructions[i].keyword;
    if (k === 'CMD' || k === 'ENTRYPOINT') return stage.instructions[i];
  }
  return stage.from;
}

const DROP_TOOLS = /(^|[\s/"'])(gosu|su-exec|setpriv|s6-setuidgid|chpst|runuser)(\s|$|["'=])/;

/**
 * True when the image starts as root on purpose and drops privileges in its entrypoint: it has an
 * ENTRYPOINT and installs or calls a privilege-dropping tool (`gosu`, `su-exec`, `setpriv`...), as the
 * official postgres, redis, mysql and mongo images do.
 */
function dropsPrivileges(chain: readonly Stage[]): boolean {
  const all = chain.flatMap((s) => s.instructions);
  if (!all.some((i) => i.keyword === 'ENTRYPOINT')) return false;
  return all.some((i) => (i.keyword === 'RUN' || i.keyword === 'COPY' || i.keyword === 'ADD' || i.keyword === 'ENTRYPOINT' || i.keyword === 'ENV') && DROP_TOOLS.test(i.args.text + '\n' + i.heredocs.map((h) => h.content).join('\n')));
}

/** Windows base images have no root user (ContainerAdministrator / ContainerUser): not judged. */
function isWindowsImage(name: string): boolean {
  return /windows|servercore|nanoserver|ltsc20\d\d|(^|\/)dotnet\/framework\//i.test(name);
}

/**
 * True when the stage chain builds a Windows image although its base image name does not say so
 * (`mcr.microsoft.com/dotnet/sdk:8.0` is multi-platform): `# escape=\``, a `SHELL` running Windows
 * PowerShell or cmd, or a `WORKDIR` with a drive letter (`WORKDIR C:\\app`).
 */
function buildsForWindows(file: Dockerfile, chain: readonly Stage[]): boolean {
  if (file.escape === '`') return true;
  return chain.some((s) => s.instructions.some((i) => {
    if (i.keyword === 'SHELL') return /^\s*\[?\s*"?(?:[A-Za-z]:\\[^"]*\\)?(powershell|cmd)(\.exe)?"?\s*(,|$)/i.test(i.argsAfterFlags.text);
    if (i.keyword === 'WORKDIR') return /^["']?[A-Za-z]:[\\/]/.test(i.argsAfterFlags.text.trim());
    return false;
  }));
}

/** True when the stage or its ancestry sets CMD or ENTRYPOINT (it is an application, not a base image). */
function setsCommand(chain: readonly Stage[]): boolean {
  return chain.some((s) => s.instructions.some((i) => i.keyword === 'CMD' || i.keyword === 'ENTRYPOINT'));
}

/**
 * Fires when the image the Dockerfile produces (its last stage) runs as root: no USER anywhere in its
 * ancestry and a base image without a non-root default, or a last USER that is root.
 */
export default defineRule({
  id: 'require-non-root-user',
  severity: 'warning',
  summary: 'The final image runs as root: switch to an unprivileged USER',
  origin: 'shipshape',
  category: 'security',
  fix: 'unsafe',
  docs: {
    description:
      'Reports the final stage (the last `FROM`, what `docker build` produces without `--target`) when it runs as root: its last `USER` is `root` or uid `0` (`USER root`, `USER 0:0`), or no `USER` is set at all. A final stage built `FROM` an earlier stage inherits that stage\'s last `USER`; variables in `USER` are expanded with the `ARG`/`ENV` values in scope (a variable without a value is not judged). A base image whose tag declares a non-root default (`gcr.io/distroless/static-debian12:nonroot`, `:debug-nonroot`) counts as non-root, as do Microsoft\'s chiseled and distroless .NET images (`mcr.microsoft.com/dotnet/runtime-deps:8.0.7-jammy-chiseled`), which run as their `app` user. Without any `USER`, two cases are not reported: a final stage that sets neither `CMD` nor `ENTRYPOINT` (also not in its ancestry) is a base image for other builds, whose own Dockerfiles choose the user, and so is one whose command only starts an interactive interpreter or shell with options at most (`python3`, `php -a`, `irb`, `jshell`, `node`, `bash`; after an entrypoint wrapper script such as `docker-php-entrypoint`), as the official language images do, or a tool image whose users give the command to `docker run`; and an image with an `ENTRYPOINT` that installs or calls a privilege-dropping tool (`gosu`, `su-exec`, `setpriv`, `s6-setuidgid`, `chpst`, `runuser`) starts as root on purpose and steps down, as the official postgres, redis and mysql images do. Likewise an image whose command (its `ENTRYPOINT`, or the `CMD` an entrypoint wrapper script runs) is a server that starts as root and drops privileges by itself: `nginx`/`openresty` (the master process keeps root for ports, logs and the pid file; the worker processes that handle requests run as the `user` directive), Apache `httpd`/`apache2`/`apachectl` and the official images\' `httpd-foreground`/`apache2-foreground` (children run as the `User` directive) and `php-fpm` (pool workers run as the pool\'s `user`), as in the official nginx, httpd, php and wordpress images; switching those to a `USER` breaks them (they can no longer write their pid file or bind port 80). Daemons that stay root unless configured otherwise (lighttpd without `server.username`) are still reported. Windows images have no root user and are not judged: a Windows base image (`servercore`, `nanoserver`, `ltsc2022`, `dotnet/framework`), or a stage that builds for Windows (`# escape=\``, a `SHELL` running `powershell` or `cmd`, a `WORKDIR C:\\...`). Builder stages may stay root: only the final image runs. Reported at the root `USER`, else at the last `CMD`/`ENTRYPOINT`, else at the final `FROM`. The unsafe fix reuses the user the stages already prepare, so that the directories the project made writable stay writable: an account created with `useradd`/`adduser` (preferring one that also owns files), else the owner given to `chown` or `COPY --chown` (`USER 1000:2000`, `USER unit:root`); the message then says that the user is never used. Only when the stages prepare nobody does it create a system user with uid 10001, with the tools the base image is known to have: `groupadd`/`useradd` on Debian, Ubuntu and the Docker Official Images built on them, and on Fedora, CentOS, Rocky, Alma, Oracle Linux and standard UBI; BusyBox `addgroup`/`adduser` on Alpine, `busybox` and `*alpine*` tags; `USER 65532:65532` (their `nonroot` user) on distroless images. Elsewhere it adds only `USER 10001:10001` and the message says why: `scratch` and chiseled images have no shell, and for any other image (`amazon/aws-cli`, `amazonlinux:2023`, `ubi-minimal` and CBL-Mariner 2.0 have no `useradd`; a base image given by a build argument could be anything) a `RUN useradd` could break the build, while a numeric `USER` needs no entry in `/etc/passwd` (the user has no name or home directory then). A stage that installs `shadow`/`shadow-utils`/`passwd` itself gets `useradd`. No fix is offered when the image visibly needs root when it starts: its `ENTRYPOINT`/`CMD`, or the build-context script they run, calls `sudo`, `gosu`, `su-exec`, `setpriv`, `runuser`, `su -c` or `pg_createcluster`.',
    why: 'Root in a container is root on the host\'s kernel: a container escape, a kernel bug or a writable host mount turns an application bug into a host compromise, and Kubernetes\' `runAsNonRoot` refuses such images. Create an unprivileged user (a fixed uid such as 10001 keeps file ownership predictable) and switch to it before the command runs.',
    bad: 'FROM debian:12.6-slim\nCOPY app /usr/local/bin/app\nCMD ["app"]\n',
    good: 'FROM debian:12.6-slim\nCOPY app /usr/local/bin/app\nRUN groupadd --system --gid 10001 app && useradd --system --uid 10001 --gid app --no-log-init app\nUSER 10001:10001\nCMD ["app"]\n',
  },
  check(ctx) {
    const stage = ctx.file.stages.find((s) => ctx.stage(s).final) ?? null;
    if (stage === null) return;
    let user: UserValue | null = null;
    let from: Stage | null = null;
    for (const s of ctx.stage(stage).chain) {
      const users = userInstructions(s);
      if (users.length > 0) {
        user = readUser(ctx, users[users.length - 1]);
        from = s;
        break;
      }
    }
    if (user !== null) {
      if (user.value === null || !user.root) return;
      const { fix, note } = planFix(ctx, stage);
      if (from === stage) {
        ctx.report({
          instruction: user.instruction,
          range: user.word?.range ?? user.instruction.range,
          message: `The final image runs as root: \`USER ${user.word?.raw ?? user.value}\` is its last USER. Switch to an unprivileged user (e.g. \`USER ${UID}\`) after the steps that need root${note}`,
          fix,
        });
        return;
      }
      const target = reportTarget(stage);
      const parent = from?.name ? `stage \`${from.name}\`` : `stage ${from?.index}`;
      ctx.report({
        instruction: target,
        range: target === stage.from ? stage.from.keywordRange : target.range,
        message: `The final image runs as root: it inherits \`USER ${user.word?.raw ?? user.value}\` (line ${user.instruction.line}) from ${parent}. Add a \`USER\` with an unprivileged user to the final stage${note}`,
        fix,
      });
      return;
    }
    const image = ctx.stage(stage).rootImage;
    if (image !== null && (nonRootTag(image) || isWindowsImage(image.expanded))) return;
    const chain = ctx.stage(stage).chain;
    if (!setsCommand(chain) || interactiveCommand(chain) || dropsPrivileges(chain) || selfDroppingServer(chain) !== null || buildsForWindows(ctx.file, chain)) return;
    const { fix, note, prepared } = planFix(ctx, stage);
    const target = reportTarget(stage);
    const where = target.keyword === 'FROM' ? 'the end of the stage' : `\`${target.keyword}\``;
    if (prepared !== null) {
      ctx.report({ instruction: target, range: target === stage.from ? stage.from.keywordRange : target.range, message: `The final image runs as root: ${prepared} before ${where}`, fix });
      return;
    }
    const name = image && !image.unresolved ? `\`${image.expanded}\`` : image ? `the base image (\`${image.raw}\`, a build argument)` : 'the base image';
    ctx.report({
      instruction: target,
      range: target === stage.from ? stage.from.keywordRange : target.range,
      message: `The final image runs as root: no USER is set, so ${name} runs its command as root. Add \`USER\` with an unprivileged user before ${where}${note}`,
      fix,
    });
  },
});
