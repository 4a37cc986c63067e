import rule from '../../src/rules/buildkit/MaintainerDeprecated.js';
import { ruleTable } from '../helpers/rule-table.js';

ruleTable(rule, {
  silent: [
    'FROM alpine:3.20\nLABEL org.opencontainers.image.authors="jane@example.com"\n',
    'FROM alpine:3.20\nLABEL maintainer="jane@example.com"\n',
    { input: '# check=skip=MaintainerDeprecated\nFROM alpine:3.20\nMAINTAINER Jane\n', name: 'file-level skip' },
    { input: 'FROM alpine:3.20\n# check=skip=MaintainerDeprecated\nMAINTAINER Jane\n', name: 'per-instruction skip' },
  ],
  fires: [
    {
      input: 'FROM alpine:3.20\nMAINTAINER Jane Doe <jane@example.com>\n',
      line: 2,
      column: 1,
      fixed: 'FROM alpine:3.20\nLABEL org.opencontainers.image.authors="Jane Doe <jane@example.com>"\n',
    },
    { input: 'from alpine:3.20\nmaintainer Jane "JD" $HOME\n', fixed: 'from alpine:3.20\nlabel org.opencontainers.image.authors="Jane \\"JD\\" \\$HOME"\n', name: 'quotes and $ are escaped' },
    { input: 'FROM alpine:3.20\nMAINTAINER a\nFROM alpine:3.20\nMAINTAINER b\n', count: 2 },
    // Line endings, BOM and escape character are kept by the fix.
    { name: 'fix keeps CRLF line endings', input: 'FROM alpine:3.20\r\nMAINTAINER Jane Doe <jane@example.com>\r\n', fixed: 'FROM alpine:3.20\r\nLABEL org.opencontainers.image.authors="Jane Doe <jane@example.com>"\r\n' },
    { name: 'fix keeps the BOM', input: '\uFEFFFROM alpine:3.20\nMAINTAINER Jane Doe <jane@example.com>\n', fixed: '\uFEFFFROM alpine:3.20\nLABEL org.opencontainers.image.authors="Jane Doe <jane@example.com>"\n' },
    { name: 'fix in an escape=` file', input: '# escape=`\nFROM alpine:3.20\nMAINTAINER Jane Doe <jane@example.com>\n', fixed: '# escape=`\nFROM alpine:3.20\nLABEL org.opencontainers.image.authors="Jane Doe <jane@example.com>"\n' },
    // BuildKit joins the continuation line as written: the label value is the MAINTAINER value BuildKit reads.
    { name: 'fix of a continued instruction', input: 'FROM alpine:3.20\nMAINTAINER Jane \\\n  Doe\n', fixed: 'FROM alpine:3.20\nLABEL org.opencontainers.image.authors="Jane   Doe"\n' },
  ],
});
