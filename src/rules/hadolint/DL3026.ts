import { defineRule } from '../define.js';
import { parseImageRef } from '../../parse/image-ref.js';
import type { Instruction, Range, Stage } from '../../parse/types.js';
import { sameStageName } from '../lib/buildkit.js';

/** hadolint's registry patterns: `*` everything, `*.x` suffix, `x*` prefix, else exact. */
function matches(pattern: string, registry: string): boolean {
  if (pattern === '*') return true;
  if (pattern.startsWith('*')) return registry.endsWith(pattern.slice(1));
  if (pattern.endsWith('*')) return registry.startsWith(pattern.slice(0, -1));
  return registry === pattern;
}

const HUB = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io', 'hub.docker.com']);

/** Null when the image is trusted, else the registry to name in the message. */
function untrustedRegistry(image: string, trusted: string[]): string | null {
  const ref = parseImageRef(image, image, false);
  if (ref.registry === null || HUB.has(ref.registry)) {
    if (ref.registry === null && (ref.repository === 'library/scratch' || ref.repository === 'scratch')) return null;
    return ['docker.io', 'hub.docker.com'].some((hub) => trusted.some((p) => matches(p, hub))) ? null : 'docker.io';
  }
  return trusted.some((p) => matches(p, ref.registry!)) ? null : ref.registry;
}

/** Only images from trusted registries. */
export default defineRule({
  id: 'DL3026',
  severity: 'error',
  summary: 'Use only an allowed registry in the FROM image',
  origin: 'hadolint',
  category: 'security',
  fix: 'none',
  docs: {
    description:
      'When `trustedRegistries` is configured, reports images that do not come from one of them: `FROM` images, `COPY --from=<image>` and `RUN --mount=type=bind|cache,from=<image>`. Earlier stage names, stage indexes, additional build contexts (`--build-context`, Compose `additional_contexts`) and `scratch` are always allowed; an image without a registry comes from Docker Hub and is allowed only when `docker.io` (or `hub.docker.com`) is trusted. Patterns: `*` trusts everything, `*.example.com` a suffix, `registry.*` a prefix, anything else the exact host (with port). Silent without configuration.',
    why: 'Pulling base images or build inputs from arbitrary registries lets unreviewed code into the image. A list of trusted registries keeps every input of the build on infrastructure you control or vetted.',
    bad: 'FROM quay.io/acme/base:1.0\n',
    good: 'FROM registry.acme.example/base:1.0\n',
    config: { trustedRegistries: ['registry.acme.example'] },
    differences:
      'The registry is found as Docker finds it: a first path component with a `.` or a `:` or equal to `localhost` (hadolint only looks for a `.`, so `localhost:5000/img` counts as Docker Hub there). `COPY --from=<index>` naming an earlier stage is allowed (hadolint treats it as an image named after the number). Images written with variables are judged after expanding global ARG defaults, and skipped when a variable stays unresolved.',
  },
  check(ctx) {
    const trusted = ctx.settings.trustedRegistries;
    if (trusted.length === 0) return;
    const file = ctx.file;
    const isStage = (value: string, upTo: number): boolean => {
      const earlier = file.stages.slice(0, upTo + 1);
      if (/^\d+$/.test(value)) return Number(value) < earlier.length;
      return earlier.some((s) => s.name !== null && sameStageName(s.name, value));
    };
    const check = (image: string, instr: Instruction, range: Range, what: string): void => {
      if (image === '' || image.includes('$')) return;
      const registry = untrustedRegistry(image, trusted);
      if (registry === null) return;
      ctx.report({ instruction: instr, range, message: `${what} \`${image}\` comes from \`${registry}\`, which is not a trusted registry (${trusted.join(', ')})` });
    };
    for (const stage of file.stages as Stage[]) {
      if (stage.base.kind === 'image' && !stage.base.image.unresolved) {
        const word = stage.from.words[0];
        check(stage.base.image.expanded, stage.from, word?.range ?? stage.from.range, 'Base image');
      }
      for (const instr of stage.instructions) {
        if (instr.keyword === 'COPY') {
          const flag = instr.flags.find((f) => f.name === 'from');
          if (flag?.value && !isStage(flag.value, stage.index) && ctx.facts(instr).copy?.fromContext === null) check(flag.value, instr, flag.range, 'COPY source image');
        } else if (instr.keyword === 'RUN') {
          for (const mount of ctx.facts(instr).mounts) {
            const from = mount.options.from;
            if ((mount.type !== 'bind' && mount.type !== 'cache') || !from || isStage(from, stage.index) || mount.fromContext !== null) continue;
            check(from, instr, mount.range, 'Mounted image');
          }
        }
      }
    }
  },
});
