/** Decoding Dockerfile bytes (src/cli/input.ts): UTF-8, stray bytes kept, UTF-16 and binary refused. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeFile, encodeText, InputError } from '../../src/cli/input.js';

describe('decodeFile / encodeText', () => {
  it('valid UTF-8 decodes as usual (BOM kept)', () => {
    expect(decodeFile(Buffer.from('\uFEFFFROM a\n# café 中\n'))).toBe('\uFEFFFROM a\n# café 中\n');
  });
  it('stray bytes become U+DC80..U+DCFF and encode back to the same bytes', () => {
    const bytes = Buffer.from([0x23, 0x20, 0xe9, 0x41, 0xc3, 0xa9, 0xed, 0xa0, 0x80, 0xf0, 0x9f, 0x98, 0x80, 0xc3]);
    const text = decodeFile(bytes);
    expect([...text].map((c) => c.codePointAt(0)!.toString(16))).toEqual(['23', '20', 'dce9', '41', 'e9', 'dced', 'dca0', 'dc80', '1f600', 'dcc3']);
    expect(encodeText(text)).toEqual(bytes);
  });
  it('property: any bytes without NUL and without a UTF-16 BOM round-trip exactly', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 0, maxLength: 200 }).filter((b) => !b.includes(0) && !(b[0] === 0xff && b[1] === 0xfe) && !(b[0] === 0xfe && b[1] === 0xff)), (b) => {
        expect(encodeText(decodeFile(b))).toEqual(Buffer.from(b));
      }),
      { numRuns: 500 },
    );
  });
  it('UTF-16 and binary are input errors', () => {
    expect(() => decodeFile(Buffer.from([0xff, 0xfe, 0x46, 0x00]))).toThrow(InputError);
    expect(() => decodeFile(Buffer.from([0xfe, 0xff, 0x00, 0x46]))).toThrow(/UTF-16 text \(big-endian/);
    expect(() => decodeFile(Buffer.from([0x46, 0x00]))).toThrow(/binary file/);
  });
});
