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
      'Windows paths such as `C:\\app` or `C:/app` count as absolute only in a Windows stage (a Windows base image, `# escape=\``, a `SHELL` running Windows PowerShell or cmd): BuildKit checks paths for the stage\'s OS, and on Linux only a leading `/` is absolute.',
  },
  check(ctx) {
    const file = ctx.file;
    for (const stage of file.stages) {
      const first = stage.instructions.find((i) => i.keyword === 'WORKDIR');
      // Only the first WORKDIR of a stage, and only when no parent stage (`FROM <stage>`) set one.
      if (!first || ctx.facts(first).workdir.instruction !== null) continue;
      const raw = first.argsAfterFlags.text;
      const r = expandAt(file, ctx.scope(first), raw);
      if (r.error !== null) continue;
      const path = r.value;
      // BuildKit judges the path for the stage's OS: on Linux only a leading `/` is absolute (`c:/build`
      // is a relative directory named `c:`); a drive letter counts only in a Windows stage.
      const chain = ctx.stage(stage).chain;
      const windows = looksWindows(file, chain) || chain.some((s) => s.instructions.some((i) => i.keyword === 'SHELL' && /^\s*\[\s*"(?:[^"]*\\)?(cmd|powershell)(\.exe)?"/i.test(i.argsAfterFlags.text)));
      if (path === '' || path.startsWith('/') || (windows && isWindowsAbsolute(path))) continue;
      const rest = path.replace(/^\.[\\/]/, '');
      const absolute = windows ? `C:\\${rest}` : `/${rest}`;
      ctx.report({
        instruction: first,
        message: `Relative workdir '${path}' depends on the base image's working directory, which can change with the base image; use an absolute path (WORKDIR ${absolute})`,
      });
    }
  },
});
