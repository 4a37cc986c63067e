/**
 * Turning the bytes of a file into Dockerfile text, with clear errors for input that is not text.
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
 * Decodes UTF-8 bytes. The BOM, if any, is kept in the text (the parser records and skips it, and
 * fixes write it back).
 * @throws InputError for binary content (a NUL byte) or bytes that are not valid UTF-8.
 */
export function decodeFile(bytes: Uint8Array): string {
  if (bytes.includes(0)) throw new InputError('binary file (contains NUL bytes), not a Dockerfile');
  try {
    return decoder.decode(bytes);
  } catch {
    throw new InputError('not valid UTF-8 text');
  }
}
