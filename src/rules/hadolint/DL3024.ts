import { defineRule } from '../define.js';
import type { Stage } from '../../parse/types.js';

/** Stage names must be unique. */
export default defineRule({
  id: 'DL3024',
  severity: 'error',
  summary: 'FROM aliases (stage names) must be unique',
  origin: 'hadolint',
  category: 'correctness',
  fix: 'none',
  docs: {
    description: 'Reports a `FROM ... AS <name>` whose name was already given to an earlier stage (compared case-insensitively, as BuildKit does).',
    why: 'BuildKit rejects duplicate stage names ("duplicate stage name"); with older builders `--from=<name>` and `FROM <name>` silently picked one of them.',
    bad: 'FROM golang:1.22 AS build\nRUN go build ./...\nFROM alpine:3.19 AS build\nRUN echo dup\n',
    good: 'FROM golang:1.22 AS build\nRUN go build ./...\nFROM alpine:3.19 AS final\nRUN echo ok\n',
    differences: 'hadolint compares names case-sensitively; BuildKit lower-cases stage names, so `AS Build` and `AS build` collide and are reported.',
  },
  check(ctx) {
    const seen = new Map<string, Stage>();
    for (const stage of ctx.file.stages) {
      if (!stage.name) continue;
      const key = stage.name.toLowerCase();
      const first = seen.get(key);
      if (!first) {
        seen.set(key, stage);
        continue;
      }
      ctx.report({
        instruction: stage.from,
        range: stage.nameRange ?? stage.from.range,
        message: `Stage name \`${stage.name}\` is already used on line ${first.from.line}; give each stage a unique name`,
      });
    }
  },
});
