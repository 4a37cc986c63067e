/**
 * Adding entries to an existing .dockerignore (src/context/ignore-merge.ts): the author's lines are kept
 * byte for byte and still decide, entries are compared the way BuildKit cleans patterns.
 */
import { describe, expect, it } from 'vitest';
import { dockerignoreMatcher } from '../../src/context/dockerignore.js';
import { mergeDockerignore, normalizeIgnorePattern } from '../../src/context/ignore-merge.js';

describe('normalizeIgnorePattern', () => {
  it.each([
    ['media/', 'media', false],
    ['/media', 'media', false],
    ['./a//b/', 'a/b', false],
    ['  !**/.env.example ', '**/.env.example', true],
    ['a/../b', 'b', false],
  ])('%j → %j', (line, pattern, negated) => {
    expect(normalizeIgnorePattern(line)).toEqual({ pattern, negated });
  });
  it('skips comments and blank lines', () => {
    expect(normalizeIgnorePattern('# .git')).toBeNull();
    expect(normalizeIgnorePattern('   ')).toBeNull();
  });
});

describe('mergeDockerignore', () => {
  const wanted = '# why\n.git\n**/.env*\n!**/.env.example\n**/__pycache__\n';

  it('adds nothing when every entry is present in some spelling', () => {
    const own = '/.git/\n**/.env*\n**/__pycache__/\n';
    expect(mergeDockerignore(own, wanted, 'h')).toEqual({ text: own, added: [] });
  });

  it('puts the missing entries first, so an exception of the author still wins', () => {
    const own = '\uFEFFsecrets/\r\n!.env.defaults\r\n';
    const { text, added } = mergeDockerignore(own, wanted, 'added');
    expect(added).toEqual(['.git', '**/.env*', '!**/.env.example', '**/__pycache__']);
    expect(text).toBe('\uFEFF# added\r\n.git\r\n**/.env*\r\n!**/.env.example\r\n**/__pycache__\r\n\r\n' + own.slice(1));
    const m = dockerignoreMatcher(text.slice(1));
    expect(m.ignores('.env.defaults')).toBe(false);
    expect(m.ignores('.env')).toBe(true);
    expect(m.ignores('secrets/key')).toBe(true);
  });

  it('adds an exception only with the exclusion it belongs to', () => {
    const { added } = mergeDockerignore('**/.env*\n', wanted, 'h');
    expect(added).toEqual(['.git', '**/__pycache__']);
  });

  it('an empty file becomes the block alone', () => {
    expect(mergeDockerignore('', '.git\n', 'h').text).toBe('# h\n.git\n');
  });
});
