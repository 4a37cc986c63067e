import { describe, expect, it } from 'vitest';
import { editDistance } from '../../src/parse/edit-distance.js';

describe('editDistance', () => {
  it('counts insertions, deletions and substitutions (Levenshtein)', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('same', 'same')).toBe(0);
    expect(editDistance('Copy', 'copy')).toBe(1); // compared as given: lower-case first for case-insensitive
  });

  it('counts a swap of neighbours as one edit only with transpositions (optimal string alignment)', () => {
    expect(editDistance('ab', 'ba')).toBe(2);
    expect(editDistance('ab', 'ba', { transpositions: true })).toBe(1);
    expect(editDistance('stgae', 'stage', { transpositions: true })).toBe(1);
    // Optimal string alignment edits no substring twice: 'ca' → 'abc' stays 3 (true Damerau would say 2).
    expect(editDistance('ca', 'abc', { transpositions: true })).toBe(3);
  });

  it('stops past max and answers max + 1, agreeing with the unbounded distance below it', () => {
    expect(editDistance('kitten', 'sitting', { max: 2 })).toBe(3);
    expect(editDistance('http_proxy', 'HTTP_PROXY', { max: 2 })).toBe(3);
    expect(editDistance('abcdefgh', 'a', { max: 2 })).toBe(3);
    const words = ['APP_HOME', 'APP_HOEM', 'APPHOME', 'APP_HOMES', 'PP_HOME', 'xyz', ''];
    for (const a of words) {
      for (const b of words) {
        const full = editDistance(a, b, { transpositions: true });
        expect(editDistance(a, b, { transpositions: true, max: 2 })).toBe(Math.min(full, 3));
      }
    }
  });
});
