import { defineRule } from '../define.js';
import { sameStageName } from '../lib/buildkit.js';

/** `COPY --from` should name an earlier stage (or a tagged image). */
export default defineRule({
  id: 'DL3022',
  severity: 'warning',
  summary: 'COPY --from should reference a previously defined FROM alias',
  origin: 'hadolint',
  category: 'correctness',
  fix: 'none',
  docs: {
    description:
      'Reports `COPY --from=<value>` when the value is not the name of an earlier (or the current) stage, not a stage index smaller than the number of stages so far, and not an image reference with a tag or digest (`nginx:1.25`, `img@sha256:…`). An untagged name such as `--from=busybox` is reported: it is either a typo of a stage name or an unpinned image. Values with variables are not judged, nor a value naming an additional build context (`--build-context NAME=PATH`, Compose `build.additional_contexts`): BuildKit copies from that context.',
    why: 'BuildKit treats an unknown `--from` name as an image to pull from a registry, so a typo in a stage name silently copies from Docker Hub (or fails far from the cause). Naming stages, and pinning images used as sources, keeps the copy exact.',
    bad: 'FROM node:20 AS assets\nRUN npm run build\nFROM nginx:1.25\nCOPY --from=asset /dist /usr/share/nginx/html\n',
    good: 'FROM node:20 AS assets\nRUN npm run build\nFROM nginx:1.25\nCOPY --from=assets /dist /usr/share/nginx/html\n',
    differences: 'Stage names are compared case-insensitively, as BuildKit does. A `--from` value containing a variable is not reported.',
  },
  check(ctx) {
    for (const instr of ctx.file.instructions) {
      if (instr.keyword !== 'COPY' || instr.stageIndex < 0) continue;
      const flag = instr.flags.find((f) => f.name === 'from');
      if (!flag || flag.value === null) continue;
      const value = flag.value;
      if (value.includes(':') || value.includes('@') || value.includes('$') || value === '') continue;
      const stagesSoFar = ctx.file.stages.slice(0, instr.stageIndex + 1);
      if (stagesSoFar.some((s) => s.name !== null && sameStageName(s.name, value))) continue;
      if (/^\d+$/.test(value) && Number(value) < stagesSoFar.length) continue;
      // An additional build context (`--build-context NAME=…`, Compose `additional_contexts`) is no image.
      if (ctx.facts(instr).copy?.fromContext) continue;
      const later = ctx.file.stages.slice(instr.stageIndex + 1).find((s) => s.name !== null && sameStageName(s.name, value));
      ctx.report({
        instruction: instr,
        range: flag.range,
        message: later
          ? `\`--from=${value}\` names stage \`${later.name}\`, defined later on line ${later.from.line}; copy only from earlier stages`
          : /^\d+$/.test(value)
            ? `\`--from=${value}\` names no earlier stage (only ${stagesSoFar.length} so far)`
            : `\`--from=${value}\` names no earlier stage; fix the stage name, or give the image a tag (\`${value}:<tag>\`)`,
      });
    }
  },
});
