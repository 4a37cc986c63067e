import { defineRule } from '../define.js';
import type { KeyValue } from '../../parse/types.js';

const DENY = /(?:_|^)(?:apikey|auth|credential|credentials|key|password|pword|passwd|secret|token)(?:_|$)/i;
const ALLOW = /(?:_|^)(?:public|file|version)(?:_|$)/i;

/** A word of the name saying the value is about OpenPGP keys (`GPG_KEY`, `WORDPRESS_CLI_GPG_KEY`, `PGP_KEY`). */
const PGP_NAME = /(?:_|^)(?:gpg|pgp|gnupg|openpgp)(?:_|$)/i;
/** Words that make a GPG name more than a key id (`GPG_PRIVATE_KEY`, `GPG_SECRET_KEY`, `GPG_KEY_PASSWORD`). */
const NOT_PUBLIC = /(?:_|^)(?:private|secret|password|passwd|pword|passphrase|token|auth|apikey|credentials?)(?:_|$)/i;
/** A long key id (16 hex digits), a v4 fingerprint (40) or a v5/v6 fingerprint (64), optionally `0x`-prefixed. */
const KEY_ID = /^(?:0x)?(?:[0-9a-f]{16}|[0-9a-f]{40}|[0-9a-f]{64})$/i;

/**
 * True when the pair names an OpenPGP key and its value is a literal list of key ids or fingerprints
 * (`ENV GPG_KEY 7169605F62C751356D054A26A821E680E5FA6305` in the official python images): those identify
 * public keys, published on key servers so that downloads can be verified, and are no secret. BuildKit
 * reports them; we deliberately do not.
 */
function publicKeyIds(pair: KeyValue): boolean {
  if (!PGP_NAME.test(pair.key) || NOT_PUBLIC.test(pair.key) || pair.value === null || pair.rawValue === null || pair.rawValue.includes('$')) return false;
  const ids = pair.value.trim().split(/[\s,]+/).filter((w) => w !== '');
  return ids.length > 0 && ids.every((w) => KEY_ID.test(w));
}

export default defineRule({
  id: 'SecretsUsedInArgOrEnv',
  severity: 'warning',
  summary: 'Sensitive data should not be used in the ARG or ENV instructions',
  origin: 'buildkit',
  category: 'security',
  fix: 'none',
  docs: {
    description:
      'Reports `ENV` keys and stage `ARG` names that look like secrets: one of the `_`-separated words of the name is `apikey`, `auth`, `credential(s)`, `key`, `password`, `pword`, `passwd`, `secret` or `token` (any case), and none is `public`, `file` or `version`. Only names are judged, with one deliberate difference from BuildKit, which reports it: a name with a `gpg`/`pgp`/`gnupg`/`openpgp` word (`GPG_KEY`, `WORDPRESS_CLI_GPG_KEY`) whose value is a literal list of OpenPGP long key ids or fingerprints (16, 40 or 64 hex digits, optionally `0x`) is not reported, unless another word of the name says more than a key id (`private`, `secret`, `password`, `passphrase`, `token`...). A short 8-digit key id is still reported: it is not evidently a key id, and short ids collide. Such a value names a public key (the official python and wordpress images pin the key that signs their downloads this way), so it is no secret; a value with a variable, or anything else, is still reported. ARGs before the first FROM are not checked. Docker documents the check at https://docs.docker.com/go/dockerfile/rule/secrets-used-in-arg-or-env/.',
    why: 'ENV values are stored in the image config and ARG values in the build history (`docker history`), where anyone who can pull the image can read them. Pass secrets with a secret mount instead: `RUN --mount=type=secret,id=npm_token,env=NPM_TOKEN npm ci`, built with `docker build --secret id=npm_token,env=NPM_TOKEN`.',
    bad: 'FROM node:22-alpine\nARG NPM_TOKEN\nRUN echo "//registry.npmjs.org/:_authToken=${NPM_TOKEN}" > .npmrc && npm ci\n',
    good: 'FROM node:22-alpine\nRUN --mount=type=secret,id=npm_token,env=NPM_TOKEN \\\n    echo "//registry.npmjs.org/:_authToken=${NPM_TOKEN}" > .npmrc && npm ci && rm .npmrc\n',
  },
  check(ctx) {
    for (const stage of ctx.file.stages) {
      for (const instr of stage.instructions) {
        if (instr.keyword !== 'ENV' && instr.keyword !== 'ARG') continue;
        for (const pair of instr.pairs) {
          if (!DENY.test(pair.key) || ALLOW.test(pair.key) || publicKeyIds(pair)) continue;
          ctx.report({
            instruction: instr,
            range: pair.keyRange,
            message: `Do not use ${instr.keyword} for sensitive data (${instr.keyword} "${pair.key}"): its value ends up in the image ${instr.keyword === 'ENV' ? 'config' : 'build history'}; use a secret mount (RUN --mount=type=secret,id=...) instead`,
          });
        }
      }
    }
  },
});
