import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { missingCopySources } from '../../src/cli/context-check.js';

const root = mkdtempSync(join(tmpdir(), 'shipshape-context-check-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A project `files` at its root and a Dockerfile in `sub/deeper/` (the assumed context). */
function project(name: string, files: string[], dockerfile: string): { path: string; dir: string; top: string } {
  const top = join(root, name);
  const dir = join(top, 'sub', 'deeper');
  mkdirSync(dir, { recursive: true });
  for (const f of files) writeFileSync(join(top, f), 'x\n');
  writeFileSync(join(dir, 'Dockerfile'), dockerfile);
  return { path: join(dir, 'Dockerfile'), dir, top };
}

describe('missingCopySources', () => {
  it('counts a source named several times once per naming, and finds the enclosing context', () => {
    const p = project('repeated', ['a', 'b'], 'FROM busybox:1.36.1\nCOPY a b /x/\nCOPY a /y/\nCOPY c /z/\n');
    // 3 of the 4 namings (a, b, a) exist two levels up: more than half.
    expect(missingCopySources(p.path, p.dir)).toEqual({ missing: ['a', 'b', 'a', 'c'], total: 4, likely: p.top });
  });

  it('says nothing when an enclosing directory holds only half of the sources', () => {
    const p = project('half', ['a', 'b'], 'FROM busybox:1.36.1\nCOPY a b c d /x/\n');
    expect(missingCopySources(p.path, p.dir)).toBeNull();
  });

  it('says nothing when half of the sources are in the assumed context', () => {
    const p = project('here', ['a', 'b', 'c'], 'FROM busybox:1.36.1\nCOPY a b c d /x/\n');
    writeFileSync(join(p.dir, 'd'), 'x\n');
    writeFileSync(join(p.dir, 'c'), 'x\n');
    expect(missingCopySources(p.path, p.dir)).toBeNull();
  });

  it('still reads a COPY whose keyword is split over continuation lines', () => {
    const p = project('split', ['a', 'b'], 'FROM busybox:1.36.1\nCO\\\n# note\nPY a b /x/\n');
    expect(missingCopySources(p.path, p.dir)).toEqual({ missing: ['a', 'b'], total: 2, likely: p.top });
  });

  it('is null for a Dockerfile without COPY or ADD', () => {
    const p = project('none', ['a'], 'FROM busybox:1.36.1\nENV A=a\nRUN cat a\n');
    expect(missingCopySources(p.path, p.dir)).toBeNull();
  });
});
