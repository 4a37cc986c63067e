/** The fact model (src/engine/facts.ts) as rules see it through ctx, and the engine's report/fix checks. */
import { describe, expect, it } from 'vitest';
import { lint } from '../../src/engine/lint.js';
import type { Rule, RuleContext } from '../../src/engine/types.js';
import { defineRule } from '../../src/rules/define.js';

/** Runs `probe` with the ctx of `text` and returns what it returned. */
async function withCtx<T>(text: string, probe: (ctx: RuleContext) => T): Promise<T> {
  let out: T | undefined;
  const rule = defineRule({
    id: 'probe', severity: 'info', summary: 'probe', origin: 'shipshape', category: 'correctness', fix: 'none',
    docs: { description: '', why: '', bad: '', good: '' },
    check: (ctx) => void (out = probe(ctx)),
  });
  const r = await lint(text, { rules: [rule] });
  expect(r.internalErrors).toEqual([]);
  return out as T;
}

function reporter(fix: Rule['fix'], body: (ctx: RuleContext) => void): Rule {
  return defineRule({
    id: 'reporter', severity: 'warning', summary: 'summary', origin: 'shipshape', category: 'correctness', fix,
    docs: { description: '', why: '', bad: '', good: '' },
    check: body,
  });
}

describe('ctx.runs()', () => {
  it('yields RUN and ONBUILD RUN with the instruction to report on and the commands', async () => {
    const runs = await withCtx('FROM a\nRUN apt-get update && apt-get install -y curl\nONBUILD RUN make\nRUN ["echo", "x"]\n', (ctx) =>
      ctx.runs().map((r) => ({ line: r.run.line, reportOn: r.reportOn.keyword, onbuild: r.onbuild, names: r.commands.map((c) => c.name) })),
    );
    expect(runs).toEqual([
      { line: 2, reportOn: 'RUN', onbuild: false, names: ['apt-get', 'apt-get'] },
      { line: 3, reportOn: 'ONBUILD', onbuild: true, names: ['make'] },
      { line: 4, reportOn: 'RUN', onbuild: false, names: ['echo'] },
    ]);
    expect(await withCtx('FROM a\nONBUILD RUN make\nRUN x\n', (ctx) => ctx.runs({ onbuild: false }).map((r) => r.run.line))).toEqual([3]);
  });

  it('has no commands for a non-POSIX shell', async () => {
    expect(await withCtx('FROM a\nSHELL ["pwsh", "-c"]\nRUN Get-Item x\n', (ctx) => ctx.runs()[0].commands)).toEqual([]);
  });
});

describe('ctx.facts()', () => {
  it('reads every --mount once, with its range', async () => {
    const text = 'FROM a\nRUN --mount=type=cache,target=/root/.cache,sharing=locked --mount=type=secret,id=tok,dst=/run/s --mount=source=x,target=/y make\n';
    const mounts = await withCtx(text, (ctx) => ctx.facts(ctx.file.instructions[1]).mounts.map((m) => ({ type: m.type, target: m.target, sharing: m.options.sharing, text: text.slice(m.range.start.offset, m.range.end.offset) })));
    expect(mounts).toEqual([
      { type: 'cache', target: '/root/.cache', sharing: 'locked', text: '--mount=type=cache,target=/root/.cache,sharing=locked' },
      { type: 'secret', target: '/run/s', sharing: undefined, text: '--mount=type=secret,id=tok,dst=/run/s' },
      { type: 'bind', target: '/y', sharing: undefined, text: '--mount=source=x,target=/y' },
    ]);
  });

  it('gives each mount field with the range of its value as written', async () => {
    const text = 'FROM a AS Build\nFROM a\nRUN --mount=type=bind,from="Build",source=/x,target=/y make\n';
    const fields = await withCtx(text, (ctx) => ctx.facts(ctx.file.instructions[2]).mounts[0].fields.map((f) => [f.key, f.value, text.slice(f.valueRange.start.offset, f.valueRange.end.offset), f.written]));
    expect(fields).toEqual([['type', 'bind', 'bind', 'bind'], ['from', 'Build', 'Build', '"Build"'], ['source', '/x', '/x', '/x'], ['target', '/y', '/y', '/y']]);
  });

  it('reads COPY sources, destination and --from in both readings', async () => {
    const copy = await withCtx('FROM a\nCOPY --from=build "a.txt" b /dst/\n', (ctx) => ctx.facts(ctx.file.instructions[1]).copy!);
    expect(copy.sources.map((w) => w.value)).toEqual(['a.txt', 'b']);
    expect(copy.asWritten.sources.map((w) => w.value)).toEqual(['a.txt', 'b']);
    expect(copy.dest?.value).toBe('/dst/');
    expect(copy.from).toBe('build');
    expect(await withCtx('FROM a\nRUN x\n', (ctx) => ctx.facts(ctx.file.instructions[1]).copy)).toBeNull();
  });

  it('knows the WORKDIR in effect: expanded, relative to the previous one, inherited from the parent stage', async () => {
    const text = 'FROM a AS base\nARG D=srv\nWORKDIR /$D\nWORKDIR app/../web\nRUN x\nFROM base\nCOPY . .\nFROM a\nRUN y\nWORKDIR $UNSET\nRUN z\n';
    const wd = await withCtx(text, (ctx) => ctx.file.instructions.map((i) => `${i.line}:${ctx.facts(i).workdir.path}@${ctx.facts(i).workdir.instruction?.line ?? '-'}`));
    expect(wd).toEqual(['1:/@-', '2:/@-', '3:/@-', '4:/srv@3', '5:/srv/web@4', '6:/@-', '7:/srv/web@4', '8:/@-', '9:/@-', '10:/@-', '11:null@10']);
  });

  it('knows the WORKDIR a WORKDIR sets, whether its argument is absolute, and an ONBUILD WORKDIR\'s against /', async () => {
    const text = 'FROM a AS base\nARG D=/srv\nWORKDIR $D\nWORKDIR "app"\nONBUILD WORKDIR ../proc\nWORKDIR ${UNSET}/x\nRUN y\n';
    const after = await withCtx(text, (ctx) => ctx.file.instructions.map((i) => {
      const a = ctx.facts(i.onbuild ?? i).workdirAfter;
      return a && `${a.path}@${a.instruction!.line}${a.absolute ? ' absolute' : ''}`;
    }));
    expect(after).toEqual([null, null, '/srv@3 absolute', '/srv/app@4', '/proc@5', 'null@6 absolute', null]);
  });
});

describe('ctx.stage()', () => {
  it('knows ancestry, root image and the final image', async () => {
    const text = 'FROM python:3.12 AS base\nFROM base AS build\nFROM alpine:3.20 AS other\nFROM build\n';
    const s = await withCtx(text, (ctx) => ctx.file.stages.map((st) => {
      const f = ctx.stage(st);
      return { ancestors: f.ancestors.map((a) => a.index), root: f.rootImage?.repository, final: f.final, inFinal: f.inFinalImage };
    }));
    expect(s).toEqual([
      { ancestors: [], root: 'library/python', final: false, inFinal: true },
      { ancestors: [0], root: 'library/python', final: false, inFinal: true },
      { ancestors: [], root: 'library/alpine', final: false, inFinal: false },
      { ancestors: [1, 0], root: 'library/python', final: true, inFinal: true },
    ]);
  });

  it('are frozen: a rule cannot change what the rules after it see', async () => {
    const frozen = await withCtx('FROM a AS base\nFROM base\nRUN --mount=type=cache,target=/c x\n', (ctx) => {
      const s = ctx.stage(ctx.file.stages[1]);
      return [Object.isFrozen(s), Object.isFrozen(s.chain), Object.isFrozen(s.ancestors), Object.isFrozen(ctx.facts(ctx.file.instructions[2]).mounts), Object.isFrozen(ctx.runs())];
    });
    expect(frozen).toEqual([true, true, true, true, true]);
  });

  it('bug: prefer-multi-stage-build reversed the shared stage chain, so require-non-root-user read the parent\'s USER first', async () => {
    const { RULES } = await import('../../src/rules/index.js');
    const rules = RULES.filter((r) => r.id === 'prefer-multi-stage-build' || r.id === 'require-non-root-user');
    const text = 'FROM debian:12.6 AS base\nUSER root\nRUN apt-get install -y gcc=4:12.2.0-3\nFROM base\nUSER 10001\nCMD ["app"]\n';
    const r = await lint(text, { rules });
    expect(r.internalErrors).toEqual([]);
    expect(r.findings.filter((f) => f.ruleId === 'require-non-root-user')).toEqual([]);
  });

  it('shares the semantics the engine computed', async () => {
    expect(await withCtx('ARG V=1\nFROM a:$V\n', (ctx) => ctx.semantics.global.get('V')?.value)).toBe('1');
  });
});

describe('ctx.report()', () => {
  it('takes a command and finds the instruction it belongs to (the ONBUILD for a trigger)', async () => {
    const rule = reporter('none', (ctx) => {
      for (const r of ctx.runs()) for (const c of r.commands) ctx.report({ at: c });
    });
    const { findings } = await lint('FROM a\nRUN make\nONBUILD RUN make install\n', { rules: [rule] });
    expect(findings.map((f) => [f.range.start.line, f.range.start.column, f.instruction?.keyword, f.message])).toEqual([
      [2, 5, 'RUN', 'summary'],
      [3, 13, 'ONBUILD', 'summary'],
    ]);
  });

  it('applies `# hadolint ignore=` to findings placed with `at`', async () => {
    const rule = reporter('none', (ctx) => {
      for (const r of ctx.runs()) for (const c of r.commands) ctx.report({ at: c });
    });
    const { findings } = await lint('FROM a\n# hadolint ignore=reporter\nRUN make\n', { rules: [rule] });
    expect(findings).toEqual([]);
  });

  it('treats a fix contradicting the declared `fix` as an internal error of the rule', async () => {
    const unsafeFromSafe = reporter('safe', (ctx) => ctx.report({ at: ctx.file.instructions[0], fix: ctx.edit().insertAfter(ctx.file.instructions[0], ' AS x').unsafe('name it') }));
    const r1 = await lint('FROM a\n', { rules: [unsafeFromSafe] });
    expect(r1.findings).toEqual([]);
    expect(r1.internalErrors).toEqual([{ ruleId: 'reporter', message: "reporter declares fix: 'safe' but reported an unsafe fix (name it)" }]);
    const fixFromNone = reporter('none', (ctx) => ctx.report({ at: ctx.file.instructions[0], fix: ctx.edit().remove(ctx.file.instructions[0]).safe('drop') }));
    expect((await lint('FROM a\n', { rules: [fixFromNone] })).internalErrors[0].message).toMatch(/declares fix: 'none'/);
    const safeFromUnsafe = reporter('unsafe', (ctx) => ctx.report({ at: ctx.file.instructions[0], fix: ctx.edit().insertAfter(ctx.file.instructions[0], ' AS x').safe('name it') }));
    const r3 = await lint('FROM a\n', { rules: [safeFromUnsafe] });
    expect(r3.internalErrors).toEqual([]);
    expect(r3.findings[0].fix?.applicability).toBe('safe');
  });

  it('DL3059 and DL3025 declare the unsafe fixes they offer', async () => {
    const { RULES } = await import('../../src/rules/index.js');
    const byId = new Map(RULES.map((r) => [r.id, r]));
    const dl3059 = await lint('FROM debian:12.6\nRUN mkdir /a\n# make it ours\nRUN chown nobody /a\n', { rules: [byId.get('DL3059')!] });
    expect(dl3059.internalErrors).toEqual([]);
    expect(dl3059.findings.map((f) => f.fix?.applicability)).toEqual(['unsafe']);
    const dl3025 = await lint('FROM debian:12.6\nENTRYPOINT ["/entry"]\nCMD run it\n', { rules: [byId.get('DL3025')!] });
    expect(dl3025.internalErrors).toEqual([]);
  });
});
