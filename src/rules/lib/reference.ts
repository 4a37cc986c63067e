/**
 * `distribution/reference.ParseNormalizedNamed` as a yes/no validator: what BuildKit requires of a
 * FROM image after expansion (InvalidDefaultArgInFrom).
 */
const ALNUM = '[a-z0-9]+';
const SEPARATOR = '(?:[._]|__|[-]+)';
const PATH_COMPONENT = `${ALNUM}(?:${SEPARATOR}${ALNUM})*`;
const DOMAIN_COMPONENT = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const IPV6 = '\\[(?:[a-fA-F0-9:]+)\\]';
const DOMAIN = `(?:${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*|${IPV6})(?::[0-9]+)?`;
const TAG = '[\\w][\\w.-]{0,127}';
const DIGEST = '[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}';
const NAME = `(?:${DOMAIN}/)?${PATH_COMPONENT}(?:/${PATH_COMPONENT})*`;
const REFERENCE = new RegExp(`^(${NAME})(?::(${TAG}))?(?:@(${DIGEST}))?$`);
const HEX64 = /^[a-f0-9]{64}$/;

/** Docker's `splitDockerDomain`: the first component is a registry when it has `.`/`:`, is localhost, or has upper case. */
function splitDomain(name: string): { domain: string; remainder: string } {
  const i = name.indexOf('/');
  if (i === -1) return { domain: 'docker.io', remainder: name };
  const first = name.slice(0, i);
  if (!first.includes('.') && !first.includes(':') && first !== 'localhost' && first.toLowerCase() === first) {
    return { domain: 'docker.io', remainder: name };
  }
  return { domain: first, remainder: name.slice(i + 1) };
}

/** An error message when `s` is not a valid normalized image reference, or null when it is. */
export function referenceError(s: string): string | null {
  if (s === '') return 'the name is empty';
  if (HEX64.test(s)) return 'a 64-character hexadecimal string is an image ID, not a name';
  const nameEnd = (() => {
    const at = s.indexOf('@');
    const base = at >= 0 ? s.slice(0, at) : s;
    const colon = base.lastIndexOf(':');
    return colon > base.lastIndexOf('/') ? colon : base.length;
  })();
  const { remainder } = splitDomain(s.slice(0, nameEnd));
  if (remainder.toLowerCase() !== remainder) return 'repository names must be lowercase';
  const m = REFERENCE.exec(s);
  if (!m) return 'it is not a valid image reference';
  if (m[1].length > 255) return 'the repository name is longer than 255 characters';
  return null;
}
