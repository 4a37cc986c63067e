/**
 * Image references of FROM (and `COPY --from=<image>`), split the way `distribution/reference`
 * (`ParseNormalizedNamed`) splits them: `[registry/]path[:tag][@digest]`.
 *
 * No `node:` imports: this module runs in browsers and language servers.
 */
import type { ImageRef } from './types.js';

/**
 * Splits an (already expanded) image reference.
 *
 * - The registry is the first `/`-separated component when it contains `.` or `:`, is `localhost`,
 *   or has upper-case letters (Docker's `splitDockerDomain`); otherwise there is no registry
 *   (Docker Hub) and `registry` is null.
 * - The tag is the text after the last `:` that follows the last `/`; the digest the text after `@`.
 * - `repository` is normalised like Docker does for Docker Hub: a single-component name gets
 *   `library/` (`python` → `library/python`).
 *
 * Never throws; malformed references are split as far as possible.
 *
 * @param raw the reference as written in the Dockerfile
 * @param expanded the reference after ARG expansion (equal to `raw` without variables)
 * @param unresolved true when the expansion left variables unresolved
 */
export function parseImageRef(raw: string, expanded: string, unresolved: boolean): ImageRef {
  let name = expanded;
  let digest: string | null = null;
  const at = name.indexOf('@');
  if (at >= 0) {
    digest = name.slice(at + 1);
    name = name.slice(0, at);
  }
  let tag: string | null = null;
  const lastColon = name.lastIndexOf(':');
  const lastSlash = name.lastIndexOf('/');
  if (lastColon > lastSlash) {
    tag = name.slice(lastColon + 1);
    name = name.slice(0, lastColon);
  }
  let registry: string | null = null;
  let path = name;
  const firstSlash = name.indexOf('/');
  if (firstSlash >= 0) {
    const first = name.slice(0, firstSlash);
    if (first.includes('.') || first.includes(':') || first === 'localhost' || first !== first.toLowerCase()) {
      registry = first;
      path = name.slice(firstSlash + 1);
    }
  }
  const hub = registry === null || registry === 'docker.io' || registry === 'index.docker.io';
  const repository = hub && path !== '' && !path.includes('/') ? `library/${path}` : path;
  return {
    raw,
    expanded,
    registry,
    repository,
    tag,
    digest,
    unresolved: unresolved || expanded === '',
  };
}
