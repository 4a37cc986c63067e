/**
 * The registry of `shipshape image` checks (documented in docs/image.md): ids, default severities and
 * summaries. Kept apart from the checks themselves so that `shipshape lint`, which only needs the ids
 * to accept them in a configuration, does not load the image reader (streams, zlib, tar).
 */
import type { Severity } from '../engine/types.js';

/** Metadata of one image check (the registry of `shipshape image` rules; documented in docs/image.md). */
export interface ImageRule {
  id: string;
  severity: Severity;
  summary: string;
}

/** Every image check, with its default severity. */
export const IMAGE_RULES: readonly ImageRule[] = [
  { id: 'image-root-user', severity: 'warning', summary: 'The image runs as root' },
  { id: 'image-no-healthcheck', severity: 'info', summary: 'The image has no HEALTHCHECK' },
  { id: 'image-secret', severity: 'error', summary: 'A secret is stored in the image (config, history or a file)' },
  { id: 'image-package-cache', severity: 'warning', summary: 'A package manager cache was left in the image' },
  { id: 'image-setuid', severity: 'info', summary: 'The image has setuid or setgid files' },
  { id: 'image-build-tools', severity: 'warning', summary: 'Build tools are installed in the final image' },
  { id: 'image-ignored-files', severity: 'warning', summary: 'Files that .dockerignore should keep out are in the image' },
  { id: 'image-python-env', severity: 'info', summary: 'The Python environment differs from what production images need or from the lock file' },
  { id: 'image-wasted-bytes', severity: 'warning', summary: 'Too many bytes are wasted by files hidden in higher layers' },
];
