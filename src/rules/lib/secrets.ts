/**
 * Secret detection shared by the secret rules:
 * - {@link secretFileKind}: which build-context files hold credentials (no-secret-files-copied), by name
 *   (`id_rsa`, `.env`, `*.p12`) and, for names that are only sometimes secret (`.npmrc`, `*.pem`,
 *   `credentials.json`), by content when the build context can be read;
 * - {@link findSecrets}: secret values in text through secretlint's recommended rules, run synchronously
 *   (no-secrets-in-image);
 * - {@link secretName} / {@link placeholderValue}: literal values of password-named keys.
 *
 * No `node:` imports here. Note: the secretlint preset bundle itself imports `node:path` (used only by its
 * GCP rule for file names and by the `.p12` reader, which we never reach); a browser build needs a
 * `path` shim for it.
 */
import { rules as recommendedRules } from '@secretlint/secretlint-rule-preset-recommend';

/** Suffixes of `.env.<x>` files that are templates, not secrets. */
const ENV_TEMPLATES = /^\.env\.(example|sample|template|tmpl|tpl|dist|defaults?|schema|in|local\.example)$/i;

/** Paths whose name may be a credentials file (a quick filter before any content is read). */
const CANDIDATE = /(^|\/)(\.env(\..+)?|id_(rsa|dsa|ecdsa|ed25519)(_sk)?|secring\.gpg|\.npmrc|\.yarnrc\.yml|\.pypirc|_?\.?netrc|\.git-credentials|\.pgpass|\.htpasswd|\.vault-token|\.s3cfg|\.boto|kubeconfig|[^/]*\.(ppk|p12|pfx|jks|keystore|key|pem|asc|crt|json))$|private-keys-v1\.d\/|\.aws\/credentials$|\.kube\/config$/;

const PRIVATE_KEY = /-----BEGIN[ A-Z0-9]*PRIVATE KEY( BLOCK)?-----/;

/** A literal (not `${VAR}`) token in an `.npmrc` or `.yarnrc.yml`. */
const NPMRC_TOKEN = /(^|:)(_authToken|_auth|_password)\s*=\s*(?!\$\{?)\S/m;
const YARNRC_TOKEN = /\bnpmAuth(Token|Ident)\s*:\s*["']?(?!\$\{?)\S/;

/**
 * The kind of credential a file holds (`SSH private key`), or null when it is not a credentials file.
 * @param path context-relative path, `/`-separated.
 * @param content the file's text when known (null: judge by name only, giving the benefit of the doubt
 *   to names that are often harmless, such as `cert.pem` or `.npmrc`).
 */
export function secretFileKind(path: string, readContent: string | null | (() => string | null)): string | null {
  const lower = path.toLowerCase();
  const base = lower.replace(/^.*\//, '');
  if (!CANDIDATE.test(lower)) return null;
  // Read the file only for names that may be credentials (a whole-context copy may list thousands of files).
  const content = typeof readContent === 'function' ? readContent() : readContent;
  const hasKey = content !== null && PRIVATE_KEY.test(content);

  if (base === '.env' || (/^\.env\..+/.test(base) && !ENV_TEMPLATES.test(base))) return 'environment file with secrets';
  if (/^id_(rsa|dsa|ecdsa|ed25519)(_sk)?$/.test(base)) return 'SSH private key';
  if (base.endsWith('.ppk')) return 'PuTTY private key';
  if (/\.(p12|pfx)$/.test(base)) return 'PKCS#12 key store';
  if (/\.(jks|keystore)$/.test(base)) return 'Java key store';
  if (base.endsWith('.key')) return content === null || hasKey || !/^[\x09\x0a\x0d\x20-\x7e]*$/.test(content) ? 'private key' : null;
  if (base.endsWith('.pem') || base.endsWith('.asc') || base.endsWith('.crt')) {
    if (content !== null) return hasKey ? 'private key' : null;
    return base.endsWith('.pem') && /(^|[._-])(key|privkey|private)([._-]|$)/.test(base.replace(/\.pem$/, '')) ? 'private key' : null;
  }
  if (base === 'secring.gpg' || lower.includes('private-keys-v1.d/')) return 'GPG private key';
  if (base === '.npmrc') return content !== null && NPMRC_TOKEN.test(content) ? 'npm registry token' : null;
  if (base === '.yarnrc.yml') return content !== null && YARNRC_TOKEN.test(content) ? 'Yarn registry token' : null;
  if (base === '.pypirc') return content !== null && /^\s*password\s*[:=]\s*\S/m.test(content) ? 'PyPI password' : null;
  if (base === '.netrc' || base === '_netrc') return content === null || /\bpassword\s+\S/.test(content) ? '.netrc login' : null;
  if (base === '.git-credentials') return 'git credentials';
  if (base === '.pgpass') return 'PostgreSQL password file';
  if (base === '.htpasswd') return 'password hashes';
  if (base === '.vault-token') return 'Vault token';
  if (base === '.s3cfg' || base === '.boto') return 'cloud storage credentials';
  if (/(^|\/)\.aws\/credentials$/.test(lower)) return 'AWS credentials';
  if (/(^|\/)\.docker\/config\.json$/.test(lower)) return content === null || /"auth"\s*:\s*"[^"]/.test(content) ? 'Docker registry credentials' : null;
  if (/(^|\/)\.kube\/config$/.test(lower) || base === 'kubeconfig') return 'Kubernetes credentials';
  if (base === 'application_default_credentials.json') return 'Google Cloud credentials';
  if (base.endsWith('.json') && /(service[-_]?account|credentials|sa[-_]?key|keyfile|gcp[-_]key)/.test(base)) {
    if (content !== null) return /"private_key"\s*:/.test(content) || /"client_secret"\s*:/.test(content) || /"refresh_token"\s*:/.test(content) ? 'cloud service-account key' : null;
    return base === 'credentials.json' || /service[-_]?account/.test(base) ? 'cloud service-account key' : null;
  }
  return null;
}

// ---------------------------------------------------------------------------------------------------
// Secret values in text, through secretlint's recommended rules, run synchronously.
//
// secretlint's `lintSource` is asynchronous, but its scanner rules are plain objects whose `create`
// returns a synchronous `file(source)` handler that reports through `context.report`. We instantiate
// each rule of `@secretlint/secretlint-rule-preset-recommend` once with a minimal context (a message
// translator that keeps the message id, and a report sink) and call the handlers directly. Reported
// ranges are offsets into the scanned text. The secret itself (`props`) is never kept.
// ---------------------------------------------------------------------------------------------------

/** One secret found in a text: where it is and what kind it is. */
interface SecretHit {
  start: number;
  end: number;
  /** Human-readable kind (`AWS secret access key`). */
  kind: string;
  /** secretlint rule and message id (`@secretlint/secretlint-rule-aws/AWSSecretAccessKey`). */
  source: string;
}

/** Readable names of secretlint's message ids. */
const KIND_NAMES: Record<string, string> = {
  AWSSecretAccessKey: 'AWS secret access key',
  AWSAccessKeyID: 'AWS access key ID',
  AWSAccountID: 'AWS account ID',
  BasicAuth: 'password in a URL',
  PrivateKey: 'private key',
  PrivateKeyJSON: 'Google Cloud service-account key',
  PrivateKeyP12: 'PKCS#12 private key',
  NPM_ACCESS_TOKEN: 'npm access token',
  Npmrc_authToken: 'npm registry token',
  PackageJSON_xOauthToken: 'GitHub OAuth token',
  SLACK_TOKEN: 'Slack token',
  IncomingWebhook: 'Slack webhook URL',
  SENDGRID_KEY: 'SendGrid API key',
  SHOPIFY_KEY: 'Shopify token',
  GITHUB_TOKEN: 'GitHub token',
  GITLAB_PERSONAL_ACCESS_TOKEN: 'GitLab access token',
  OPENAI_TOKEN: 'OpenAI API key',
  ANTHROPIC_API_KEY: 'Anthropic API key',
  GROQ_API_KEY: 'Groq API key',
  HUGGINGFACE_USER_ACCESS_TOKEN: 'Hugging Face token',
  LINEAR_API_TOKEN: 'Linear API key',
  NOTION_INTEGRATION_TOKEN: 'Notion integration token',
  OPS_TOKEN: '1Password service-account token',
  MongoDBConnection: 'MongoDB connection string with a password',
  MySQLConnection: 'MySQL connection string with a password',
  PostgreSQLConnection: 'PostgreSQL connection string with a password',
  DATABRICKS_PERSONAL_ACCESS_TOKEN: 'Databricks access token',
  DOCKER_PERSONAL_ACCESS_TOKEN: 'Docker Hub access token',
  FIGMA_PERSONAL_ACCESS_TOKEN: 'Figma access token',
};

/** Options per secretlint rule id: the AWS access key ID scan is on (an ID next to its secret is a leak). */
const RULE_OPTIONS: Record<string, Record<string, unknown>> = {
  '@secretlint/secretlint-rule-aws': { enableIDScanRule: true },
};

/** Rules that are not scanners of text (comment directives) and are left out. */
const SKIPPED = new Set(['@secretlint/secretlint-rule-filter-comments']);

interface Scanner {
  id: string;
  file: (source: unknown) => unknown;
}

interface Sink {
  hits: { ruleId: string; messageId: string; range: [number, number] }[];
}

let scanners: Scanner[] | null = null;
const sink: Sink = { hits: [] };

function loadScanners(): Scanner[] {
  if (scanners) return scanners;
  const out: Scanner[] = [];
  for (const rule of recommendedRules as unknown as { meta: { id: string }; create: (ctx: unknown, options: unknown) => Record<string, unknown> }[]) {
    const id = rule.meta.id;
    if (SKIPPED.has(id)) continue;
    const context = {
      createTranslator: () => (messageId: string) => ({ messageId }),
      report: (d: { message: { messageId?: string }; range: [number, number] }) => {
        sink.hits.push({ ruleId: id, messageId: d.message?.messageId ?? 'secret', range: d.range });
      },
      ignore: () => {},
    };
    try {
      const handlers = rule.create(context, RULE_OPTIONS[id] ?? {});
      if (typeof handlers.file === 'function') out.push({ id, file: handlers.file as Scanner['file'] });
    } catch {
      // a rule that cannot run without secretlint's full context is left out
    }
  }
  scanners = out;
  return out;
}

function sourceOf(content: string, filePath: string | undefined): unknown {
  const ext = filePath && /\.[^./]+$/.test(filePath) ? /\.[^./]+$/.exec(filePath)![0] : '';
  return {
    hasBOM: false,
    content,
    filePath,
    physicalFilePath: undefined,
    contentType: 'text',
    ext,
    getFilePath: () => filePath,
    getPhysicalFilePath: () => undefined,
  };
}

/**
 * `kind` with its indefinite article, by how it is spoken: `an npm access token`, `an SSH key`,
 * `an AWS secret access key`, `a GitHub token`. Used by every message that names a secret's kind.
 */
export function withArticle(kind: string): string {
  return `${/^[aeiouAEIOU]|^(?:SSH|SQL|API|AWS|npm|RSA|HTTP|SSL)\b/.test(kind) ? 'an' : 'a'} ${kind}`;
}

/** True when the matched text is a variable reference (`${NPM_TOKEN}`), not a literal secret. */
function isVariable(text: string): boolean {
  return /\$\{?[A-Za-z_][A-Za-z0-9_]*\}?|\$\(/.test(text);
}

/**
 * Secrets in `text` found by secretlint's recommended rules (synchronously). `text` is also scanned as
 * an `.npmrc` so that `_authToken=` lines written by commands are seen. Matches that are variable
 * references are dropped; overlapping matches are reported once.
 */
export function findSecrets(text: string): SecretHit[] {
  const list = loadScanners();
  sink.hits = [];
  for (const s of list) {
    try {
      const r = s.file(sourceOf(text, undefined));
      if (s.id === '@secretlint/secretlint-rule-npm') s.file(sourceOf(text, '.npmrc'));
      void r;
    } catch {
      // a scanner failure must not break linting
    }
  }
  const raw = sink.hits;
  sink.hits = [];
  const out: SecretHit[] = [];
  for (const h of raw.sort((a, b) => a.range[0] - b.range[0] || b.range[1] - a.range[1])) {
    const [start, end] = h.range;
    if (!(end > start) || isVariable(text.slice(start, end))) continue;
    if (out.some((o) => start < o.end && end > o.start)) continue;
    out.push({ start, end, kind: KIND_NAMES[h.messageId] ?? `${h.ruleId.replace(/^@secretlint\/secretlint-rule-/, '')} secret`, source: `${h.ruleId}/${h.messageId}` });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------
// Literal passwords assigned to password-named variables (our own small detector: secretlint finds
// secrets by their shape, and a password such as `admin` has none).
// ---------------------------------------------------------------------------------------------------

/** Words of a variable name (`DB_ROOT_PASSWORD` → db, root, password; `apiKey` → api, key). */
function nameWords(name: string): string[] {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);
}

const SECRET_WORDS = new Set(['password', 'passwd', 'pwd', 'pass', 'passphrase', 'secret', 'token', 'apikey', 'accesskey', 'privatekey', 'secretkey', 'authtoken', 'credential', 'credentials']);
const PAIRS: [string, string][] = [['api', 'key'], ['access', 'key'], ['private', 'key'], ['secret', 'key'], ['client', 'secret'], ['auth', 'token']];
/** Words that make the variable about a secret rather than the secret itself (`PASSWORD_FILE`, `TOKEN_URL`). */
const META_WORDS = new Set([
  'file', 'path', 'dir', 'url', 'uri', 'endpoint', 'host', 'length', 'len', 'min', 'max', 'policy', 'type', 'name', 'user', 'username',
  'method', 'header', 'field', 'env', 'enabled', 'enable', 'disable', 'disabled', 'required', 'require', 'expiry', 'expire', 'expires',
  'ttl', 'version', 'public', 'id', 'format', 'algorithm', 'mode', 'prompt', 'reset', 'command', 'cmd', 'helper', 'store', 'location',
  'rounds', 'iterations', 'hash', 'salt', 'gpg', 'pgp', 'fingerprint', 'keyserver', 'keyring', 'size', 'bits', 'count',
  // nginx upstream directives (`uwsgi_pass`, `proxy_pass`), not passwords
  'uwsgi', 'proxy', 'fastcgi', 'fcgi', 'grpc', 'scgi',
  // settings of a secret store, not secrets (`VAULT_SECRET_ADAPTER=vault`, `SECRET_NAMESPACE=default`)
  'adapter', 'namespace', 'scheme', 'provider', 'prefix', 'suffix', 'port', 'address', 'addr', 'region', 'bucket',
  'kind', 'label', 'mount', 'lifetime', 'timeout', 'rotation',
]);
/**
 * Words that, at the end of a name, make it a setting of how secrets are handled (Django's
 * `PASSWORD_HASHERS`, `AUTH_PASSWORD_VALIDATORS`; `SECRET_BACKEND=vault`); elsewhere they do not
 * (`BACKEND_SECRET`, `MANAGER_PASS` and `SEARCH_ENGINE_API_KEY` hold secrets).
 */
const TRAILING_META_WORDS = new Set(['hasher', 'hashers', 'backend', 'backends', 'validator', 'validators', 'engine', 'class', 'strength']);

/** What a variable name says it holds (`password`, `API key`), or null when it is not secret-named. */
export function secretName(name: string): string | null {
  const words = nameWords(name);
  if (words.some((w) => META_WORDS.has(w)) || TRAILING_META_WORDS.has(words[words.length - 1] ?? '')) return null;
  for (const [a, b] of PAIRS) {
    const i = words.indexOf(a);
    if (i >= 0 && words[i + 1] === b) return `${a === 'api' ? 'API' : a} ${b}`;
  }
  const w = words.find((x) => SECRET_WORDS.has(x));
  if (!w) return null;
  return ['password', 'passwd', 'pwd', 'pass', 'passphrase'].includes(w) ? 'password' : w === 'token' || w === 'authtoken' ? 'token' : w === 'apikey' ? 'API key' : 'secret';
}

/** True for values that are placeholders or settings, not secrets (`XXXX`, `<password>`, `true`, paths). */
export function placeholderValue(value: string, key = ''): boolean {
  const v = value.trim();
  if (key !== '' && v.toLowerCase() === key.toLowerCase()) return true; // API_KEY=API_KEY
  if ((v.match(/\s+/g) ?? []).length >= 2) return true; // prose: "SECRET KEY MISSING, provide it ..."
  if (/^\*+[^*]*\*+$/.test(v)) return true; // **Random**
  if (v.length < 3) return true;
  if (/^(.)\1+$/.test(v.replace(/[-_]/g, ''))) return true; // xxxx, 0000, ****, 00000000-0000-...
  if (/^(<.*>|\{\{.*\}\}|__.*__|%.*%|@.*@)$/.test(v)) return true;
  if (/^(true|false|yes|no|on|off|none|null|nil|empty|disabled?|enabled?|required|optional|random|trust|md5|scram-sha-256)$/i.test(v)) return true;
  if (/^\d{1,4}$/.test(v)) return true;
  if (/^(\.{0,2}\/|~\/)/.test(v)) return true;
  if (/^[\w.-]+\.(json|ya?ml|pem|key|p12|pfx|jks|txt|env|ini|conf|cfg|xml|properties|crt|toml)$/i.test(v)) return true; // a file name
  if (/^(your[-_ \w]*|[-_ \w]*here|example\w*|ignored?|dummy|placeholder|fake\w*|todo|tbd|unset|undefined|replace[-_ ]?me|insert[-_ ]?\w*|changeit)$/i.test(v)) return true;
  return false;
}

/** Masks a secret for messages: never shows more than its kind and length. */
export function masked(value: string): string {
  return `<${value.length} characters, masked>`;
}
