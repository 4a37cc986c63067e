/** Commands behind wrappers (src/shell/wrappers.ts) and the getopt reading of operands (operandWords). */
import { describe, expect, it } from 'vitest';
import { effectiveCommand } from '../../src/shell/wrappers.js';
import { operandWords, positionalArgs } from '../../src/shell/query.js';
import { cmd } from './helpers.js';

const values = (words: { value: string }[]) => words.map((w) => w.value);

describe('effectiveCommand', () => {
  it('looks through sudo, env, nice, timeout and gosu with their option values', () => {
    const e = effectiveCommand(cmd('sudo -u app env -u HOME PIP_INDEX_URL=http://x nice -n 5 timeout -s KILL 60 /usr/bin/pip install -fk x'));
    expect(e.name).toBe('pip');
    expect(e.nameWord.value).toBe('/usr/bin/pip');
    expect(values(e.args)).toEqual(['install', '-fk', 'x']);
    expect(e.assignments.map((a) => `${a.name}=${a.value}`)).toEqual(['PIP_INDEX_URL=http://x']);
    // hadolint's reading of the flags, indexed into args.
    expect(e.flags.map((f) => `${f.name}@${f.argIndex}`)).toEqual(['f@1', 'k@1']);
    expect(effectiveCommand(cmd('gosu app curl -sSL x')).name).toBe('curl');
    expect(effectiveCommand(cmd('sudo')).name).toBe('sudo');
  });
});

describe('operandWords', () => {
  it('skips the separate values of the listed options only, unlike hadolint', () => {
    const c = cmd('apt-get -o Dpkg::Options::=--force-confnew -yo X=Y install curl');
    expect(values(operandWords(c.args, ['-o']))).toEqual(['X=Y', 'install', 'curl']);
    // hadolint's positionalArgs finds the flag `o` inside `-yo` too and drops its value.
    expect(values(positionalArgs(c, { valueFlags: ['o'] }))).toEqual(['install', 'curl']);
    expect(values(operandWords(cmd('rm -- -').args))).toEqual(['--', '-']);
  });
});
