/**
 * Python helpers of the seed rules: recognising Python base images, and reading pip requirement files.
 *
 * No `node:` imports: rules run in browsers and language servers too.
 */
import type { ImageRef } from '../../parse/types.js';
import { imageKey } from './images.js';

/**
 * True for a base image that ships a Python interpreter as its purpose: the repository's last path
 * component is `python` or `pypy` or contains `python` (`python`, `cimg/python`, `bitnami/python`,
 * `circleci/python`, `ghcr.io/org/python-base`), or its tag starts with `python` (images that name the
 * interpreter in the tag: `ghcr.io/astral-sh/uv:python3.12-bookworm-slim`,
 * `tiangolo/uvicorn-gunicorn-fastapi:python3.11`).
 */
export function isPythonImage(image: ImageRef | null): boolean {
  if (image === null || image.unresolved) return false;
  const key = imageKey(image);
  const last = key.slice(key.lastIndexOf('/') + 1);
  if (last === 'pypy' || last.includes('python')) return true;
  return /^python\d/i.test(image.tag ?? '');
}

/** One entry of a requirements file that is not pinned. */
export interface UnpinnedRequirement {
  /** The requirement as written (continuations joined, comment removed). */
  text: string;
  /** The project name, or the text for URLs. */
  name: string;
  /** 1-based line in its file. */
  line: number;
  /** What is wrong. */
  reason: 'unpinned' | 'range' | 'wildcard' | 'vcs-ref';
}

/** What a requirements file says. */
interface RequirementsFile {
  unpinned: UnpinnedRequirement[];
  /** `-r`/`--requirement` includes (paths as written). */
  includes: string[];
  /** `-c`/`--constraint` files (paths as written). */
  constraints: string[];
  /** Names pinned with `==`/`===` (lower-case, normalised), for constraint files. */
  pinned: Set<string>;
}

/** PEP 503 normalisation of a project name. */
export function normaliseName(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, '-');
}

/**
 * Reads a pip requirements file (pip's format): `#` comments (at line start or after whitespace),
 * `\` continuations, option lines (`--index-url`, `--only-binary`...), `-r`/`-c` includes, `-e`
 * editables, URLs and local paths, environment markers after `;`, extras, per-requirement options
 * (`--hash=`).
 *
 * Judged as pinned: `name==1.2.3` and `name===x` (also with extras, markers or hashes); any entry with
 * `--hash` (hash-checking mode needs exact pins); direct archive URLs (`name @ https://.../x-1.0.tar.gz`,
 * a bare `https://...whl`), whose file is fixed; VCS URLs with a full 40-hex commit (`git+https://...@<sha>`);
 * local paths and editables of local paths (`-e .`, `./pkg`, `/wheels/x.whl`), which are the project's own
 * code. Not pinned: a bare name, ranges (`>=`, `~=`, `<`, `!=`), `==1.*` wildcards, VCS URLs without a
 * commit hash (a branch or tag can move).
 */
export function readRequirements(content: string): RequirementsFile {
  const out: RequirementsFile = { unpinned: [], includes: [], constraints: [], pinned: new Set() };
  const raw = content.split(/\r?\n/);
  for (let i = 0; i < raw.length; i++) {
    const lineNo = i + 1;
    let text = raw[i];
    while (/\\$/.test(text) && i + 1 < raw.length) {
      text = text.slice(0, -1) + ' ' + raw[++i];
    }
    text = text.replace(/(^|\s)#.*$/, '').trim();
    if (text === '') continue;
    let m: RegExpExecArray | null;
    if ((m = /^(?:-r|--requirement)(?:\s*=\s*|\s+)(\S+)/.exec(text))) {
      out.includes.push(m[1]);
      continue;
    }
    if ((m = /^(?:-c|--constraint)(?:\s*=\s*|\s+)(\S+)/.exec(text))) {
      out.constraints.push(m[1]);
      continue;
    }
    if ((m = /^(?:-e|--editable)(?:\s*=\s*|\s+)(\S+)/.exec(text))) {
      const target = m[1];
      if (isVcs(target) && !hasCommit(target)) out.unpinned.push({ text, name: eggName(target) ?? target, line: lineNo, reason: 'vcs-ref' });
      continue;
    }
    if (text.startsWith('-')) continue; // global options: --index-url, --only-binary, --pre, -f ...
    const hasHash = /(^|\s)--hash[=\s]/.test(text);
    const spec = text.replace(/\s--?[a-z][\w-]*(?:[=\s]\S+)?/g, ' ').trim();
    const requirement = spec.split(';')[0].trim();
    if (isVcs(requirement) || /\s@\s*\S*(git\+|hg\+|svn\+|bzr\+)/.test(requirement)) {
      if (!hasCommit(requirement)) out.unpinned.push({ text, name: nameOf(requirement) ?? eggName(requirement) ?? requirement, line: lineNo, reason: 'vcs-ref' });
      continue;
    }
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(requirement) || /\s@\s*\S+/.test(requirement) || /^[./~]|^[A-Za-z]:[\\/]|\.(whl|zip|tar\.gz|tgz|tar\.bz2)$/.test(requirement)) {
      continue; // direct URL, archive or local path
    }
    const nm = /^([A-Za-z0-9][A-Za-z0-9._-]*)\s*(\[[^\]]*\])?\s*(.*)$/.exec(requirement);
    if (!nm) continue;
    const name = nm[1];
    const specifiers = nm[3].replace(/^\(|\)$/g, '').trim();
    const exact = /^===?\s*[^,\s*]+$/.test(specifiers);
    if (exact) out.pinned.add(normaliseName(name));
    if (exact || hasHash) continue;
    const reason = specifiers === '' ? 'unpinned' : /^==\s*\S*\*/.test(specifiers) ? 'wildcard' : 'range';
    out.unpinned.push({ text: requirement, name, line: lineNo, reason });
  }
  return out;
}

function isVcs(s: string): boolean {
  return /^(git|hg|svn|bzr)\+/i.test(s);
}

function hasCommit(s: string): boolean {
  return /@[0-9a-f]{40}(?![0-9a-f])/i.test(s);
}

function eggName(s: string): string | null {
  const m = /#egg=([A-Za-z0-9._-]+)/.exec(s);
  return m ? m[1] : null;
}

function nameOf(s: string): string | null {
  const m = /^([A-Za-z0-9][A-Za-z0-9._-]*)\s*(\[[^\]]*\])?\s*@/.exec(s);
  return m ? m[1] : null;
}
