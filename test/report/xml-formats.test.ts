import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { formatReport } from '../../src/report/index.js';
import { xmlAttr, xmlText } from '../../src/report/util.js';
import { cleanInput, DL3008_MSG, emptyInput, finding, parseErrorInput, sampleInput } from './helpers.js';

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseAttributeValue: false,
  parseTagValue: false,
  trimValues: false,
  htmlEntities: true, // decode numeric character references (&#10;)
  isArray: (name) => ['file', 'error', 'testsuite', 'testcase'].includes(name),
});

/** Validates and parses XML; attributes become plain keys, text `#text`. */
function parseXml(text: string): any {
  expect(XMLValidator.validate(text)).toBe(true);
  return parser.parse(text);
}

describe('checkstyle', () => {
  it('has hadolint shape with real columns, escaped messages', () => {
    const text = formatReport('checkstyle', sampleInput());
    expect(text.startsWith('<?xml version="1.0" encoding="UTF-8"?><checkstyle version="4.3"><file name="Dockerfile">')).toBe(true);
    expect(text.endsWith('</file></checkstyle>')).toBe(true);
    const doc = parseXml(text);
    expect(doc.checkstyle.version).toBe('4.3');
    expect(doc.checkstyle.file).toHaveLength(1);
    const errors = doc.checkstyle.file[0].error;
    expect(errors).toHaveLength(6);
    expect(errors[1]).toEqual({ line: '2', column: '5', severity: 'warning', message: DL3008_MSG, source: 'DL3008' });
    expect(errors[4]).toEqual({
      line: '4',
      column: '7',
      severity: 'style',
      message: 'Invalid label key: "a & b <c> \'d\'" | x',
      source: 'DL3048',
    });
    expect(errors.map((e: any) => e.severity)).toEqual(['error', 'warning', 'info', 'info', 'style', 'warning']);
  });

  it('writes attributes in hadolint order (column line message severity source)', () => {
    const text = formatReport('checkstyle', sampleInput());
    expect(text).toContain('<error column="1" line="1" message="MAINTAINER is deprecated" severity="error" source="DL4000"/>');
  });

  it('one <file> per input file, also without findings; empty report is valid XML', () => {
    const doc = parseXml(formatReport('checkstyle', cleanInput()));
    expect(doc.checkstyle.file.map((f: any) => f.name)).toEqual(['Dockerfile', 'other/Dockerfile']);
    const empty = formatReport('checkstyle', emptyInput());
    expect(empty).toBe('<?xml version="1.0" encoding="UTF-8"?><checkstyle version="4.3"></checkstyle>');
    expect(parseXml(empty).checkstyle.version).toBe('4.3');
  });

  it('parse error has no source and keeps its line break', () => {
    const doc = parseXml(formatReport('checkstyle', parseErrorInput()));
    expect(doc.checkstyle.file[0].name).toBe('sub/Dockerfile');
    expect(doc.checkstyle.file[0].error[0]).toEqual({
      line: '2',
      column: '1',
      severity: 'error',
      message: "unexpected 'F'\nexpecting a new line followed by the next instruction",
    });
  });

  it('filePathInReport replaces the file name', () => {
    const doc = parseXml(formatReport('checkstyle', sampleInput({ filePathInReport: 'ci/Dockerfile' })));
    expect(doc.checkstyle.file[0].name).toBe('ci/Dockerfile');
  });

  it('strips characters invalid in XML 1.0 and never writes ESC', () => {
    const input = sampleInput({ color: true });
    input.files[0].findings = [
      finding({ ruleId: 'DL3000', severity: 'error', message: 'a\u0000b\u001b[31mc\u0008d\uFFFEe\uD800f\u{1F600}', at: [1, 1, 1, 2] }),
    ];
    const text = formatReport('checkstyle', input);
    expect(text).not.toMatch(/[\u0000-\u0008\u001b]/);
    const doc = parseXml(text);
    expect(doc.checkstyle.file[0].error[0].message).toBe('ab[31mcdef\u{1F600}');
  });
});

describe('xml escaping helpers', () => {
  it('escapes the five XML characters and attribute whitespace', () => {
    expect(xmlAttr(`&<>"'`)).toBe('&amp;&lt;&gt;&quot;&apos;');
    expect(xmlAttr('a\tb\nc\rd')).toBe('a&#9;b&#10;c&#13;d');
    expect(xmlText(`&<>"'\n`)).toBe('&amp;&lt;&gt;&quot;&apos;\n');
    expect(xmlAttr('a\u009bb\u007f')).toBe('a&#x9B;b&#x7F;');
  });
});

describe('junit', () => {
  it('has hadolint shape: testsuites > testsuite per file > testcase + failure per finding', () => {
    const text = formatReport('junit', sampleInput());
    const doc = parseXml(text);
    const suites = doc.testsuites;
    expect(suites.id).toBe('20261129_140509');
    expect(suites.name).toBe('shipshape run at 2026-11-29 14:05:09');
    expect(suites.time).toBe('0.001');
    expect(suites.testsuite).toHaveLength(1);
    const suite = suites.testsuite[0];
    expect(suite).toMatchObject({ id: 'shipshape', name: 'shipshape 0.1.0', failures: '6', errors: '0', tests: '6' });
    expect(suite.testcase).toHaveLength(6);
    const tc = suite.testcase[1];
    expect(tc).toMatchObject({ id: 'shipshape.rule.DL3008', name: 'DL3008', classname: 'Dockerfile', time: '0.001' });
    expect(tc.failure).toMatchObject({ type: 'warning', message: DL3008_MSG, id: 'DL3008' });
    expect(tc.failure['#text']).toBe(
      `File: Dockerfile\nLine: 2\nColumn: 5\nCategory: shipshape - Dockerfile Static Analysis\nwarning: ${DL3008_MSG}\n`,
    );
  });

  it('parse errors become hadolint-style error testcases', () => {
    const doc = parseXml(formatReport('junit', parseErrorInput()));
    const suite = doc.testsuites.testsuite[0];
    expect(suite).toMatchObject({ failures: '1', errors: '1' });
    const tc = suite.testcase[0];
    expect(tc).toMatchObject({ id: 'shipshape.error', name: 'DL1000' });
    expect(tc.failure).toMatchObject({ type: 'error', message: 'parse error at line 2, column 1' });
    expect(tc.failure['#text']).toBe(
      "Parse Error in sub/Dockerfile\nLine: 2\nColumn: 1\nParse Error: unexpected 'F'\nexpecting a new line followed by the next instruction\n",
    );
  });

  it('one empty testsuite per clean file; empty report is valid XML', () => {
    const doc = parseXml(formatReport('junit', cleanInput()));
    expect(doc.testsuites.testsuite).toHaveLength(2);
    expect(doc.testsuites.testsuite[0]).toMatchObject({ failures: '0', errors: '0' });
    const empty = parseXml(formatReport('junit', emptyInput()));
    expect(empty.testsuites.id).toBe('19700101_000000');
    expect(empty.testsuites.testsuite).toBeUndefined();
  });

  it('filePathInReport replaces the file name', () => {
    const doc = parseXml(formatReport('junit', sampleInput({ filePathInReport: 'ci/Dockerfile' })));
    expect(doc.testsuites.testsuite[0].testcase[0].classname).toBe('ci/Dockerfile');
    expect(doc.testsuites.testsuite[0].testcase[0].failure['#text']).toMatch(/^File: ci\/Dockerfile\n/);
  });
});
