import { describe, expect, it } from 'vitest';
import { parse } from '../../src/parse/parser.js';
import type { ReportInput, RuleContext } from '../../src/engine/types.js';
import rule from '../../src/rules/hadolint/DL3061.js';
import { findingsOf } from '../helpers/rule-table.js';

const SILENT = [
  '# build image for the API\nFROM alpine:3.19\n',
  'ARG ALPINE_TAG=3.19\nFROM alpine:${ALPINE_TAG}\nLABEL org.acme.team="x"\n',
  'ARG LOGSTASH_VERSION=8.12.0\nFROM docker.elastic.co/logstash/logstash:${LOGSTASH_VERSION}\n',
  'FROM busybox:1.36\nONBUILD COPY settings.conf /etc/app/\n',
  '# syntax=docker/dockerfile:1\n# escape=\\\nARG A \\\n  B\nFROM alpine:3.19\nRUN echo\n',
];

describe(`${rule.id} silent`, () => {
  for (const input of SILENT) {
    it(input, async () => {
      expect((await findingsOf(rule, { input })).map((f) => f.message)).toEqual([]);
    });
  }
});

const FIRES: { input: string; line: number; count: number; message?: RegExp; name?: string }[] = [
  { input: 'LABEL org.acme.team="x"\nFROM alpine:3.19\n', line: 1, count: 1, message: /`LABEL` comes before the first FROM/ },
  { input: 'ENV LANG=C.UTF-8\nFROM alpine:3.19\n', line: 1, count: 1 },
  { input: 'ARG A=1\nMAINTAINER Pat\nRUN \\\n  echo\nFROM alpine:3.19\nRUN echo\n', line: 2, count: 2, name: 'after ARG; continuation line' },
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
