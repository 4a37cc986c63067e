/**
 * The `file-encoding` finding: a Dockerfile that is not valid UTF-8. The CLI decodes such a file with
 * each stray byte kept as a lone surrogate U+DC80–U+DCFF (src/cli/input.ts), so the text carries the
 * fact itself and no option is needed. Docker builds such files (it reads bytes; instructions are
 * ASCII), so this is information, reported once per file, at the first stray byte.
 */
import type { Dockerfile } from '../parse/types.js';
import type { Finding } from './types.js';
import { engineFindingUrl } from './rule-ids.js';

/** Rule id of the encoding finding (not a registered rule: it is about the file, like DL1000). */
export const FILE_ENCODING_ID = 'file-encoding';

/** Offsets of the stray bytes in `text` (lone U+DC80–U+DCFF not preceded by a high surrogate). */
function strayBytes(text: string): number[] {
  const out: number[] = [];
  for (let i = text.search(/[\uDC80-\uDCFF]/); i !== -1 && i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xdc80 && c <= 0xdcff && !(i > 0 && text.charCodeAt(i - 1) >= 0xd800 && text.charCodeAt(i - 1) <= 0xdbff)) out.push(i);
  }
  return out;
}

/**
 * The info finding for a file that is not valid UTF-8, or null when it is. Names the first stray byte
 * (line, column, hex value) and how many there are.
 */
export function encodingFinding(file: Dockerfile): Finding | null {
  const text = file.text;
  const stray = strayBytes(text);
  if (stray.length === 0) return null;
  const at = stray[0];
  let line = 0;
  while (line + 1 < file.lineStarts.length && file.lineStarts[line + 1] <= at) line++;
  const start = { line: line + 1, column: at - file.lineStarts[line] + 1, offset: at };
  const end = { line: line + 1, column: start.column + 1, offset: at + 1 };
  const hex = (text.charCodeAt(at) - 0xdc00).toString(16).toUpperCase().padStart(2, '0');
  const more = stray.length > 1 ? ` and ${stray.length - 1} more byte(s)` : '';
  return {
    ruleId: FILE_ENCODING_ID,
    severity: 'info',
    url: engineFindingUrl(FILE_ENCODING_ID),
    message: `The file is not valid UTF-8 (byte 0x${hex} here${more}; Latin-1, GBK or another legacy encoding): it was linted with those bytes kept as they are, and fixes write them back unchanged. Docker builds it, but editors and tools may not show it right: save it as UTF-8`,
    range: { start, end },
    instruction: null,
  };
}
