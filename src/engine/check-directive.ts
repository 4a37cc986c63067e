/**
 * BuildKit's `# check=` configuration (Dockerfile syntax ≥ 1.8): the parser directive at the top of
 * the file, and the per-instruction comment form that only adds to it.
 *
 * Semantics (BuildKit `linter.ParseLintOptions`): only the text before the first space counts; the
 * rest is split on `;` into at most three `key=value` parts with keys `skip`, `experimental` and
 * `error`; `skip`/`experimental` take `all` or a comma-separated list of case-sensitive rule names;
 * `error` takes a Go `strconv.ParseBool` value.
 */

/** Parsed check options. `skip`/`experimental` hold rule names, or `all`. */
export interface CheckOptions {
  skip: Set<string> | 'all';
  experimental: Set<string> | 'all';
  /** `error=true`: findings of enabled BuildKit checks become errors. */
  error: boolean;
}

/** The options when no `# check=` directive is present. */
export function defaultCheckOptions(): CheckOptions {
  return { skip: new Set(), experimental: new Set(), error: false };
}

const GO_TRUE = new Set(['1', 't', 'T', 'TRUE', 'true', 'True']);
const GO_FALSE = new Set(['0', 'f', 'F', 'FALSE', 'false', 'False']);

/**
 * Parses a `check` value such as `skip=JSONArgsRecommended,StageNameCasing;error=true`.
 * @returns the options, or an error message (BuildKit fails the build with `invalid check option`).
 */
export function parseCheckValue(value: string): CheckOptions | { error: string } {
  const opts = defaultCheckOptions();
  const head = value.trim().split(' ')[0];
  if (head === '') return opts;
  const parts = splitN(head, ';', 3);
  for (const part of parts) {
    const eq = part.indexOf('=');
    if (eq < 0) return { error: `invalid check option "${part}": expected key=value` };
    const key = part.slice(0, eq).trim().toLowerCase();
    const val = part.slice(eq + 1).trim();
    if (key === 'skip' || key === 'experimental') {
      const list: Set<string> | 'all' = val === 'all' ? 'all' : new Set(val.split(',').map((s) => s.trim()).filter(Boolean));
      opts[key] = list;
    } else if (key === 'error') {
      if (GO_TRUE.has(val)) opts.error = true;
      else if (GO_FALSE.has(val)) opts.error = false;
      else return { error: `invalid check option "${part}": ${val} is not a boolean` };
    } else {
      return { error: `invalid check option "${part}": unknown key ${key}` };
    }
  }
  return opts;
}

/** Like Go's `strings.SplitN`: at most `n` parts, the last one keeps the remaining separators. */
function splitN(s: string, sep: string, n: number): string[] {
  const out: string[] = [];
  let rest = s;
  while (out.length < n - 1) {
    const i = rest.indexOf(sep);
    if (i < 0) break;
    out.push(rest.slice(0, i));
    rest = rest.slice(i + sep.length);
  }
  out.push(rest);
  return out;
}

/** True when the options skip `rule` (experimental rules ignore `skip`, as in BuildKit). */
export function isSkipped(opts: CheckOptions, rule: string, experimental: boolean): boolean {
  if (experimental) return !(opts.experimental === 'all' || opts.experimental.has(rule));
  return opts.skip === 'all' || opts.skip.has(rule);
}

/** Matches a comment's text as a `check=` directive (`# check=skip=X`), returning the value. */
export function checkCommentValue(commentText: string): string | null {
  const m = /^\s*check\s*=\s*(.+?)\s*$/i.exec(commentText);
  return m ? m[1] : null;
}
