/** Errors of `shipshape image` and `shipshape pin` that are the input's fault (exit code 2, one line, no stack trace). */
export class ImageError extends Error {
  override name = 'ImageError';
}
