import { defineRule } from '../define.js';
import type { ShellWord } from '../../shell/types.js';
import { effectiveCommand, type EffectiveCommand } from '../../shell/wrappers.js';
import { withOnbuild } from '../lib/hadolint.js';
import { variableSettings, writtenTexts, reportOncePerPlace, type Hit } from '../lib/settings.js';

/** Environment variables that switch TLS verification off, with the values that do it (null: any value). */
const INSECURE_ENV: { name: RegExp; values: RegExp | null; what: string }[] = [
  { name: /^PYTHONHTTPSVERIFY$/, values: /^0$/, what: 'Python\'s HTTPS certificate verification' },
  { name: /^NODE_TLS_REJECT_UNAUTHORIZED$/, values: /^0$/, what: 'Node.js TLS certificate verification' },
  { name: /^npm_config_strict_ssl$/i, values: /^(false|0|no)$/i, what: 'npm\'s TLS certificate verification' },
  { name: /^YARN_(ENABLE_)?STRICT_SSL$/, values: /^(false|0)$/i, what: 'Yarn\'s TLS certificate verification' },
  { name: /^GIT_SSL_NO_VERIFY$/, values: null, what: 'git\'s TLS certificate verification (any value does)' },
  { name: /^PIP_TRUSTED_HOST$/, values: /./, what: 'pip\'s TLS certificate verification for the named hosts' },
  { name: /^UV_INSECURE_HOST$/, values: /./, what: 'uv\'s TLS certificate verification for the named hosts' },
  { name: /^GOINSECURE$/, values: /./, what: 'HTTPS and certificate checks of the Go module fetcher' },
];

/** Settings written into configuration files (echo/printf/sed arguments, COPY heredocs) that do the same. */
const INSECURE_CONFIG: { re: RegExp; what: string }[] = [
  { re: /\bsslverify\s*=\s*["']?(0|false|no|off)\b/i, what: '`sslverify` off (yum/dnf repositories, git)' },
  { re: /\bssl_verify\s*[:=]\s*["']?(0|false|no)\b/i, what: '`ssl_verify` off (conda, zypper)' },
  { re: /\bstrict-ssl\s*=\s*["']?false\b/i, what: '`strict-ssl=false` (npm)' },
  { re: /\benableStrictSsl\s*:\s*["']?false\b/, what: '`enableStrictSsl: false` (Yarn)' },
  { re: /\btrusted-host\s*=\s*\S/i, what: '`trusted-host` (pip)' },
  { re: /\bcheck[-_]certificate\s*=\s*["']?off\b/i, what: '`check_certificate = off` (wget)' },
  { re: /Acquire::https?(::[^\s:"']+)*::Verify-(Peer|Host)["'\s=]+(false|0|no)\b/i, what: 'apt `Verify-Peer`/`Verify-Host` off' },
];

const PIP_LIKE = /^(pip[\d.]*|pipenv|pip-compile|pip-sync|uv|poetry)$/;
const NODE_PM = new Set(['npm', 'yarn', 'pnpm', 'npx', 'corepack']);
const FALSE = /^(false|0|no|off)$/i;

const quoteFree = (s: string): string => s.replace(/^["']|["']$/g, '');

/** Findings of one command. */
function commandHits(eff: EffectiveCommand): Hit[] {
  const hits: Hit[] = [];
  const flags = eff.flags.map((f) => ({ ...f, word: eff.args[f.argIndex] }));
  const flagWord = (...names: string[]): ShellWord | null => flags.find((f) => names.includes(f.name))?.word ?? null;
  const add = (word: ShellWord, message: string): void => {
    if (!hits.some((h) => h.range.start.offset === word.range.start.offset)) hits.push({ range: word.range, message });
  };
  const name = eff.name;
  const values = eff.args.map((a) => a.value);

  if (name === 'curl') {
    const w = flagWord('k', 'insecure', 'proxy-insecure', 'doh-insecure');
    if (w) add(w, `\`curl ${w.value}\` switches off TLS certificate verification: remove it, and install the CA certificate the server needs instead`);
  }
  const noCheck = flagWord('no-check-certificate');
  if (noCheck) add(noCheck, `\`${name} --no-check-certificate\` switches off TLS certificate verification: remove it, and install the CA certificate the server needs instead`);
  const trusted = flagWord('trusted-host', 'allow-insecure-host');
  if (trusted) add(trusted, `\`${name} ${trusted.value.replace(/=.*$/, '')}\` makes ${name} accept any certificate (or plain HTTP) from that host: serve the index over HTTPS with a trusted certificate instead`);
  const skipTls = flags.find((f) => ['insecure-skip-tls-verify', 'insecure-skip-verify', 'skip-tls-verify'].includes(f.name) && (f.inlineValue === null || !FALSE.test(f.inlineValue)))
    ?? flags.find((f) => /^(src-|dest-)?tls-?verify$/.test(f.name) && f.inlineValue !== null && FALSE.test(f.inlineValue));
  if (skipTls) add(skipTls.word, `\`${name} ${skipTls.word.value}\` switches off TLS certificate verification: remove it`);
  if (name === 'go' && values.includes('-insecure')) add(eff.args[values.indexOf('-insecure')], '`go get -insecure` fetches modules without HTTPS checks: remove it');

  // npm/yarn/pnpm: `config set strict-ssl false`, `--strict-ssl=false`, `--no-strict-ssl`.
  if (NODE_PM.has(name)) {
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      const bare = v.replace(/^--/, '');
      const next = values[i + 1];
      if (
        v === '--no-strict-ssl'
        || /^(--)?strict-ssl=(false|0)$/i.test(v)
        || ((bare === 'strict-ssl' || bare === 'enableStrictSsl') && next !== undefined && /^(false|0)$/i.test(next))
      ) {
        add(eff.args[i], `\`${name}\` with strict-ssl off accepts any TLS certificate from the registry: remove it, and set \`cafile\` to the registry's CA certificate if needed`);
      }
    }
  }
  // git -c http.sslVerify=false / git config http.sslVerify false
  if (name === 'git') {
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      const inline = /^(?:-c)?(http\.(?:.*\.)?sslverify)=(.*)$/i.exec(v);
      if (inline && FALSE.test(quoteFree(inline[2]))) add(eff.args[i], '`git` with `http.sslVerify=false` accepts any TLS certificate: remove it, and set `http.sslCAInfo` to the server\'s CA certificate if needed');
      else if (/^http\.(.*\.)?sslverify$/i.test(v) && values[i + 1] !== undefined && FALSE.test(values[i + 1])) add(eff.args[i], '`git config http.sslVerify false` makes git accept any TLS certificate: remove it, and set `http.sslCAInfo` to the server\'s CA certificate if needed');
    }
  }
  // pip config set global.trusted-host ...; conda config --set ssl_verify false; composer config secure-http false
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    const next = values[i + 1];
    if (PIP_LIKE.test(name) && /(^|\.)trusted-host$/.test(v) && values.includes('config')) add(eff.args[i], `\`${name} config set ${v}\` makes pip accept any certificate from that host: remove it`);
    if (name === 'conda' && /^ssl_verify$/.test(v) && next !== undefined && FALSE.test(next)) add(eff.args[i], '`conda config --set ssl_verify false` switches off TLS certificate verification: remove it');
    if (name === 'composer' && ((v === 'secure-http' && next !== undefined && FALSE.test(next)) || (v === 'disable-tls' && next === 'true'))) add(eff.args[i], `\`composer config ${v}\` lets Composer download packages without TLS: remove it`);
  }
  // Configuration text in arguments (echo "sslverify=0" >> /etc/yum.conf, --setopt=sslverify=false, -o Acquire::https::Verify-Peer=false).
  for (const { word: arg, text } of writtenTexts(eff)) {
    for (const c of INSECURE_CONFIG) {
      if (c.re.test(text)) add(arg, `${c.what} switches off TLS certificate verification: remove the setting, and install the CA certificate the server needs instead`);
    }
  }
  return hits;
}

/** TLS verification switched off (Checkov CKV2_DOCKER_2–6, 12–16). */
export default defineRule({
  id: 'no-insecure-transport',
  severity: 'warning',
  summary: 'TLS certificate verification is switched off',
  origin: 'shipshape',
  category: 'security',
  aliases: ['CKV2_DOCKER_2', 'CKV2_DOCKER_3', 'CKV2_DOCKER_4', 'CKV2_DOCKER_5', 'CKV2_DOCKER_6', 'CKV2_DOCKER_12', 'CKV2_DOCKER_13', 'CKV2_DOCKER_14', 'CKV2_DOCKER_15', 'CKV2_DOCKER_16'],
  fix: 'none',
  docs: {
    description:
      'Reports downloads and package managers told not to verify TLS certificates. In RUN (also `ONBUILD RUN`, heredoc and exec-form RUN, behind `sudo`/`env`): `curl -k`/`--insecure` (also inside `-fsSLk`), `--no-check-certificate` (wget, apk), `--trusted-host` (pip, pipenv, pip-compile; uv `--allow-insecure-host`), `pip config set global.trusted-host`, npm/yarn/pnpm `strict-ssl false` (`config set`, `--strict-ssl=false`, `--no-strict-ssl`), `git -c http.sslVerify=false` and `git config http.sslVerify false`, `--insecure-skip-tls-verify` and `--tls-verify=false` (helm, kubectl, skopeo, podman), `go get -insecure`, `conda config --set ssl_verify false`, `composer config secure-http false`, and configuration text written by any command (`echo "sslverify=0" >> /etc/yum.conf`, `dnf config-manager --setopt=sslverify=false`, `-o Acquire::https::Verify-Peer=false`, `strict-ssl=false` into `.npmrc`, `check_certificate = off` into `.wgetrc`). The same configuration text in `COPY`/`ADD` heredocs. In ENV, ARG defaults and RUN assignments (`X=1 cmd`, `env X=1`, `export X=1`): `PYTHONHTTPSVERIFY=0`, `NODE_TLS_REJECT_UNAUTHORIZED=0`, `NPM_CONFIG_STRICT_SSL=false` (any case), `YARN_ENABLE_STRICT_SSL=false`, `GIT_SSL_NO_VERIFY` with any value, and a non-empty `PIP_TRUSTED_HOST`, `UV_INSECURE_HOST` or `GOINSECURE`. Values that come from variables are not judged (except for `GIT_SSL_NO_VERIFY`).',
    why: 'Without certificate verification anyone on the network path (a proxy, a compromised Wi-Fi, a hijacked DNS entry) can hand the build a different file or package, and the image ships whatever they sent. Environment variables set with ENV stay in the image and also weaken every connection the application makes at run time. If a server uses a private CA, install that CA certificate (`COPY corp-ca.crt /usr/local/share/ca-certificates/` and `update-ca-certificates`, `npm config set cafile`, `pip --cert`) instead of switching verification off.',
    bad: 'FROM python:3.12-slim\nRUN pip install --trusted-host pypi.internal --index-url http://pypi.internal/simple app\n',
    good: 'FROM python:3.12-slim\nCOPY corp-ca.crt /usr/local/share/ca-certificates/corp-ca.crt\nRUN update-ca-certificates \\\n && pip install --cert /etc/ssl/certs/ca-certificates.crt --index-url https://pypi.internal/simple app\n',
    differences:
      'Checkov\'s CKV2_DOCKER_2–6 and 12–16 match the text of RUN, ENV and ARG; shipshape reads the commands (flags inside clusters like `-fsSLk`, commands behind `sudo`, heredoc RUN scripts) and also covers the same settings written into configuration files and the equivalent options of other tools. `NODE_TLS_REJECT_UNAUTHORIZED=1` and `PYTHONHTTPSVERIFY=1` are not reported.',
  },
  check(ctx) {
    const report = reportOncePerPlace(ctx);
    for (const s of variableSettings(ctx)) {
      if (s.value === null) continue;
      const rule = INSECURE_ENV.find((e) => e.name.test(s.name));
      if (!rule) continue;
      if (rule.values !== null && (s.dynamic || !rule.values.test(s.value.trim()))) continue;
      const how = s.via === 'RUN' ? `${s.name}=${s.value}` : `${s.via} ${s.name}=${s.value}`;
      const shown = rule.name.source.includes('TRUSTED') || rule.name.source.includes('INSECURE') ? `${s.via === 'RUN' ? '' : s.via + ' '}${s.name}` : how;
      report(s.owner, { range: s.range, message: `${shown} switches off ${rule.what}: remove it, and install the CA certificate the server needs instead` });
    }
    for (const { reportOn: owner, commands } of ctx.runs()) {
      for (const cmd of commands) for (const hit of commandHits(effectiveCommand(cmd))) report(owner, hit);
    }
    for (const { instr, wrapper } of withOnbuild(ctx.file, true)) {
      if (instr.keyword !== 'COPY' && instr.keyword !== 'ADD') continue;
      for (const h of instr.heredocs) {
        const c = INSECURE_CONFIG.find((x) => x.re.test(h.content));
        if (c) report(wrapper ?? instr, { range: h.contentRange, message: `The file written by this ${instr.keyword} sets ${c.what}, which switches off TLS certificate verification: remove the setting` });
      }
    }
  },
});
