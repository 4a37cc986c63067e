import { defineRule } from '../define.js';
import type { KeyValue } from '../../parse/types.js';

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** True when `value` references variable `name` (`$name`, `${name}`, `${name:-x}` ...). */
function references(value: string, name: string): boolean {
  const n = escapeRe(name);
  return new RegExp(`\\$\\{${n}(?:[}:#%/^,@]|\\}|$)|\\$${n}(?![A-Za-z0-9_])`).test(value);
}

/** ENV referencing a variable defined in the same ENV. */
export default defineRule({
  id: 'DL3044',
  severity: 'error',
  summary: 'Do not refer to an environment variable within the same `ENV` statement where it is defined',
  origin: 'hadolint',
  category: 'correctness',
  fix: 'none',
  docs: {
    description:
      'Reports an `ENV` pair whose value references (`$NAME`, `${NAME}`, `${NAME:-default}`) a variable that another pair of the same `ENV` instruction defines, unless an earlier ARG or ENV of the file already declared that name. A pair referencing itself (`PATH=/x:$PATH`) is fine.',
    why: 'All pairs of one ENV are expanded with the variables from before the instruction, so `ENV A=1 B=$A` sets B to the old (usually empty) value of A, not to 1. Split it into two ENV instructions.',
    bad: 'FROM alpine:3.19\nENV APP_HOME=/srv LOG_DIR=${APP_HOME}/logs\n',
    good: 'FROM alpine:3.19\nENV APP_HOME=/srv\nENV LOG_DIR=${APP_HOME}/logs\n',
    differences: 'hadolint does not recognise references with a modifier such as `${NAME:-default}`; they are expanded the same way, so shipshape reports them too.',
  },
  check(ctx) {
    const declared = new Set<string>();
    for (const instr of ctx.file.instructions) {
      if (instr.keyword === 'ARG') {
        for (const p of instr.pairs) declared.add(p.key);
        continue;
      }
      if (instr.keyword !== 'ENV') continue;
      const pairs: KeyValue[] = instr.pairs;
      for (const pair of pairs) {
        if (pair.rawValue === null) continue;
        for (const other of pairs) {
          if (other === pair || other.key === pair.key || declared.has(other.key)) continue;
          if (!references(pair.rawValue, other.key)) continue;
          ctx.report({
            instruction: instr,
            range: pair.valueRange ?? pair.range,
            message: `\`${pair.key}\` uses \`$${other.key}\`, which is defined in the same ENV and is not set yet; move \`${other.key}\` to an earlier ENV`,
          });
          break;
        }
      }
      for (const p of pairs) declared.add(p.key);
    }
  },
});
