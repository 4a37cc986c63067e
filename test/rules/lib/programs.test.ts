/** src/rules/lib/programs.ts: what a container command starts, shared by three rules. */
import { describe, expect, it } from 'vitest';
import { afterWrappers, startsInteractive } from '../../../src/rules/lib/programs.js';

const words = (s: string): string[] => s.split(' ').filter(Boolean);

describe('afterWrappers', () => {
  it('skips init processes, their options, the user of gosu/su-exec and --', () => {
    expect(afterWrappers(words('bash'))).toBe(0);
    expect(afterWrappers(words('tini -- bash'))).toBe(2);
    expect(afterWrappers(words('/usr/bin/tini -s -- gunicorn app'))).toBe(3);
    expect(afterWrappers(words('gosu app bash'))).toBe(2);
    expect(afterWrappers(words('tini -- gosu app gunicorn'))).toBe(4);
    expect(afterWrappers(words('fixuid'))).toBe(1);
  });
});

describe('startsInteractive', () => {
  const shell = (s: string): boolean => startsInteractive(words(s), { interpreters: false });
  const any = (s: string): boolean => startsInteractive(words(s), { interpreters: true });
  it('a shell with options only, also behind wrappers', () => {
    for (const c of ['bash', '/bin/sh -l', 'tini -- bash', 'dumb-init /bin/zsh', 'gosu app bash -i']) expect(shell(c)).toBe(true);
  });
  it('a shell that runs something is not interactive', () => {
    for (const c of ['bash -c serve', 'sh start.sh', 'bash -e', 'tini --', '']) expect(shell(c)).toBe(false);
  });
  it('interpreters only when asked, and only without a script, module or expression', () => {
    expect(shell('python3')).toBe(false);
    for (const c of ['python3', 'ipython', 'php -a', 'tini -- python3.12', 'node']) expect(any(c)).toBe(true);
    for (const c of ['python app.py', 'python -m http.server', 'node -e 1', 'php artisan serve']) expect(any(c)).toBe(false);
  });
});
