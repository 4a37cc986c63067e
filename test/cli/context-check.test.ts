import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { missingCopySources, type ParsedDockerfile } from '../../src/cli/context-check.js';
import { decodeFile } from '../../src/cli/input.js';
import { ContextCache, lintFile } from '../../src/cli/lint-file.js';
import { useNodeGrammar } from '../../src/cli/grammar-node.js';
import { defaultConfig } from '../../src/engine/types.js';
import { parse } from '../../src/parse/parser.js';
import { loadShellParser } from '../../src/shell/grammar.js';
import { runShipshape } from '../helpers/cli.js';

useNodeGrammar();

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

describe('one parse per file', () => {
  it('hands the model it parsed to the caller, decoded as the lint decodes the file', () => {
    const p = project('parsed', ['a'], '\ufeffFROM busybox:1.36.1\nCOPY a /x/\n');
    const seen: ParsedDockerfile[] = [];
    missingCopySources(p.path, p.dir, (parsed) => seen.push(parsed));
    expect(seen).toHaveLength(1);
    expect(seen[0].source).toBe(decodeFile(readFileSync(p.path)));
    expect(seen[0].file.instructions.map((i) => i.keyword)).toEqual(['FROM', 'COPY']);
  });

  it('lintFile lints the model the check parsed when the text is the same, and parses again when it is not', async () => {
    await loadShellParser();
    const p = project('reuse', [], 'FROM busybox:1.36.1\nRUN cd /tmp && echo hi\n');
    const other = project('reuse-other', [], 'FROM busybox:1.36.1\nMAINTAINER someone\n');
    const otherModel = parse(readFileSync(other.path, 'utf8'));
    const codes = async (parsed: ParsedDockerfile): Promise<string[]> => {
      const o = await lintFile({ path: p.path, contextDir: p.dir, doubtfulContext: true }, defaultConfig(), undefined, new ContextCache(), { parsed });
      return o.ok ? o.findings.map((f) => f.ruleId) : [];
    };
    // Same text: the model given is what gets linted (a model of other text shows it was used).
    expect(await codes({ source: readFileSync(p.path, 'utf8'), file: otherModel })).toContain('DL4000');
    // Other text: the file is parsed again.
    const own = await codes({ source: 'FROM scratch\n', file: otherModel });
    expect(own).toContain('DL3003');
    expect(own).not.toContain('DL4000');
  });
});

describe('a doubtful context cannot hide credentials', () => {
  it('the wrong-context search stays inside the working directory', () => {
    // Sources that exist only above the working directory (`etc`, `usr` at `/`) make no likely context.
    const p = project('outside', ['a', 'b'], 'FROM busybox:1.36.1\nCOPY a b /x/\n');
    expect(missingCopySources(p.path, p.dir, () => {}, p.dir)).toBeNull();
    expect(missingCopySources(p.path, p.dir, () => {}, p.top)).toEqual({ missing: ['a', 'b'], total: 2, likely: p.top });
  });

  it('credentials copied from a folder whose context looks wrong are still reported; the context rules stay quiet', async () => {
    await loadShellParser();
    const p = project('creds', ['a', 'b'], 'FROM alpine:3.19.1\nCOPY a b /app/\nCOPY . /app\nUSER 10001\n');
    writeFileSync(join(p.dir, '.env'), 'API_TOKEN=x\n');
    writeFileSync(join(p.dir, 'id_rsa'), '-----BEGIN OPENSSH PRIVATE KEY-----\nabc\n-----END OPENSSH PRIVATE KEY-----\n');
    expect(missingCopySources(p.path, p.dir)).not.toBeNull();
    const codes = async (doubtfulContext: boolean): Promise<string[]> => {
      const o = await lintFile({ path: p.path, contextDir: p.dir, doubtfulContext }, defaultConfig(), undefined, new ContextCache());
      return o.ok ? o.findings.map((f) => f.ruleId) : [];
    };
    const doubtful = await codes(true);
    expect(doubtful).toContain('no-secret-files-copied');
    expect(doubtful).not.toContain('require-dockerignore');
    expect(await codes(false)).toEqual(expect.arrayContaining(['no-secret-files-copied', 'require-dockerignore']));
  });
});

describe('the CLI with a doubtful context', () => {
  it('reports the copied credentials in every format and says why the other context rules are quiet', async () => {
    const p = project('cli', ['a', 'b'], 'FROM alpine:3.19.1\nCOPY a b /app/\nCOPY . /app\nUSER 10001\n');
    writeFileSync(join(p.dir, '.env'), 'API_TOKEN=x\n');
    for (const format of ['tty', 'github', 'json']) {
      // From the project's top folder: the likely context (where `a` and `b` are) is inside it.
      const r = await runShipshape(['lint', '--no-cache', '-f', format, 'sub/deeper/Dockerfile'], p.top);
      expect(r.code).toBe(1);
      expect(r.stdout).toContain('no-secret-files-copied');
      expect(r.stdout).not.toContain('require-dockerignore');
      expect(r.stderr).toContain('likely the real build context');
      // From the Dockerfile's own folder, `a` and `b` are outside the working directory: no note, and
      // every context rule judges the folder.
      const here = await runShipshape(['lint', '--no-cache', '-f', format, 'Dockerfile'], p.dir);
      expect(here.stderr).not.toContain('likely the real build context');
      expect(here.stdout).toContain('require-dockerignore');
    }
  });
});
