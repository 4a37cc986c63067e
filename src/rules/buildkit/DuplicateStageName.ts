import { defineRule } from '../define.js';

export default defineRule({
  id: 'DuplicateStageName',
  severity: 'warning',
  summary: 'Stage names should be unique',
  origin: 'buildkit',
  category: 'correctness',
  fix: 'none',
  docs: {
    description:
      'Reports a `FROM ... AS <name>` whose name, lower-cased, was already used by an earlier stage (`AS Build` and `AS build` are the same name). Reported on every repeated definition. Docker documents the check at https://docs.docker.com/go/dockerfile/rule/duplicate-stage-name/.',
    why: 'A stage name must identify one stage: `COPY --from=<name>`, `FROM <name>` and `--target <name>` cannot say which of two stages they mean, and BuildKit fails the build with `duplicate stage name`.',
    bad: 'FROM golang:1.22 AS build\nRUN go build -o /bin/api ./cmd/api\nFROM golang:1.22 AS build\nRUN go build -o /bin/worker ./cmd/worker\n',
    good: 'FROM golang:1.22 AS build-api\nRUN go build -o /bin/api ./cmd/api\nFROM golang:1.22 AS build-worker\nRUN go build -o /bin/worker ./cmd/worker\n',
  },
  check(ctx) {
    const seen = new Map<string, number>();
    for (const stage of ctx.file.stages) {
      if (stage.name === null) continue;
      const key = stage.name.toLowerCase();
      const first = seen.get(key);
      if (first === undefined) {
        seen.set(key, stage.from.line);
        continue;
      }
      ctx.report({
        instruction: stage.from,
        range: stage.nameRange ?? stage.from.range,
        message: `Duplicate stage name '${stage.name}': line ${first} already defines a stage of that name; give each stage a unique name`,
      });
    }
  },
});
