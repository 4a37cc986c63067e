import { defineRule } from '../define.js';
import { argsRange } from '../../shell/positions.js';

/** Each image should say how to check that it is healthy (off by default, as in hadolint). */
export default defineRule({
  id: 'DL3057',
  severity: 'off',
  summary: '`HEALTHCHECK` instruction missing',
  origin: 'hadolint',
  category: 'maintainability',
  fix: 'none',
  docs: {
    description:
      'Off by default (enable it with an `override`). Reports the `FROM` of every stage without a `HEALTHCHECK` (`HEALTHCHECK NONE` counts). A stage is covered when it has one, when it derives (`FROM <stage>`, transitively) from a stage that has one, or when a stage derived from it has one (it is then an intermediate of an image that is checked).',
    why: 'Without a health check the runtime only knows whether the main process is alive, not whether the service answers; orchestrators (Docker Swarm, Compose `depends_on: service_healthy`) use the image\'s HEALTHCHECK to restart or hold back unhealthy containers. Writing `HEALTHCHECK NONE` documents a deliberate choice.',
    bad: 'FROM nginx:1.27\nCOPY site/ /usr/share/nginx/html/\n',
    good: 'FROM nginx:1.27\nCOPY site/ /usr/share/nginx/html/\nHEALTHCHECK CMD curl -fsS http://localhost/ || exit 1\n',
  },
  check(ctx) {
    const { stages } = ctx.file;
    const has = new Set(ctx.file.instructions.filter((i) => i.keyword === 'HEALTHCHECK').map((i) => i.stageIndex));
    const covered = new Set<number>();
    for (const s of stages) {
      const chain = ctx.stage(s).ancestors;
      if (has.has(s.index)) {
        covered.add(s.index);
        for (const a of chain) covered.add(a.index);
      } else if (chain.some((a) => has.has(a.index))) covered.add(s.index);
    }
    for (const s of stages) {
      if (covered.has(s.index)) continue;
      ctx.report({ instruction: s.from, range: argsRange(ctx.file, s.from), message: '`HEALTHCHECK` instruction missing' });
    }
  },
});
