/**
 * Fuzz target for the Dockerfile parser, in Jazzer.js's form (`fuzz(data)`): any bytes, decoded as
 * UTF-8, must parse without throwing, and the model must be consistent (ranges inside the text,
 * instructions in order). Also expands every instruction's words. Run with `npm run fuzz`
 * (fuzz/run.mjs), never as part of `npm test`.
 */
import { expandWords } from '../src/parse/expand.js';
import { parse } from '../src/parse/parser.js';

export function fuzz(data: Buffer): void {
  const text = data.toString('utf8');
  const file = parse(text);
  let last = -1;
  for (const i of file.instructions) {
    const { start, end } = i.range;
    if (start.offset < 0 || end.offset > text.length || start.offset > end.offset) throw new Error(`range out of the text: ${start.offset}..${end.offset} of ${text.length}`);
    if (start.offset < last) throw new Error('instructions out of order');
    last = start.offset;
    expandWords(i.args.text, () => undefined);
  }
  for (const e of file.errors) if (e.range.start.offset > text.length) throw new Error('error range out of the text');
}
