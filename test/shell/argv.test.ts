import { describe, expect, it } from 'vitest';
import type { Range } from '../../src/parse/types.js';
import { scriptFromArgv } from '../../src/shell/argv.js';
import { hasFlag, positionalArgs } from '../../src/shell/query.js';

const at = (start: number, end: number): Range => ({
  start: { line: 1, column: start + 1, offset: start },
  end: { line: 1, column: end + 1, offset: end },
});

describe('scriptFromArgv', () => {
  it('builds one command from exec-form words', () => {
    // RUN ["apt-get","install","-y","$PKG"]
    const line = 'RUN ["apt-get","install","-y","$PKG"]';
    const words = ['apt-get', 'install', '-y', '$PKG'].map((value) => {
      const start = line.indexOf(`"${value}"`);
      return { value, range: at(start, start + value.length + 2) };
    });
    const s = scriptFromArgv(words, at(4, line.length));
    expect(s.commands).toHaveLength(1);
    const [c] = s.commands;
    expect(c.name).toBe('apt-get');
    expect(c.args.map((w) => w.value)).toEqual(['install', '-y', '$PKG']);
    expect(c.args.map((w) => w.dynamic)).toEqual([false, false, false]);
    expect(c.words[0].raw).toBe('"apt-get"');
    expect(hasFlag(c, 'y')).toBe(true);
    expect(positionalArgs(c).map((w) => w.value)).toEqual(['install', '$PKG']);
    expect(c.range).toEqual({ start: words[0].range.start, end: words[3].range.end });
    expect(s.source.text).toBe('apt-get install -y $PKG');
    expect(s.source.segments[1]).toEqual({ from: 8, source: line.indexOf('install'), length: 7 });
    expect([c.connector, c.pipedIn, c.pipedOut, c.nested, c.index, s.hasErrors]).toEqual([null, false, false, false, 0, false]);
  });

  it('skips wrappers for the name and accepts an empty array', () => {
    const s = scriptFromArgv([{ value: 'exec', range: at(0, 6) }, { value: 'gosu', range: at(7, 13) }, { value: 'x', range: at(14, 17) }], at(0, 17));
    expect(s.commands[0].name).toBe('gosu');
    expect(s.commands[0].args.map((w) => w.value)).toEqual(['x']);
    expect(scriptFromArgv([], at(0, 2)).commands).toEqual([]);
  });
});
