/** `filePatch`: the unified diff printed by `lint --diff`, `init --dry-run` and `pin --diff`. */
import { describe, expect, it } from 'vitest';
import { filePatch } from '../../src/report/patch.js';

describe('filePatch', () => {
  it('names a changed file a/NAME and b/NAME, with no Index or ==== lines', () => {
    expect(filePatch('svc/Dockerfile', 'FROM a\nRUN x\n', 'FROM a\nRUN y\n')).toBe('--- a/svc/Dockerfile\n+++ b/svc/Dockerfile\n@@ -1,2 +1,2 @@\n FROM a\n-RUN x\n+RUN y\n');
  });
  it('creates a new file from /dev/null', () => {
    expect(filePatch('.dockerignore', null, '.git\n')).toBe('--- /dev/null\n+++ b/.dockerignore\n@@ -0,0 +1,1 @@\n+.git\n');
  });
  it('writes forward slashes in names given with backslashes (Windows paths)', () => {
    expect(filePatch('svc\\Dockerfile', 'a\n', 'b\n').split('\n').slice(0, 2)).toEqual(['--- a/svc/Dockerfile', '+++ b/svc/Dockerfile']);
  });
});
