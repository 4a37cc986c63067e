// Unit tests of the tricky points of the Dockerfile parser (BuildKit semantics, reference §4).
import { describe, expect, it } from 'vitest';
import { parse } from '../../src/parse/parser.js';
import type { Dockerfile, Range } from '../../src/parse/types.js';

const src = (df: Dockerfile, r: Range): string => df.text.slice(r.start.offset, r.end.offset);
const messages = (df: Dockerfile): string[] => df.errors.map((e) => e.message);

describe('lines, BOM and line endings', () => {
  it('marks errors of the raw parser as fatal (no syntax tree), others not', () => {
    expect(parse('FROM a\nRUN <<EOF\nx\n').errors.map((e) => e.fatal)).toEqual([true]);
    expect(parse('# escape=`\n# escape=\\\nFROM a\n').errors.map((e) => e.fatal)).toEqual([true]);
    expect(parse('# c\n').errors.map((e) => e.fatal)).toEqual([true]);
    expect(parse('FROM a\nBOGUS x\n').errors.map((e) => Boolean(e.fatal))).toEqual([false]);
  });

  it('removes a BOM from line 1 and keeps offsets in the original text', () => {
    const df = parse('\ufeffFROM alpine:3.20\nRUN echo hi\n');
    expect(df.bom).toBe(true);
    expect(df.instructions[0].keyword).toBe('FROM');
    expect(df.instructions[0].keywordRange.start).toEqual({ line: 1, column: 1, offset: 1 });
    expect(src(df, df.instructions[0].keywordRange)).toBe('FROM');
    expect(df.lineStarts).toEqual([1, 18, 30]);
  });

  it('detects the dominant line ending and strips \\r before the continuation test', () => {
    const df = parse('FROM a\r\nRUN echo a \\\r\n  b\r\nRUN c\n');
    expect(df.eol).toBe('\r\n');
    expect(df.instructions[1].args.text).toBe('echo a   b');
    expect(df.instructions[1].endLine).toBe(3);
    expect(parse('FROM a\nRUN b\n').eol).toBe('\n');
  });

  it('keeps a lone \\r inside a line', () => {
    const df = parse('FROM a\nRUN echo a\rb\n');
    expect(df.instructions[1].args.text).toBe('echo a\rb');
  });
});

describe('parser directives', () => {
  it('reads syntax, escape and check in the leading block', () => {
    const df = parse('# syntax=docker/dockerfile:1\n# escape=`\n# check=skip=all\nFROM a\n');
    expect(df.directives.map((d) => [d.name, d.value])).toEqual([
      ['syntax', 'docker/dockerfile:1'], ['escape', '`'], ['check', 'skip=all'],
    ]);
    expect(df.escape).toBe('`');
    expect(df.comments).toEqual([]);
    expect(df.errors).toEqual([]);
  });

  it('stops at the first non-directive line', () => {
    const df = parse('# hello\n# escape=`\nFROM a\nRUN echo \\\n  b\n');
    expect(df.directives).toEqual([]);
    expect(df.escape).toBe('\\');
    expect(df.comments.map((c) => c.text)).toEqual([' hello', ' escape=`']);
    expect(df.instructions[1].args.text).toBe('echo   b');
  });

  it('stops at an unknown directive and at a blank line', () => {
    expect(parse('# foo=bar\n# escape=`\nFROM a\n').escape).toBe('\\');
    expect(parse('\n# escape=`\nFROM a\n').escape).toBe('\\');
  });

  it('accepts an indented escape directive and spaces around =', () => {
    expect(parse('   #  ESCAPE = `  \nFROM a\n').escape).toBe('`');
  });

  it('reports a duplicate directive', () => {
    const df = parse('# escape=`\n# escape=\\\nFROM a\n');
    expect(messages(df)).toEqual(['only one escape parser directive can be used']);
    expect(df.escape).toBe('`');
  });

  it('reports an invalid escape token', () => {
    const df = parse('# escape=x\nFROM a\n');
    expect(messages(df)).toEqual(["invalid escape token 'x' does not match ` or \\"]);
    expect(df.escape).toBe('\\');
  });

  it('finds syntax and check after a shebang, but not escape', () => {
    const df = parse('#!/usr/bin/env buildctl\n# syntax=docker/dockerfile:1\n# escape=`\nFROM a\n');
    expect(df.directives.map((d) => d.name)).toEqual(['syntax']);
    expect(df.escape).toBe('\\');
  });

  it('with escape=` a trailing backslash is plain text', () => {
    const df = parse('# escape=`\nFROM a\nCOPY a.txt c:\\\nRUN dir c:\\\nRUN echo a `\n  b\n');
    expect(df.instructions.map((i) => i.args.text)).toEqual(['a', 'a.txt c:\\', 'dir c:\\', 'echo a   b']);
  });
});

describe('continuation lines', () => {
  it('joins without inserting anything and keeps indentation', () => {
    const df = parse('FROM a\nRUN echo hello\\\nworld\\\n  again\n');
    expect(df.instructions[1].args.text).toBe('echo helloworld  again');
  });

  it('does not continue after an escaped escape', () => {
    const df = parse('FROM a\nENV DIR=C:\\\\\nRUN echo ok\n');
    expect(df.instructions.map((i) => i.keyword)).toEqual(['FROM', 'ENV', 'RUN']);
    expect(df.instructions[1].pairs[0].rawValue).toBe('C:\\\\');
    expect(df.instructions[1].pairs[0].value).toBe('C:\\');
  });

  it('drops comment lines inside a continuation and records them', () => {
    const df = parse('FROM a\nRUN apt-get install -y \\\n  # the roots \\\n  ca-certificates\n');
    const run = df.instructions[1];
    expect(run.args.text).toBe('apt-get install -y   ca-certificates');
    expect(df.comments).toHaveLength(1);
    expect(df.comments[0]).toMatchObject({ text: ' the roots \\', inContinuation: true });
    expect(src(df, df.comments[0].range)).toBe('# the roots \\');
    expect(run.comments).toEqual([]);
    expect(run.endLine).toBe(4);
  });

  it('skips empty continuation lines and flags them', () => {
    const df = parse('FROM a\nRUN a \\\n\nRUN b\n');
    expect(df.instructions).toHaveLength(2);
    expect(df.instructions[1].args.text).toBe('a RUN b');
    expect(df.instructions[1].emptyContinuation).toBe(true);
    expect(df.instructions[0].emptyContinuation).toBe(false);
  });

  it('ends the instruction at a continuation on the last line', () => {
    const df = parse('FROM a\nRUN something \\');
    expect(df.instructions[1].args.text).toBe('something');
    expect(df.instructions[1].emptyContinuation).toBe(false);
    expect(parse('FROM a\nRUN something \\\n').instructions[1].emptyContinuation).toBe(false);
  });

  it('a line that is only the escape continues and adds nothing', () => {
    const df = parse('FROM a\nENV E hello\\\n\\\nworld\n');
    expect(df.instructions[1].pairs[0]).toMatchObject({ key: 'E', rawValue: 'helloworld', equals: false });
  });

  it('maps every character of the joined arguments back to the source', () => {
    const text = 'FROM a\nRUN --mount=type=cache,target=/x \\\n  # c\n\n\tapt-get \\\n  install\n';
    const df = parse(text);
    const run = df.instructions[1];
    expect(run.args.text).toBe('--mount=type=cache,target=/x \tapt-get   install');
    for (const m of [run.args, run.argsAfterFlags]) {
      for (const s of m.segments) expect(m.text.slice(s.from, s.from + s.length)).toBe(text.slice(s.source, s.source + s.length));
      const covered = m.segments.reduce((n, s) => n + s.length, 0);
      expect(covered).toBe(m.text.length);
    }
    expect(run.argsAfterFlags.text).toBe('apt-get   install');
    expect(run.emptyContinuation).toBe(true);
  });
});

describe('flags', () => {
  it('reads leading flags with quotes and values', () => {
    const df = parse('FROM a\nCOPY --from=build --chown="app:app" --link src /dst\n');
    const copy = df.instructions[1];
    expect(copy.flags.map((f) => [f.name, f.value, f.raw])).toEqual([
      ['from', 'build', '--from=build'], ['chown', 'app:app', '--chown="app:app"'], ['link', null, '--link'],
    ]);
    expect(src(df, copy.flags[1].range)).toBe('--chown="app:app"');
    expect(src(df, copy.flags[0].valueRange as Range)).toBe('build');
    expect(copy.argsAfterFlags.text).toBe('src /dst');
    expect(copy.words.map((w) => w.raw)).toEqual(['src', '/dst']);
    expect(df.errors).toEqual([]);
  });

  it('ends flags at --', () => {
    const df = parse('FROM a\nCOPY --link -- --weird /dst\n');
    expect(df.instructions[1].flags.map((f) => f.name)).toEqual(['link']);
    expect(df.instructions[1].argsAfterFlags.text).toBe('--weird /dst');
  });

  it('reports unknown, duplicate and malformed flags only where BuildKit refuses them', () => {
    const df = parse(
      'FROM --platform=linux/amd64 a\nRUN --mount=type=cache,target=/a --mount=type=tmpfs,target=/b --network=none true\n' +
        'COPY --link=maybe x y\nCOPY --from=a --from=b x y\nWORKDIR --x /a\nHEALTHCHECK --bogus NONE\nCOPY --chmod x y\n',
    );
    expect(messages(df)).toEqual([
      'expecting boolean value for flag link, not: maybe',
      'duplicate flag specified: from',
      'unknown flag: x',
      'missing a value on flag: chmod',
    ]);
  });

  it('reports the first bad flag of an instruction only, as BuildKit stops there', () => {
    // A COPY repeating a flag 2,000,000 times recorded one error per repeat (~1 GB).
    const df = parse('FROM a\nCOPY --link=maybe --from=a --from=b --bogus x y\nCOPY ' + '--chown=1 '.repeat(1000) + 'x y\nRUN --x=1 --y=2 true\n');
    expect(messages(df)).toEqual(['expecting boolean value for flag link, not: maybe', 'duplicate flag specified: chown', 'unknown flag: x']);
    expect(df.errors[1].range.start.column).toBe(16);
  });

  it('continues flags across continuation lines', () => {
    const df = parse('FROM a\nRUN --mount=type=cache,target=/root/.cache \\\n    --network=host \\\n    pip install x\n');
    expect(df.instructions[1].flags.map((f) => f.raw)).toEqual(['--mount=type=cache,target=/root/.cache', '--network=host']);
    expect(df.instructions[1].flags[1].range.start.line).toBe(3);
  });
});

describe('exec form', () => {
  it('decodes JSON arrays with element ranges', () => {
    const df = parse('FROM a\nCMD [ "sh", "-c", "echo \\"x\\" \\u00e9" ]\n');
    const cmd = df.instructions[1];
    expect(cmd.execForm).toBe(true);
    expect(cmd.json).toEqual(['sh', '-c', 'echo "x" é']);
    expect(cmd.words.map((w) => src(df, w.range))).toEqual(['"sh"', '"-c"', '"echo \\"x\\" \\u00e9"']);
  });

  it('falls back to shell form on invalid JSON', () => {
    for (const bad of ["['a']", '["a"] b', '["c:\\windows"]', '["a"', '["a",]']) {
      const df = parse(`FROM a\nCMD ${bad}\n`);
      expect(df.instructions[1].execForm, bad).toBe(false);
      expect(df.errors, bad).toEqual([]);
    }
  });

  it('reports non-string elements', () => {
    const df = parse('FROM a\nCMD ["a", 1]\n');
    expect(messages(df)).toEqual(['when using JSON array syntax, arrays must be comprised of strings only']);
  });

  it('accepts an empty array and flags before it', () => {
    const df = parse('FROM a\nCMD []\nVOLUME ["/a", "/b"]\nSHELL ["/bin/bash", "-c"]\n');
    expect(df.instructions.map((i) => i.json)).toEqual([null, [], ['/a', '/b'], ['/bin/bash', '-c']]);
    expect(df.errors).toEqual([]);
  });

  it('requires SHELL in JSON form', () => {
    expect(messages(parse('FROM a\nSHELL /bin/bash -c\n'))).toEqual(['SHELL requires the arguments to be in JSON form']);
    expect(messages(parse('FROM a\nSHELL []\n'))).toEqual(['SHELL requires at least one argument']);
  });
});

describe('heredocs', () => {
  it('reads several heredocs in word order, raw', () => {
    const text = 'FROM a\nCOPY <<X <<"Y" /dest/\nY\nX\n# raw \\\nY\nRUN echo after\n';
    const df = parse(text);
    const copy = df.instructions[1];
    expect(copy.heredocs.map((h) => [h.name, h.expand, h.content])).toEqual([['X', true, 'Y\n'], ['Y', false, '# raw \\\n']]);
    expect(src(df, copy.heredocs[0].markerRange)).toBe('<<X');
    expect(src(df, copy.heredocs[1].markerRange)).toBe('<<"Y"');
    expect(src(df, copy.heredocs[0].terminatorRange as Range)).toBe('X');
    expect(src(df, copy.heredocs[1].contentRange)).toBe('# raw \\\n');
    expect(copy.endLine).toBe(6);
    expect(df.instructions[2].args.text).toBe('echo after');
    expect(df.comments).toEqual([]);
  });

  it('supports <<-, file descriptors, spaces after << and partial quoting', () => {
    const df = parse("FROM a\nRUN <<-EOT 3<<'B' cat << C\n\tx\n\tEOT\nb\nB\nc\nC\nRUN 2<<eo'f'\nz\neof\n");
    const [a, b, c] = df.instructions[1].heredocs;
    expect([a.name, a.chomp, a.fd, a.content]).toEqual(['EOT', true, null, '\tx\n']);
    expect([b.name, b.expand, b.fd]).toEqual(['B', false, 3]);
    expect([c.name, c.expand, c.content]).toEqual(['C', true, 'c\n']);
    expect(src(df, c.markerRange)).toBe('<< C');
    const d = df.instructions[2].heredocs[0];
    expect([d.name, d.expand, d.fd]).toEqual(['eof', false, 2]);
  });

  it('keeps CRLF in the raw content and accepts a CRLF terminator', () => {
    const df = parse('FROM a\r\nRUN <<EOF\r\necho hi\r\nEOF\r\nRUN b\r\n');
    expect(df.instructions[1].heredocs[0].content).toBe('echo hi\r\n');
    expect(df.instructions[2].keyword).toBe('RUN');
  });

  it('only in shell-form RUN/COPY/ADD and ONBUILD triggers', () => {
    const df = parse('FROM a\nUSER <<X\nRUN "<<Y"\nRUN ["<<Z"]\nONBUILD ADD <<W /w\nw\nW\n');
    expect(df.instructions.map((i) => i.heredocs.length)).toEqual([0, 0, 0, 0, 1]);
    const onb = df.instructions[4];
    expect(onb.onbuild?.heredocs[0].content).toBe('w\n');
    expect(onb.endLine).toBe(7);
  });

  it('reads heredoc markers on continuation lines after the joined line', () => {
    const df = parse('FROM a\nRUN go version && \\\n    cat <<EOF >> go.work\ngo 1.22\nEOF\n');
    expect(df.instructions[1].heredocs[0].content).toBe('go 1.22\n');
    expect(df.errors).toEqual([]);
  });

  it('reports an unterminated heredoc and keeps the model', () => {
    const df = parse('FROM a\nRUN <<EOF\necho never closed\n');
    expect(messages(df)).toEqual(['unterminated heredoc']);
    expect(df.instructions[1].heredocs[0].terminatorRange).toBeNull();
    expect(df.instructions[1].heredocs[0].content).toBe('echo never closed\n');
  });

  it('reports a heredoc as COPY destination', () => {
    expect(messages(parse('FROM a\nCOPY x <<EOF\nb\nEOF\n'))).toEqual(['COPY cannot accept a heredoc as destination']);
  });
});

describe('ENV, LABEL and ARG', () => {
  it('splits key=value pairs with quotes kept in rawValue', () => {
    const df = parse('FROM a\nENV A=1 B="x y" C=a\\ b D=\'$q\'\n');
    expect(df.instructions[1].pairs.map((p) => [p.key, p.rawValue, p.value, p.equals])).toEqual([
      ['A', '1', '1', true], ['B', '"x y"', 'x y', true], ['C', 'a\\ b', 'a b', true], ['D', "'$q'", '$q', true],
    ]);
    const b = df.instructions[1].pairs[1];
    expect(src(df, b.keyRange)).toBe('B');
    expect(src(df, b.valueRange as Range)).toBe('"x y"');
  });

  it('reads the legacy form as key + rest of line', () => {
    const df = parse('FROM a\nENV MSG hello   world\nLABEL maintainer Someone "x"\n');
    expect(df.instructions[1].pairs[0]).toMatchObject({ key: 'MSG', rawValue: 'hello   world', equals: false });
    expect(df.instructions[2].pairs[0]).toMatchObject({ key: 'maintainer', rawValue: 'Someone "x"' });
  });

  it('reports ENV errors as BuildKit does', () => {
    expect(messages(parse('FROM a\nENV A=1 B\n'))).toEqual(['Syntax error - can\'t find = in "B". Must be of the form: name=value']);
    expect(messages(parse('FROM a\nENV ONLY\n'))).toEqual(['ENV must have two arguments']);
    expect(messages(parse('FROM a\nENV \\\n  # nothing\n'))).toEqual(['ENV requires at least one argument']);
  });

  it('reads ARG names and defaults', () => {
    const df = parse('ARG A B=2 C="x y"\nFROM a\n');
    expect(df.instructions[0].pairs.map((p) => [p.key, p.rawValue, p.value])).toEqual([
      ['A', null, null], ['B', '2', '2'], ['C', '"x y"', 'x y'],
    ]);
    expect(df.globalArgs).toHaveLength(1);
  });
});

describe('stages', () => {
  it('builds stages with names, bases and platform', () => {
    const df = parse('ARG V=3.20\nFROM --platform=$BUILDPLATFORM alpine:${V} AS Build\nRUN x\nFROM build as final\nFROM scratch\n');
    expect(df.stages.map((s) => [s.name, s.base.kind, s.instructions.length])).toEqual([
      ['Build', 'image', 1], ['final', 'stage', 0], [null, 'image', 0],
    ]);
    const img = df.stages[0].base.kind === 'image' ? df.stages[0].base.image : null;
    expect(img).toMatchObject({ raw: 'alpine:${V}', expanded: 'alpine:3.20', tag: '3.20', registry: null, unresolved: false });
    expect(df.stages[1].base).toEqual({ kind: 'stage', stage: 0 });
    expect(df.stages[0].platform).toBe('$BUILDPLATFORM');
    expect(src(df, df.stages[0].nameRange as Range)).toBe('Build');
    expect(df.instructions.map((i) => i.stageIndex)).toEqual([-1, 0, 0, 1, 2]);
  });

  it('parses image references', () => {
    const ref = (from: string) => {
      const s = parse(`FROM ${from}\n`).stages[0];
      return s.base.kind === 'image' ? s.base.image : null;
    };
    expect(ref('ghcr.io/org/app:1.2@sha256:abc')).toMatchObject({ registry: 'ghcr.io', repository: 'org/app', tag: '1.2', digest: 'sha256:abc' });
    expect(ref('localhost:5000/app')).toMatchObject({ registry: 'localhost:5000', repository: 'app', tag: null });
    expect(ref('python')).toMatchObject({ registry: null, repository: 'library/python', tag: null });
    expect(ref('org/app:latest')).toMatchObject({ registry: null, repository: 'org/app', tag: 'latest' });
  });

  it('expands global ARG defaults and marks unresolved images', () => {
    const ref = (text: string) => {
      const s = parse(text).stages[0];
      return s.base.kind === 'image' ? s.base.image : null;
    };
    expect(ref('ARG BASE\nFROM ${BASE:-debian:12-slim}\n')).toMatchObject({ expanded: 'debian:12-slim', unresolved: false });
    expect(ref('ARG TAG=3.19\nFROM alpine:${TAG}${SUFFIX}\n')).toMatchObject({ expanded: 'alpine:3.19${SUFFIX}', unresolved: true });
    expect(ref('ARG BASE\nFROM $BASE\n')).toMatchObject({ unresolved: true });
  });

  it('reports bad FROM lines; instructions before the first FROM are left to DL3061', () => {
    // BuildKit fails with `no build stage in current context`; hadolint's DL3061 reports it instead.
    expect(messages(parse('RUN x\nFROM a\n'))).toEqual([]);
    expect(parse('RUN x\nFROM a\n').instructions[0].stageIndex).toBe(-1);
    expect(messages(parse('FROM a b\n'))).toEqual(['FROM requires either one or three arguments']);
    expect(messages(parse('FROM a AS 1x\n'))).toEqual([
      'invalid name for build stage: "1x", name can\'t start with a number or contain symbols',
    ]);
  });
});

describe('ONBUILD, HEALTHCHECK, unknown instructions', () => {
  it('parses the ONBUILD trigger with its own ranges', () => {
    const df = parse('FROM a\nONBUILD COPY --chown=1 . /app\n');
    const t = df.instructions[1].onbuild;
    expect(t?.keyword).toBe('COPY');
    expect(t && src(df, t.keywordRange)).toBe('COPY');
    expect(t && src(df, t.range)).toBe('COPY --chown=1 . /app');
    expect(t?.flags.map((f) => f.raw)).toEqual(['--chown=1']);
    expect(t?.words.map((w) => w.raw)).toEqual(['.', '/app']);
    // BuildKit refuses FROM/MAINTAINER/ONBUILD triggers; DL3043 reports them, so the file still parses.
    expect(messages(parse('FROM a\nONBUILD FROM b\n'))).toEqual([]);
    expect(parse('FROM a\nONBUILD ONBUILD RUN x\n').instructions[1].onbuild?.keyword).toBe('ONBUILD');
  });

  it('checks HEALTHCHECK types', () => {
    expect(messages(parse('FROM a\nHEALTHCHECK NONE\nHEALTHCHECK CMD ["x"]\n'))).toEqual([]);
    expect(messages(parse('FROM a\nHEALTHCHECK CONNECT x\n'))).toEqual(['Unknown type "CONNECT" in HEALTHCHECK (try CMD)']);
    expect(messages(parse('FROM a\nHEALTHCHECK CMD\n'))).toEqual(['Missing command after HEALTHCHECK CMD']);
    expect(messages(parse('FROM a\nHEALTHCHECK\\\nNONE\n'))).toEqual(['unknown instruction: HEALTHCHECKNONE']);
  });

  it('reports unknown keywords and keeps going', () => {
    const df = parse('FROM a\nRUNN x\nRUN y\n');
    expect(messages(df)).toEqual(['unknown instruction: RUNN (did you mean RUN?)']);
    expect(messages(parse('FROM a\ncopyy x y\n'))).toEqual(['unknown instruction: copyy (did you mean copy?)']);
    expect(messages(parse('FROM a\nRUN --mout=type=cache,target=/x true\n'))).toEqual(['unknown flag: mout (did you mean mount?)']);
    expect(df.instructions.map((i) => i.keyword)).toEqual(['FROM', 'RUNN', 'RUN']);
  });

  it('reports a file without instructions', () => {
    expect(messages(parse(''))).toEqual(['file with no instructions']);
    expect(messages(parse('# only a comment\n\n'))).toEqual(['file with no instructions']);
  });
});

describe('comments', () => {
  it('attaches the comment block above; blank lines do not reset it, a bare # does', () => {
    const df = parse('# syntax=x\n# one\n\n# two\nFROM a\n# x\n#\n# y\nRUN b\nRUN c\n');
    expect(df.instructions[0].comments.map((c) => c.text)).toEqual([' one', ' two']);
    expect(df.instructions[1].comments.map((c) => c.text)).toEqual([' y']);
    expect(df.instructions[2].comments).toEqual([]);
    expect(df.comments.map((c) => c.text)).toEqual([' one', ' two', ' x', '', ' y']);
  });

  it('treats # in the middle of a line as text', () => {
    expect(parse('FROM a\nRUN echo a # b\n').instructions[1].args.text).toBe('echo a # b');
  });
});

describe('HEALTHCHECK flag values', () => {
  it('accepts Go durations and integer retries', () => {
    const df = parse('FROM a\nHEALTHCHECK --interval=1m30s --timeout=0 --start-period=1.5s --retries=3 CMD true\n');
    expect(messages(df)).toEqual([]);
  });
  it('rejects bad durations and negative retries', () => {
    const df = parse('FROM a\nHEALTHCHECK --interval=5 --timeout=1d --start-period=10us --retries=-1 CMD true\n');
    expect(messages(df)).toEqual([
      'time: missing unit in duration "5"',
      'time: unknown unit "d" in duration "1d"',
      'Interval "start-period" cannot be less than 1ms',
      '--retries cannot be negative (-1)',
    ]);
  });
});

describe('RUN --mount parse-time checks', () => {
  it('accepts ordinary mounts, including quoted CSV fields', () => {
    const df = parse('FROM a\nRUN --mount=type=cache,target=/root/.cache,sharing=locked --mount="type=bind,\\"source=a,b\\",target=/x" true\n');
    expect(messages(df)).toEqual([]);
  });
  it('rejects a variable in from= and broken CSV', () => {
    const df = parse('FROM a\nRUN --mount=type=bind,from=$IMG,target=/x true\nRUN --mount=type=bind,source=a\\"b true\n');
    expect(messages(df)).toEqual([
      "'from' doesn't support variable expansion, define alias stage instead",
      'failed to parse csv mounts: bare " in non-quoted-field',
    ]);
  });
});

describe('directive lookup quirks', () => {
  it('an indented check directive is consumed but not seen by the check lookup', () => {
    const df = parse('# syntax=x\n  # check=skip=all\n# escape=`\nFROM a\n');
    expect(df.directives.map((d) => d.name)).toEqual(['syntax', 'escape']);
    expect(df.comments).toEqual([]);
    expect(df.escape).toBe('`');
  });
});

describe('heredoc delimiters that are not one word', () => {
  it("<<'' lexes to no word, so it is no heredoc", () => {
    const df = parse("FROM a\nRUN pecl install imagick <<'' && \\\n    echo done\nRUN next\n");
    expect(df.instructions.map((i) => i.heredocs.length)).toEqual([0, 0, 0]);
    expect(df.instructions[1].args.text).toBe("pecl install imagick <<'' &&     echo done");
    expect(df.errors).toEqual([]);
  });
  it('a quoted sentence is one word and needs its own terminator line', () => {
    const df = parse('FROM a\nRUN R << "q(); x"\nq(); x\nRUN next\n');
    expect(df.instructions[1].heredocs[0]).toMatchObject({ name: 'q(); x', expand: false, content: '' });
    expect(df.instructions[2].args.text).toBe('next');
  });
});
