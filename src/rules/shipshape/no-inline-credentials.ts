import { defineRule } from '../define.js';
import type { Instruction } from '../../parse/types.js';
import type { ShellWord } from '../../shell/types.js';
import { expandAt } from '../lib/buildkit.js';
import { placeholderValue } from '../lib/secrets.js';
import { effectiveCommand, type EffectiveCommand } from '../../shell/wrappers.js';
import { operandWords } from '../../shell/query.js';
import { cleanPath } from '../../parse/paths.js';
import { withOnbuild } from '../lib/hadolint.js';

/** Variables that hold credentials by convention (Trivy DS031's list, extended with common CI and registry tokens). */
const SECRET_VARS = new Set([
  'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN',
  'AZURE_CLIENT_SECRET', 'AZURE_CLIENT_CERTIFICATE_PASSWORD', 'ARM_CLIENT_SECRET',
  'GITHUB_TOKEN', 'GH_TOKEN', 'GITHUB_PAT', 'GITLAB_TOKEN', 'CI_JOB_TOKEN', 'BITBUCKET_TOKEN',
  'NPM_TOKEN', 'NODE_AUTH_TOKEN', 'YARN_NPM_AUTH_TOKEN',
  'OPENAI_API_KEY', 'ANTHROPIC_API_KEY', 'GOOGLE_API_KEY', 'GEMINI_API_KEY', 'MISTRAL_API_KEY', 'GROQ_API_KEY',
  'HF_TOKEN', 'HUGGING_FACE_HUB_TOKEN', 'HUGGINGFACE_TOKEN',
  'DOCKERHUB_PASSWORD', 'DOCKERHUB_TOKEN', 'DOCKER_PASSWORD', 'DOCKER_AUTH_CONFIG',
  'HEROKU_API_KEY', 'DIGITALOCEAN_ACCESS_TOKEN', 'CLOUDFLARE_API_TOKEN', 'VAULT_TOKEN',
  'SENTRY_AUTH_TOKEN', 'CODECOV_TOKEN', 'SNYK_TOKEN', 'SONAR_TOKEN', 'DATABRICKS_TOKEN',
  'SLACK_BOT_TOKEN', 'SLACK_TOKEN', 'STRIPE_SECRET_KEY', 'TWINE_PASSWORD', 'PYPI_TOKEN', 'POETRY_PYPI_TOKEN_PYPI',
]);
/** Front-end build tools expose variables with these prefixes to the browser bundle. */
const PREFIXES = ['VITE_', 'REACT_APP_', 'NEXT_PUBLIC_'];
/** Variables that name a credentials file. */
const SECRET_FILE_VARS = new Set(['GOOGLE_APPLICATION_CREDENTIALS', 'AWS_CONFIG_FILE', 'AWS_SHARED_CREDENTIALS_FILE', 'HF_TOKEN_PATH', 'KUBECONFIG']);

function isSecretVar(name: string): boolean {
  if (SECRET_VARS.has(name)) return true;
  return PREFIXES.some((p) => name.startsWith(p) && SECRET_VARS.has(name.slice(p.length)));
}

const LOGIN_TOOLS = new Set(['docker', 'podman', 'buildah', 'skopeo', 'nerdctl', 'crane', 'oras', 'helm']);
const NODE_PM = new Set(['npm', 'yarn', 'pnpm']);
/** A URL whose user-info comes from a variable: `https://${GITHUB_TOKEN}@github.com/...`. */
// The scheme starts a token (lookbehind) and the user-info is checked with a lookahead, so the match is
// linear: the plain form backtracked quadratically on long words (a 1 MB RUN line never finished).
const URL_WITH_VAR_CREDENTIALS = /(?<![a-z0-9+.-])[a-z][a-z0-9+.-]*:\/\/(?=[^/\s@]*@)[^/\s@]*?\$\{?[A-Za-z_]/i;

/** The word of a credential-setup command, with what it does; null when the command is not one. */
function credentialSetup(eff: EffectiveCommand): { word: ShellWord; what: string } | null {
  const values = eff.args.map((a) => a.value);
  const pos = operandWords(eff.args).map((w) => w.value);
  const has = (...names: string[]): number => values.findIndex((v) => names.some((n) => v === n || v.startsWith(n + '=')));
  const word = eff.nameWord;
  switch (eff.name) {
    case 'aws':
      if (pos[0] === 'configure' && pos[1] === 'set' && /(^|\.)aws_(access_key_id|secret_access_key|session_token)$/.test(pos[2] ?? '')) return { word, what: `\`aws configure set ${pos[2]}\` writes an AWS credential into the image` };
      return null;
    case 'gcloud':
      if (pos[0] === 'auth' && pos[1] === 'activate-service-account') return { word, what: '`gcloud auth activate-service-account` stores a service-account credential in the image' };
      return null;
    case 'az':
      if (pos[0] === 'login' && has('-p', '--password', '--federated-token', '--service-principal') >= 0) return { word, what: '`az login` with a password or token stores an Azure credential in the image' };
      return null;
    case 'doctl':
      if (pos[0] === 'auth' && pos[1] === 'init' && has('-t', '--access-token') >= 0) return { word, what: '`doctl auth init -t` stores a DigitalOcean token in the image' };
      return null;
    case 'gh':
      if (pos[0] === 'auth' && pos[1] === 'login' && has('--with-token') >= 0) return { word, what: '`gh auth login --with-token` stores a GitHub token in the image' };
      return null;
    case 'kubectl':
      if (pos[0] === 'config' && pos[1] === 'set-credentials' && has('--token', '--password', '--client-key') >= 0) return { word, what: '`kubectl config set-credentials` stores a cluster credential in the image' };
      return null;
    case 'huggingface-cli':
    case 'hf':
      if (pos.includes('login') && has('--token') >= 0) return { word, what: `\`${eff.name} login --token\` stores a Hugging Face token in the image` };
      return null;
  }
  if (LOGIN_TOOLS.has(eff.name) && pos.includes('login') && has('-p', '--password') >= 0) {
    return { word, what: `\`${eff.name} login -p\` puts a registry password on the command line and stores it in the image` };
  }
  if (NODE_PM.has(eff.name) && (pos[0] === 'config' || pos[0] === 'set')) {
    const key = pos.find((v) => /(^|:)(_authToken|_auth|_password|npmAuthToken|npmAuthIdent)(=|$)/.test(v));
    if (key) return { word, what: `\`${eff.name} config set ${key.replace(/=.*$/, '=…')}\` writes a registry token into the image's .npmrc` };
  }
  const authToken = eff.args.find((a) => /:_(authToken|auth|password)=\S/.test(a.value));
  if (authToken) return { word: authToken, what: 'an npm registry token is written into a file of the image' };
  const url = eff.args.find((a) => URL_WITH_VAR_CREDENTIALS.test(a.value));
  if (url) return { word: url, what: 'a URL with credentials from a build variable ends up in the image (and its history)' };
  return null;
}

/** Credentials set up in the final image (Trivy DS031). */
export default defineRule({
  id: 'no-inline-credentials',
  severity: 'error',
  summary: 'Credentials are set up in the image without a secret mount',
  origin: 'shipshape',
  category: 'security',
  aliases: ['DS031', 'DS-0031'],
  fix: 'none',
  docs: {
    description:
      'Reports, in the final stage and the stages it is built from (`FROM <stage>`): (1) `ARG` or `ENV` of a variable that holds a credential by convention — `AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY`, `AWS_SESSION_TOKEN`, `AZURE_CLIENT_SECRET`, `GITHUB_TOKEN`, `GH_TOKEN`, `NPM_TOKEN`, `NODE_AUTH_TOKEN`, `OPENAI_API_KEY`, `HF_TOKEN`, `DOCKERHUB_PASSWORD`, `HEROKU_API_KEY` and similar — also behind the front-end prefixes `VITE_`, `REACT_APP_` and `NEXT_PUBLIC_`; (2) `ENV`/`ARG` of a credentials-file variable (`GOOGLE_APPLICATION_CREDENTIALS`, `AWS_CONFIG_FILE`, `AWS_SHARED_CREDENTIALS_FILE`, `HF_TOKEN_PATH`, `KUBECONFIG`) pointing into a COPY/ADD destination; (3) a COPY/ADD whose source is such a variable; (4) a RUN without `--mount=type=secret` that sets credentials up: `aws configure set aws_access_key_id/aws_secret_access_key/aws_session_token`, `gcloud auth activate-service-account`, `az login -p/--password/--federated-token`, `doctl auth init -t`, `gh auth login --with-token`, `kubectl config set-credentials --token/--password`, `docker`/`podman`/`helm ... login -p`, `npm`/`yarn`/`pnpm config set` of `_authToken`/`_auth`/`_password`/`npmAuthToken`, an `:_authToken=` line written by any command, or a URL whose credentials come from a variable (`https://${GITHUB_TOKEN}@github.com/...`). Builder stages that the final stage does not derive from are not checked: their layers do not ship.',
    why: 'ARG values are recorded in the image history (`docker history --no-trunc`) and ENV values in the image config; credentials written by RUN stay in a layer even if a later RUN deletes them. Anyone who can pull the image gets them. Pass build-time credentials with a secret mount — `RUN --mount=type=secret,id=npm_token,env=NPM_TOKEN npm ci`, built with `docker build --secret id=npm_token,env=NPM_TOKEN` — and run-time credentials from the orchestrator\'s secrets.',
    bad: 'FROM node:22-alpine\nARG NPM_TOKEN\nRUN npm config set //registry.npmjs.org/:_authToken "$NPM_TOKEN" && npm ci\n',
    good: 'FROM node:22-alpine\nRUN --mount=type=secret,id=npm_token,env=NPM_TOKEN \\\n    npm config set //registry.npmjs.org/:_authToken "$NPM_TOKEN" && npm ci && rm -f ~/.npmrc\n',
    differences:
      'Trivy DS031 checks only the last stage and matches commands as text; shipshape also checks the stages the final stage is built `FROM`, reads commands (behind `sudo`, in heredoc RUN), and covers registry logins, npm tokens and credential URLs. Like DS031 it does not judge other variable names by their words (BuildKit\'s SecretsUsedInArgOrEnv does), so names such as `GPG_KEY` holding public key fingerprints are not reported.',
  },
  check(ctx) {
    const file = ctx.file;
    const finals = new Set(file.stages.filter((s) => ctx.stage(s).inFinalImage).map((s) => s.index));
    const inFinal = (instr: Instruction): boolean => finals.has(instr.stageIndex);
    /** A path as BuildKit resolves it against the WORKDIR in effect at `instr`, cleaned; null when unknown. */
    const resolve = (instr: Instruction, value: string): string | null => {
      const r = expandAt(file, ctx.scope(instr), value);
      if (r.error !== null || r.value === '') return null;
      if (r.value.startsWith('/')) return cleanPath(r.value);
      const wd = ctx.facts(instr).workdir.path;
      return wd === null ? null : cleanPath(`${wd}/${r.value}`);
    };
    // COPY/ADD destinations of the final stages, absolute and cleaned.
    const destinations: string[] = [];
    for (const instr of file.instructions) {
      if (!inFinal(instr) || (instr.keyword !== 'COPY' && instr.keyword !== 'ADD')) continue;
      const dest = ctx.facts(instr).copy!.asWritten.dest;
      const path = dest && resolve(instr, dest.value);
      if (path) destinations.push(path);
    }

    for (const { instr, wrapper } of withOnbuild(file, true)) {
      const owner = wrapper ?? instr;
      if (!inFinal(owner)) continue;
      if (instr.keyword === 'ARG' || instr.keyword === 'ENV') {
        for (const pair of instr.pairs) {
          // `ENV AWS_SECRET_ACCESS_KEY=""` (or a placeholder such as `YOUR_TOKEN`) stores no credential; `ARG X` without default still records the build value.
          if (isSecretVar(pair.key) && !(instr.keyword === 'ENV' && (pair.value === '' || (pair.value !== null && !/\$/.test(pair.rawValue ?? '') && placeholderValue(pair.value, pair.key))))) {
            ctx.report({
              instruction: owner,
              range: pair.keyRange,
              message: instr.keyword === 'ARG'
                ? `ARG ${pair.key} passes a credential into the final image's build, where its value is kept in the image history: use a secret mount (RUN --mount=type=secret,id=...,env=${pair.key.replace(/^(VITE_|REACT_APP_|NEXT_PUBLIC_)/, '')}) instead`
                : `ENV ${pair.key} stores a credential in the image config, readable by anyone with the image: pass it at run time, or use a secret mount during the build`,
            });
            continue;
          }
          if (SECRET_FILE_VARS.has(pair.key) && pair.value) {
            const target = resolve(owner, pair.value);
            if (target === null) continue;
            if (!destinations.some((d) => target === d || target.startsWith(d === '/' ? '/' : d + '/'))) continue;
            ctx.report({
              instruction: owner,
              range: pair.range,
              message: `${instr.keyword} ${pair.key} points at ${target}, a credentials file copied into the image: mount it at run time (a volume or the orchestrator's secret) instead of copying it`,
            });
          }
        }
      } else if (instr.keyword === 'COPY' || instr.keyword === 'ADD') {
        for (const src of ctx.facts(instr).copy!.asWritten.sources) {
          const m = /^\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?$/.exec(src.value);
          if (!m || !SECRET_FILE_VARS.has(m[1])) continue;
          ctx.report({
            instruction: owner,
            range: src.range,
            message: `${instr.keyword} ${src.value} copies the credentials file named by ${m[1]} into the image: mount it at run time instead`,
          });
        }
      }
    }

    for (const { run, reportOn: owner, commands } of ctx.runs()) {
      if (!inFinal(owner) || ctx.facts(run).mounts.some((m) => m.type === 'secret' || m.type === 'ssh')) continue;
      for (const cmd of commands) {
        const hit = credentialSetup(effectiveCommand(cmd));
        if (!hit) continue;
        ctx.report({
          instruction: owner,
          range: hit.word.range,
          message: `${hit.what[0].toUpperCase()}${hit.what.slice(1)}: use a secret mount (RUN --mount=type=secret,id=...) so the credential never reaches a layer`,
        });
      }
    }
  },
});
