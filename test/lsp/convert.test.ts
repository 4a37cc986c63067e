/** The language server's pure helpers: which files are Dockerfiles, pragma and config edits. */
import { describe, expect, it } from 'vitest';
import { addIgnoredRule, hoverFor, ignorePragmaEdit, isDockerfile, minimalEdit } from '../../src/lsp/convert.js';
import { lint } from '../../src/engine/lint.js';
import { defaultRules } from '../../src/rules/registry.js';
import { applyEdits } from '../../src/fix/apply.js';

describe('isDockerfile', () => {
  it.each(['file:///a/Dockerfile', 'file:///a/Dockerfile.prod', 'file:///a/api.Dockerfile', 'file:///a/x.dockerfile', 'file:///a/Containerfile', '/a/Containerfile.dev'])('%s is one', (p) => {
    expect(isDockerfile(p)).toBe(true);
  });
  it.each(['file:///a/Dockerfile.dockerignore', 'file:///a/notes.txt', 'file:///a/Dockerfile/x.yaml', 'file:///a/MyDockerfile'])('%s is not', (p) => {
    expect(isDockerfile(p)).toBe(false);
  });
  it('trusts the language id', () => expect(isDockerfile('untitled:Untitled-1', 'dockerfile')).toBe(true));
});

describe('ignorePragmaEdit', () => {
  const silence = async (text: string, id: string): Promise<string> => {
    const r = await lint(text, { rules: await defaultRules() });
    const f = r.findings.find((x) => x.ruleId === id)!;
    const edit = ignorePragmaEdit(r.file, f)!;
    const out = applyEdits(text, [edit]).text;
    expect((await lint(out, { rules: await defaultRules() })).findings.map((x) => x.ruleId)).not.toContain(id);
    return out;
  };
  it('writes a hadolint pragma above the instruction, keeping its indentation and CRLF', async () => {
    expect(await silence('FROM debian\r\n  RUN cd /tmp\r\n', 'DL3003')).toBe('FROM debian\r\n  # hadolint ignore=DL3003\r\n  RUN cd /tmp\r\n');
  });
  it('adds to an existing pragma instead of writing a second one', async () => {
    expect(await silence('FROM debian:12\n# hadolint ignore=DL3008 # why\nRUN cd /tmp && apt-get install -y curl\n', 'DL3003')).toBe(
      'FROM debian:12\n# hadolint ignore=DL3008,DL3003 # why\nRUN cd /tmp && apt-get install -y curl\n',
    );
  });
});

describe('addIgnoredRule', () => {
  it('creates the list, appends to it, keeps comments and is idempotent', () => {
    expect(addIgnoredRule('', 'DL3008')).toBe('ignored:\n  - DL3008\n');
    const withComment = '# ours\nfailure-threshold: warning # ci\n';
    expect(addIgnoredRule(withComment, 'DL3008')).toBe('# ours\nfailure-threshold: warning # ci\nignored:\n  - DL3008\n');
    expect(addIgnoredRule('ignored: [DL3008]\n', 'DL3008')).toBe('ignored: [DL3008]\n');
    expect(addIgnoredRule('ignored:\n  - DL3008 # pinned elsewhere\n', 'DL3009')).toBe('ignored:\n  - DL3008 # pinned elsewhere\n  - DL3009\n');
  });
  it('refuses files it cannot edit safely', () => {
    expect(() => addIgnoredRule('- a\n', 'DL3008')).toThrow(/mapping/);
    expect(() => addIgnoredRule('ignored: DL3008\n', 'DL3009')).toThrow(/not a list/);
    expect(() => addIgnoredRule('a: [\n', 'DL3009')).toThrow(/invalid YAML/);
  });
});

describe('minimalEdit', () => {
  it('keeps the common prefix and suffix', () => {
    expect(minimalEdit('abcXdef', 'abcYYdef')).toEqual({ start: 3, end: 4, text: 'YY' });
    expect(minimalEdit('same', 'same')).toBeNull();
  });
});

describe('hover text', () => {
  it('keeps code spans as code and escapes Markdown outside them', () => {
    const f = { ruleId: 'X1', severity: 'warning', message: 'Use `pip --no-cache-dir` and not *this* <b> or a lone ` tick', range: { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 2, offset: 1 } } } as Parameters<typeof hoverFor>[0][number];
    const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } };
    const value = (hoverFor([f], new Map(), range)!.contents as { value: string }).value;
    expect(value).toBe('**X1** (warning) — Use `pip --no-cache-dir` and not \\*this\\* \\<b\\> or a lone \\` tick');
  });
});
