import { collectstaticAdvice } from '../lib/python-tools.js';
import { defineRule } from '../define.js';
import type { Range } from '../../parse/types.js';
import { withOnbuild } from '../lib/hadolint.js';

/** hadolint's list of well-known secret variable names (compared upper-cased). */
const KNOWN = new Set([
  'ACCESS_TOKEN', 'APPLICATION_KEY', 'APP_SECRET', 'AUTH_TOKEN', 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY',
  'BITTREX_API_KEY', 'BITTREX_API_SECRET', 'CF_PASSWORD', 'CF_USERNAME', 'CIRCLE_TOKEN', 'CI_DEPLOY_PASSWORD',
  'CI_DEPLOY_USER', 'DOCKERHUB_PASSWORD', 'DOCKER_EMAIL', 'DOCKER_PASSWORD', 'DOCKER_USERNAME', 'FACEBOOK_ACCESS_TOKEN',
  'FACEBOOK_APP_ID', 'FACEBOOK_APP_SECRET', 'FIREBASE_API_TOKEN', 'FIREBASE_TOKEN', 'FOSSA_API_KEY', 'GH_ENTERPRISE_TOKEN',
  'GH_TOKEN', 'GITHUB_ENTERPRISE_TOKEN', 'GITHUB_TOKEN', 'HEROKU_API_KEY', 'HEROKU_API_USER', 'NPM_AUTH_TOKEN', 'NPM_TOKEN',
  'OKTA_AUTHN_GROUPID', 'OKTA_CLIENT_ORGURL', 'OKTA_CLIENT_TOKEN', 'OKTA_OAUTH2_CLIENTID', 'OKTA_OAUTH2_CLIENTSECRET',
  'OPENAI_API_KEY', 'OS_PASSWORD', 'OS_USERNAME', 'POSTGRES_PASSWORD', 'SLACK_TOKEN', 'STRIPE_API_KEY', 'STRIPE_DEVICE_NAME',
  'TRAVIS_OS_NAME', 'TRAVIS_SECURE_ENV_VARS', 'TRAVIS_SUDO', 'VAULT_CLIENT_KEY', 'VAULT_TOKEN',
]);

/** hadolint's suspicious substrings (compared lower-cased). */
const SUBSTRINGS = ['api_key', 'client_key', 'password', 'private', 'secret', 'token', 'username'];

/**
 * Names that only point at a secret (a file, a path) or configure tooling: `POSTGRES_PASSWORD_FILE`
 * is the recommended way to pass a secret, not a secret.
 */
function isReference(name: string): boolean {
  return /_(FILE|PATH|DIR|FILENAME|LOCATION)$/i.test(name);
}

function isSensitive(name: string): boolean {
  if (isReference(name)) return false;
  if (KNOWN.has(name.toUpperCase())) return true;
  const lower = name.toLowerCase();
  return SUBSTRINGS.some((s) => lower.includes(s));
}

/** Secrets in ARG/ENV names. */
export default defineRule({
  id: 'DL3064',
  severity: 'warning',
  summary: 'Potentially sensitive data should not be used in the `ARG` or `ENV` commands',
  origin: 'hadolint',
  category: 'security',
  fix: 'none',
  docs: {
    description:
      'Reports `ARG` names and `ENV` keys (also inside ONBUILD) that look like secrets: a well-known secret variable (`AWS_SECRET_ACCESS_KEY`, `GITHUB_TOKEN`, `NPM_TOKEN`, `POSTGRES_PASSWORD`, … — 48 names, any case) or a name containing `api_key`, `client_key`, `password`, `private`, `secret`, `token` or `username`. Names ending in `_FILE`, `_PATH`, `_DIR`, `_FILENAME` or `_LOCATION` only point at a secret and are not reported, nor is an ENV that sets such a name to the empty string.',
    why: 'ARG and ENV values are stored in the image: ENV in its configuration and ARG values in the build history (`docker history`) of every layer that uses them. Anyone who can pull the image can read them. Pass secrets with `RUN --mount=type=secret` and at run time.',
    bad: 'FROM node:20\nARG NPM_TOKEN\nRUN npm ci\n',
    good: 'FROM node:20\nRUN --mount=type=secret,id=npm_token NPM_TOKEN="$(cat /run/secrets/npm_token)" npm ci\n',
    differences: 'Names ending in `_FILE`, `_PATH`, `_DIR`, `_FILENAME` or `_LOCATION` (`POSTGRES_PASSWORD_FILE=/run/secrets/db`, the pattern official images recommend for secrets) are not reported; hadolint reports them.',
  },
  check(ctx) {
    for (const { instr, wrapper } of withOnbuild(ctx.file, true)) {
      if (instr.keyword !== 'ARG' && instr.keyword !== 'ENV') continue;
      for (const pair of instr.pairs) {
        if (!isSensitive(pair.key)) continue;
        if (instr.keyword === 'ENV' && (pair.value ?? '') === '') continue;
        const range: Range = pair.keyRange;
        ctx.report({
          instruction: wrapper ?? instr,
          range,
          message: `\`${instr.keyword} ${pair.key}\` looks like a secret and would be stored in the image; pass it with \`RUN --mount=type=secret\` or at run time${collectstaticAdvice(ctx, wrapper ?? instr, pair.key)}`,
        });
      }
    }
  },
});
