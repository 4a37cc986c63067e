/**
 * Turning the bytes of a file into Dockerfile text, with clear errors for input that is not text.
 *
 * Docker reads a Dockerfile as bytes and only needs its instructions to be ASCII: a comment in GBK or
 * Latin-1 builds fine. So bytes that are not valid UTF-8 do not stop linting: each such byte becomes a
 * lone surrogate U+DC80–U+DCFF (Python's `surrogateescape`), which no valid UTF-8 text can contain. The
 * engine reports the encoding once (an info finding, src/engine/encoding.ts), and {@link encodeText}
 * turns the text back into exactly the original bytes when a fix is written.
 */

/** A file that cannot be linted as text; `message` is shown to the user (exit code 2). */
export class InputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InputError';
  }
}

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * Decodes the bytes of a Dockerfile. The BOM, if any, is kept in the text (the parser records and skips
 * it, and fixes write it back). Bytes that are not valid UTF-8 become U+DC80 + byte (see the module
 * comment).
 * @throws InputError for UTF-16 text (a UTF-16 byte order mark: Docker does not read it as a Dockerfile)
 *   and for binary content (a NUL byte).
 */
export function decodeFile(bytes: Uint8Array): string {
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    const order = bytes[0] === 0xff ? 'little-endian, byte order mark FF FE' : 'big-endian, byte order mark FE FF';
    throw new InputError(`UTF-16 text (${order}): Docker reads a Dockerfile as UTF-8 and does not build this file; save it as UTF-8`);
  }
  if (bytes.includes(0)) throw new InputError('binary file (contains NUL bytes), not a Dockerfile');
  try {
    return decoder.decode(bytes);
  } catch {
    return decodeEscaped(bytes);
  }
}

/** Length of the valid UTF-8 sequence starting at `i`, or 0 when the byte there does not start one. */
function sequenceLength(b: Uint8Array, i: number): number {
  const c = b[i];
  const cont = (k: number, lo = 0x80, hi = 0xbf): boolean => i + k < b.length && b[i + k] >= lo && b[i + k] <= hi;
  if (c < 0x80) return 1;
  if (c >= 0xc2 && c <= 0xdf) return cont(1) ? 2 : 0;
  if (c === 0xe0) return cont(1, 0xa0) && cont(2) ? 3 : 0;
  if ((c >= 0xe1 && c <= 0xec) || c === 0xee || c === 0xef) return cont(1) && cont(2) ? 3 : 0;
  if (c === 0xed) return cont(1, 0x80, 0x9f) && cont(2) ? 3 : 0; // no encoded surrogates
  if (c === 0xf0) return cont(1, 0x90) && cont(2) && cont(3) ? 4 : 0;
  if (c >= 0xf1 && c <= 0xf3) return cont(1) && cont(2) && cont(3) ? 4 : 0;
  if (c === 0xf4) return cont(1, 0x80, 0x8f) && cont(2) && cont(3) ? 4 : 0;
  return 0;
}

/** UTF-8 decoding where every byte outside a valid sequence becomes U+DC80 + (byte − 0x80). */
function decodeEscaped(bytes: Uint8Array): string {
  const parts: string[] = [];
  let start = 0;
  let i = 0;
  while (i < bytes.length) {
    const n = sequenceLength(bytes, i);
    if (n > 0) {
      i += n;
      continue;
    }
    if (i > start) parts.push(decoder.decode(bytes.subarray(start, i)));
    parts.push(String.fromCharCode(0xdc00 + bytes[i]));
    i++;
    start = i;
  }
  if (start < bytes.length) parts.push(decoder.decode(bytes.subarray(start)));
  return parts.join('');
}

/**
 * The bytes of `text` as {@link decodeFile} read them: UTF-8, with each escaped byte (a lone surrogate
 * U+DC80–U+DCFF) written back as that byte. For text without escaped bytes this is plain UTF-8.
 */
export function encodeText(text: string): Buffer {
  if (!/[\uDC80-\uDCFF]/.test(text)) return Buffer.from(text, 'utf8');
  const chunks: Buffer[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xdc80 && c <= 0xdcff && !(i > 0 && text.charCodeAt(i - 1) >= 0xd800 && text.charCodeAt(i - 1) <= 0xdbff)) {
      chunks.push(Buffer.from(text.slice(start, i), 'utf8'), Buffer.from([c - 0xdc00]));
      start = i + 1;
    }
  }
  chunks.push(Buffer.from(text.slice(start), 'utf8'));
  return Buffer.concat(chunks);
}

/**
 * One line describing a YAML syntax error of `text` (a configuration or Compose file): the `yaml`
 * package's first message line (`… at line 2, column 3:`) followed by the offending source line (in backquotes), or
 * without the colon when that line is empty (an error at the end of the file). The line is cut at 80
 * characters and its control characters are shown as `\xNN`. Any other error gives its first line.
 */
export function yamlErrorLine(e: unknown, text: string): string {
  const first = (e instanceof Error ? e.message : String(e)).split('\n')[0];
  const pos = (e as { linePos?: { line: number }[] } | null)?.linePos?.[0];
  if (!first.endsWith(':') || !pos) return first;
  const line = (text.split(/\r?\n/)[pos.line - 1] ?? '').trimEnd();
  if (line.trim() === '') return first.slice(0, -1);
  const shown = (line.length > 80 ? `${line.slice(0, 79)}…` : line).replace(/[\x00-\x1f\x7f-\x9f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
  return `${first} \`${shown}\``;
}
