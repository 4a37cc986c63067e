import type { ShellCommand, ShellWord } from '../../shell/types.js';
import { defineRule } from '../define.js';
import { osPackages, packageName, removedByRun } from '../lib/packages.js';
import { interactiveCommand } from '../lib/users.js';

const BUILD_PACKAGES = new Set([
  'gcc', 'g++', 'gcc-c++', 'cpp', 'clang', 'make', 'cmake', 'ninja-build', 'build-essential', 'build-base', 'alpine-sdk',
  'autoconf', 'automake', 'libtool', 'pkg-config', 'pkgconf', 'pkgconfig', 'gfortran', 'musl-dev', 'linux-headers',
  'bison', 'flex', 'swig',
]);

/** True for compilers, build tools and development headers. */
function isBuildPackage(name: string): boolean {
  if (BUILD_PACKAGES.has(name)) return true;
  if (/^(gcc|g\+\+|clang|cpp)-\d+$/.test(name)) return true;
  return /-(dev|devel|headers)$/.test(name);
}

interface Installed {
  word: ShellWord;
  name: string;
  virtual: string | null;
}

function installs(cmd: ShellCommand): Installed[] {
  const os = osPackages(cmd);
  if (!os) return [];
  return os.words
    .filter((w) => !w.dynamic && !w.value.startsWith('/') && !w.value.includes('://'))
    .map((w) => ({ word: w, name: packageName(w.value), virtual: os.virtual }));
}

/** Fires when the final image keeps compilers or development headers installed by a package manager. */
export default defineRule({
  id: 'prefer-multi-stage-build',
  severity: 'info',
  summary: 'Build tools stay in the final image: build in an earlier stage',
  origin: 'shipshape',
  category: 'size',
  fix: 'none',
  docs: {
    description:
      'Reports a `RUN` of the final stage (or of a stage the final stage is built on) that installs compilers, build tools or development headers with `apt-get`/`apt`, `apk`, `yum`/`dnf`/`microdnf`/`zypper` and does not remove them in the same `RUN`. Build packages: `gcc`, `g++`, `gcc-c++`, `clang`, `make`, `cmake`, `build-essential`, `build-base`, `alpine-sdk`, `autoconf`, `automake`, `libtool`, `pkg-config`, `musl-dev`, `linux-headers`, `bison`, `flex`, `swig`, and any `*-dev`, `*-devel` or `*-headers` package. Removed means named by `apt-get purge|remove`, `apk del` (also through the `--virtual` group name), `yum/dnf remove`, or swept by `yum history undo`, or by `apt-get autoremove` / `purge --auto-remove` after `apt-mark auto` (also `apt-mark showmanual | xargs apt-mark auto`, as the official images write it; autoremove alone never removes packages installed by name: apt marks them manual). Packages given through variables are not judged. A final stage that sets neither `CMD` nor `ENTRYPOINT` (also not in its ancestry) is a base or toolchain image for other builds (like `golang` or `buildpack-deps`) and is not reported; nor is one whose command only starts an interpreter or shell (`CMD ["python3"]`, `CMD ["bash"]`): the official full language images keep their headers for the builds on top of them.',
    why: 'Compilers and headers are needed to build wheels or native modules, not to run them. Kept in the final image they add hundreds of megabytes and a toolchain an attacker can use. A builder stage compiles (`pip wheel`, `npm ci`, `go build`) and the final stage copies only the results with `COPY --from`.',
    bad: 'FROM python:3.12.4-slim\nRUN apt-get update && apt-get install -y --no-install-recommends gcc=4:12.2.0-3 libpq-dev=15.8-0+deb12u1 && rm -rf /var/lib/apt/lists/*\nCOPY requirements.txt .\nRUN pip install --no-cache-dir -r requirements.txt\nCMD ["gunicorn", "site.wsgi"]\n',
    good: 'FROM python:3.12.4-slim AS build\nRUN apt-get update && apt-get install -y --no-install-recommends gcc=4:12.2.0-3 libpq-dev=15.8-0+deb12u1 && rm -rf /var/lib/apt/lists/*\nCOPY requirements.txt .\nRUN pip wheel --no-cache-dir --wheel-dir /wheels -r requirements.txt\n\nFROM python:3.12.4-slim\nRUN apt-get update && apt-get install -y --no-install-recommends libpq5=15.8-0+deb12u1 && rm -rf /var/lib/apt/lists/*\nCOPY --from=build /wheels /wheels\nRUN pip install --no-cache-dir /wheels/* && rm -rf /wheels\nCMD ["gunicorn", "site.wsgi"]\n',
  },
  check(ctx) {
    const stage = ctx.file.stages.find((s) => ctx.stage(s).final) ?? null;
    if (stage === null) return;
    const chain = ctx.stage(stage).chain;
    // Without CMD/ENTRYPOINT the image is a base or toolchain image for other builds (golang,
    // buildpack-deps): keeping compilers is its purpose.
    if (!chain.some((s) => s.instructions.some((i) => i.keyword === 'CMD' || i.keyword === 'ENTRYPOINT'))) return;
    // A command that only starts an interpreter or shell (`CMD ["python3"]`): a language image that keeps
    // its headers for the builds on top of it (the official full python image), or a workbench.
    if (interactiveCommand(chain)) return;
    for (const s of [...chain].reverse()) {
      for (const run of s.instructions) {
        if (run.keyword !== 'RUN') continue;
        const cmds = ctx.commands(run);
        const installed = cmds.flatMap(installs).filter((p) => isBuildPackage(p.name.toLowerCase()));
        if (installed.length === 0) continue;
        const removed = removedByRun(cmds);
        if (removed === 'all') continue;
        const kept = installed.filter((p) => !removed.has(p.name) && !(p.virtual !== null && removed.has(p.virtual)));
        if (kept.length === 0) continue;
        const names = [...new Set(kept.map((p) => p.name))];
        const list = names.slice(0, 5).map((n) => `\`${n}\``).join(', ') + (names.length > 5 ? ` and ${names.length - 5} more` : '');
        const where = s === stage ? 'the final stage' : `stage \`${s.name ?? s.index}\`, which the final stage is built on`;
        ctx.report({
          instruction: run,
          range: kept[0].word.range,
          message: `${list} ${names.length === 1 ? 'is a build-only package' : 'are build-only packages'} installed in ${where} and never removed: compile in a builder stage and \`COPY --from\` the results, or remove ${names.length === 1 ? 'it' : 'them'} in this same RUN`,
        });
      }
    }
  },
});
