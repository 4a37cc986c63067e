import { defineRule } from '../define.js';
import { expandFrom, PREDEFINED_ARGS } from '../../parse/semantics.js';
import { suggestName, variableRange } from '../lib/buildkit.js';

export default defineRule({
  id: 'UndefinedArgInFrom',
  severity: 'warning',
  summary: 'FROM command must use declared ARGs',
  origin: 'buildkit',
  category: 'correctness',
  fix: 'none',
  docs: {
    description:
      'Reports a variable used in a `FROM` image or `--platform` value that no ARG before the first FROM declares and that is not one of the automatic platform ARGs (`BUILDPLATFORM`, `TARGETPLATFORM`, `TARGETOS`, `TARGETARCH`, ...). It fires even with a default (`${TAG:-3.20}`), and an ARG declared inside an earlier stage does not count: FROM lines only see global ARGs. Adds a "did you mean" hint. Docker documents the check at https://docs.docker.com/go/dockerfile/rule/undefined-arg-in-from/.',
    why: 'An undeclared variable in FROM always expands to the empty string (or its inline default), whatever `--build-arg` says, so the build silently uses a different base image than intended. Declare it before the first FROM: `ARG VARIANT=-alpine`.',
    bad: 'FROM node:22${VARIANT}\nRUN node --version\n',
    good: 'ARG VARIANT=-alpine\nFROM node:22${VARIANT}\nRUN node --version\n',
  },
  check(ctx) {
    const file = ctx.file;
    const sem = ctx.semantics;
    const candidates = [...file.globalArgs.flatMap((a) => a.pairs.map((p) => p.key)), ...Object.keys(PREDEFINED_ARGS)];
    for (const stage of file.stages) {
      const exp = expandFrom(file, sem, stage);
      for (const name of exp.undeclared) {
        const hint = suggestName(name, candidates);
        ctx.report({
          instruction: stage.from,
          range: variableRange(file, stage.from.range, name) ?? stage.from.range,
          message: `FROM argument '${name}' is not declared${hint ? ` (did you mean ${hint}?)` : ''}: FROM only sees ARGs declared before the first FROM; add 'ARG ${name}=<default>' at the top of the file`,
        });
      }
    }
  },
});
