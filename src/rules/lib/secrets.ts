/**
 * Secret detection shared by the secret rules. Files: which build-context files hold credentials (no-secret-files-copied): by name (`id_rsa`, `.env`,
 * `*.p12`) and, for names that are only sometimes secret (`.npmrc`, `*.pem`, `credentials.json`), by
 * content when the build context can be read.
 *
 * No `node:` imports: rules run in browsers and language servers too.
 */

/** Suffixes of `.env.<x>` files that are templates, not secrets. */
const ENV_TEMPLATES = /^\.env\.(example|sample|template|tmpl|tpl|dist|defaults?|schema|in|local\.example)$/i;

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
export function secretFileKind(path: string, content: string | null): string | null {
  const lower = path.toLowerCase();
  const base = lower.replace(/^.*\//, '');
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
