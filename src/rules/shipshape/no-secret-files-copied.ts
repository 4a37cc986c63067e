import { defineRule } from '../define.js';
import { dockerignoreMatcher } from '../../context/dockerignore.js';
import { expandAt } from '../lib/buildkit.js';
import { cleanPath } from '../../parse/paths.js';
import { secretFileKind } from '../lib/secrets.js';
import { filesOfSource, listingHas } from '../lib/copy-sources.js';
import type { BuildContext } from '../../engine/types.js';

const GLOB = /[*?[]/;

/** Credentials files copied from the build context into the image. */
export default defineRule({
  id: 'no-secret-files-copied',
  severity: 'error',
  summary: 'A credentials file is copied into the image',
  origin: 'shipshape',
  category: 'security',
  fix: 'none',
  readsDoubtfulContext: true,
  docs: {
    description:
      'Reports COPY and ADD from the build context (not URLs; `--from` only when it names an additional build context that is a local directory — `--build-context NAME=DIR`, Compose `additional_contexts` — whose files and own root `.dockerignore` are then read) that take credentials files: `.env` and `.env.*` (templates such as `.env.example` excepted), SSH private keys (`id_rsa`, `id_ed25519`, ...), `*.key`, `*.p12`/`*.pfx`, Java key stores, PuTTY keys, `.netrc`, `.git-credentials`, `.pgpass`, `.htpasswd`, `.vault-token`, `.aws/credentials`, `.docker/config.json` with auths, kube configs, Google `application_default_credentials.json` and service-account key files, plus — when the build context can be read — `*.pem`/`*.crt` files holding a private key and `.npmrc`/`.yarnrc.yml`/`.pypirc` holding a literal token or password. A file named explicitly is judged by its name (and content when the context is known); a directory, a glob or the whole context (`COPY . .`) is expanded against the build context, minus what `.dockerignore` excludes, and is not judged when the context is unknown (standard input). `ONBUILD COPY` is not checked: it copies from the context of the downstream build. Unlike the other context rules it also reads a folder the CLI judges a doubtful build context (most `COPY` sources of the Dockerfile exist only in an enclosing folder): a Dockerfile cannot silence it by naming sources that exist elsewhere.',
    why: 'Whatever COPY takes ends up in a layer of the image: deleting it in a later step does not remove it, and anyone who can pull the image can read it. `COPY . .` silently takes every file of the project directory — the developer\'s `.env`, a stray key — unless `.dockerignore` stops it. List such files in `.dockerignore`, pass build-time credentials with `RUN --mount=type=secret`, and mount run-time ones from the orchestrator.',
    bad: 'FROM node:22-alpine\nWORKDIR /app\nCOPY . .\nRUN npm ci\n',
    good: 'FROM node:22-alpine\nWORKDIR /app\nCOPY package.json ./\nRUN npm ci\nCOPY src/ ./src/\n',
    files: { 'package.json': '{"name":"app"}\n', 'src/index.js': 'console.log(1);\n', '.env': 'DATABASE_URL=postgres://app:local-password@db/app\n' },
    differences:
      'Adding `.env` to `.dockerignore` also fixes the `bad` example. Dockle (CIS-DI-0010) finds such files in a built image; shipshape finds them before the build, from the Dockerfile and its context.',
  },
  check(ctx) {
    // Per context read (the build context, or an additional context named by --from): its
    // file listing and what its .dockerignore lets through, each computed once.
    type View = { listed: () => string[]; sent: (f: string) => boolean };
    const views = new Map<BuildContext | null, View>();
    const viewOf = (context: BuildContext | null): View => {
      let v = views.get(context);
      if (!v) {
        const ignoreFile = context?.dockerignore() ?? null;
        let listedCache: string[] | null = null;
        const ignore = ignoreFile ? dockerignoreMatcher(ignoreFile.content) : null;
        // Whether .dockerignore lets a file through, asked once per file however many sources take it.
        const verdicts = new Map<string, boolean>();
        const sent = (f: string): boolean => {
          if (!ignore) return true;
          let ok = verdicts.get(f);
          if (ok === undefined) verdicts.set(f, (ok = !ignore.ignores(f)));
          return ok;
        };
        v = { listed: () => (listedCache ??= context ? context.listFiles() : []), sent };
        views.set(context, v);
      }
      return v;
    };
    for (const instr of ctx.file.instructions) {
      if (instr.keyword !== 'COPY' && instr.keyword !== 'ADD') continue;
      const fromFlag = instr.flags.find((f) => f.name === 'from');
      const context = ctx.contextOf(instr);
      // --from a stage or an image (or a named context that cannot be read): not files of a context.
      if (fromFlag && context === null) continue;
      const named = fromFlag ? ctx.facts(instr).copy?.fromContext ?? null : null;
      const { listed, sent } = viewOf(context);
      const scope = ctx.scope(instr);
      for (const src of ctx.facts(instr).copy!.asWritten.sources) {
        if (!instr.execForm && src.raw.startsWith('<<')) continue;
        const r = expandAt(ctx.file, scope, src.raw);
        if (r.error !== null || r.value === '') continue;
        const value = r.value;
        if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value) || value.startsWith('git@')) continue;
        const clean = cleanPath(value.replace(/\\/g, '/')).replace(/^\/+/, '');
        let hits: { path: string; kind: string }[] = [];
        const explicitFile = !GLOB.test(clean) && clean !== '.' && clean !== '' && (!context || listingHas(listed(), clean) || !context.exists(clean));
        if (explicitFile) {
          if (!sent(clean)) continue;
          const content = context ? context.readFile(clean) : null;
          // Judged by name only: a `.key`/`.pem` copied to a public-key place (`/war/jenkins-key.pub`,
          // `/usr/share/keyrings/`) is a public key.
          const dest = ctx.facts(instr).copy!.asWritten.dest?.value ?? '';
          if (content === null && /\.(key|pem)$/i.test(clean) && /(\.(pub|asc|gpg)$|keyrings?\/|trusted\.gpg|public)/i.test(dest)) continue;
          const kind = secretFileKind(clean, content);
          if (kind) hits = [{ path: clean, kind }];
        } else if (context) {
          // The files the source takes (the file, everything under a directory, what a glob matches), minus
          // what .dockerignore excludes.
          for (const f of filesOfSource(listed(), clean).filter(sent)) {
            const kind = secretFileKind(f, () => context.readFile(f));
            if (kind) hits.push({ path: f, kind });
          }
        }
        if (hits.length === 0) continue;
        const shown = hits.slice(0, 3).map((h) => `${h.path} (${h.kind})`).join(', ');
        const more = hits.length > 3 ? ` and ${hits.length - 3} more` : '';
        const whole = !explicitFile;
        ctx.report({
          instruction: instr,
          range: src.range,
          message: whole
            ? `${instr.keyword} ${src.value} copies credentials from ${named ? `the build context \`${named}\`` : 'the build context'} into the image: ${shown}${more}; exclude them in .dockerignore and pass secrets with RUN --mount=type=secret`
            : `${instr.keyword} ${src.value} copies a credentials file (${hits[0].kind}) into the image: do not copy it; pass it with RUN --mount=type=secret at build time or mount it at run time`,
        });
      }
    }
  },
});
