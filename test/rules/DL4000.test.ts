import rule from '../../src/rules/hadolint/DL4000.js';
import { ruleTable } from '../helpers/rule-table.js';

ruleTable(rule, {
  silent: [
    'FROM debian:12\n',
    'FROM debian:12\nLABEL org.opencontainers.image.authors="Pat"\n',
  ],
  fires: [
    {
      input: 'FROM debian:12\nMAINTAINER Pat Example <pat@example.com>\n',
      line: 2,
      column: 1,
      count: 1,
      fixed: 'FROM debian:12\nLABEL org.opencontainers.image.authors="Pat Example <pat@example.com>"\n',
    },
    { input: 'MAINTAINER Pat Example\nFROM debian:12\n', line: 1, fixed: 'LABEL org.opencontainers.image.authors="Pat Example"\nFROM debian:12\n', name: 'before FROM' },
    { input: 'FROM debian:12\nMAINTAINER "Pat Example"\n', fixed: 'FROM debian:12\nLABEL org.opencontainers.image.authors="Pat Example"\n' },
    { input: 'FROM debian:12\nmaintainer Pat "the $boss"\n', fixed: 'FROM debian:12\nlabel org.opencontainers.image.authors="Pat \\"the \\$boss\\""\n', name: 'quotes and $ escaped' },
    { input: 'FROM debian:12\nMAINTAINER Pat \\\n  Example\nRUN echo\n', line: 2, fixed: 'FROM debian:12\nLABEL org.opencontainers.image.authors="Pat Example"\nRUN echo\n', name: 'continuation line' },
    { input: '# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nMAINTAINER Pat "X"\n', fixed: '# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nLABEL org.opencontainers.image.authors="Pat `"X`""\n', name: 'backtick escape' },
    // Line endings, BOM and escape character are kept by the fix.
    { name: 'fix keeps CRLF line endings', input: 'FROM debian:12\r\nMAINTAINER Pat \\\r\n  Example\r\nRUN echo\r\n', fixed: 'FROM debian:12\r\nLABEL org.opencontainers.image.authors="Pat Example"\r\nRUN echo\r\n' },
    { name: 'fix keeps the BOM', input: '\uFEFFFROM debian:12\nMAINTAINER Pat Example <pat@example.com>\n', fixed: '\uFEFFFROM debian:12\nLABEL org.opencontainers.image.authors="Pat Example <pat@example.com>"\n' },
    { name: 'fix in an escape=` file', input: '# escape=`\nFROM debian:12\nMAINTAINER Pat `\n  Example\nRUN echo\n', fixed: '# escape=`\nFROM debian:12\nLABEL org.opencontainers.image.authors="Pat Example"\nRUN echo\n' },
  ],
});
