import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { expandWord, expandWords, variableReferences, wordVariables, type Lookup } from '../../src/parse/expand.js';

const envOf = (env: Record<string, string>): Lookup => (name) =>
  Object.prototype.hasOwnProperty.call(env, name) ? env[name] : undefined;

// Facts from BuildKit's shell/envVarTest (environment PWD=/home SHELL=bash KOREAN=한국어 NULL=).
// `null` means BuildKit reports an error.
describe('expandWord: BuildKit envVarTest vectors', () => {
  const env = envOf({ PWD: '/home', SHELL: 'bash', KOREAN: '한국어', NULL: '' });
  const vectors: Array<[string, string | null]> = [
    ['hello', 'hello'],
    ["he'll'o", 'hello'],
    ["he'llo", null],
    ["he\\'llo", "he'llo"],
    ["he\\\\'llo", null],
    ['abc\\tdef', 'abctdef'],
    ['"abc\\tdef"', 'abc\\tdef'],
    ['"abc\\\\tdef"', 'abc\\tdef'],
    ["'abc\\tdef'", 'abc\\tdef'],
    ['hello\\', 'hello'],
    ['hello\\\\', 'hello\\'],
    ['"hello', null],
    ['"hello\\"', null],
    ['"hel\'lo"', "hel'lo"],
    ["'hello", null],
    ["'hello\\'", 'hello\\'],
    ["'hello\\there'", 'hello\\there'],
    ["'hello\\\\there'", 'hello\\\\there'],
    ['"\'\'"', "''"],
    ['$.', '$.'],
    ['$1', ''],
    ['he$1x', 'hex'],
    ['he$.x', 'he$.x'],
    ['he$pwd.', 'he.'],
    ['he$PWD', 'he/home'],
    ['he\\$PWD', 'he$PWD'],
    ['he\\\\$PWD', 'he\\/home'],
    ['"he\\$PWD"', 'he$PWD'],
    ['"he\\\\$PWD"', 'he\\/home'],
    ['\\${}', '${}'],
    ['\\${}aaa', '${}aaa'],
    ['he\\${}', 'he${}'],
    ['he\\${}xx', 'he${}xx'],
    ['${}', null],
    ['${}aaa', null],
    ['he${}', null],
    ['he${}xx', null],
    ['he${hi}', 'he'],
    ['he${hi}xx', 'hexx'],
    ['he${PWD}', 'he/home'],
    ['he${.}', null],
    ['he${XXX:-000}xx', 'he000xx'],
    ['he${PWD:-000}xx', 'he/homexx'],
    ['he${XXX:-$PWD}xx', 'he/homexx'],
    ['he${XXX:-${PWD:-yyy}}xx', 'he/homexx'],
    ['he${XXX:-${YYY:-yyy}}xx', 'heyyyxx'],
    ['he${XXX:YYY}', null],
    ['he${XXX:+${PWD}}xx', 'hexx'],
    ['he${PWD:+${XXX}}xx', 'hexx'],
    ['he${PWD:+${SHELL}}xx', 'hebashxx'],
    ['he${XXX:+000}xx', 'hexx'],
    ['he${PWD:+000}xx', 'he000xx'],
    ["'he${XX}'", 'he${XX}'],
    ['"he${PWD}"', 'he/home'],
    ['"he\'$PWD\'"', "he'/home'"],
    ['"$PWD"', '/home'],
    ["'$PWD'", '$PWD'],
    ["'\\$PWD'", '\\$PWD'],
    ['\'"hello"\'', '"hello"'],
    ["'he\\$PWD'", 'he\\$PWD'],
    ['he${PWD', null],
    ['he${PWD:=000}xx', null],
    ['he${PWD:+${PWD}:}xx', 'he/home:xx'],
    ['he${XXX:-\\$PWD:}xx', 'he$PWD:xx'],
    ['he${XXX:-\\${PWD}z}xx', 'he${PWDz}xx'],
    ['안녕하세요', '안녕하세요'],
    ["안'녕'하세요", '안녕하세요'],
    ["안'녕하세요", null],
    ['안녕\\t하세요', '안녕t하세요'],
    ['안녕$1x', '안녕x'],
    ['안녕${PWD}', '안녕/home'],
    ['$KOREAN', '한국어'],
    ['안녕$KOREAN', '안녕한국어'],
    ['${{aaa}', null],
    ['${aaa}}', '}'],
    ['${aaa', null],
    ['${{aaa:-bbb}', null],
    ['${aaa:-bbb}}', 'bbb}'],
    ['${aaa:-bbb', null],
    ['${aaa:-bbb}', 'bbb'],
    ['${aaa:-${bbb:-ccc}}', 'ccc'],
    ['${aaa:-bbb ${foo}', null],
    ['${aaa:-bbb {foo}', 'bbb {foo'],
    ['${:}', null],
    ['${:-bbb}', null],
    ['${:+bbb}', null],
  ];
  for (const [input, expected] of vectors) {
    it(`${input} → ${expected === null ? 'error' : JSON.stringify(expected)}`, () => {
      const r = expandWord(input, env);
      if (expected === null) {
        expect(r.error).not.toBeNull();
        expect(r.value).toBe('');
      } else {
        expect(r.error).toBeNull();
        expect(r.value).toBe(expected);
      }
    });
  }
});

// Facts from BuildKit's TestProcessWithMatches.
describe('expandWord: matched / unmatched names and modifiers', () => {
  const cases: Array<{ input: string; env: Record<string, string>; value?: string; error?: true; matched?: string[]; unmatched?: string[] }> = [
    { input: 'x', env: { DUMMY: 'dummy' }, value: 'x', matched: [], unmatched: [] },
    { input: 'x ${UNUSED}', env: { DUMMY: 'dummy' }, value: 'x ', matched: [], unmatched: ['UNUSED'] },
    { input: 'x ${FOO}', env: { FOO: 'y' }, value: 'x y', matched: ['FOO'], unmatched: [] },
    { input: '${FOO-aaa} ${BAR-bbb} ${BAZ-ccc}', env: { FOO: 'xxx', BAR: '' }, value: 'xxx  ccc', matched: ['FOO', 'BAR'], unmatched: ['BAZ'] },
    { input: '${FOO:-aaa} ${BAR:-bbb} ${BAZ:-ccc}', env: { FOO: 'xxx', BAR: '' }, value: 'xxx bbb ccc', matched: ['FOO', 'BAR'], unmatched: ['BAZ'] },
    { input: '${FOO:-}', env: { FOO: 'xxx', BAR: '' }, value: 'xxx', matched: ['FOO'], unmatched: [] },
    { input: '${FOO:-}', env: {}, value: '', matched: [], unmatched: ['FOO'] },
    { input: '${FOO+aaa} ${BAR+bbb} ${BAZ+ccc}', env: { FOO: 'xxx', BAR: '' }, value: 'aaa bbb ', matched: ['FOO', 'BAR'], unmatched: ['BAZ'] },
    { input: '${FOO:+aaa} ${BAR:+bbb} ${BAZ:+ccc}', env: { FOO: 'xxx', BAR: '' }, value: 'aaa  ', matched: ['FOO', 'BAR'], unmatched: ['BAZ'] },
    { input: '${FOO?aaa}', env: { FOO: 'xxx', BAR: '' }, value: 'xxx', matched: ['FOO'] },
    { input: '${BAR?bbb}', env: { FOO: 'xxx', BAR: '' }, value: '', matched: ['BAR'] },
    { input: '${BAZ?ccc}', env: { FOO: 'xxx', BAR: '' }, error: true, unmatched: ['BAZ'] },
    { input: '${FOO:?aaa}', env: { FOO: 'xxx', BAR: '' }, value: 'xxx', matched: ['FOO'] },
    { input: '${BAR:?bbb}', env: { FOO: 'xxx', BAR: '' }, error: true },
    { input: '${BAZ:?ccc}', env: { FOO: 'xxx', BAR: '' }, error: true, unmatched: ['BAZ'] },
    { input: '${BAZ:?}', env: { FOO: 'xxx', BAR: '' }, error: true, unmatched: ['BAZ'] },
    { input: '${FOO=aaa}', env: { FOO: 'xxx', BAR: '' }, error: true },
    { input: '${FOO=:aaa}', env: { FOO: 'xxx', BAR: '' }, error: true },
    { input: '${FOO=}', env: {}, error: true },
    { input: '${FOO#()[]{\\}^$.\\*\\?|\\\\}', env: { FOO: '()[]{}^$.*?|\\x' }, value: 'x', matched: ['FOO'] },
    { input: '${FOO%%\\**}', env: { FOO: 'xx**' }, value: 'xx', matched: ['FOO'] },
    { input: '${FOO#*x*y}', env: { FOO: 'xxyy' }, value: 'y', matched: ['FOO'] },
    { input: '${FOO#*}', env: { FOO: 'xxyy' }, value: 'xxyy', matched: ['FOO'] },
    { input: '${FOO#$BAR}', env: { FOO: 'xxyy', BAR: 'x' }, value: 'xyy', matched: ['BAR', 'FOO'] },
    { input: '${FOO#$BAR}', env: { FOO: 'xxyy', BAR: '' }, value: 'xxyy', matched: ['BAR', 'FOO'] },
    { input: '${FOO#}', env: { FOO: 'xxyy' }, value: 'xxyy', matched: ['FOO'] },
    { input: '${FOO##*x}', env: { FOO: 'xxyy' }, value: 'yy', matched: ['FOO'] },
    { input: '${FOO##}', env: { FOO: 'xxyy' }, value: 'xxyy', matched: ['FOO'] },
    { input: '${FOO#?\\?}', env: { FOO: '???y' }, value: '?y', matched: ['FOO'] },
    { input: '${ABC:-.}${FOO%x}${ABC:-.}', env: { FOO: 'xxyy' }, value: '.xxyy.', matched: ['FOO'], unmatched: ['ABC'] },
    { input: '${FOO%%\\**\\*}', env: { FOO: 'a***yy*' }, value: 'a', matched: ['FOO'] },
    { input: '${FOO%}', env: { FOO: 'xxyy' }, value: 'xxyy', matched: ['FOO'] },
    { input: '${FOO%%$BAR}', env: { FOO: 'xxyy', BAR: '' }, value: 'xxyy', matched: ['BAR', 'FOO'] },
    { input: '${FOO/$NEEDLE/.} - ${FOO//$NEEDLE/.}', env: { FOO: '/foo*/*/*.txt', NEEDLE: '\\*/' }, value: '/foo.*/*.txt - /foo..*.txt', matched: ['NEEDLE', 'FOO'] },
    { input: '${FOO/$NEEDLE/} - ${FOO//$NEEDLE/}', env: { FOO: '/tmp/tmp/bar.txt', NEEDLE: '/tmp' }, value: '/tmp/bar.txt - /bar.txt', matched: ['NEEDLE', 'FOO'] },
    { input: '${FOO/$NEEDLE/$REPLACEMENT} - ${FOO//$NEEDLE/$REPLACEMENT}', env: { FOO: '/a/foo/b/c.txt', NEEDLE: '/?/', REPLACEMENT: '/' }, value: '/foo/b/c.txt - /foo/c.txt', matched: ['NEEDLE', 'REPLACEMENT', 'FOO'] },
    { input: '${FOO/$NEEDLE/$REPLACEMENT}', env: { FOO: 'http://google.de', NEEDLE: 'http://', REPLACEMENT: 'https://' }, value: 'https://google.de', matched: ['NEEDLE', 'REPLACEMENT', 'FOO'] },
    { input: '${FOO//\\//\\/}', env: { FOO: '/tmp/foo.txt' }, value: '\\/tmp\\/foo.txt', matched: ['FOO'] },
    { input: '${FOO/$BAR/ww}', env: { FOO: 'xxyy', BAR: '' }, value: 'wwxxyy', matched: ['BAR', 'FOO'] },
    { input: '${FOO//ww}', env: { FOO: 'xxyy' }, error: true },
    { input: '${FOO//}', env: { FOO: 'xxyy' }, error: true },
    { input: '${FOO///}', env: { FOO: 'xxyy' }, value: 'xxyy', matched: ['FOO'] },
    { input: '${FOO///}', env: {}, value: '', unmatched: ['FOO'] },
  ];
  for (const c of cases) {
    it(`${c.input} with ${JSON.stringify(c.env)}`, () => {
      const r = expandWord(c.input, envOf(c.env));
      if (c.error) {
        expect(r.error).not.toBeNull();
      } else {
        expect(r.error).toBeNull();
        expect(r.value).toBe(c.value);
        expect(r.matched).toEqual(c.matched ?? []);
      }
      if (c.unmatched) expect(r.unmatched).toEqual(c.unmatched);
    });
  }

  it('a TARGETVARIANT suffix only when set and non-empty (TestProcessWithMatchesPlatform)', () => {
    const release = 'something-${VERSION}.${TARGETOS}-${TARGETARCH}${TARGETVARIANT:+-${TARGETVARIANT}}.tar.gz';
    const base = { VERSION: 'v1.2.3', TARGETOS: 'linux' };
    expect(expandWord(release, envOf({ ...base, TARGETARCH: 'arm', TARGETVARIANT: 'v7' })).value).toBe('something-v1.2.3.linux-arm-v7.tar.gz');
    expect(expandWord(release, envOf({ ...base, TARGETARCH: 'arm64', TARGETVARIANT: '' })).value).toBe('something-v1.2.3.linux-arm64.tar.gz');
    expect(expandWord(release, envOf({ ...base, TARGETARCH: 'arm64' })).value).toBe('something-v1.2.3.linux-arm64.tar.gz');
  });
});

describe('expandWord: errors and messages', () => {
  it('mandatory variables (TestShellParserMandatoryEnvVars)', () => {
    const set = envOf({ VAR: 'plain', ARG: 'x' });
    const empty = envOf({ VAR: '', ARG: 'x' });
    const unset = envOf({ ARG: 'x' });
    expect(expandWord('${VAR:?message here$ARG}', set).value).toBe('plain');
    expect(expandWord('${VAR:?message here$ARG}', empty).error).toBe('VAR: message herex');
    expect(expandWord('${VAR:?message here$ARG}', unset).error).toBe('VAR: message herex');
    expect(expandWord('${VAR?message here$ARG}', set).value).toBe('plain');
    expect(expandWord('${VAR?message here$ARG}', empty)).toEqual({ value: '', matched: ['ARG', 'VAR'], unmatched: [], error: null });
    expect(expandWord('${VAR?message here$ARG}', unset).error).toBe('VAR: message herex');
  });

  it('default messages of ${v:?} and ${v?}', () => {
    expect(expandWord('${X:?}', envOf({ X: '' })).error).toBe('X: is not allowed to be empty');
    expect(expandWord('${X?}', envOf({})).error).toBe('X: is not allowed to be unset');
    expect(expandWord('${X:?}', envOf({})).error).toBe('X: is not allowed to be unset');
  });

  it('bad substitution, unsupported modifier, missing brace', () => {
    const env = envOf({ V: 'abc' });
    expect(expandWord('${}', env).error).toBe('syntax error: bad substitution');
    expect(expandWord('${:x}', env).error).toBe('syntax error: bad substitution');
    expect(expandWord('${{x}', env).error).toBe('syntax error: bad substitution');
    expect(expandWord('${V:#a}', env).error).toBe('unsupported modifier (:#) in substitution');
    expect(expandWord('${V:%a}', env).error).toBe('unsupported modifier (:%) in substitution');
    expect(expandWord('${V=x}', env).error).toBe('unsupported modifier (=) in substitution');
    expect(expandWord('${V:=x}', env).error).toBe('unsupported modifier (:=) in substitution');
    expect(expandWord('${V', env).error).toBe("syntax error: missing '}'");
    expect(expandWord('${', env).error).toBe("syntax error: missing '}'");
    expect(expandWord('${V:-abc', env).error).toBe("syntax error: missing '}'");
    expect(expandWord('${V/a', env).error).toBe("syntax error: missing '/' in ${}");
    expect(expandWord('${V#\\x}', env).error).toBe("invalid pattern (\\x) in substitution: invalid escape '\\x'");
    expect(expandWord('"abc', env).error).toBe('unexpected end of statement while looking for matching double-quote');
    expect(expandWord("'abc", env).error).toBe('unexpected end of statement while looking for matching single-quote');
  });

  it('never throws and keeps names looked up before the error', () => {
    const r = expandWord('$A${B:?}', envOf({}));
    expect(r).toEqual({ value: '', matched: [], unmatched: ['A', 'B'], error: 'B: is not allowed to be unset' });
  });
});

describe('expandWord: names, quotes and escapes', () => {
  const env = envOf({ A: 'a', A1: 'a1', _X: 'ux', '1': 'one', '12': 'twelve', '@': 'AT', $: 'PID' });

  it('names: letters, digits, underscore; a digit start takes digits only', () => {
    expect(expandWord('$A1-$A-$_X', env).value).toBe('a1-a-ux');
    expect(expandWord('$12x', env)).toMatchObject({ value: 'twelvex', matched: ['12'] });
    expect(expandWord('$1A', env).value).toBe('oneA');
    expect(expandWord('${A}1', env).value).toBe('a1');
  });

  it('special one-character names are looked up', () => {
    expect(expandWord('$@x', env)).toMatchObject({ value: 'ATx', matched: ['@'] });
    expect(expandWord('$$$', env)).toMatchObject({ value: 'PID$', matched: ['$'] });
    expect(expandWord('$#', env)).toMatchObject({ value: '', unmatched: ['#'] });
    expect(expandWord('${#}', env)).toMatchObject({ value: '', unmatched: ['#'] });
    expect(expandWord('$0', env)).toMatchObject({ value: '', unmatched: ['0'] });
  });

  it('a $ before another character, or at the end, is literal', () => {
    expect(expandWord('a$', env)).toEqual({ value: 'a$', matched: [], unmatched: [], error: null });
    expect(expandWord('$/x $%', env).value).toBe('$/x $%');
    expect(expandWord('"a$"', env).value).toBe('a$');
  });

  it('quotes: single quotes suppress, double quotes allow, both removed', () => {
    expect(expandWord(`'$A'"$A"$A`, env)).toMatchObject({ value: '$Aaa', matched: ['A'] });
    expect(expandWord(`"it's"`, env).value).toBe("it's");
    expect(expandWord(`'say "hi"'`, env).value).toBe('say "hi"');
  });

  it('escape handling in and out of double quotes', () => {
    expect(expandWord('\\$A', env)).toEqual({ value: '$A', matched: [], unmatched: [], error: null });
    expect(expandWord('"\\$A \\" \\\\ \\n"', env).value).toBe('$A " \\ \\n');
    expect(expandWord('a\\ b', env).value).toBe('a b');
  });

  it('backtick escape (# escape=`)', () => {
    const opts = { escape: '`' as const };
    expect(expandWord('`$A', env, opts).value).toBe('$A');
    expect(expandWord('\\$A', env, opts).value).toBe('\\a');
    expect(expandWord('C:\\dir\\$A', env, opts).value).toBe('C:\\dir\\a');
    expect(expandWord('"``"', env, opts).value).toBe('`');
  });

  it('unmatched includes the variable of ${X:-default} and names in unused words', () => {
    expect(expandWord('${CONFIG_FILE:-config.yml}', envOf({}))).toEqual({
      value: 'config.yml',
      matched: [],
      unmatched: ['CONFIG_FILE'],
      error: null,
    });
    expect(expandWord('${A:-$B}', env)).toEqual({ value: 'a', matched: ['A'], unmatched: ['B'], error: null });
  });

  it('defaults can contain quotes and spaces', () => {
    expect(expandWord('${X:-"a b"}', envOf({})).value).toBe('a b');
    expect(expandWord("${X:-'$A'}", env).value).toBe('$A');
  });

  it('pattern trimming with globs', () => {
    const e = envOf({ P: '/usr/local/bin/tool.tar.gz' });
    expect(expandWord('${P#*/}', e).value).toBe('usr/local/bin/tool.tar.gz');
    expect(expandWord('${P##*/}', e).value).toBe('tool.tar.gz');
    expect(expandWord('${P%.*}', e).value).toBe('/usr/local/bin/tool.tar');
    expect(expandWord('${P%%.*}', e).value).toBe('/usr/local/bin/tool');
    expect(expandWord('${P%?z}', e).value).toBe('/usr/local/bin/tool.tar.');
    expect(expandWord('${P/local/opt}', e).value).toBe('/usr/opt/bin/tool.tar.gz');
    expect(expandWord('${P//[/x}', envOf({ P: 'a[b[' })).value).toBe('axbx');
    expect(expandWord('${P//./-}', e).value).toBe('/usr/local/bin/tool-tar-gz');
    expect(expandWord('${P#🚀?}', envOf({ P: '🚀👽x' })).value).toBe('x');
    expect(expandWord('${P%?}', envOf({ P: 'x👽' })).value).toBe('x');
  });

  it('replace-all follows Go: empty matches after a match are skipped, $0 is the match', () => {
    expect(expandWord('${P//*/-}', envOf({ P: 'abc' })).value).toBe('-');
    expect(expandWord('${P//$E/-}', envOf({ P: 'ab', E: '' })).value).toBe('-a-b-');
    expect(expandWord('${P//b/<$R>}', envOf({ P: 'abcb', R: '$0' })).value).toBe('a<b>c<b>');
    expect(expandWord('${P/b/$R}', envOf({ P: 'abcb', R: '$0' })).value).toBe('a$0cb');
    expect(expandWord('${P//b/$R}', envOf({ P: 'ab', R: '$$x${y}' })).value).toBe('a$x');
  });

  it('Unicode values and names', () => {
    expect(expandWord('$ÉTÉ/x', envOf({ 'ÉTÉ': 'summer' })).value).toBe('summer/x');
  });

  it('heredoc body mode (BuildKit ExpandRaw: SkipProcessQuotes, backslash escape)', () => {
    const e = envOf({ NAME: 'world' });
    const body = 'printf "a\\nb"\necho \'$NAME\' "$NAME" \\$NAME\n';
    expect(expandWord(body, e, { skipProcessQuotes: true })).toEqual({
      value: 'printf "anb"\necho \'world\' "world" $NAME\n',
      matched: ['NAME'],
      unmatched: [],
      error: null,
    });
  });

  it('raw options', () => {
    expect(expandWord(`"a"'b'`, envOf({}), { rawQuotes: true }).value).toBe(`"a"'b'`);
    expect(expandWord('a\\b', envOf({}), { rawEscapes: true }).value).toBe('a\\b');
    expect(expandWord('"$A" x', envOf({}), { skipProcessQuotes: true }).value).toBe('"" x');
    expect(expandWord('$U ${U} ${U:-d} $A', envOf({ A: 'a' }), { skipUnsetEnv: true }).value).toBe('$U ${U} ${U:-d} a');
  });
});

// Facts from BuildKit's shell/wordsTest (ProcessWords).
describe('expandWords', () => {
  const env = envOf({ hi: 'hi', space: 'abc  def', leading: '  ab c', trailing: 'ab c   ' });
  const vectors: Array<[string, string[] | null]> = [
    ['hello', ['hello']],
    ['hello${hi}bye', ['hellohibye']],
    ['hello${space}bye', ['helloabc', 'defbye']],
    ['hello"${space}"bye', ['helloabc  defbye']],
    ['hello "${space}"bye', ['hello', 'abc  defbye']],
    ['hello${leading}def', ['hello', 'ab', 'cdef']],
    ['hello"${leading}" def', ['hello  ab c', 'def']],
    ['hello"${leading}"', ['hello  ab c']],
    ['hello${leading}', ['hello', 'ab', 'c']],
    ['hello${trailing}', ['helloab', 'c']],
    ['hello${trailing}d', ['helloab', 'c', 'd']],
    ['hello"${trailing}"d', ['helloab c   d']],
    ['hel"lo${trailing}"', ['helloab c   ']],
    ['hello" there  "', ['hello there  ']],
    ['hello there     ', ['hello', 'there']],
    ['hello\\ there', ['hello there']],
    ['hello" there', null],
    ['hello\\" there', ['hello"', 'there']],
    ['hello"\\\\there"', ['hello\\there']],
    ['hello"\\there"', ['hello\\there']],
    ["hello'\\\\there'", ['hello\\\\there']],
    ["hello'\\there'", ['hello\\there']],
    ["hello'$there'", ['hello$there']],
  ];
  for (const [input, expected] of vectors) {
    it(`${input} → ${JSON.stringify(expected)}`, () => {
      const r = expandWords(input, env);
      if (expected === null) {
        expect(r.error).not.toBeNull();
        expect(r.words).toEqual([]);
      } else {
        expect(r.error).toBeNull();
        expect(r.words).toEqual(expected);
      }
    });
  }

  it('empty quoted words vanish; tabs and newlines split', () => {
    expect(expandWords('a "" b', envOf({})).words).toEqual(['a', 'b']);
    expect(expandWords('a\tb\nc', envOf({})).words).toEqual(['a', 'b', 'c']);
    expect(expandWords('80/tcp $P', envOf({ P: '443 8080' }))).toEqual({
      words: ['80/tcp', '443', '8080'],
      matched: ['P'],
      unmatched: [],
      error: null,
    });
  });
});

describe('wordVariables', () => {
  it('lists every referenced name, nested ones included', () => {
    expect(wordVariables('${A:-$B}/${C#$D}/$E${F:?}')).toEqual(['B', 'A', 'D', 'C', 'E', 'F']);
    expect(wordVariables('$A $A ${A}')).toEqual(['A']);
  });
  it('ignores escaped and single-quoted references', () => {
    expect(wordVariables("\\$A '$B' \"$C\"")).toEqual(['C']);
    expect(wordVariables('`$A \\$B', '`')).toEqual(['B']);
  });
  it('stops at a syntax error', () => {
    expect(wordVariables('$A ${} $B')).toEqual(['A']);
  });
});

describe('robustness (property-based)', () => {
  const alphabet = ['$', '{', '}', ':', '-', '+', '?', '#', '%', '/', '*', '\\', '`', '"', "'", ' ', 'A', 'B', 'x', '0', '@', '[', '(', '.', '\n', '👽'];
  const word = fc.array(fc.constantFrom(...alphabet), { maxLength: 24 }).map((a) => a.join(''));
  const env = envOf({ A: 'a*b/c', B: '', x: '$0\\', '0': 'zero' });

  it('expandWord never throws; an error means an empty value', () => {
    fc.assert(
      fc.property(word, fc.constantFrom<'\\' | '`'>('\\', '`'), (w, escape) => {
        const r = expandWord(w, env, { escape });
        if (r.error !== null) expect(r.value).toBe('');
        expect(new Set(r.matched).size).toBe(r.matched.length);
        for (const n of r.matched) expect(r.unmatched).not.toContain(n);
      }),
      { numRuns: 3000 },
    );
  });

  it('a word without $ or quotes or escapes is unchanged', () => {
    fc.assert(
      fc.property(fc.string(), (w) => {
        fc.pre(!/[$"'\\]/.test(w));
        expect(expandWord(w, env)).toEqual({ value: w, matched: [], unmatched: [], error: null });
      }),
    );
  });

  it('expandWords joins back to the expanded word when nothing is quoted', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', 'b', ' ', '$A', '$B', '\t'), { maxLength: 12 }), (parts) => {
        const w = parts.join('');
        const words = expandWords(w, env).words;
        expect(words.join(' ')).toBe(expandWord(w, env).value.trim().split(/[ \t]+/).filter(Boolean).join(' '));
      }),
    );
  });
});

describe('variableReferences', () => {
  it('gives each reference with its span in the raw word', () => {
    const w = 'a/$A/${B:-$C}/\\$D/\'$E\'/"${F}"';
    const refs = variableReferences(w, envOf({ A: '1', C: '3' }));
    expect(refs.map((r) => [r.name, w.slice(r.start, r.end), r.defined])).toEqual([
      ['A', '$A', true],
      ['B', '${B:-$C}', false],
      ['C', '$C', true],
      ['F', '${F}', false],
    ]);
  });

  it('counts UTF-16 offsets after astral characters and repeats names', () => {
    const w = '👽$X-$X';
    expect(variableReferences(w, envOf({}))).toEqual([
      { name: 'X', start: 2, end: 4, defined: false },
      { name: 'X', start: 5, end: 7, defined: false },
    ]);
  });

  it('stops at errors with the references before', () => {
    const w = '$A ${B:?} $C';
    expect(variableReferences(w, envOf({})).map((r) => [r.name, w.slice(r.start, r.end)])).toEqual([
      ['A', '$A'],
      ['B', '${B:?}'],
    ]);
  });
});
