/**
 * Users: what a USER instruction sets (expanded, root or not), and the users a stage prepares for itself: the accounts its RUNs create (`useradd`, `adduser`), and the owners
 * it gives files to (`chown`, `COPY --chown`). require-non-root-user reuses them instead of inventing a
 * new user, so that the directories the project already made writable stay writable.
 *
 * No `node:` imports: rules run in browsers and language servers too.
 */
import type { Instruction, Stage } from '../../parse/types.js';
import type { BuildContext, RuleContext } from '../../engine/types.js';
import type { ShellCommand } from '../../shell/types.js';
import { positionalArgs } from '../../shell/query.js';
import type { Word } from '../../parse/types.js';
import { expandWord } from '../../parse/expand.js';
import { scopeLookup } from '../../parse/semantics.js';
import { normaliseSource } from './copy-sources.js';
import { programName, startsInteractive } from './programs.js';

/**
 * Expands a word of an instruction with the ARG/ENV values visible there. Null when the expansion fails,
 * or when it uses a variable without a value and gives nothing (`$APP_USER` with `ARG APP_USER`);
 * defaults apply (`${UID:-0}` is `0`).
 */
function expandedValue(ctx: RuleContext, instr: Instruction, word: string): string | null {
  const r = expandWord(word, scopeLookup(ctx.scope(instr)), { escape: ctx.file.escape });
  if (r.error !== null) return null;
  if (r.unmatched.length > 0 && r.value.trim().replace(/^:|:$/g, '') === '') return null;
  return r.value;
}

/** The USER instructions of a stage (not those inside ONBUILD), in order. */
export function userInstructions(stage: Stage): Instruction[] {
  return stage.instructions.filter((i) => i.keyword === 'USER');
}

/** What a USER instruction sets. */
export interface UserValue {
  instruction: Instruction;
  /** The user word (`root`, `${APP_USER}`, `10001:10001`). */
  word: Word | null;
  /** The value after ARG/ENV expansion; null when it depends on an unknown variable. */
  value: string | null;
  /** True when the user part (before `:`) is `root` or `0`. */
  root: boolean;
}

/** True when a USER value names root: the user part before `:` is `root` or uid `0`. */
function isRootUser(value: string): boolean {
  const user = value.trim().split(':')[0];
  return user === 'root' || /^0+$/.test(user);
}

/** Reads a USER instruction, expanding variables with the scope just before it. */
export function readUser(ctx: RuleContext, instr: Instruction): UserValue {
  const word = instr.words[0] ?? null;
  const raw = word ? word.raw : instr.argsAfterFlags.text;
  const value = raw.trim() === '' ? null : expandedValue(ctx, instr, raw);
  return { instruction: instr, word, value, root: value !== null && value.trim() !== '' && isRootUser(value) };
}

/** A user a stage creates or hands files to. */
export interface PreparedUser {
  /** `created`: by useradd/adduser (login name); `owner`: by chown or `--chown` (owner spec as written, `user[:group]`). */
  how: 'created' | 'owner';
  /** `saleor`, `django`, `1000:2000`, `unit:root` (variables expanded). */
  spec: string;
  /** The instruction that creates it or hands files to it. */
  instruction: Instruction;
}

/**
 * Options of shadow-utils `useradd`, Debian `adduser` and BusyBox `adduser` that take a separate value:
 * the word after them is not the login name.
 */
const ACCOUNT_VALUE_FLAGS = [
  'b', 'c', 'd', 'e', 'f', 'g', 'G', 'h', 'k', 'K', 'p', 'R', 'P', 's', 'u', 'Z',
  'base-dir', 'comment', 'home-dir', 'home', 'expiredate', 'inactive', 'gid', 'groups', 'skel', 'key',
  'password', 'root', 'prefix', 'shell', 'uid', 'selinux-user', 'ingroup', 'gecos', 'firstuid', 'lastuid', 'conf',
];

/** The login name a `useradd`/`adduser` command creates (its first positional argument), or null. */
function createdName(cmd: ShellCommand): string | null {
  const pos = positionalArgs(cmd, { valueFlags: ACCOUNT_VALUE_FLAGS });
  // `adduser USER GROUP` (two names) adds an existing user to a group: it creates nobody.
  if (cmd.name === 'adduser' && pos.length >= 2) return null;
  return pos[0]?.value ?? null;
}

/** Resolves `${VAR}` in a shell word with the ARG/ENV values of the instruction; null when unknown. */
function resolveWord(ctx: RuleContext, instr: Instruction, value: string): string | null {
  if (!value.includes('$')) return value;
  if (value.includes('$(')) return null;
  return expandedValue(ctx, instr, value);
}

/**
 * Users the stages prepare, in build order (ancestors first). Root owners (`root`, `0`, `root:root`) are
 * left out: handing files to root prepares no unprivileged user.
 */
export function preparedUsers(ctx: RuleContext, chain: readonly Stage[]): PreparedUser[] {
  const out: PreparedUser[] = [];
  for (const stage of [...chain].reverse()) {
    for (const instr of stage.instructions) {
      if (instr.keyword === 'RUN') {
        for (const cmd of ctx.commands(instr)) {
          if (cmd.name === 'useradd' || cmd.name === 'adduser') {
            const name = createdName(cmd);
            const value = name === null ? null : resolveWord(ctx, instr, name);
            if (value && !isRootUser(value)) out.push({ how: 'created', spec: value, instruction: instr });
          } else if (cmd.name === 'chown') {
            const owner = positionalArgs(cmd, { valueFlags: ['reference'] })[0];
            const value = owner ? resolveWord(ctx, instr, owner.value) : null;
            if (value && /^[\w.-]+(:[\w.-]*)?$/.test(value) && !isRootUser(value)) out.push({ how: 'owner', spec: value.replace(/:$/, ''), instruction: instr });
          }
        }
      } else if (instr.keyword === 'COPY' || instr.keyword === 'ADD') {
        const flag = instr.flags.find((f) => f.name === 'chown');
        const value = flag?.value ? resolveWord(ctx, instr, flag.value) : null;
        if (value && !isRootUser(value)) out.push({ how: 'owner', spec: value, instruction: instr });
      }
    }
  }
  return out;
}

/**
 * The user to switch to: the one the stages hand files to, preferring a created account that also owns
 * files (saleor: `useradd saleor` then `chown -R saleor:saleor /app`), then the last created account,
 * then the last owner (bakerydemo: `chown -R 1000:2000 media`). Null when the stages prepare nobody.
 */
export function userToReuse(users: PreparedUser[]): PreparedUser | null {
  const created = users.filter((u) => u.how === 'created');
  const owners = users.filter((u) => u.how === 'owner');
  const userPart = (spec: string): string => spec.split(':')[0];
  for (let i = created.length - 1; i >= 0; i--) {
    if (owners.some((o) => userPart(o.spec) === created[i].spec)) return created[i];
  }
  return created[created.length - 1] ?? owners[owners.length - 1] ?? null;
}

/** Tools that only work as root, or that a root entrypoint uses to step down to another user. */
const NEEDS_ROOT = /(^|[\s;&|(`"'/])(sudo|gosu|su-exec|setpriv|s6-setuidgid|chpst|runuser|pg_createcluster|su\s+(?:-\S+\s+)*-c)(?=\s|$|["';])/m;

/**
 * What makes the image need root when it starts, or null: the ENTRYPOINT/CMD, or a script of the build
 * context that a COPY/ADD puts where the ENTRYPOINT/CMD runs it, calls `sudo`, `gosu`, `su-exec`,
 * `setpriv`, `runuser`, `su -c`, `pg_createcluster`... (mathesar's entrypoint runs `sudo -u postgres`).
 * Returns a short description (`/entrypoint.sh runs \`sudo\``).
 */
export function needsRootAtStart(chain: readonly Stage[], context: BuildContext | null): string | null {
  const all = chain.flatMap((s) => s.instructions);
  const starts = all.filter((i) => i.keyword === 'ENTRYPOINT' || i.keyword === 'CMD');
  for (const i of starts) {
    const m = NEEDS_ROOT.exec(i.argsAfterFlags.text);
    if (m) return `\`${i.keyword}\` runs \`${m[2].split(/\s/)[0]}\``;
  }
  if (!context) return null;
  // Scripts named by ENTRYPOINT/CMD, found by their destination in a COPY/ADD of the build context.
  const programs = new Set<string>();
  for (const i of starts) {
    const words = i.execForm ? i.words.map((w) => w.value) : i.argsAfterFlags.text.split(/\s+/);
    for (const w of words.slice(0, 3)) if (w.startsWith('/') || w.startsWith('./') || /\.(sh|bash)$/.test(w)) programs.add(w);
  }
  if (programs.size === 0) return null;
  for (const copy of all) {
    if ((copy.keyword !== 'COPY' && copy.keyword !== 'ADD') || copy.flags.some((f) => f.name === 'from')) continue;
    const words = copy.words.map((w) => w.value);
    if (words.length < 2) continue;
    const dest = words[words.length - 1];
    for (const src of words.slice(0, -1)) {
      const base = src.split('/').pop() ?? src;
      const hit = [...programs].some((p) => p === dest || (dest.endsWith('/') && p === dest + base) || p.split('/').pop() === base);
      if (!hit) continue;
      const text = context.readFile(normaliseSource(src));
      const m = text === null ? null : NEEDS_ROOT.exec(text);
      if (m) return `\`${src}\` runs \`${m[2].split(/\s/)[0]}\``;
    }
  }
  return null;
}

/**
 * Servers that start as root and drop privileges themselves, by program name (path and version suffix
 * removed), with where the unprivileged user comes from. Each needs root at start for the same reasons
 * (ports below 1024, log and pid files, reading keys) and hands the work to unprivileged processes:
 * - `nginx`, `openresty` (nginx): the master process stays root; worker processes, which handle every
 *   request, run as the `user` directive (default `nobody`; the official image sets `user nginx`);
 * - `httpd`, `apache2`, `apachectl`/`apache2ctl` and the official images' `httpd-foreground` and
 *   `apache2-foreground` wrappers: the parent stays root, children run as the `User`/`Group` directives
 *   (`daemon` in the official httpd image, `www-data` in php/wordpress `-apache`);
 * - `php-fpm` (also `php-fpm8.2`, `php-fpm82`): the master stays root, pool workers run as the pool's
 *   `user`/`group` (`www-data` in the official php `-fpm` images).
 * Daemons that stay root unless configured (lighttpd without `server.username`) are not listed.
 */
const SELF_DROPPING_SERVERS: ReadonlyMap<RegExp, string> = new Map([
  [/^(nginx|openresty)$/, 'nginx runs its worker processes as the `user` directive'],
  [/^(httpd|apache2|apachectl|apache2ctl|httpd-foreground|apache2-foreground)$/, 'Apache runs its children as the `User` directive'],
  [/^php-fpm[\d.]*$/, 'php-fpm runs its pool workers as the pool\'s `user`'],
]);

/** The last `keyword` instruction of the nearest stage of `chain` (the stage first, then its `FROM` ancestry) that has one. */
function lastInChain(chain: readonly Stage[], keyword: string): Instruction | null {
  for (const s of chain) {
    const found = s.instructions.filter((i) => i.keyword === keyword);
    if (found.length > 0) return found[found.length - 1];
  }
  return null;
}

/** The words of an ENTRYPOINT/CMD: the exec-form elements, or the shell-form text split at blanks. */
function commandWords(instr: Instruction): string[] {
  return instr.execForm ? [...(instr.json ?? [])] : instr.argsAfterFlags.text.trim().split(/\s+/).filter(Boolean);
}

/** The program an ENTRYPOINT/CMD runs: its first word without its path, or null when it has none. */
function programOf(instr: Instruction): string | null {
  const first = commandWords(instr)[0];
  return first ? programName(first) : null;
}

/**
 * True when the image's command only starts an interactive interpreter or shell (`python3`, `php -a`,
 * `irb`, `jshell`, `node`, `/bin/bash`) with no script or program to run: the official language images
 * and tool images whose users pass the command to `docker run` (cookiecutter-django's `aws` image runs
 * its maintenance scripts that way). The command is the ENTRYPOINT in effect, or, when there is none
 * (also `ENTRYPOINT []`) or it is a wrapper script (`docker-php-entrypoint`, `docker-entrypoint.sh`,
 * which end with `exec "$@"`), the CMD in effect; an exec-form ENTRYPOINT is followed by the CMD's
 * words, as Docker runs them. Arguments may only be options (`php -a`, `bash -l`); process wrappers are
 * looked through (`tini -- python3`). See {@link startsInteractive}.
 */
export function interactiveCommand(chain: readonly Stage[]): boolean {
  const entrypoint = lastInChain(chain, 'ENTRYPOINT');
  const entry = entrypoint ? commandWords(entrypoint) : [];
  const cmd = lastInChain(chain, 'CMD');
  const cmdWords = cmd ? commandWords(cmd) : [];
  if (entry.length === 0 || /entrypoint/i.test(programName(entry[0]))) return startsInteractive(cmdWords, { interpreters: true });
  // An exec-form ENTRYPOINT runs with the CMD as its arguments (`["tini", "--"]` + `["python3"]`,
  // `["python3"]` + `["app.py"]`), unless the CMD was inherited from a stage before the one that set
  // the ENTRYPOINT: Docker resets it then. A shell-form ENTRYPOINT ignores CMD.
  const stageOf = (i: Instruction): number => chain.findIndex((s) => s.instructions.includes(i));
  const args = entrypoint!.execForm && cmd && stageOf(cmd) <= stageOf(entrypoint!) ? cmdWords : [];
  return startsInteractive([...entry, ...args], { interpreters: true });
}


/**
 * When the image's command is a server that starts as root and drops privileges itself (see
 * {@link SELF_DROPPING_SERVERS}), a short description of how (`nginx runs its worker processes as the
 * \`user\` directive`), else null. The command is the ENTRYPOINT in effect, or, when that is a wrapper
 * script (`docker-entrypoint.sh`, which the official images end with `exec "$@"`), the CMD in effect;
 * each is the last one of the nearest stage of `chain` (the stage first, then its `FROM` ancestry) that
 * sets one.
 */
export function selfDroppingServer(chain: readonly Stage[]): string | null {
  for (const instr of [lastInChain(chain, 'ENTRYPOINT'), lastInChain(chain, 'CMD')]) {
    if (instr === null) continue;
    const program = programOf(instr);
    if (program === null) continue;
    for (const [pattern, how] of SELF_DROPPING_SERVERS) if (pattern.test(program)) return how;
  }
  return null;
}
