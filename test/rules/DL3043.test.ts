import { describe, expect, it } from 'vitest';
import { parse } from '../../src/parse/parser.js';
import type { ReportInput, RuleContext } from '../../src/engine/types.js';
import rule from '../../src/rules/hadolint/DL3043.js';
import { findingsOf } from '../helpers/rule-table.js';

const SILENT = [
  'FROM debian:12\nONBUILD STOPSIGNAL SIGTERM\n',
  'FROM debian:12\nONBUILD USER builder\n',
  'FROM debian:12\nONBUILD LABEL stage="child"\n',
  'FROM debian:12\nONBUILD EXPOSE 8080\n',
  'FROM debian:12\nMAINTAINER "Pat Example"\n',
  'FROM debian:12\nONBUILD WORKDIR /srv\n',
  'FROM debian:12\nONBUILD ENTRYPOINT make\n',
  'FROM debian:12\nONBUILD RUN echo \\\n  ONBUILD FROM\n',
];

describe(`${rule.id} silent`, () => {
  for (const input of SILENT) {
    it(input, async () => {
      expect((await findingsOf(rule, { input })).map((f) => f.message)).toEqual([]);
    });
  }
});

const FIRES: { input: string; line: number; count: number; message?: RegExp; name?: string }[] = [
  { input: 'FROM debian:12\nONBUILD ONBUILD RUN echo nested\n', line: 2, count: 1, message: /`ONBUILD` is not allowed/ },
  { input: 'FROM debian:12\nONBUILD MAINTAINER "Pat Example"\n', line: 2, count: 1 },
  { input: 'FROM debian:12\nONBUILD FROM alpine:3.19\n', line: 2, count: 1 },
  { input: 'FROM debian:12\nONBUILD \\\n  FROM alpine:3.19\n', line: 3, count: 1, name: 'continuation line' },
];

/**
 * BuildKit rejects these files (the parser reports DL1000 and the engine runs no rule), so the rule's
 * check is exercised directly on the parsed model, as hadolint (whose parser accepts them) would.
 */
function directFindings(input: string): { line: number; message: string }[] {
  const file = parse(input);
  const out: { line: number; message: string }[] = [];
  const ctx = {
    file,
    settings: { trustedRegistries: [], labelSchema: {}, strictLabels: false },
    context: null,
    shell: () => null,
    commands: () => [],
    scope: () => { throw new Error('unused'); },
    report: (r: ReportInput) => out.push({ line: (r.range ?? r.instruction!.range).start.line, message: r.message ?? rule.summary }),
  } as unknown as RuleContext;
  rule.check(ctx);
  return out;
}

describe(`${rule.id} on files BuildKit rejects`, () => {
  for (const c of FIRES) {
    it(c.name ?? c.input, () => {
      const found = directFindings(c.input);
      expect(found.length).toBe(c.count);
      expect(found[0].line).toBe(c.line);
      if (c.message) expect(found[0].message).toMatch(c.message);
    });
  }
});
