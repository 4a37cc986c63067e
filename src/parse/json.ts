/**
 * A small strict JSON reader for BuildKit's exec form (`parser/line_parsers.go`, `parseJSON`): the
 * argument text is exec form when it parses COMPLETELY as a JSON array (Go's `json.Unmarshal` into
 * `[]interface{}`); any JSON value is accepted as an element so that "valid JSON with a non-string
 * element" (a hard error in BuildKit) can be told apart from "not JSON" (BuildKit falls back to the
 * shell form).
 *
 * No `node:` imports: this module runs in browsers and language servers.
 */

/** One element of a JSON array: its decoded value (null when the element is not a string) and its span. */
interface JsonArrayElement {
  /** Decoded string, or null when the element is a number, object, array, boolean or null. */
  value: string | null;
  /** Offset of the element's first character (the opening quote for a string) in the input. */
  start: number;
  /** Offset just after the element's last character. */
  end: number;
}

/** Result of {@link parseJsonArray}. */
type JsonArrayResult =
  | { ok: true; elements: JsonArrayElement[]; allStrings: boolean }
  | { ok: false };

/** Nesting limit; deeper input is treated as invalid JSON (Go's decoder stops at 10000). */
const MAX_DEPTH = 1000;

/**
 * Parses `text.slice(from, to)` as one JSON array surrounded by optional JSON white space
 * (space, tab, CR, LF) and nothing else. Never throws.
 *
 * @returns `{ok: false}` when the text is not exactly one JSON array; otherwise the elements with
 *   offsets into `text` and whether all of them are strings.
 */
export function parseJsonArray(text: string, from = 0, to = text.length): JsonArrayResult {
  let i = from;

  const skipWs = (): void => {
    while (i < to) {
      const c = text.charCodeAt(i);
      if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) i++;
      else break;
    }
  };

  const hexValue = (c: number): number => {
    if (c >= 48 && c <= 57) return c - 48;
    if (c >= 97 && c <= 102) return c - 87;
    if (c >= 65 && c <= 70) return c - 55;
    return -1;
  };

  /** Reads a string starting at the opening quote; returns the decoded text or null when invalid. */
  const readString = (): string | null => {
    i++; // opening quote
    let out = '';
    let runStart = i;
    while (i < to) {
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        out += text.slice(runStart, i);
        i++;
        return out;
      }
      if (c < 0x20) return null;
      if (c === 0x5c) {
        out += text.slice(runStart, i);
        if (i + 1 >= to) return null;
        const e = text.charCodeAt(i + 1);
        switch (e) {
          case 0x22: out += '"'; break;
          case 0x5c: out += '\\'; break;
          case 0x2f: out += '/'; break;
          case 0x62: out += '\b'; break;
          case 0x66: out += '\f'; break;
          case 0x6e: out += '\n'; break;
          case 0x72: out += '\r'; break;
          case 0x74: out += '\t'; break;
          case 0x75: {
            if (i + 6 > to) return null;
            let code = 0;
            for (let k = 2; k < 6; k++) {
              const h = hexValue(text.charCodeAt(i + k));
              if (h < 0) return null;
              code = code * 16 + h;
            }
            // Go replaces a lone surrogate with U+FFFD and decodes a valid pair.
            if (code >= 0xd800 && code < 0xdc00) {
              if (i + 12 <= to && text.charCodeAt(i + 6) === 0x5c && text.charCodeAt(i + 7) === 0x75) {
                let low = 0;
                let okLow = true;
                for (let k = 8; k < 12; k++) {
                  const h = hexValue(text.charCodeAt(i + k));
                  if (h < 0) { okLow = false; break; }
                  low = low * 16 + h;
                }
                if (okLow && low >= 0xdc00 && low < 0xe000) {
                  out += String.fromCharCode(code, low);
                  i += 12;
                  runStart = i;
                  continue;
                }
              }
              out += '\ufffd';
            } else if (code >= 0xdc00 && code < 0xe000) {
              out += '\ufffd';
            } else {
              out += String.fromCharCode(code);
            }
            i += 6;
            runStart = i;
            continue;
          }
          default:
            return null;
        }
        i += 2;
        runStart = i;
        continue;
      }
      i++;
    }
    return null;
  };

  const readNumber = (): boolean => {
    if (text.charCodeAt(i) === 0x2d) i++;
    if (i >= to) return false;
    let c = text.charCodeAt(i);
    if (c === 0x30) i++;
    else if (c >= 0x31 && c <= 0x39) {
      while (i < to && (c = text.charCodeAt(i)) >= 0x30 && c <= 0x39) i++;
    } else return false;
    if (i < to && text.charCodeAt(i) === 0x2e) {
      i++;
      const s = i;
      while (i < to && (c = text.charCodeAt(i)) >= 0x30 && c <= 0x39) i++;
      if (i === s) return false;
    }
    if (i < to && (text.charCodeAt(i) === 0x65 || text.charCodeAt(i) === 0x45)) {
      i++;
      if (i < to && (text.charCodeAt(i) === 0x2b || text.charCodeAt(i) === 0x2d)) i++;
      const s = i;
      while (i < to && (c = text.charCodeAt(i)) >= 0x30 && c <= 0x39) i++;
      if (i === s) return false;
    }
    return true;
  };

  const readLiteral = (word: string): boolean => {
    if (i + word.length > to || text.slice(i, i + word.length) !== word) return false;
    i += word.length;
    return true;
  };

  /** Reads any JSON value at `i` (white space already skipped). */
  const readValue = (depth: number): boolean => {
    if (i >= to || depth > MAX_DEPTH) return false;
    const c = text.charCodeAt(i);
    if (c === 0x22) return readString() !== null;
    if (c === 0x5b) return readContainer(depth, 0x5d, false);
    if (c === 0x7b) return readContainer(depth, 0x7d, true);
    if (c === 0x74) return readLiteral('true');
    if (c === 0x66) return readLiteral('false');
    if (c === 0x6e) return readLiteral('null');
    if (c === 0x2d || (c >= 0x30 && c <= 0x39)) return readNumber();
    return false;
  };

  const readContainer = (depth: number, close: number, isObject: boolean): boolean => {
    i++;
    skipWs();
    if (i < to && text.charCodeAt(i) === close) {
      i++;
      return true;
    }
    for (;;) {
      if (isObject) {
        if (i >= to || text.charCodeAt(i) !== 0x22 || readString() === null) return false;
        skipWs();
        if (i >= to || text.charCodeAt(i) !== 0x3a) return false;
        i++;
        skipWs();
      }
      if (!readValue(depth + 1)) return false;
      skipWs();
      if (i >= to) return false;
      const c = text.charCodeAt(i);
      if (c === 0x2c) {
        i++;
        skipWs();
        continue;
      }
      if (c === close) {
        i++;
        return true;
      }
      return false;
    }
  };

  skipWs();
  if (i >= to || text.charCodeAt(i) !== 0x5b) return { ok: false };
  i++;
  const elements: JsonArrayElement[] = [];
  let allStrings = true;
  skipWs();
  if (i < to && text.charCodeAt(i) === 0x5d) {
    i++;
  } else {
    for (;;) {
      skipWs();
      const start = i;
      if (i < to && text.charCodeAt(i) === 0x22) {
        const s = readString();
        if (s === null) return { ok: false };
        elements.push({ value: s, start, end: i });
      } else {
        if (!readValue(1)) return { ok: false };
        allStrings = false;
        elements.push({ value: null, start, end: i });
      }
      skipWs();
      if (i >= to) return { ok: false };
      const c = text.charCodeAt(i);
      if (c === 0x2c) {
        i++;
        continue;
      }
      if (c === 0x5d) {
        i++;
        break;
      }
      return { ok: false };
    }
  }
  skipWs();
  if (i !== to) return { ok: false };
  return { ok: true, elements, allStrings };
}
