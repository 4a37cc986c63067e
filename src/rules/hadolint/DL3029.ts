import { defineRule } from '../define.js';

/** FROM --platform with a fixed platform. */
export default defineRule({
  id: 'DL3029',
  severity: 'warning',
  summary: 'Do not use --platform flag with FROM',
  origin: 'hadolint',
  category: 'reproducibility',
  fix: 'none',
  docs: {
    description:
      'Reports `FROM --platform=<value>` unless the value refers to `BUILDPLATFORM` or `TARGETPLATFORM` (`$BUILDPLATFORM`, `${BUILDPLATFORM:-}`). A fixed value such as `linux/amd64` is reported.',
    why: 'A hard-coded platform makes the image build for that platform whatever `docker build --platform` asks for: multi-platform builds then produce wrong-architecture images, and builds on other machines run under emulation. Leave the platform to the build command, or use `$BUILDPLATFORM` for cross-compiling stages.',
    bad: 'FROM --platform=linux/amd64 debian:12\n',
    good: 'FROM debian:12\n',
  },
  check(ctx) {
    for (const stage of ctx.file.stages) {
      const flag = stage.from.flags.find((f) => f.name === 'platform');
      if (!flag || flag.value === null) continue;
      if (flag.value.includes('BUILDPLATFORM') || flag.value.includes('TARGETPLATFORM')) continue;
      ctx.report({
        instruction: stage.from,
        range: flag.range,
        message: `\`--platform=${flag.value}\` fixes the platform of this stage; remove it and choose the platform with \`docker build --platform\` (or use \`$BUILDPLATFORM\` for build stages)`,
      });
    }
  },
});
