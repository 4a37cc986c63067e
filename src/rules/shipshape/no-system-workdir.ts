import { defineRule } from '../define.js';

/** Directories the kernel or the boot process own (Trivy DS030's list plus `/sys`). */
const SYSTEM_DIRS = ['/proc', '/sys', '/dev', '/boot', '/initrd', '/lost+found'];

/** WORKDIR in a system directory (Trivy DS030). */
export default defineRule({
  id: 'no-system-workdir',
  severity: 'warning',
  summary: 'WORKDIR is a system directory',
  origin: 'shipshape',
  category: 'security',
  aliases: ['DS030', 'DS-0030'],
  fix: 'none',
  docs: {
    description:
      'Reports `WORKDIR` (also `ONBUILD WORKDIR`) set to, or under, `/proc`, `/sys`, `/dev`, `/boot`, `/initrd` or `/lost+found`. The path is expanded with the ARG and ENV values in scope and cleaned (`/app/../proc` is `/proc`); a relative path is resolved against the WORKDIR in effect, also one inherited from a parent stage (`FROM <stage>`), as BuildKit does; after a WORKDIR whose value is unknown (a variable without value, a Windows path) a relative one is not judged.',
    why: '`/proc`, `/sys` and `/dev` are mounted over by the container runtime: files written there during the build vanish or land in kernel interfaces, and a process working in them can reach host devices and kernel settings. `/boot`, `/initrd` and `/lost+found` belong to the host\'s boot and file-system machinery. Put the application in its own directory (`/app`, `/srv/app`).',
    bad: 'FROM alpine:3.20\nWORKDIR /proc/app\nCOPY . .\n',
    good: 'FROM alpine:3.20\nWORKDIR /app\nCOPY . .\n',
    differences: 'Trivy DS030 tests the text as written for a `/proc/`-style prefix; shipshape also reports `/sys`, the directories themselves (`WORKDIR /dev`), expanded variables and relative paths that resolve into them.',
  },
  check(ctx) {
    for (const owner of ctx.file.instructions) {
      const instr = owner.onbuild ?? owner;
      const word = instr.words[0];
      if (instr.keyword !== 'WORKDIR' || !word) continue;
      // The directory it sets: expanded, relative to the WORKDIR in effect (inherited through FROM <stage>).
      const path = ctx.facts(instr).workdirAfter!.path;
      if (path === null) continue;
      const dir = SYSTEM_DIRS.find((d) => path === d || path.startsWith(d + '/'));
      if (!dir) continue;
      ctx.report({
        instruction: owner,
        range: word.range,
        message: `WORKDIR ${path} is inside the system directory ${dir}: use an application directory such as /app instead`,
      });
    }
  },
});
