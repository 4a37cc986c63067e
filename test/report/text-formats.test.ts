import { describe, expect, it } from 'vitest';
import { formatReport } from '../../src/report/index.js';
import { escapeMarkdownCell } from '../../src/report/markdown.js';
import { cleanInput, emptyInput, finding, parseErrorInput, sampleInput } from './helpers.js';

const ESC = '\u001b';

describe('tty', () => {
  it('without colour: no escape codes, file:line:col, severity, rule, message, excerpt with carets, summary', () => {
    const out = formatReport('tty', sampleInput());
    expect(out).not.toContain(ESC);
    expect(out).toBe(
      [
        'Dockerfile:1:1 error DL4000: MAINTAINER is deprecated [unsafe fix]',
        '  1 | FROM debian:12.6',
        '    | ^^^^^^^^^^^^^^^^',
        'Dockerfile:2:5 warning DL3008: Pin versions in apt get install. Instead of `apt-get install <package>` use `apt-get install <package>=<version>`',
        '  2 | RUN apt-get update && \\',
        '    |     ^^^^^^^^^^^^^^^^^^^ …',
        'Dockerfile:3:5 info DL3015: Avoid additional packages by specifying `--no-install-recommends` [fixable]',
        '  3 |     apt-get install -y curl',
        '    |     ^^^^^^^^^^^^^^^^^^^^^^^',
        'Dockerfile:3:24 info SC2086: Double quote to prevent globbing and word splitting.',
        '  3 |     apt-get install -y curl',
        '    |                        ^^^^',
        'Dockerfile:4:7 style DL3048: Invalid label key: "a & b <c> \'d\'" | x',
        '  4 | LABEL description="a & b <c> \'d\'"',
        '    |       ^^^^^^^^^^^^^^^^^^^^^^^^^^^',
        'Dockerfile:5:1 warning DL3002: Last USER should not be root',
        '  5 | USER root',
        '    | ^^^^^^^^^',
        '',
        '6 problems (1 error, 2 warnings, 2 info, 1 style); 1 fixable with --fix, 1 more with --unsafe-fixes',
        '',
      ].join('\n'),
    );
  });

  it('with colour: ANSI codes around severities, same text once stripped', () => {
    const coloured = formatReport('tty', sampleInput({ color: true }));
    expect(coloured).toContain(ESC);
    expect(coloured).toContain(`${ESC}[1m${ESC}[91merror`);
    expect(coloured).toContain(`${ESC}[1m${ESC}[93mwarning`);
    expect(coloured).toContain(`${ESC}[92minfo`);
    expect(coloured).toContain(`${ESC}[96mstyle`);
    // eslint-disable-next-line no-control-regex
    expect(coloured.replace(/\u001b\[[0-9;]*m/g, '')).toBe(formatReport('tty', sampleInput()));
  });

  // Issue 16: the underline of a 300-character CMD ran the full width of the line.
  it('caps the underline at 60 columns and marks the rest with …', () => {
    const cmd = `CMD ["uvicorn", ${Array.from({ length: 30 }, (_, i) => `"--opt${i}=${i}"`).join(', ')}]`;
    const source = `FROM a\n${cmd}\n`;
    const input = sampleInput();
    input.files = [{ file: 'Dockerfile', source, findings: [finding({ ruleId: 'DL3000', severity: 'warning', message: 'm', at: [2, 1, 2, cmd.length + 1] }, source)] }];
    const caretLine = formatReport('tty', input).split('\n')[2];
    expect(cmd.length).toBeGreaterThan(300);
    expect(caretLine).toBe(`    | ${'^'.repeat(60)} …`);
  });
  it('multi-line range: underlines the first line to its end and marks the continuation', () => {
    const source = 'FROM a\nRUN x && \\\n    y\n';
    const input = sampleInput();
    input.files = [
      { file: 'Dockerfile', source, findings: [finding({ ruleId: 'DL3000', severity: 'warning', message: 'm', at: [2, 5, 3, 6] }, source)] },
    ];
    expect(formatReport('tty', input).split('\n').slice(0, 3)).toEqual([
      'Dockerfile:2:5 warning DL3000: m',
      '  2 | RUN x && \\',
      '    |     ^^^^^^ …',
    ]);
  });

  it('aligns carets after tabs, handles CRLF, a BOM, empty ranges and wide line numbers', () => {
    const source = '\uFEFFFROM a\r\n\tRUN  b\r\n' + 'LABEL x=y\r\n'.repeat(8) + 'USER z\r\n';
    const input = sampleInput();
    input.files = [
      {
        file: 'Dockerfile',
        source,
        findings: [
          finding({ ruleId: 'A', severity: 'style', message: 'bom', at: [1, 1, 1, 5] }),
          finding({ ruleId: 'B', severity: 'style', message: 'tab', at: [2, 7, 2, 8] }),
          finding({ ruleId: 'C', severity: 'style', message: 'empty', at: [11, 3, 11, 3] }),
        ],
      },
    ];
    // columns on line 1 do not count the BOM (as the parser counts them); offsets are not used
    const lines = formatReport('tty', input).split('\n');
    expect(lines.slice(0, 9)).toEqual([
      'Dockerfile:1:1 style A: bom',
      '  1 | FROM a',
      '    | ^^^^',
      'Dockerfile:2:7 style B: tab',
      '  2 | \tRUN  b',
      '    | \t     ^',
      'Dockerfile:11:3 style C: empty',
      '  11 | USER z',
      '     |   ^',
    ]);
  });

  it('without source: header lines only', () => {
    const input = sampleInput();
    delete input.files[0].source;
    const out = formatReport('tty', input);
    expect(out).not.toMatch(/^ +\d* \|/m);
    expect(out.split('\n')[0]).toBe('Dockerfile:1:1 error DL4000: MAINTAINER is deprecated [unsafe fix]');
  });

  it('parse error: message on one line, with the excerpt', () => {
    expect(formatReport('tty', parseErrorInput())).toBe(
      [
        "sub/Dockerfile:2:1 error DL1000: unexpected 'F' expecting a new line followed by the next instruction",
        '  2 | FOO bar',
        '    | ^^^',
        '',
        '1 problem (1 error, 0 warnings, 0 info, 0 style)',
        '',
      ].join('\n'),
    );
  });

  it('groups per file, separated by a blank line', () => {
    const a = sampleInput();
    const b = parseErrorInput();
    const out = formatReport('tty', { ...a, files: [b.files[0], a.files[0]] });
    expect(out.indexOf('sub/Dockerfile:2:1')).toBeLessThan(out.indexOf('Dockerfile:1:1 error'));
    expect(out).toContain("    | ^^^\n\nDockerfile:1:1");
    expect(out.trimEnd().split('\n').pop()).toBe(
      '7 problems (2 errors, 2 warnings, 2 info, 1 style); 1 fixable with --fix, 1 more with --unsafe-fixes',
    );
  });

  it('control characters from the Dockerfile are neutralised even with colour', () => {
    const source = 'RUN echo \u001b[2J\n';
    const input = sampleInput({ color: false });
    input.files = [
      { file: 'Dockerfile', source, findings: [finding({ ruleId: 'X', severity: 'error', message: 'm \u001b]0;t\u0007', at: [1, 10, 1, 14] }, source)] },
    ];
    const out = formatReport('tty', input);
    expect(out).not.toContain(ESC);
    expect(out).toContain('RUN echo \\x1b[2J');
    expect(out).toContain('m \\x1b]0;t\\x07');
  });

  it('no findings: no output (like hadolint)', () => {
    expect(formatReport('tty', emptyInput())).toBe('');
    expect(formatReport('tty', cleanInput({ color: true }))).toBe('');
  });
});

describe('gnu', () => {
  it('hadolint shape, parse errors with column and on one line', () => {
    expect(formatReport('gnu', sampleInput()).split('\n').slice(0, 2)).toEqual([
      'shipshape:Dockerfile:1: DL4000 error: MAINTAINER is deprecated',
      'shipshape:Dockerfile:2: DL3008 warning: Pin versions in apt get install. Instead of `apt-get install <package>` use `apt-get install <package>=<version>`',
    ]);
    expect(formatReport('gnu', parseErrorInput())).toBe(
      "shipshape:sub/Dockerfile:2:1: unexpected 'F' expecting a new line followed by the next instruction\n",
    );
    expect(formatReport('gnu', emptyInput())).toBe('');
  });
});

describe('markdown', () => {
  it('a table per file with linked rules and escaped pipes', () => {
    const out = formatReport('markdown', sampleInput());
    const lines = out.split('\n');
    expect(lines.slice(0, 5)).toEqual([
      '### Dockerfile',
      '',
      '| Line | Severity | Rule | Message |',
      '| ---: | --- | --- | --- |',
      '| 1:1 | error | DL4000 | MAINTAINER is deprecated |',
    ]);
    expect(out).toContain(
      '| 2:5 | warning | [DL3008](https://example.test/DL3008) | Pin versions in apt get install. Instead of `apt-get install <package>` use `apt-get install <package>=<version>` |',
    );
    expect(out).toContain('| 4:7 | style | DL3048 | Invalid label key: "a &amp; b &lt;c&gt; \'d\'" \\| x |');
    // every table row has exactly 5 unescaped pipes
    for (const row of lines.filter((l) => l.startsWith('| '))) expect(row.match(/(?<!\\)\|/g)).toHaveLength(5);
    expect(out.trimEnd().split('\n').pop()).toMatch(/^6 problems/);
    expect(out).not.toContain(ESC);
  });

  it('cell escaping: pipes in code spans, line breaks, markdown characters', () => {
    expect(escapeMarkdownCell('a | b')).toBe('a \\| b');
    expect(escapeMarkdownCell('use `a|b` here')).toBe('use `a\\|b` here');
    expect(escapeMarkdownCell('one\ntwo\r\nthree')).toBe('one<br>two<br>three');
    expect(escapeMarkdownCell('*x* _y_ [z]')).toBe('\\*x\\* \\_y\\_ \\[z\\]');
    expect(escapeMarkdownCell('odd ` tick')).toBe('odd \\` tick');
  });

  it('parse error and empty report', () => {
    expect(formatReport('markdown', parseErrorInput())).toContain(
      "| 2:1 | error | DL1000 | unexpected 'F'<br>expecting a new line followed by the next instruction |",
    );
    expect(formatReport('markdown', emptyInput())).toBe('No problems found.\n');
    expect(formatReport('markdown', cleanInput())).toBe('No problems found.\n');
  });
});

describe('gnu line breaks', () => {
  it('keeps one line per finding', () => {
    const input = sampleInput();
    input.files[0].findings = [finding({ ruleId: 'DL3000', severity: 'info', message: 'a\nb\r\nc', at: [1, 1, 1, 2] })];
    expect(formatReport('gnu', input)).toBe('shipshape:Dockerfile:1: DL3000 info: a b c\n');
  });
});

describe('tty caret alignment with wide characters', () => {
  it('counts CJK and emoji as two columns, combining marks as none', () => {
    const source = 'LABEL a="日本" b="e\u0301" c=\u{1F600}x\n';
    const input = sampleInput();
    // 日本 at columns 10-11; x after the emoji (a surrogate pair, columns 23-24) at UTF-16 column 25.
    input.files = [
      {
        file: 'Dockerfile',
        source,
        findings: [
          finding({ ruleId: 'A', severity: 'style', message: 'cjk', at: [1, 10, 1, 12] }, source),
          finding({ ruleId: 'B', severity: 'style', message: 'after', at: [1, 25, 1, 26] }, source),
        ],
      },
    ];
    const lines = formatReport('tty', input).split('\n');
    expect(lines[2]).toBe(`    | ${' '.repeat(9)}^^^^`);
    // prefix: 'LABEL a="' 9, '日本' 4, '" b="' 5, 'e' + combining accent 1, '" c=' 4, emoji 2
    expect(lines[5]).toBe(`    | ${' '.repeat(25)}^`);
  });
});

describe('tty summary line', () => {
  it('says "fixable with --unsafe-fixes" when no finding has a safe fix, "more" only after safe ones', async () => {
    const { summaryLine } = await import('../../src/report/index.js');
    const unsafeOnly = finding({ ruleId: 'DL3015', severity: 'info', message: 'm', at: [1, 1, 1, 2], fix: 'unsafe' });
    const safe = finding({ ruleId: 'DL4000', severity: 'error', message: 'm', at: [2, 1, 2, 2], fix: 'safe' });
    expect(summaryLine([unsafeOnly])).toBe('1 problem (0 errors, 0 warnings, 1 info, 0 style); 1 fixable with --unsafe-fixes');
    expect(summaryLine([safe, unsafeOnly])).toBe('2 problems (1 error, 0 warnings, 1 info, 0 style); 1 fixable with --fix, 1 more with --unsafe-fixes');
  });
});
