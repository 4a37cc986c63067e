import rule from '../../src/rules/hadolint/DL4005.js';
import { ruleTable } from '../helpers/rule-table.js';

ruleTable(rule, {
  silent: [
    'FROM debian:12\nRUN ln -s a b && true && installer /bin/sh\n',
    'FROM debian:12\nRUN ln -s /bin/bash /usr/local/bin/sh2\n',
    'FROM debian:12\nSHELL ["/bin/bash", "-c"]\n',
  ],
  fires: [
    { input: 'FROM debian:12\nRUN ln -sfn /bin/bash /bin/sh\n', line: 2, column: 23, count: 1 },
    { input: 'FROM debian:12\nONBUILD RUN ln -sfn /bin/bash /bin/sh\n', line: 2, name: 'ONBUILD' },
    { input: 'FROM debian:12\nRUN rm /bin/sh && \\\n    ln -s /bin/bash /bin/sh\n', line: 3, name: 'continuation line' },
    { input: 'FROM debian:12\nRUN ["ln", "-sf", "/bin/bash", "/bin/sh"]\n', line: 2, name: 'exec form' },
  ],
});
