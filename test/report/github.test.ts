import { describe, expect, it } from 'vitest';
import { formatReport } from '../../src/report/index.js';
import { escapeGithubData, escapeGithubProperty } from '../../src/report/github.js';
import { emptyInput, finding, parseErrorInput, sampleInput } from './helpers.js';

describe('github escaping', () => {
  it('escapes data: %, CR, LF (and nothing else)', () => {
    expect(escapeGithubData('100% a\r\nb:c,d')).toBe('100%25 a%0D%0Ab:c,d');
    expect(escapeGithubData('%0A')).toBe('%250A');
  });

  it('escapes properties: %, CR, LF, : and ,', () => {
    expect(escapeGithubProperty('C:\\dir,x%y\r\nz')).toBe('C%3A\\dir%2Cx%25y%0D%0Az');
  });
});

describe('github', () => {
  it('writes one workflow command per finding with the severity mapping', () => {
    const lines = formatReport('github', sampleInput()).split('\n');
    expect(lines.pop()).toBe('');
    expect(lines).toEqual([
      '::error file=Dockerfile,line=1,col=1,endLine=1,endColumn=16,title=DL4000::MAINTAINER is deprecated',
      '::warning file=Dockerfile,line=2,endLine=3,title=DL3008::Pin versions in apt get install. Instead of `apt-get install <package>` use `apt-get install <package>=<version>`',
      '::notice file=Dockerfile,line=3,col=5,endLine=3,endColumn=27,title=DL3015::Avoid additional packages by specifying `--no-install-recommends`',
      '::notice file=Dockerfile,line=3,col=24,endLine=3,endColumn=27,title=SC2086::Double quote to prevent globbing and word splitting.',
      '::notice file=Dockerfile,line=4,col=7,endLine=4,endColumn=34,title=DL3048::Invalid label key: "a & b <c> \'d\'" | x',
      '::warning file=Dockerfile,line=5,col=1,endLine=5,endColumn=9,title=DL3002::Last USER should not be root',
    ]);
  });

  it('escapes %, CR, LF in the message and :, , in properties exactly', () => {
    const input = sampleInput({ cwd: '/work/repo' });
    const file = 'dir:a,b/Docker%file';
    input.files = [
      {
        file,
        findings: [
          finding({ file, ruleId: 'DL3000', severity: 'warning', message: '50% done\r\nnext: a, b', at: [2, 3, 2, 9] }),
        ],
      },
    ];
    expect(formatReport('github', input)).toBe(
      '::warning file=dir%3Aa%2Cb/Docker%25file,line=2,col=3,endLine=2,endColumn=8,title=DL3000::50%25 done%0D%0Anext: a, b\n',
    );
  });

  it('paths are relative to cwd; control characters cannot inject commands', () => {
    const input = sampleInput({ cwd: '/work/repo', color: true });
    const file = '/work/repo/svc/Dockerfile';
    input.files = [
      { file, findings: [finding({ file, ruleId: 'DL3000', severity: 'info', message: 'x\u001b[31m\n::error::pwned', at: [1, 1, 1, 1] })] },
    ];
    const out = formatReport('github', input);
    expect(out).toBe('::notice file=svc/Dockerfile,line=1,col=1,endLine=1,endColumn=1,title=DL3000::x\\x1b[31m%0A::error::pwned\n');
    expect(out.split('\n')).toHaveLength(2);
  });

  it('parse error and empty report', () => {
    expect(formatReport('github', parseErrorInput())).toBe(
      "::error file=sub/Dockerfile,line=2,col=1,endLine=2,endColumn=3,title=DL1000::unexpected 'F'%0Aexpecting a new line followed by the next instruction\n",
    );
    expect(formatReport('github', emptyInput())).toBe('');
  });
});
