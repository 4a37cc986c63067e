import type { ShellCommand } from '../../shell/types.js';
import { defineRule } from '../define.js';
import type { RuleContext } from '../../engine/types.js';
import type { Instruction } from '../../parse/types.js';
import { baseName, envAt } from '../lib/python-tools.js';

/** The migration tool a command runs (`manage.py migrate`, `flask db upgrade`, `alembic upgrade`), or null. */
function migrationOf(cmd: ShellCommand): string | null {
  const words = [cmd.name, ...cmd.args.map((a) => a.value)];
  const plain = words.filter((w) => !w.startsWith('-'));
  for (let i = 0; i < plain.length; i++) {
    const w = baseName(plain[i]);
    const next = plain[i + 1];
    if ((w === 'manage.py' || w === 'django-admin' || w === 'django-admin.py') && next === 'migrate') return `${w} migrate`;
    if (w === 'django' && plain[i - 1] === undefined && next === 'migrate') return 'django migrate';
    if (w === 'flask' && next === 'db' && plain[i + 2] === 'upgrade') return 'flask db upgrade';
    if (w === 'alembic' && next === 'upgrade') return 'alembic upgrade';
  }
  if (/^python/.test(baseName(cmd.name))) {
    const a = cmd.args.map((x) => x.value);
    const m = a.indexOf('-m');
    if (m >= 0 && a[m + 1] === 'django' && a.slice(m + 2).includes('migrate')) return 'python -m django migrate';
  }
  return null;
}

const DB_SERVER = /^(postgresql(-\d+)?|postgres|mysql|mysqld|mariadb|mongod|mongodb)$/;

/**
 * True when the command starts a database server inside the build container: `service postgresql
 * start`, `/etc/init.d/mysql start`, `systemctl start mariadb`, `pg_ctl ... start`, `pg_ctlcluster 16
 * main start`, `mysqld_safe`, `mysqld`/`postgres` run directly (also behind `sudo -u postgres`).
 */
function startsDatabase(cmd: ShellCommand): boolean {
  // Words of `su postgres -c "pg_ctl ... start"` scripts too.
  const words = [cmd.name, ...cmd.args.flatMap((a) => a.value.split(/\s+/))].map(baseName);
  if (words.some((w) => w === 'mysqld_safe')) return true;
  if (/^(mysqld|postgres|mongod)$/.test(baseName(cmd.name))) return true;
  if (words.includes('start') && words.some((w) => /^(pg_ctl|pg_ctlcluster)$/.test(w))) return true;
  return words.some((w, i) => DB_SERVER.test(w) && (words[i + 1] === 'start' || words[i - 1] === 'start'));
}

/** A SQLite `DATABASE_URL` (`sqlite:///tmp/db.sqlite3`): a throw-away file, no database server. */
const SQLITE_URL = /^sqlite:/i;

/**
 * A database server named in the build: a URL scheme, a Python driver, a Django backend, a client
 * package or a host variable. A bare word (`ARG POSTGRES=False`, a `postgres_support.sh` switch) is not enough.
 */
const EXTERNAL_DB = /(postgres(ql)?|mysql|mariadb):\/\/|psycopg|mysqlclient|mysql-python|pymysql|backends\.(postgresql|mysql)|\b(DATABASE|DB|POSTGRES|MYSQL|PG)_HOST\b|postgresql-client|mysql-client|mariadb-client|libpq|libmysqlclient/i;
/** A SQLite database named in the build: the word, a `*.db`/`*.sqlite3` file, askbot's `--db-engine` 2. */
const SQLITE = /sqlite|[\w-]\.db(\s|$|["';&|])|--db-engine[= ]\S*\b2\b/i;

/**
 * What the stage of `run` shows about its database: `external` when any of its instructions (its
 * ancestry included) names a database server, `sqlite` when they name only SQLite, else `unknown`.
 */
function databaseKind(ctx: RuleContext, run: Instruction): 'external' | 'sqlite' | 'unknown' {
  const stage = ctx.file.stages[run.stageIndex];
  const texts = ctx.stage(stage).chain.flatMap((s) => s.instructions.map((i) => i.argsAfterFlags.text));
  if (texts.some((t) => EXTERNAL_DB.test(t))) return 'external';
  if (texts.some((t) => SQLITE.test(t))) return 'sqlite';
  return 'unknown';
}

/** A data-loading command of Django's manage.py or Flask's CLI: `loaddata`, or one named for demo/seed/fixture data (`demo_content`, `seed_db`). */
const SEEDS = /^loaddata$|(^|[_-])(demo|seed|seeds|populate|fixtures?|sample|samples|initial)([_-]|$)/i;

/**
 * True when the build loads data into the database after migrating it (`manage.py loaddata`,
 * `manage.py demo_content`, `flask seed-db`) in the same stage or one it is built on: a pre-populated
 * database the image ships, which only works with a database file inside the image (a build reaches
 * no server that would keep the data for the container), so the "database server" wording does not
 * describe it even when the stage installs a client library such as `libpq-dev`.
 */
function seedsAfter(ctx: RuleContext, run: Instruction, migration: ShellCommand): boolean {
  const stage = ctx.file.stages[run.stageIndex];
  const chain = ctx.stage(stage).chain;
  for (const { run: other, commands } of ctx.runs({ onbuild: false })) {
    const s = ctx.facts(other).stage;
    if (s === null || !chain.includes(s) || other.range.start.offset < run.range.start.offset) continue;
    for (const cmd of commands) {
      if (other === run && cmd.index <= migration.index) continue;
      const words = [cmd.name, ...cmd.args.map((a) => a.value)].filter((w) => !w.startsWith('-')).map(baseName);
      const at = words.findIndex((w) => w === 'manage.py' || w === 'django-admin' || w === 'django-admin.py' || w === 'flask');
      if (at >= 0 && SEEDS.test(words[at + 1] ?? '')) return true;
    }
  }
  return false;
}

/** Fires when a RUN applies database migrations at build time. */
export default defineRule({
  id: 'no-migrate-at-build',
  severity: 'warning',
  summary: 'Do not run database migrations while building the image',
  origin: 'shipshape',
  category: 'python',
  fix: 'none',
  docs: {
    description:
      'Reports a `RUN` (any stage) that applies database migrations: `manage.py migrate` (also `./manage.py`, `django-admin migrate`, `python -m django migrate`), `flask db upgrade` (Flask-Migrate) and `alembic upgrade`. `--help` and `showmigrations`/`makemigrations` are not migrations. Not reported either: a migration after the same `RUN` started a database server inside the build container (`service postgresql start`, `/etc/init.d/mysql start`, `pg_ctl start`, `mysqld_safe`: an all-in-one image seeding its own database, whose design is another question), and a migration against an explicit throw-away SQLite database — `DATABASE_URL=sqlite:...` on the command itself, or an `ENV DATABASE_URL=sqlite:////tmp/...` demo fallback — since no real database is reached. The message says what the build shows: when the migration is followed, in the same stage or one built on it, by loading data (`manage.py loaddata`, or a command named for demo, seed, sample or fixture data such as `manage.py demo_content` or `flask seed-db`), the image ships a pre-populated database, which only works with a database file inside it, so the SQLite wording below is used even when the stage installs a client library (`libpq-dev` builds a driver; it is no server the build could reach); otherwise a database server (a stage instruction naming a `postgres://`/`mysql://` URL, a driver such as psycopg or mysqlclient, a Django postgresql/mysql backend, a client library such as `libpq`, or a `DB_HOST`-style variable) the build should not reach; a SQLite file (`sqlite`, a `*.db` file, askbot\'s `--db-engine` 2) baked into the image layer, whose runtime writes are lost on redeploy unless it is on a volume; or, when nothing shows which, both cases. No fix: the migration belongs in the container\'s start-up (an entrypoint script or a one-off job), which the rule cannot write for you.',
    why: 'A build has no access to the production database (and should not): the migration either fails, or runs against whatever `DATABASE_URL` the build happens to see — a SQLite file that is then baked into the image with its data (and never migrated again once a volume holds it), or worse, a real database reached from a CI runner. Migrations must run once per deployment against the real database, as a release step or in the entrypoint before the server starts.',
    bad: 'FROM python:3.12.4-slim\nCOPY . /app\nWORKDIR /app\nRUN python manage.py migrate --noinput\nCMD ["gunicorn", "site.wsgi"]\n',
    good: 'FROM python:3.12.4-slim\nCOPY . /app\nWORKDIR /app\nCMD ["sh", "-c", "python manage.py migrate --noinput && exec gunicorn site.wsgi"]\n',
  },
  check(ctx) {
    for (const { run, commands } of ctx.runs()) {
      let ownDatabase = false;
      for (const cmd of commands) {
        if (startsDatabase(cmd)) ownDatabase = true;
        if (cmd.args.some((a) => a.value === '--help' || a.value === '-h')) continue;
        const tool = migrationOf(cmd);
        if (tool === null) continue;
        // An all-in-one image seeding the database server it started itself in the same RUN.
        if (ownDatabase) continue;
        // An explicit throw-away SQLite database on the command, or a demo fallback under /tmp in ENV.
        const inline = cmd.assignments.find((a) => a.name === 'DATABASE_URL')?.value;
        if (inline !== undefined && SQLITE_URL.test(inline)) continue;
        const env = envAt(ctx, run, 'DATABASE_URL');
        if (inline === undefined && env !== undefined && SQLITE_URL.test(env) && /^sqlite:\/\/\/\/?tmp\//i.test(env)) continue;
        // Data loaded after the migration stays in the image only with a database file inside it: the SQLite case,
        // whatever client library the stage installs.
        const kind = seedsAfter(ctx, run, cmd) ? 'sqlite' : databaseKind(ctx, run);
        const message =
          kind === 'external'
            ? `\`${tool}\` at build time needs a database the build should not reach, and bakes whatever it migrated into the image: run migrations when the container starts or as a release step`
            : kind === 'sqlite'
              ? `\`${tool}\` at build time writes the schema into a SQLite file in the image layer: unless that file is on a volume, whatever the container writes to it is lost on every redeploy, and a new image's migrations never reach the volume's copy: run migrations when the container starts`
              : `\`${tool}\` at build time either reaches a database server from the build, or creates a database file (SQLite) in the image layer, where whatever the container writes is lost on every redeploy unless it is on a volume: run migrations when the container starts or as a release step`;
        ctx.report({ at: cmd, message });
      }
    }
  },
});
