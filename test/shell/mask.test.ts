import { describe, expect, it } from 'vitest';
import { maskScript } from '../../src/shell/mask.js';
import { names, sh } from './helpers.js';

describe('maskScript', () => {
  it('finds heredocs and blanks their bodies, keeping offsets', () => {
    const text = "cat <<EOF >a && cat <<-'X' 3<<\"Y\"\nbody $(rm x)\nEOF\n\tsudo\n\tX\ny\nY\nls\n";
    const { text: masked, heredocs } = maskScript(text);
    expect(masked).toHaveLength(text.length);
    expect(masked).toBe("cat < EOF >a && cat <  'X' 3< \"Y\"\n            \n   \n     \n  \n \n \nls\n");
    expect(heredocs.map((d) => [d.operator, d.delimiterRaw, d.delimiter, d.expand, d.terminated])).toEqual([
      ['<<', 'EOF', 'EOF', true, true], ['<<-', "'X'", 'X', false, true], ['<<', '"Y"', 'Y', false, true],
    ]);
    const [first, second] = heredocs;
    expect(text.slice(first.bodyStart, first.bodyEnd)).toBe('body $(rm x)\n');
    expect(text.slice(first.bodyEnd, first.end)).toBe('EOF');
    expect(text.slice(second.bodyStart, second.bodyEnd)).toBe('\tsudo\n');
  });

  it('leaves scripts without heredocs alone', () => {
    for (const text of ['echo "<<EOF"', "echo '<<EOF'", 'echo $((1 << 2))', 'cat <<< x', 'echo # <<EOF', 'echo \\<<EOF']) {
      expect(maskScript(text).heredocs, text).toEqual([]);
    }
  });

  it('reads escaped and concatenated delimiters', () => {
    expect(maskScript('cat <<\\EOF\nx\nEOF\n').heredocs[0]).toMatchObject({ delimiter: 'EOF', expand: false, terminated: true });
    expect(maskScript('cat << E"O"F;echo\nx\nEOF\n').heredocs[0]).toMatchObject({ delimiter: 'EOF', delimiterRaw: 'E"O"F' });
    expect(maskScript('cat <<EOF\nx\n').heredocs[0]).toMatchObject({ terminated: false, bodyEnd: 12, end: 12 });
  });

  it('starts the body after the whole command line, continuation included', () => {
    const text = 'cat <<EOF \\\n  > f\nrm -rf /\nEOF\necho done\n';
    expect(names(text)).toEqual(['cat', 'echo']);
    expect(sh(text).commands[0].redirects.map((r) => r.operator + r.target)).toEqual(['<<EOF', '>f']);
  });
});

describe('heredocs in scripts', () => {
  it('handles a heredoc inside a command substitution', () => {
    const s = sh('x=$(cat <<EOF\nsudo rm -rf /\nEOF\n) && echo "$x"\n');
    expect(s.commands.map((c) => [c.name, c.inSubstitution])).toEqual([['cat', true], ['echo', false]]);
    expect(s.hasErrors).toBe(false);
  });

  it('feeds a heredoc to a shell without reading it', () => {
    expect(names('bash -ex <<EOF\napt-get install -y curl\nEOF\n')).toEqual(['bash']);
    expect(names('python3 - <<"PY"\nimport os\nprint(1)\nPY\npip install x\n')).toEqual(['python3', 'pip']);
  });
});

describe('script text', () => {
  it('drops comments written in backticks, as bash does', () => {
    const text = 'apt-get install -y libffi8 `# for cffi` libxslt1-dev `#lxml` \\\n  libxml2 && rm -rf /x';
    const s = sh(text);
    expect(s.hasErrors).toBe(false);
    expect(s.commands.map((c) => c.name)).toEqual(['apt-get', 'rm']);
    expect(s.commands[0].args.map((w) => w.value)).toEqual(['install', '-y', 'libffi8', 'libxslt1-dev', 'libxml2']);
    expect(maskScript('a `# x` b').text).toBe('a       b');
    expect(maskScript('a `echo #x` b').text).toBe('a `echo #x` b');
  });

  it('accepts CRLF line endings', () => {
    const s = sh('apt-get update\r\napt-get install -y curl\r\n');
    expect(s.commands.map((c) => c.args.map((w) => w.value))).toEqual([['update'], ['install', '-y', 'curl']]);
    expect(s.commands[1].range.start.line).toBe(2);
  });

  it('skips comments', () => {
    expect(names('# apt-get install x\napt-get update # && sudo y\necho a#b')).toEqual(['apt-get', 'echo']);
    expect(sh('echo a#b').commands[0].args[0].value).toBe('a#b');
  });
});
