import { defineRule } from '../define.js';
import { expandFrom, PREDEFINED_ARGS } from '../../parse/semantics.js';

export default defineRule({
  id: 'RedundantTargetPlatform',
  severity: 'warning',
  summary: 'Setting platform to predefined $TARGETPLATFORM in FROM is redundant as this is the default behavior',
  origin: 'buildkit',
  category: 'maintainability',
  fix: 'safe',
  docs: {
    description:
      'Reports `FROM --platform=$TARGETPLATFORM` (or `${TARGETPLATFORM}`): a `--platform` value that uses exactly the variable TARGETPLATFORM and nothing else. `--platform=${TARGETOS}/${TARGETARCH}` is not reported. Docker documents the check at https://docs.docker.com/go/dockerfile/rule/redundant-target-platform/.',
    why: 'A stage is built for the target platform unless told otherwise, so the flag changes nothing and suggests to readers that it does. `--platform=$BUILDPLATFORM` is the meaningful variant (run build tools natively when cross-compiling).',
    bad: 'FROM --platform=$TARGETPLATFORM alpine:3.20\nRUN apk add --no-cache curl\n',
    good: 'FROM alpine:3.20\nRUN apk add --no-cache curl\n',
  },
  check(ctx) {
    const file = ctx.file;
    const sem = ctx.semantics;
    for (const stage of file.stages) {
      const exp = expandFrom(file, sem, stage);
      const p = exp.platform;
      if (!p || p.error !== null) continue;
      if (p.matched.length !== 1 || p.matched[0] !== 'TARGETPLATFORM' || p.unmatched.length !== 0) continue;
      if (p.value !== (sem.global.get('TARGETPLATFORM')?.value ?? PREDEFINED_ARGS.TARGETPLATFORM)) continue;
      const flag = stage.from.flags.find((f) => f.name === 'platform')!;
      ctx.report({
        instruction: stage.from,
        range: flag.range,
        message: `Setting platform to predefined ${exp.platformRaw} in FROM is redundant as this is the default behavior: remove the --platform flag`,
        fix: ctx.edit().removeFlag(flag).safe('Remove the --platform flag'),
      });
    }
  },
});
