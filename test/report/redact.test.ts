/** The redaction step (src/report/redact.ts): which values are secret, and masking that keeps lengths. */
import { describe, expect, it } from 'vitest';
import { masker, redactReportFile, secretValues } from '../../src/report/redact.js';

describe('secretValues', () => {
  it.each([
    ['RUN mysql --password hunter2x -u root', ['hunter2x']],
    ['RUN mysql --password=hunter3x', ['hunter3x']],
    ['ENV API_TOKEN ghp_x1234', ['ghp_x1234']],
    ['ENV A=1 SECRET_KEY=djangoinsecure B=2', ['djangoinsecure']],
    ['RUN echo "token=abcd1234" > f', ['abcd1234']],
    ['ENV AWS_ACCESS_KEY_ID=AKIA4ZQXR7LMN2OPQ3ST', ['AKIA4ZQXR7LMN2OPQ3ST']],
    // ENV values are literal: `&`, `;`, `<`, `>` and `$$` are part of them (a third fresh-user trial saw
    // `ENV PASSWORD=***&def`, and `pa$$word&x` not masked at all).
    ['ENV PASSWORD=abc&def', ['abc&def']],
    ['ENV PASSWORD=hunter2<&>', ['hunter2<&>']],
    ['ENV PASSWORD=abc;def', ['abc;def']],
    ['ENV PASSWORD=pa$$word&x', ['pa$$word&x']],
    ['ENV DB_PASSWORD=s3cret-${SUFFIX}', ['s3cret-${SUFFIX}']],
    // A value in prose keeps its closing parenthesis, and is masked without it too (corpus: `pass: pagan)`).
    ['# ssh user (user: pagan, pass: pagan)\nRUN echo "pagan:pagan" | chpasswd', ['pagan)', 'pagan']],
  ])('%s', (text, expected) => {
    expect(secretValues(text)).toEqual(expected);
  });
  it.each(['ENV PYTHONUNBUFFERED 1', 'ENV SECRET_KEY_FILE /run/secrets/x', 'ARG DB_PASS=${DB_PASS}', 'ENV DB_PASSWORD=$DB_PASSWORD', 'RUN export TOKEN=$(cat /run/secrets/token)', 'RUN mysql --password=$PASS; echo done', 'RUN X_TOKEN=${TOKEN}&& make', 'RUN docker login --password-stdin < f', 'ENV PASSWORD=changeme_here'])('nothing in %s', (text) => {
    expect(secretValues(text)).toEqual([]);
  });
});

describe('masker', () => {
  it('keeps lengths and masks the JSON-escaped form too', () => {
    const mask = masker(['a"b\\c-secret']);
    expect(mask('x a"b\\c-secret y')).toBe('x ************ y');
    expect(mask(JSON.stringify('a"b\\c-secret'))).toBe('"**************"');
  });
  it('masks source, messages and fix edits of a report file', () => {
    const file = redactReportFile({
      file: 'Dockerfile',
      source: 'FROM x\nENV DB_PASSWORD hunter2hunter2\n',
      findings: [{ file: 'Dockerfile', ruleId: 'LegacyKeyValueFormat', severity: 'warning', message: 'use ENV DB_PASSWORD=hunter2hunter2', instruction: null, range: { start: { line: 2, column: 1, offset: 7 }, end: { line: 2, column: 5, offset: 11 } }, fix: { applicability: 'safe', description: 'write DB_PASSWORD=hunter2hunter2', edits: [{ start: 7, end: 38, text: 'ENV DB_PASSWORD=hunter2hunter2' }] } }],
    });
    expect(JSON.stringify(file)).not.toContain('hunter2');
    expect(file.source).toBe('FROM x\nENV DB_PASSWORD **************\n');
  });
});

describe('messages are prose', () => {
  it('a message about a secret-named key does not mask its words', () => {
    const file = redactReportFile({
      file: 'Dockerfile',
      source: 'FROM x\nENV API_TOKEN ghp_Zbcdefghijklmnopqrstuvwxyz0123456789\n',
      findings: [{ file: 'Dockerfile', ruleId: 'no-secrets-in-image', severity: 'error', message: 'ENV API_TOKEN contains a GitHub token: remove it', instruction: null, range: { start: { line: 2, column: 15, offset: 21 }, end: { line: 2, column: 55, offset: 61 } } }],
    });
    expect(file.findings[0].message).toBe('ENV API_TOKEN contains a GitHub token: remove it');
    expect(file.source).not.toContain('ghp_');
  });
});

describe('texts built from pieces', () => {
  const range = { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 5, offset: 4 } };
  it('a secret that appears only in a message with non-Latin-1 characters is masked', () => {
    // The message is scanned through a Latin-1 view ("…" read as a space): the token is still found.
    const token = 'ghp_' + 'A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8';
    const file = redactReportFile({
      file: 'Dockerfile',
      source: 'FROM x\nRUN echo hi\n',
      findings: [{ file: 'Dockerfile', ruleId: 'X', severity: 'warning', message: `joined … ${token} → done`, instruction: null, range }],
    });
    expect(file.findings[0].message).toBe(`joined … ${'*'.repeat(token.length)} → done`);
  });
  it('a secret with a non-Latin-1 character in the source is found in the source as it is', () => {
    const value = 'postgres://app:pässwörd€9@db/app';
    expect(secretValues(`ENV DATABASE_URL=${value}`).join(' ')).toContain('€9');
    const file = redactReportFile({ file: 'Dockerfile', source: `FROM x\nENV DATABASE_URL=${value}\n`, findings: [{ file: 'Dockerfile', ruleId: 'X', severity: 'warning', message: `see ${value}`, instruction: null, range }] });
    expect(file.findings[0].message).not.toContain('€9');
    expect(file.source).not.toContain('€9');
  });
});
