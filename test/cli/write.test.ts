/** src/cli/write.ts: atomic replace with the lost-update check, append-only context files. */
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readInputFile } from '../../src/cli/targets.js';
import { appendToFile, replaceFile } from '../../src/cli/write.js';

const dir = mkdtempSync(join(tmpdir(), 'shipshape-write-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('replaceFile', () => {
  it('keeps the mode and leaves no temporary file', () => {
    const p = join(dir, 'Dockerfile');
    writeFileSync(p, 'FROM a\n');
    chmodSync(p, 0o640);
    replaceFile(p, 'FROM b\n', readInputFile(p).snapshot);
    expect(readFileSync(p, 'utf8')).toBe('FROM b\n');
    expect(statSync(p).mode & 0o777).toBe(0o640);
    expect(readdirSync(dir).filter((f) => f.includes('shipshape'))).toEqual([]);
  });
  it('refuses when the file was edited after it was read (same size too), keeping the edit', () => {
    const p = join(dir, 'Edited');
    writeFileSync(p, 'FROM a\n');
    const snap = readInputFile(p).snapshot;
    writeFileSync(p, 'FROM c\n'); // same size; mtime may even be equal on a coarse clock: the hash differs
    expect(() => replaceFile(p, 'FROM b\n', snap)).toThrow(/changed while/);
    expect(readFileSync(p, 'utf8')).toBe('FROM c\n');
    expect(readdirSync(dir).filter((f) => f.includes('shipshape'))).toEqual([]);
  });
});

describe('appendToFile', () => {
  it('appends bytes after the original ones, whatever their encoding', () => {
    const p = join(dir, 'latin1.dockerignore');
    const orig = Buffer.from('m\xe9dia/\n', 'latin1');
    writeFileSync(p, orig);
    appendToFile(p, '.env\n', readInputFile(p).snapshot);
    expect(readFileSync(p).equals(Buffer.concat([orig, Buffer.from('.env\n')]))).toBe(true);
  });
  it('creates only when no entry exists: a dangling symlink is refused', () => {
    const p = join(dir, 'dangling.dockerignore');
    symlinkSync(join(dir, 'nowhere'), p);
    expect(() => appendToFile(p, '.env\n', null)).toThrow(/symbolic link/);
    expect(readdirSync(dir)).not.toContain('nowhere');
  });
});
