/**
 * The playground's shareable state and its encoding in the URL fragment: `#s=` followed by the
 * base64url (RFC 4648 §5, no padding) of the UTF-8 JSON of {@link State}. The fragment never reaches a
 * server, so a shared Dockerfile stays between the people who share the link.
 */

/** Everything a shared link restores. */
export interface State {
  /** The Dockerfile text. */
  dockerfile: string;
  /** `.dockerignore` text; empty when there is none. */
  dockerignore: string;
  /** Other files of the build context, one path per line (contents are not needed by the rules). */
  files: string;
  /** Rule ids turned off (on by default otherwise). */
  disabled: string[];
  /** Rules that are off by default and turned on. */
  enabled: string[];
  /** Whether the fixed text includes unsafe fixes. */
  unsafe: boolean;
}

/** The state of a fresh page. */
export function defaultState(): State {
  return {
    dockerfile: 'FROM python:3.12\nWORKDIR /app\nCOPY . .\nRUN apt-get update && apt-get install -y gcc\nRUN pip install -r requirements.txt\nCMD python manage.py runserver 0.0.0.0:8000\n',
    dockerignore: '',
    files: '',
    disabled: [],
    enabled: [],
    unsafe: false,
  };
}

/** The fragment (without `#`) for a state. */
export function encodeState(state: State): string {
  const json = JSON.stringify({ d: state.dockerfile, i: state.dockerignore, f: state.files, x: state.disabled, e: state.enabled, u: state.unsafe ? 1 : 0 });
  const bytes = new TextEncoder().encode(json);
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return 's=' + btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/**
 * The state of a fragment (with or without `#`); null when it holds none or cannot be read (a
 * truncated link), so the page falls back to its default rather than failing.
 */
export function decodeState(fragment: string): State | null {
  const m = /^#?s=([A-Za-z0-9_-]*)$/.exec(fragment);
  if (!m) return null;
  try {
    const bin = atob(m[1].replace(/-/g, '+').replace(/_/g, '/'));
    const bytes = Uint8Array.from(bin, (c) => c.charCodeAt(0));
    const raw = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)) as Record<string, unknown>;
    const str = (v: unknown): string => (typeof v === 'string' ? v : '');
    const ids = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
    return { dockerfile: str(raw.d), dockerignore: str(raw.i), files: str(raw.f), disabled: ids(raw.x), enabled: ids(raw.e), unsafe: raw.u === 1 };
  } catch {
    return null;
  }
}
