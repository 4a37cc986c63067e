import { defineRule } from '../define.js';
import { collectstaticAdvice } from '../lib/python-tools.js';
import type { Instruction, KeyValue } from '../../parse/types.js';
import { rangeAt } from '../../shell/positions.js';
import { findSecrets, placeholderValue, secretName, withArticle } from '../lib/secrets.js';

/** The ENV/ARG/LABEL pair (also inside ONBUILD) that contains an offset. */
function pairAt(instr: Instruction, offset: number): KeyValue | null {
  const target = instr.onbuild ?? instr;
  return target.pairs.find((p) => p.range.start.offset <= offset && offset < p.range.end.offset) ?? null;
}

/**
 * `text` with the characters of `ranges` (other than line breaks) replaced by spaces. A range without a
 * line break (every comment line) becomes one run of spaces shared by all ranges of that length, so a
 * file of a million comment lines costs a few distinct strings, not a million replaced copies.
 */
function blanked(text: string, ranges: (readonly [number, number])[]): string {
  const parts: string[] = [];
  const spaces = new Map<number, string>();
  let at = 0;
  for (const [start, end] of ranges.sort((a, b) => a[0] - b[0])) {
    if (end <= at) continue;
    const from = Math.max(start, at);
    if (from > at) parts.push(text.slice(at, from));
    let breaks = false;
    for (let k = from; k < end && !breaks; k++) breaks = text.charCodeAt(k) === 0x0a || text.charCodeAt(k) === 0x0d;
    if (!breaks) {
      const n = end - from;
      let run = spaces.get(n);
      if (run === undefined) spaces.set(n, (run = ' '.repeat(n)));
      parts.push(run);
    } else parts.push(text.slice(from, end).replace(/[^\n\r]/g, ' '));
    at = end;
  }
  parts.push(text.slice(at));
  return parts.join('');
}

/** Secret values written into the Dockerfile: they end up in the image or its history. */
export default defineRule({
  id: 'no-secrets-in-image',
  severity: 'error',
  summary: 'A secret value is written in the Dockerfile',
  origin: 'shipshape',
  category: 'security',
  fix: 'none',
  docs: {
    description:
      'Reports secret values written in instructions — ENV values, ARG defaults, LABEL values, RUN lines (heredoc bodies and exec form included), COPY/ADD heredocs and URLs, CMD/ENTRYPOINT arguments — found by the recommended rules of secretlint (`@secretlint/secretlint-rule-preset-recommend`, run synchronously on the Dockerfile text): AWS access keys and secret keys, Google Cloud service-account keys, private keys (PEM, OpenSSH), GitHub, GitLab, npm, Slack, SendGrid, Shopify, OpenAI, Anthropic, Groq, Hugging Face, Linear, Notion, 1Password, Databricks, Docker Hub, Figma, Grafana, HashiCorp Vault and Vercel tokens, passwords in URLs (`https://user:pass@host`) and database connection strings. Values that are variable references (`${NPM_TOKEN}`) are not secrets. In addition, ENV values, ARG defaults and LABEL values of password-, secret- and token-named keys (`DB_PASSWORD`, `API_KEY`, `client_secret`) are reported when the value is a literal; names about a secret rather than the secret (`PASSWORD_FILE`, `TOKEN_URL`, `GPG_KEY`, `*_FINGERPRINT`) and placeholder values (`XXXX`, `<password>`, `**Random**`, the key\'s own name, sentences, `true`, paths) are not. Comments are not scanned. Messages name the kind of secret and where it is, never the value. When the key is a Django `SECRET_KEY` and a later `RUN` runs `manage.py collectstatic`, the message says how to give collectstatic a key without baking one in. A value assigned on a RUN\'s command for that command only (`RUN SECRET_KEY=dummy python manage.py collectstatic`, Django\'s documented build-time pattern) is not stored in the environment of the image and is not reported unless secretlint recognises it as a real credential.',
    why: 'Everything in a Dockerfile is in version control, and ENV values, ARG values and RUN command lines are stored in the image config and history (`docker history --no-trunc`), readable by anyone who can pull the image — deleting the secret in a later layer does not remove it. A secret that was committed must be considered leaked: revoke it, then pass build-time secrets with `RUN --mount=type=secret,id=...` (`docker build --secret`) and run-time secrets from the orchestrator.',
    bad: 'FROM python:3.12-slim\nENV AWS_ACCESS_KEY_ID=AKIA4ZQXR7LMN2OPQ3ST\nRUN pip install --index-url https://deploy:Xk29fjQp7w@pypi.example.com/simple app\n',
    good: 'FROM python:3.12-slim\nRUN --mount=type=secret,id=pip_index_url,env=PIP_INDEX_URL pip install app\n',
    differences:
      'Checkov scans Dockerfiles with its generic secrets framework (CKV_SECRET_*); shipshape uses secretlint\'s maintained recommended rule set for the shapes of secrets, plus its own check of literal values of password-named keys, and reports each at the exact place in the Dockerfile.',
  },
  check(ctx) {
    const file = ctx.file;
    // Scan the Dockerfile text with comment lines blanked (same length, so offsets stay valid), built
    // in one pass (linear in the file's size however many comments it has).
    const text = blanked(file.text, [...file.comments, ...file.directives].map((c) => [c.range.start.offset, c.range.end.offset] as const));
    const instructions = file.instructions;
    // Instructions are in file order: the owner of an offset is found by binary search.
    const owner = (offset: number): Instruction | null => {
      let lo = 0;
      let hi = instructions.length - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        const r = instructions[mid].range;
        if (offset < r.start.offset) hi = mid - 1;
        else if (offset >= r.end.offset) lo = mid + 1;
        else return instructions[mid];
      }
      return null;
    };
    const reported: { start: number; end: number }[] = [];

    for (const hit of findSecrets(text)) {
      const instr = owner(hit.start);
      if (!instr) continue;
      const pair = pairAt(instr, hit.start);
      const keyword = (instr.onbuild ?? instr).keyword;
      const where = pair ? `${keyword} ${pair.key}` : `this ${keyword}`;
      reported.push(hit);
      ctx.report({
        instruction: instr,
        range: rangeAt(file, hit.start, hit.end),
        message: `${where} contains ${withArticle(hit.kind)}: it is stored in the image and its history; remove it, revoke it, and pass it with a secret mount (RUN --mount=type=secret) or at run time`,
      });
    }

    for (const instr of instructions) {
      const target = instr.onbuild ?? instr;
      if (target.keyword !== 'ENV' && target.keyword !== 'ARG' && target.keyword !== 'LABEL') continue;
      for (const pair of target.pairs) {
        if (pair.value === null || pair.valueRange === null) continue;
        if (/\$/.test(pair.rawValue ?? '')) continue;
        const kind = secretName(pair.key);
        if (!kind || placeholderValue(pair.value, pair.key)) continue;
        const start = pair.valueRange.start.offset;
        const end = pair.valueRange.end.offset;
        if (reported.some((r) => start < r.end && end > r.start)) continue;
        ctx.report({
          instruction: instr,
          range: pair.valueRange,
          message: `${target.keyword} ${pair.key} sets a literal ${kind}: it is stored in the image ${target.keyword === 'ARG' ? 'history' : target.keyword === 'LABEL' ? 'labels' : 'config'}; remove the value, and pass the ${kind} ${target.keyword === 'ARG' ? 'with a secret mount (RUN --mount=type=secret)' : 'at run time'}${collectstaticAdvice(ctx, instr, pair.key)}`,
        });
      }
    }
  },
});
