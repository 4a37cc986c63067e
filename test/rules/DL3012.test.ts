import rule from '../../src/rules/hadolint/DL3012.js';
import { ruleTable } from '../helpers/rule-table.js';

ruleTable(rule, {
  silent: [
    'FROM busybox:1.36\n',
    'FROM busybox:1.36 AS one\nHEALTHCHECK CMD ["/bin/check-a"]\nFROM busybox:1.36\nHEALTHCHECK CMD ["/bin/check-b"]\n',
    'FROM busybox:1.36\nHEALTHCHECK CMD ["/bin/check-a"]\nONBUILD HEALTHCHECK NONE\n',
  ],
  fires: [
    { input: 'FROM busybox:1.36\nHEALTHCHECK CMD ["/bin/check-a"]\nHEALTHCHECK CMD ["/bin/check-b"]\n', line: 3, column: 1, count: 1, message: /line 2/ },
    { input: 'FROM busybox:1.36\nHEALTHCHECK NONE\nRUN echo\nHEALTHCHECK --interval=5s \\\n  CMD /bin/check\n', line: 4, name: 'NONE counts; continuation line' },
    { input: 'FROM busybox:1.36\nHEALTHCHECK NONE\nHEALTHCHECK NONE\nHEALTHCHECK NONE\n', count: 2 },
  ],
});
