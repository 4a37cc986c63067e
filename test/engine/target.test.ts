/**
 * The build target and named build contexts (issue 16): `LintOptions.target` makes the fact model's final
 * stage the target and marks the stages BuildKit builds for it; `LintOptions.buildContexts` makes a
 * `--from` naming an additional context refer to that context, not to an image.
 */
import { describe, expect, it } from 'vitest';
import { lint, type LintOptions } from '../../src/engine/lint.js';
import { defaultConfig, type RuleContext } from '../../src/engine/types.js';
import { defineRule } from '../../src/rules/define.js';
import { defaultRules } from '../../src/rules/registry.js';
import { memoryContext } from '../../src/context/memory.js';

async function withCtx<T>(text: string, options: Omit<LintOptions, 'rules'>, probe: (ctx: RuleContext) => T): Promise<T> {
  let out: T | undefined;
  const rule = defineRule({
    id: 'probe', severity: 'info', summary: 'probe', origin: 'shipshape', category: 'correctness', fix: 'none',
    docs: { description: '', why: '', bad: '', good: '' },
    check: (ctx) => void (out = probe(ctx)),
  });
  const r = await lint(text, { ...options, rules: [rule] });
  expect(r.internalErrors).toEqual([]);
  return out as T;
}

/** Stage name → [final, inFinalImage, built]. */
const stageTable = (ctx: RuleContext): Record<string, [boolean, boolean, boolean]> =>
  Object.fromEntries(ctx.file.stages.map((s) => [s.name ?? String(s.index), [ctx.stage(s).final, ctx.stage(s).inFinalImage, ctx.stage(s).built]]));

// deps ← base ← runtime (COPY --from=assets, RUN --mount from=wheels); test builds on base; dev on runtime.
const MULTI = [
  'FROM python:3.12.4-slim AS base',
  'FROM node:20.15.0 AS assets',
  'FROM python:3.12.4 AS wheels',
  'FROM base AS runtime',
  'COPY --from=assets /dist /static',
  'RUN --mount=type=bind,from=wheels,source=/w,target=/w pip install /w/*.whl',
  'FROM base AS test',
  'FROM runtime AS dev',
  '',
].join('\n');

describe('target: the final stage and the stages built for it', () => {
  it.each([
    [undefined, { base: [false, true, true], assets: [false, false, true], wheels: [false, false, true], runtime: [false, true, true], test: [false, false, false], dev: [true, true, true] }],
    ['runtime', { base: [false, true, true], assets: [false, false, true], wheels: [false, false, true], runtime: [true, true, true], test: [false, false, false], dev: [false, false, false] }],
    ['TEST', { base: [false, true, true], assets: [false, false, false], wheels: [false, false, false], runtime: [false, false, false], test: [true, true, true], dev: [false, false, false] }],
    ['assets', { base: [false, false, false], assets: [true, true, true], wheels: [false, false, false], runtime: [false, false, false], test: [false, false, false], dev: [false, false, false] }],
  ])('target %s', async (target, expected) => {
    expect(await withCtx(MULTI, { target }, stageTable)).toEqual(expected);
  });
  it('COPY --from=<index> is a dependency too', async () => {
    const t = await withCtx('FROM alpine:3.20.1\nFROM alpine:3.20.1 AS other\nFROM busybox:1.36.1 AS out\nCOPY --from=0 /etc/os-release /x\n', { target: 'out' }, stageTable);
    expect(t).toEqual({ 0: [false, false, true], other: [false, false, false], out: [true, true, true] });
  });
  it('an unknown target: the last stage stays final and the result says why, in BuildKit words', async () => {
    const r = await lint(MULTI, { rules: await defaultRules(), target: 'prod' });
    expect(r.unknownTarget).toBe('target stage "prod" could not be found (stages: base, assets, wheels, runtime, test, dev)');
    expect((await lint('FROM alpine:3.20.1\n', { rules: [], target: 'x' })).unknownTarget).toBe('target stage "x" could not be found (no stage of the file is named: FROM … AS <name>)');
    expect((await lint(MULTI, { rules: [], target: 'dev' })).unknownTarget).toBeUndefined();
  });
});

const DJANGO = [
  'FROM python:3.12.4-slim AS prod',
  'ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1',
  'USER 10001',
  'CMD ["gunicorn", "--bind", "0.0.0.0:8000", "app.wsgi"]',
  'FROM prod AS dev',
  'USER root',
  'RUN apt-get update && apt-get install -y --no-install-recommends git=1:2.39.2-1.1',
  'CMD ["python", "manage.py", "runserver", "0.0.0.0:8000"]',
  '',
].join('\n');

describe('final-image rules read the target', () => {
  const ids = async (text: string, options: Omit<LintOptions, 'rules'>): Promise<string[]> =>
    (await lint(text, { ...options, rules: await defaultRules() })).findings.map((f) => `${f.ruleId}:${f.range.start.line}`);
  it('without target the dev stage is final: dev server, root user, apt lists in it are reported', async () => {
    expect(await ids(DJANGO, {})).toEqual(['DL3002:6', 'DL3066:6', 'require-non-root-user:6', 'DL3009:7', 'no-dev-server:8']);
  });
  it('with target prod nothing of the dev stage is judged as the final image', async () => {
    // DL3002 and DL3066 judge every stage's USER (hadolint), built or not.
    expect(await ids(DJANGO, { target: 'prod' })).toEqual(['DL3002:6', 'DL3066:6']);
  });
  it('require-python-env and prefer-multi-stage-build read the target stage', async () => {
    const text = 'FROM python:3.12.4-slim AS app\nUSER 10001\nCMD ["python", "-m", "app"]\nFROM app AS env\nENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1\n';
    expect((await ids(text, {})).filter((id) => id.startsWith('require-python-env'))).toEqual([]);
    expect((await ids(text, { target: 'app' })).filter((id) => id.startsWith('require-python-env'))).toEqual(['require-python-env:1']);
  });
});

describe('named build contexts', () => {
  const TEXT = 'FROM python:3.12.4-slim AS app\nCOPY --from=assets /dist /static\nRUN --mount=type=bind,from=wheels,source=/w,target=/w pip install --no-cache-dir /w/app.whl\nUSER 10001\n';
  it('COPY --from / RUN --mount from= naming a context read that context: facts', async () => {
    const facts = await withCtx(TEXT, { buildContexts: ['assets', 'wheels'] }, (ctx) => ctx.file.instructions.map((i) => [ctx.facts(i).copy?.fromContext ?? null, ctx.facts(i).mounts.map((m) => m.fromContext)]));
    expect(facts).toEqual([[null, []], ['assets', []], [null, ['wheels']], [null, []]]);
    // A stage of the same name wins (BuildKit resolves a stage first).
    expect(await withCtx('FROM alpine:3.20.1 AS assets\nFROM alpine:3.20.1\nCOPY --from=assets /a /a\n', { buildContexts: ['assets'] }, (ctx) => ctx.facts(ctx.file.instructions[2]).copy?.fromContext)).toBeNull();
  });
  it('DL3022 does not report a --from naming a context; DL3026 does not judge it as an image', async () => {
    const run = async (buildContexts: string[]): Promise<string[]> =>
      (await lint(TEXT, { rules: await defaultRules(), buildContexts, config: { ...defaultConfig(), trustedRegistries: ['registry.example.com'] } })).findings.filter((f) => /^DL302[26]$/.test(f.ruleId)).map((f) => `${f.ruleId}:${f.range.start.line}`);
    // The base image from Docker Hub stays reported (line 1): only the named contexts are no images.
    expect(await run([])).toEqual(['DL3026:1', 'DL3022:2', 'DL3026:2', 'DL3026:3']);
    expect(await run(['assets', 'wheels'])).toEqual(['DL3026:1']);
  });
  it('ctx.contextOf: the build context without --from, the named context for --from=NAME, null for a stage or image', async () => {
    const main = memoryContext({ 'app.py': '' });
    const assets = memoryContext({ 'dist/app.css': '' });
    const text = 'FROM python:3.12.4-slim AS b\nCOPY app.py /app/\nCOPY --from=ASSETS /dist /static\nCOPY --from=b /app /x\nCOPY --from=nginx:1.27.0 /etc/nginx /y\nCOPY --from=wheels /w /w\n';
    const got = await withCtx(text, { context: main, buildContexts: ['assets', 'wheels'], contextFiles: { assets } }, (ctx) =>
      ctx.file.instructions.slice(1).map((i) => (ctx.contextOf(i) === main ? 'main' : ctx.contextOf(i) === assets ? 'assets' : null)),
    );
    // wheels is named but not readable (an image or URL context): null.
    expect(got).toEqual(['main', 'assets', null, null, null]);
  });
  it('no-secret-files-copied reads a named context, with its own .dockerignore', async () => {
    const text = 'FROM python:3.12.4-slim\nCOPY --from=assets . /static\nUSER 10001\n';
    const secrets = async (files: Record<string, string>): Promise<string[]> =>
      (await lint(text, { rules: await defaultRules(), context: memoryContext({}), buildContexts: ['assets'], contextFiles: { assets: memoryContext(files) } })).findings.filter((f) => f.ruleId === 'no-secret-files-copied').map((f) => f.message);
    expect(await secrets({ '.env': 'SECRET_KEY=abc\n', 'app.css': '' })).toEqual([
      'COPY . copies credentials from the build context `assets` into the image: .env (environment file with secrets); exclude them in .dockerignore and pass secrets with RUN --mount=type=secret',
    ]);
    expect(await secrets({ '.env': 'SECRET_KEY=abc\n', '.dockerignore': '.env\n' })).toEqual([]);
    // Without the files of the named context nothing is judged (it may be an image).
    expect((await lint(text, { rules: await defaultRules(), context: memoryContext({ '.env': 'X=1\n' }), buildContexts: ['assets'] })).findings.filter((f) => f.ruleId === 'no-secret-files-copied')).toEqual([]);
  });
});
