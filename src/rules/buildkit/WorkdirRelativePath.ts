import { defineRule } from '../define.js';
import { expandAt, isWindowsAbsolute, looksWindows } from '../lib/buildkit.js';

export default defineRule({
  id: 'WorkdirRelativePath',
  severity: 'warning',
  summary: 'Relative workdir without an absolute workdir declared within the build can have unexpected results if the base image changes',
  origin: 'buildkit',
  category: 'reproducibility',
  fix: 'none',
  docs: {
    description:
      'Reports the first `WORKDIR` of a stage when its path, after expanding variables, is relative and no earlier `WORKDIR` of this stage or of a parent stage (`FROM <stage>`) set an absolute directory. Later WORKDIRs are relative to that first one and are not reported. Docker documents the check at https://docs.docker.com/go/dockerfile/rule/workdir-relative-path/.',
    why: 'A relative WORKDIR is resolved against the working directory of the base image, which the Dockerfile does not control: a new base image version can move it and every later path with it. Start each stage with an absolute WORKDIR.',
    bad: 'FROM node:22-alpine\nWORKDIR app\nCOPY . .\n',
    good: 'FROM node:22-alpine\nWORKDIR /app\nCOPY . .\n',
    differences:
      'Windows paths such as `C:\\app` or `C:/app` count as absolute: BuildKit checks paths for the stage\'s OS, and a Windows stage is built on Windows.',
  },
  check(ctx) {
    const file = ctx.file;
    for (const stage of file.stages) {
      const ancestors = ctx.stage(stage).chain.slice(1);
      if (ancestors.some((s) => s.instructions.some((i) => i.keyword === 'WORKDIR'))) continue;
      const first = stage.instructions.find((i) => i.keyword === 'WORKDIR');
      if (!first) continue;
      const raw = first.argsAfterFlags.text;
      const r = expandAt(file, ctx.scope(first), raw);
      if (r.error !== null) continue;
      const path = r.value;
      if (path === '' || path.startsWith('/') || isWindowsAbsolute(path)) continue;
      const rest = path.replace(/^\.[\\/]/, '');
      const absolute = looksWindows(file, ctx.stage(stage).chain) ? `C:\\${rest}` : `/${rest}`;
      ctx.report({
        instruction: first,
        message: `Relative workdir '${path}' depends on the base image's working directory, which can change with the base image; use an absolute path (WORKDIR ${absolute})`,
      });
    }
  },
});
