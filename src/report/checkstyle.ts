/** The `checkstyle` format (hadolint's Checkstyle 4.3 XML). */
import type { ReportInput } from './types.js';
import { isParseError, reportedPath, sortedFindings, spanOf, xmlAttr, XML_DECLARATION } from './util.js';

/**
 * Mirrors hadolint's `checkstyle` format: `<checkstyle version="4.3">` with one `<file name=…>` per
 * input file (also when it has no findings) holding `<error column line message severity source/>`
 * elements, attributes in hadolint's (alphabetical) order, not pretty-printed, no trailing newline.
 * `column` is the real column (hadolint writes 1). Parse errors (`DL1000`) have no `source`
 * attribute, as in hadolint. `filePathInReport` replaces the file name.
 */
export function formatCheckstyle(input: ReportInput): string {
  let out = `${XML_DECLARATION}<checkstyle version="4.3">`;
  for (const file of input.files) {
    out += `<file name="${xmlAttr(reportedPath(input, file.file))}">`;
    for (const f of sortedFindings(file)) {
      const span = spanOf(f);
      out +=
        `<error column="${span.column}" line="${span.line}" message="${xmlAttr(f.message)}"` +
        ` severity="${f.severity}"` +
        (isParseError(f) ? '' : ` source="${xmlAttr(f.ruleId)}"`) +
        '/>';
    }
    out += '</file>';
  }
  return `${out}</checkstyle>`;
}
