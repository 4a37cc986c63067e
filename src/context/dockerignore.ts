/**
 * `.dockerignore` semantics (Docker's `moby/patternmatcher`), through the maintained
 * `@balena/dockerignore` library. Pure: no file-system access, usable in the browser.
 */
import dockerignore from '@balena/dockerignore';

/** Decides whether a context path (relative, `/`-separated) is excluded from the build context. */
export interface IgnoreMatcher {
  ignores(path: string): boolean;
}

/**
 * Builds a matcher from `.dockerignore` text: one pattern per line, `#` comments, `!` exceptions, the
 * last matching pattern winning, `**` across directories — Docker's rules.
 */
export function dockerignoreMatcher(content: string): IgnoreMatcher {
  const lines = content
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'));
  const ig = dockerignore({ ignorecase: false }).add(lines);
  return {
    ignores(path: string): boolean {
      const p = path.replace(/^\.\/+/, '').replace(/^\/+/, '');
      if (p === '' || p === '.') return false;
      return ig.ignores(p);
    },
  };
}
