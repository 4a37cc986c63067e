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
  ],
});
