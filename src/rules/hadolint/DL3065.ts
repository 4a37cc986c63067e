import { defineRule } from '../define.js';
import { dropQuotes } from '../../engine/facts.js';

/** `FROM --platform=$TARGETPLATFORM` is the default. */
export default defineRule({
  id: 'DL3065',
  severity: 'warning',
  summary: '`--platform=$TARGETPLATFORM` is redundant',
  origin: 'hadolint',
  category: 'maintainability',
  fix: 'safe',
  docs: {
    description: 'Reports `FROM --platform=$TARGETPLATFORM` (or `${TARGETPLATFORM}`). The fix removes the flag.',
    why: 'Stages are built for the target platform by default, so the flag changes nothing and makes readers wonder what it is for.',
    bad: 'FROM --platform=$TARGETPLATFORM alpine:3.20\n',
    good: 'FROM alpine:3.20\n',
  },
  check(ctx) {
    for (const stage of ctx.file.stages) {
      const flag = stage.from.flags.find((f) => f.name === 'platform');
      if (!flag || flag.value === null) continue;
      const v = dropQuotes(flag.value);
      if (v !== '$TARGETPLATFORM' && v !== '${TARGETPLATFORM}') continue;
      ctx.report({
        instruction: stage.from,
        range: flag.range,
        message: `\`--platform=${flag.value}\` is the default; remove it`,
        fix: ctx.edit().removeFlag(flag).safe('Remove the redundant --platform flag'),
      });
    }
  },
});
