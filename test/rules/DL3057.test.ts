import rule from '../../src/rules/hadolint/DL3057.js';
import { ruleTable } from '../helpers/rule-table.js';

const on = { override: { info: ['DL3057'] } };

ruleTable(rule, {
  silent: [
    { input: 'FROM busybox:1.36\n', name: 'off by default' },
    { input: 'FROM busybox:1.36\nHEALTHCHECK CMD ["/bin/check"]\n', config: on },
    { input: 'FROM busybox:1.36\nHEALTHCHECK NONE\n', config: on },
    { input: 'FROM busybox:1.36\nHEALTHCHECK --interval=5s \\\n  CMD wget -q -O- http://localhost/ || exit 1\n', config: on },
    { input: 'FROM scratch AS base\nHEALTHCHECK CMD /bin/bla\nFROM base\n', config: on, name: 'inherited' },
    { input: 'FROM scratch AS base\nHEALTHCHECK CMD /bin/bla\nFROM base AS mid\nFROM mid\n', config: on, name: 'inherited transitively' },
    { input: 'FROM busybox:1.36 AS s1\nFROM s1 AS s2\nFROM s2 AS s3\nFROM s3 AS final\nHEALTHCHECK NONE\n', config: on, name: 'healthcheck at the end of a chain covers the ancestors' },
  ],
  fires: [
    { input: 'FROM busybox:1.36\n', config: on, line: 1, column: 6, count: 1, message: '`HEALTHCHECK` instruction missing' },
    { input: 'FROM scratch\n', config: { override: { warning: ['DL3057'] } } },
    { input: 'FROM busybox:1.36 AS base\nHEALTHCHECK CMD ["/bin/check"]\nFROM busybox:1.36\n', config: on, count: 1, line: 3 },
    {
      input: 'FROM busybox:1.36 AS s1\nFROM s1 AS s2\nFROM s2 AS left\nFROM s2 AS right\n\nFROM left AS out1\nHEALTHCHECK NONE\n\nFROM right AS out2\n',
      config: on,
      count: 2,
      line: 4,
    },
    { input: 'FROM busybox:1.36 AS s1\nFROM s1 AS left\nHEALTHCHECK NONE\nFROM s1 AS right\n', config: on, count: 1, line: 4, name: 'sibling of a checked stage' },
    { input: 'FROM busybox:1.36\nONBUILD HEALTHCHECK NONE\n', config: on, name: 'ONBUILD HEALTHCHECK applies to child images only' },
  ],
});
