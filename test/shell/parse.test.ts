import { describe, expect, it } from 'vitest';
import { parseShell } from '../../src/shell/parse.js';
import { argv, cmd, names, sh } from './helpers.js';

describe('commands', () => {
  it('finds commands after &&, ||, ;, | and newlines with their connectors', () => {
    const s = sh('apt-get update && apt-get install -y curl || exit 1; echo ok | tee log\nrm -rf /x & wait');
    expect(s.commands.map((c) => [c.name, c.connector])).toEqual([
      ['apt-get', null], ['apt-get', '&&'], ['exit', '||'], ['echo', ';'], ['tee', '|'], ['rm', ';'], ['wait', '&'],
    ]);
    expect(s.commands.map((c) => c.index)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(s.hasErrors).toBe(false);
  });

  it('finds commands in subshells, substitutions, compound commands and functions', () => {
    const s = sh(
      'ARCH=$(dpkg --print-architecture) curl -o x "https://x/$(uname -m)/`id -u`"; ' +
      '(cd /tmp && make); if [ -f x ]; then a; elif b; then c; else d; fi; ' +
      'for i in $(seq 3); do e "$i"; done; while f; do g; done; until h; do :; done; ' +
      'case "$x" in a) k;; *) l;; esac; fn() { m; }; { n; }; ! o; diff <(p) q',
    );
    expect(s.commands.map((c) => c.name)).toEqual([
      'curl', 'dpkg', 'uname', 'id', 'cd', 'make', 'a', 'b', 'c', 'd', 'seq', 'e', 'f', 'g', 'h', ':', 'k', 'l', 'm',
      'n', 'o', 'diff', 'p',
    ]);
    const by = (name: string) => s.commands.find((c) => c.name === name)!;
    expect([by('dpkg').nested, by('dpkg').inSubstitution, by('dpkg').inCompound]).toEqual([true, true, false]);
    expect([by('uname').inSubstitution, by('id').inSubstitution]).toEqual([true, true]);
    expect([by('curl').nested, by('curl').inSubstitution]).toEqual([false, false]);
    expect([by('cd').nested, by('cd').inSubstitution, by('make').connector]).toEqual([true, false, '&&']);
    for (const name of ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'k', 'l']) expect(by(name).inCompound, name).toBe(true);
    expect([by('seq').inCompound, by('seq').inSubstitution]).toEqual([true, true]);
    expect([by('m').nested, by('m').inCompound]).toEqual([true, false]);
    expect([by('n').nested, by('o').nested, by('o').connector]).toEqual([false, false, ';']);
    expect([by('p').nested, by('p').inSubstitution]).toEqual([true, true]);
    expect(by('curl').assignments.map((a) => [a.name, a.value])).toEqual([['ARCH', '$(dpkg --print-architecture)']]);
  });

  it('does not read test brackets, assignments alone or quoted sh -c text as commands', () => {
    expect(names('[ -f x ] && [[ -d y ]] && X=1 && sh -c "apt-get install foo; sudo x"')).toEqual(['sh']);
    expect(argv(cmd('sh -c "apt-get install foo; sudo x"'))).toEqual(['sh', '-c', 'apt-get install foo; sudo x']);
  });

  it('keeps the path of the command name and skips wrappers', () => {
    expect(names('/usr/bin/pip install x; sudo apt-get x')).toEqual(['/usr/bin/pip', 'sudo']);
    const e = cmd('exec gosu app run');
    expect([e.name, argv(e), e.args.map((w) => w.value)]).toEqual(['gosu', ['exec', 'gosu', 'app', 'run'], ['app', 'run']]);
    expect(names('command pip install x; builtin cd y; busybox wget z; exec -a name -l tini -- a; exec')).toEqual([
      'pip', 'cd', 'wget', 'tini', 'exec',
    ]);
    expect(names('command -v curl; exec -x foo; exec -- bar; exec -cla n baz; exec -al q')).toEqual(['command', 'exec', 'bar', 'baz', 'q']);
  });

  it('records declaration commands', () => {
    const e = cmd('export PATH="/x:$PATH" DEBIAN_FRONTEND=noninteractive; unset A');
    expect([e.name, argv(e)]).toEqual(['export', ['export', 'PATH=/x:${PATH}', 'DEBIAN_FRONTEND=noninteractive']]);
    expect(names('export A=1; local b; unset A')).toEqual(['export', 'local', 'unset']);
  });
});

describe('words', () => {
  it('removes quotes and normalises expansions', () => {
    const c = cmd(`echo "$HOME" $USER \${X} 'a b' "x \\"y\\" \\$z" pre\${V}post a\\ b $'t\\tu' \${Y:-d} $1 "$@" ~/p $((1+2))`);
    expect(c.args.map((w) => w.value)).toEqual([
      '${HOME}', '${USER}', '${X}', 'a b', 'x "y" $z', 'pre${V}post', 'a b', 't\tu', '${Y:-d}', '${1}', '${@}', '~/p', '$((1+2))',
    ]);
    expect(c.args.map((w) => w.dynamic)).toEqual([true, true, true, false, false, true, false, false, true, true, true, false, true]);
    expect(c.args[3].raw).toBe("'a b'");
  });

  it('reads command substitutions as $(...)', () => {
    const c = cmd('echo $(uname -m) `id -u` "v=$(cat f)"');
    expect(c.args.map((w) => w.value)).toEqual(['$(uname -m)', '$(id -u)', 'v=$(cat f)']);
    expect(c.args.every((w) => w.dynamic)).toBe(true);
  });

  it('reads flags as hadolint does', () => {
    const c = cmd('apt-get install -yq --no-install-recommends -q=2 --target-release=bookworm - -- curl');
    expect(c.flags.map((f) => f.name)).toEqual(['y', 'q', 'no-install-recommends', 'q', '=', '2', 'target-release']);
    expect(c.flags.map((f) => f.argIndex)).toEqual([1, 1, 2, 3, 3, 3, 4]);
    expect(c.flags.find((f) => f.name === 'target-release')?.inlineValue).toBe('bookworm');
    expect(c.flags.find((f) => f.name === 'no-install-recommends')?.inlineValue).toBeNull();
    expect(cmd('apt-get install "-y" x').flags.map((f) => f.name)).toEqual(['y']);
  });
});

describe('redirects and heredocs', () => {
  it('records redirections on the command and keeps words after a redirect target', () => {
    const c = cmd('curl -fsSL https://x 2>&1 >/dev/null < in 3>> log');
    expect(c.redirects.map((r) => [r.operator, r.target])).toEqual([['2>&', '1'], ['>', '/dev/null'], ['<', 'in'], ['3>>', 'log']]);
    expect(c.range.end.offset).toBe('curl -fsSL https://x 2>&1 >/dev/null < in 3>> log'.length);
    expect(argv(cmd('echo a > f b'))).toEqual(['echo', 'a', 'b']);
    expect(cmd('> f echo a').name).toBe('echo');
    expect(cmd('grep x <<< "$s"').redirects.map((r) => [r.operator, r.target])).toEqual([['<<<', '"$s"']]);
  });

  it('does not read heredoc bodies as commands', () => {
    const text = 'cat <<EOF > /etc/x && chmod +x /etc/x\nsudo rm -rf /\n$(ps)\nEOF\napt-get update\n';
    const s = sh(text);
    expect(s.commands.map((c) => [c.name, c.connector])).toEqual([['cat', null], ['chmod', '&&'], ['apt-get', ';']]);
    expect(s.commands[0].redirects.map((r) => [r.operator, r.target])).toEqual([['<<', 'EOF'], ['>', '/etc/x']]);
    expect(s.commands[0].redirects[0].range.start.offset).toBe(4);
    expect(s.commands[0].redirects[0].range.end.offset).toBe(9);
    expect(s.commands[2].range.start.line).toBe(5);
    expect(s.hasErrors).toBe(false);
  });

  it('handles several heredocs, <<-, quoted delimiters and pipes after the marker', () => {
    const s = sh("cat <<A <<-'B' | sh; echo x\na line\nA\n\tsudo b\n\tB\nwget -q u\n");
    expect(s.commands.map((c) => c.name)).toEqual(['cat', 'sh', 'echo', 'wget']);
    expect(s.commands[0].redirects.map((r) => [r.operator, r.target])).toEqual([['<<', 'A'], ['<<-', "'B'"]]);
    expect(s.pipelines.map((p) => p.map((c) => c.name))).toEqual([['cat', 'sh']]);
    expect(s.hasErrors).toBe(false);
  });

  it('ignores << inside quotes, arithmetic and here-strings', () => {
    expect(names('echo "a <<EOF" $((1<<2)) && x <<< y && z')).toEqual(['echo', 'x', 'z']);
  });

  it('keeps going after an unterminated heredoc', () => {
    const s = sh('cat <<EOF\nrm x\n');
    expect(s.commands.map((c) => c.name)).toEqual(['cat']);
  });
});

describe('pipelines', () => {
  it('marks piped commands and lists pipelines', () => {
    const s = sh('curl -s u | tar -xz -C /x && wget -O- v | gpg --dearmor | tee k > /dev/null; echo $(a | b)');
    expect(s.commands.map((c) => [c.name, c.pipedIn, c.pipedOut])).toEqual([
      ['curl', false, true], ['tar', true, false], ['wget', false, true], ['gpg', true, true], ['tee', true, false],
      ['echo', false, false], ['a', false, true], ['b', true, false],
    ]);
    expect(s.pipelines.map((p) => p.map((c) => c.name))).toEqual([['curl', 'tar'], ['wget', 'gpg', 'tee'], ['a', 'b']]);
    expect(s.commands.map((c) => c.connector)).toEqual([null, '|', '&&', '|', '|', ';', null, '|']);
  });

  it('lists pipelines in document order, nested ones included', () => {
    const s = sh('echo $(a | b) | c');
    expect(s.pipelines.map((p) => p.map((c) => c.name))).toEqual([['echo', 'c'], ['a', 'b']]);
  });

  it('pipes every command of a compound stage', () => {
    const s = sh('(a; b) | c |& d');
    expect(s.commands.map((c) => [c.name, c.pipedIn, c.pipedOut])).toEqual([
      ['a', false, true], ['b', false, true], ['c', true, true], ['d', true, false],
    ]);
  });
});

describe('errors', () => {
  it('does not throw on bad syntax', () => {
    for (const text of ['apt-get install -y ( && ; fi', 'if then', 'echo "unterminated', '$(', '))((', '', '\\', 'a |']) {
      const s = sh(text);
      expect(Array.isArray(s.commands)).toBe(true);
    }
    expect(sh('apt-get install -y ( && ; fi').hasErrors).toBe(true);
    expect(sh('echo "unterminated').hasErrors).toBe(true);
    expect(sh('apt-get install -y ( && ; fi').commands[0].name).toBe('apt-get');
  });

  it('survives very long chains and deep nesting', () => {
    const chain = sh(Array(3000).fill('a').join(' && '));
    expect(chain.commands).toHaveLength(3000);
    expect(chain.commands[2999].connector).toBe('&&');
    expect(() => sh('$('.repeat(3000) + 'x' + ')'.repeat(3000))).not.toThrow();
  });
});

describe('ranges', () => {
  it('maps ranges through continuation lines to the Dockerfile', () => {
    const dockerfile = 'FROM debian:12\nRUN apt-get update \\\n  && apt-get install -y curl\n';
    const line2 = dockerfile.indexOf('RUN') + 4;
    const line3 = dockerfile.indexOf('  &&');
    const first = 'apt-get update ';
    const second = '  && apt-get install -y curl';
    const s = parseShell(
      { text: first + second, segments: [{ from: 0, source: line2, length: first.length }, { from: first.length, source: line3, length: second.length }] },
      { text: dockerfile },
    );
    const [update, install] = s.commands;
    expect(update.range).toEqual({ start: { line: 2, column: 5, offset: line2 }, end: { line: 2, column: 19, offset: line2 + 14 } });
    expect(install.range.start).toEqual({ line: 3, column: 6, offset: line3 + 5 });
    expect(install.range.end).toEqual({ line: 3, column: 29, offset: dockerfile.length - 1 });
    const curl = install.args[2];
    expect(dockerfile.slice(curl.range.start.offset, curl.range.end.offset)).toBe('curl');
    expect(curl.range.start).toEqual({ line: 3, column: 25, offset: line3 + 24 });
    for (const c of s.commands) for (const w of c.words) {
      expect(dockerfile.slice(w.range.start.offset, w.range.end.offset)).toBe(w.raw);
    }
    expect(s.range.start.offset).toBe(line2);
    expect(s.range.end.offset).toBe(dockerfile.length - 1);
  });

  it('keeps a word split across a continuation inside the Dockerfile range', () => {
    // RUN echo ab\<nl>cd  → joined "echo abcd"
    const dockerfile = 'RUN echo ab\\\ncd\n';
    const s = parseShell(
      { text: 'echo abcd', segments: [{ from: 0, source: 4, length: 7 }, { from: 7, source: 13, length: 2 }] },
      { text: dockerfile, lineStarts: [0, 13, 16] },
    );
    const word = s.commands[0].args[0];
    expect(word.value).toBe('abcd');
    expect(word.range.start).toEqual({ line: 1, column: 10, offset: 9 });
    expect(word.range.end).toEqual({ line: 2, column: 3, offset: 15 });
  });

  it('counts non-ASCII text in UTF-16 code units', () => {
    const text = 'echo "héllo €" 😀 && apt-get install -y ça';
    const s = sh(text);
    const install = s.commands[1];
    expect(install.name).toBe('apt-get');
    expect(install.range.start.offset).toBe(text.indexOf('apt-get'));
    expect(install.args[2].value).toBe('ça');
    expect(text.slice(install.args[2].range.start.offset, install.args[2].range.end.offset)).toBe('ça');
    expect(s.commands[0].args.map((w) => w.value)).toEqual(['héllo €', '😀']);
    const multi = sh('echo ü\n  😀😀 x');
    expect(multi.commands[1].args[0].range.start).toEqual({ line: 2, column: 8, offset: 14 });
  });
});
