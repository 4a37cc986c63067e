import { defineRule } from '../define.js';
import { expandFrom } from '../../parse/semantics.js';

const KNOWN_OS = new Set(['aix', 'android', 'darwin', 'dragonfly', 'freebsd', 'illumos', 'ios', 'js', 'linux', 'netbsd', 'openbsd', 'plan9', 'solaris', 'wasip1', 'windows']);
const ARCH_ALIASES: Record<string, string> = {
  i386: '386', x86_64: 'amd64', 'x86-64': 'amd64', aarch64: 'arm64', armhf: 'arm', armel: 'arm',
};
const KNOWN_ARCH = new Set(['386', 'amd64', 'arm', 'arm64', 'loong64', 'mips', 'mipsle', 'mips64', 'mips64le', 'ppc64', 'ppc64le', 'riscv64', 's390x', 'wasm']);

/** containerd's `platforms.Parse` reduced to what the check needs: OS and architecture, or null when invalid. */
function parsePlatform(spec: string): { os: string; arch: string } | null {
  const parts = spec.toLowerCase().split('/');
  if (parts.length === 0 || parts.length > 3 || parts.some((p) => p === '' || !/^[a-z0-9_.-]+$/.test(p))) return null;
  const normArch = (a: string): string => ARCH_ALIASES[a] ?? a;
  if (parts.length === 1) {
    const p = parts[0];
    if (KNOWN_OS.has(p)) return { os: p, arch: 'amd64' };
    const arch = normArch(p);
    return KNOWN_ARCH.has(arch) ? { os: 'linux', arch } : null;
  }
  return { os: parts[0] === 'macos' ? 'darwin' : parts[0], arch: normArch(parts[1]) };
}

export default defineRule({
  id: 'FromPlatformFlagConstDisallowed',
  severity: 'warning',
  summary: 'FROM --platform flag should not use a constant value',
  origin: 'buildkit',
  category: 'reproducibility',
  fix: 'none',
  docs: {
    description:
      'Reports `FROM --platform=<constant>` (no variable in the value, a valid platform such as `linux/amd64`) unless the stage name contains the platform\'s OS or architecture (`AS build-amd64`, `AS linux-tools` are treated as deliberate). An unnamed stage is always reported. Docker documents the check at https://docs.docker.com/go/dockerfile/rule/from-platform-flag-const-disallowed/.',
    why: 'A hard-coded platform pins the stage to one architecture: `docker build --platform linux/arm64` then still runs it for amd64 (under emulation, or with the wrong binaries). Use `--platform=$BUILDPLATFORM` for build tools that cross-compile, or leave the flag out so the stage follows the target platform.',
    bad: 'FROM --platform=linux/amd64 golang:1.22\nRUN go build -o /app .\n',
    good: 'FROM --platform=$BUILDPLATFORM golang:1.22\nARG TARGETOS TARGETARCH\nRUN GOOS=$TARGETOS GOARCH=$TARGETARCH go build -o /app .\n',
    differences:
      'BuildKit has a related check, InvalidBaseImagePlatform, that compares the platform of the pulled base image with the stage\'s platform. It needs the registry\'s image index, which a static linter does not read, so shipshape does not implement it.',
  },
  check(ctx) {
    const file = ctx.file;
    const sem = ctx.semantics;
    for (const stage of file.stages) {
      const exp = expandFrom(file, sem, stage);
      const p = exp.platform;
      if (!p || p.error !== null || p.matched.length > 0 || p.unmatched.length > 0) continue;
      const platform = parsePlatform(p.value);
      if (!platform) continue;
      const name = (stage.name ?? '').toLowerCase();
      if (name !== '' && (name.includes(platform.os) || name.includes(platform.arch))) continue;
      const flag = stage.from.flags.find((f) => f.name === 'platform')!;
      ctx.report({
        instruction: stage.from,
        range: flag.range,
        message: `FROM --platform flag should not use constant value "${p.value}": it pins this stage to one platform; use --platform=$BUILDPLATFORM for cross-compiling build stages, or remove the flag so the stage follows the target platform`,
      });
    }
  },
});
