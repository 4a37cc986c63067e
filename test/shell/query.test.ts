import { describe, expect, it } from 'vitest';
import { findCommands, flagValue, flagValues, hasArg, hasFlag, isCommand, positionalArgs, subcommand } from '../../src/shell/query.js';
import { cmd, sh } from './helpers.js';

const values = (words: { value: string }[]) => words.map((w) => w.value);

describe('hasFlag', () => {
  it('reads short groups, long flags and inline values like hadolint', () => {
    const c = cmd('apt-get install -yq --no-install-recommends --target-release=bookworm curl');
    expect(hasFlag(c, 'y')).toBe(true);
    expect(hasFlag(c, 'q')).toBe(true);
    expect(hasFlag(c, '--no-install-recommends')).toBe(true);
    expect(hasFlag(c, 'no-install-recommends')).toBe(true);
    expect(hasFlag(c, 'target-release')).toBe(true);
    expect(hasFlag(c, 'yes', 'assume-yes')).toBe(false);
    expect(hasFlag(c, 'yes', '-y')).toBe(true);
    expect(hasFlag(cmd('apt-get install -yes x'), 'yes')).toBe(false);
    expect(hasFlag(cmd('apt-get install -- -y'), 'y')).toBe(true);
  });
});

describe('hasArg', () => {
  it('matches any argument exactly, flags included', () => {
    const c = cmd('apt-get -q=2 install "APT::Install-Recommends=false" x');
    expect(hasArg(c, 'install')).toBe(true);
    expect(hasArg(c, '-q=2')).toBe(true);
    expect(hasArg(c, 'APT::Install-Recommends=false')).toBe(true);
    expect(hasArg(c, 'apt-get')).toBe(false);
    expect(hasArg(c, 'clean', 'x')).toBe(true);
    expect(hasArg(cmd('apt-get install'), 'inst')).toBe(false);
  });
});

describe('flagValue', () => {
  it('reads --name=v, --name v, -n v and -xn v', () => {
    expect(flagValue(cmd('useradd -u 1000 app'), 'u')).toBe('1000');
    expect(flagValue(cmd('useradd --uid=1000 app'), 'uid')).toBe('1000');
    expect(flagValue(cmd('useradd --uid 1000 app'), '--uid')).toBe('1000');
    expect(flagValue(cmd('useradd -lu 1000 app'), 'u')).toBe('1000');
    expect(flagValue(cmd('useradd -ul 1000 app'), 'u')).toBeNull();
    expect(flagValue(cmd('useradd -u'), 'u')).toBeNull();
    expect(flagValue(cmd('useradd app'), 'u')).toBeNull();
    expect(flagValues(cmd('pip install -i a --index-url=b -i c x'), 'i')).toEqual(['a', 'c']);
  });
});

describe('positionalArgs and subcommand', () => {
  it('drops flags and the separate values of value flags', () => {
    const c = cmd('apt-get install -y -t bookworm --target-release=x -o Dpkg::Options=1 curl=1 - wget');
    expect(values(positionalArgs(c))).toEqual(['install', 'bookworm', 'Dpkg::Options=1', 'curl=1', '-', 'wget']);
    expect(values(positionalArgs(c, { valueFlags: ['t', 'target-release', 'o'] }))).toEqual(['install', 'curl=1', '-', 'wget']);
    expect(values(positionalArgs(cmd('apk add --virtual .deps --repository=r gcc'), { valueFlags: ['virtual', 'repository'] }))).toEqual([
      'add', 'gcc',
    ]);
  });

  it('gives the first positional argument as the subcommand', () => {
    expect(subcommand(cmd('apt-get -y install curl'))?.value).toBe('install');
    expect(subcommand(cmd('apt-get -o a=b install curl'), { valueFlags: ['o'] })?.value).toBe('install');
    expect(subcommand(cmd('apt-get -y'))).toBeNull();
    const word = subcommand(cmd('npm  install x'))!;
    expect([word.range.start.column, word.range.end.column]).toEqual([6, 13]);
  });

  it('matches commands by name and subcommand', () => {
    const s = sh('apt-get update && apt-get -y install curl && /usr/bin/apt-get install x && apt install y');
    const [update, install, pathed, apt] = s.commands;
    expect(isCommand(update, 'apt-get')).toBe(true);
    expect(isCommand(update, 'apt-get', 'install')).toBe(false);
    expect(isCommand(install, 'apt-get', 'install')).toBe(true);
    expect(isCommand(pathed, 'apt-get', 'install')).toBe(false);
    expect(isCommand(apt, 'apt-get')).toBe(false);
    expect(findCommands(s, 'apt-get').map((c) => c.index)).toEqual([0, 1]);
    expect(findCommands(s, 'apt-get', 'install').map((c) => c.index)).toEqual([1]);
  });
});
