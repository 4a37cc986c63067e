import { defineRule } from '../define.js';

const DENY = /(?:_|^)(?:apikey|auth|credential|credentials|key|password|pword|passwd|secret|token)(?:_|$)/i;
const ALLOW = /(?:_|^)(?:public|file|version)(?:_|$)/i;

export default defineRule({
  id: 'SecretsUsedInArgOrEnv',
  severity: 'warning',
  summary: 'Sensitive data should not be used in the ARG or ENV instructions',
  origin: 'buildkit',
  category: 'security',
  fix: 'none',
  docs: {
    description:
      'Reports `ENV` keys and stage `ARG` names that look like secrets: one of the `_`-separated words of the name is `apikey`, `auth`, `credential(s)`, `key`, `password`, `pword`, `passwd`, `secret` or `token` (any case), and none is `public`, `file` or `version`. Only names are judged, never values. ARGs before the first FROM are not checked. Docker documents the check at https://docs.docker.com/go/dockerfile/rule/secrets-used-in-arg-or-env/.',
    why: 'ENV values are stored in the image config and ARG values in the build history (`docker history`), where anyone who can pull the image can read them. Pass secrets with a secret mount instead: `RUN --mount=type=secret,id=npm_token,env=NPM_TOKEN npm ci`, built with `docker build --secret id=npm_token,env=NPM_TOKEN`.',
    bad: 'FROM node:22-alpine\nARG NPM_TOKEN\nRUN echo "//registry.npmjs.org/:_authToken=${NPM_TOKEN}" > .npmrc && npm ci\n',
    good: 'FROM node:22-alpine\nRUN --mount=type=secret,id=npm_token,env=NPM_TOKEN \\\n    echo "//registry.npmjs.org/:_authToken=${NPM_TOKEN}" > .npmrc && npm ci && rm .npmrc\n',
  },
  check(ctx) {
    for (const stage of ctx.file.stages) {
      for (const instr of stage.instructions) {
        if (instr.keyword !== 'ENV' && instr.keyword !== 'ARG') continue;
        for (const pair of instr.pairs) {
          if (!DENY.test(pair.key) || ALLOW.test(pair.key)) continue;
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
