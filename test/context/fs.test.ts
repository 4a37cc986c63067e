/**
 * The build context on disk never leaves its root (BuildKit resolves context paths and symlinks inside
 * the context, as if it were `/`): no file outside it is read, stat'ed or listed.
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fsContext } from '../../src/context/fs.js';

const dir = mkdtempSync(join(tmpdir(), 'shipshape-ctx-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const root = join(dir, 'ctx');
mkdirSync(join(root, 'app'), { recursive: true });
mkdirSync(join(dir, 'outside'), { recursive: true });
writeFileSync(join(dir, 'outside', '.npmrc'), '//registry.npmjs.org/:_authToken=outside\n');
writeFileSync(join(dir, 'outside', 'env'), 'CI_TOKEN=s3cr3t-outside-value\n');
writeFileSync(join(root, 'real.txt'), 'django==5.0.7\n');
writeFileSync(join(root, 'app', 'inner.txt'), 'inner\n');
symlinkSync(join(dir, 'outside', 'env'), join(root, 'escape-abs.txt'));
symlinkSync('../outside/env', join(root, 'escape-rel.txt'));
symlinkSync('real.txt', join(root, 'inside-rel.txt'));
symlinkSync('/real.txt', join(root, 'inside-abs.txt')); // BuildKit: an absolute target is resolved in the context
symlinkSync(join(dir, 'outside'), join(root, 'outdir'));
symlinkSync('loop-b', join(root, 'loop-a'));
symlinkSync('loop-a', join(root, 'loop-b'));

describe('fsContext stays inside the build context', () => {
  const ctx = fsContext(root, join(root, 'Dockerfile'));
  it('does not read through a symlink that points outside (absolute or relative)', () => {
    expect(ctx.readFile('escape-abs.txt')).toBeNull();
    expect(ctx.readFile('escape-rel.txt')).toBeNull();
    expect(ctx.readFile('outdir/env')).toBeNull();
    expect(ctx.exists('outdir/env')).toBe(false);
  });
  it('reads through symlinks that stay inside, resolving absolute targets in the context as BuildKit does', () => {
    expect(ctx.readFile('inside-rel.txt')).toBe('django==5.0.7\n');
    expect(ctx.readFile('inside-abs.txt')).toBe('django==5.0.7\n');
    expect(ctx.readFile('./app/../app/inner.txt')).toBe('inner\n');
  });
  it('clamps `..` at the root: ../outside/.npmrc is <root>/outside/.npmrc, which does not exist', () => {
    expect(ctx.exists('../outside/.npmrc')).toBe(false);
    expect(ctx.readFile('../outside/.npmrc')).toBeNull();
    expect(ctx.exists('../../ctx/real.txt')).toBe(false); // clamped to <root>/ctx/real.txt
    expect(ctx.exists('../real.txt')).toBe(true); // clamped to <root>/real.txt
  });
  it('survives symlink loops', () => {
    expect(ctx.readFile('loop-a')).toBeNull();
    expect(ctx.exists('loop-a')).toBe(false);
  });
  it('does not list files of a symlinked directory outside', () => {
    expect(ctx.listFiles().some((f) => f.startsWith('outdir/'))).toBe(false);
  });
});

describe('fsContext listing limit', () => {
  it('stops at the limit and says so; the default is 50,000', () => {
    const small = fsContext(root, undefined, 2);
    expect(small.listFiles()).toHaveLength(2);
    expect(small.truncated()).toBe(true);
    const full = fsContext(root);
    full.listFiles();
    expect(full.truncated()).toBe(false);
  });
});

describe('fsContext answers the same after it has read a much-asked directory', () => {
  it('finds existing files, directories and symlinks after 200 look-ups of missing names, and only those', () => {
    const dir = mkdtempSync(join(tmpdir(), 'shipshape-fs-many-'));
    try {
      mkdirSync(join(dir, 'pkg'));
      writeFileSync(join(dir, 'pkg', 'mod.py'), 'x\n');
      writeFileSync(join(dir, 'app.py'), 'x\n');
      symlinkSync('app.py', join(dir, 'link.py'));
      const ctx = fsContext(dir);
      for (let i = 0; i < 200; i++) expect(ctx.exists(`src${i}`)).toBe(false);
      for (let i = 0; i < 200; i++) expect(ctx.exists(`pkg/missing${i}.py`)).toBe(false);
      expect([ctx.exists('app.py'), ctx.exists('pkg/mod.py'), ctx.exists('link.py'), ctx.exists('pkg'), ctx.exists('./pkg/../app.py')]).toEqual([true, true, true, true, true]);
      expect(ctx.readFile('link.py')).toBe('x\n');
      // The same answer lstat gives for a name in another case (false on a case-sensitive file system).
      expect(ctx.exists('APP.PY')).toBe(fsContext(dir).exists('APP.PY'));
      expect([ctx.exists('nope.py'), ctx.exists('pkg/nope.py'), ctx.exists('app.py/x')]).toEqual([false, false, false]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('fsContext finds the ignore file BuildKit applies', () => {
  const base = join(dir, 'ignores');
  const project = join(base, 'project');
  mkdirSync(join(project, 'docker'), { recursive: true });
  mkdirSync(join(base, 'elsewhere'), { recursive: true });
  writeFileSync(join(project, '.dockerignore'), 'src\n');
  writeFileSync(join(project, 'prod.Dockerfile.dockerignore'), 'wrong-folder\n');
  writeFileSync(join(project, 'docker', 'prod.Dockerfile'), 'FROM scratch\n');
  writeFileSync(join(project, 'docker', 'prod.Dockerfile.dockerignore'), '.git\n');
  writeFileSync(join(project, 'docker', 'other.Dockerfile'), 'FROM scratch\n');
  writeFileSync(join(base, 'elsewhere', 'Dockerfile'), 'FROM scratch\n');
  writeFileSync(join(base, 'elsewhere', 'Dockerfile.dockerignore'), '*.pem\n');
  writeFileSync(join(base, 'secret.txt'), 'not an ignore file\n');
  writeFileSync(join(base, 'elsewhere', 'linked.Dockerfile'), 'FROM scratch\n');
  symlinkSync(join(base, 'secret.txt'), join(base, 'elsewhere', 'linked.Dockerfile.dockerignore'));

  it('<Dockerfile path>.dockerignore beside the Dockerfile, not at the context root (docker build -f docker/prod.Dockerfile .)', () => {
    expect(fsContext(project, join(project, 'docker', 'prod.Dockerfile')).dockerignore()).toEqual({ path: 'docker/prod.Dockerfile.dockerignore', content: '.git\n' });
  });
  it('.dockerignore at the root when the Dockerfile has none of its own', () => {
    expect(fsContext(project, join(project, 'docker', 'other.Dockerfile')).dockerignore()).toEqual({ path: '.dockerignore', content: 'src\n' });
  });
  it('beside a Dockerfile outside the context, read as a regular file, never through a symlink', () => {
    expect(fsContext(project, join(base, 'elsewhere', 'Dockerfile')).dockerignore()).toEqual({ path: '../elsewhere/Dockerfile.dockerignore', content: '*.pem\n' });
    expect(fsContext(project, join(base, 'elsewhere', 'linked.Dockerfile')).dockerignore()).toEqual({ path: '.dockerignore', content: 'src\n' });
  });
});
