import rule from '../../src/rules/hadolint/DL4003.js';
import { ruleTable } from '../helpers/rule-table.js';

ruleTable(rule, {
  silent: [
    'FROM debian:12\nCMD ["/bin/true"]\n',
    'FROM debian:12 AS one\nCMD ["bash"]\nFROM debian:12 AS two\nCMD ["sh"]\n',
    'FROM debian:12\nCMD ["bash"]\nONBUILD CMD ["sh"]\n',
  ],
  fires: [
    { input: 'FROM debian:12\nCMD ["bash"]\nRUN echo mid\nCMD ["sh"]\n', line: 4, column: 1, count: 1, message: /line 2/ },
    { input: 'FROM debian:12 AS one\nCMD ["bash"]\nRUN echo mid\nCMD ["sh"]\nFROM debian:12 AS two\nCMD ["sh"]\n', line: 4, count: 1 },
    { input: 'FROM debian:12\nCMD bash\nCMD \\\n  sh\nCMD ["x"]\n', count: 2, line: 3, name: 'shell form, continuation line' },
  ],
});
