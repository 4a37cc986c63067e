import rule from '../../src/rules/hadolint/DL4004.js';
import { ruleTable } from '../helpers/rule-table.js';

ruleTable(rule, {
  silent: [
    'FROM debian:12\nENTRYPOINT ["/bin/true"]\n',
    'FROM debian:12 AS one\nENTRYPOINT ["bash"]\nFROM debian:12 AS two\nENTRYPOINT ["sh"]\n',
    'FROM debian:12\nENTRYPOINT ["bash"]\nONBUILD ENTRYPOINT ["sh"]\n',
  ],
  fires: [
    { input: 'FROM debian:12\nENTRYPOINT ["bash"]\nRUN echo mid\nENTRYPOINT ["sh"]\n', line: 4, column: 1, count: 1, message: /line 2/ },
    { input: 'FROM debian:12 AS one\nENTRYPOINT ["bash"]\nRUN echo mid\nENTRYPOINT ["sh"]\nFROM debian:12 AS two\nENTRYPOINT ["sh"]\n', line: 4, count: 1 },
    { input: 'FROM debian:12\nENTRYPOINT bash\nENTRYPOINT \\\n  sh\nENTRYPOINT ["x"]\n', count: 2, line: 3, name: 'shell form, continuation line' },
  ],
});
