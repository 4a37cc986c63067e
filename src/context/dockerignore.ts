/**
 * `.dockerignore` semantics (Docker's `moby/patternmatcher`), through the maintained
 * `@balena/dockerignore` library. Pure: no file-system access, usable in the browser.
 */
import * as dockerignoreModule from '@balena/dockerignore';

type Factory = (options?: { ignorecase?: boolean }) => { add(p: string[]): { ignores(p: string): boolean } };
// The package is CommonJS with `module.exports = factory`; depending on the loader the factory is the
// namespace's default export or the namespace itself.
const dockerignore: Factory = ((dockerignoreModule as unknown as { default?: Factory }).default ?? (dockerignoreModule as unknown as Factory));

/** Decides whether a context path (relative, `/`-separated) is excluded from the build context. */
interface IgnoreMatcher {
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
