import rule from '../../src/rules/hadolint/DL3046.js';
import { ruleTable } from '../helpers/rule-table.js';

ruleTable(rule, {
  silent: [
    'FROM debian:12\nRUN useradd -u 54321 builder\n',
    'FROM debian:12\nRUN useradd -l -u 987654 builder\n',
    'FROM debian:12\nRUN useradd --no-log-init --uid 987654 builder\n',
    'FROM debian:12\nRUN useradd builder\n',
    'FROM debian:12\nARG UID=1000\nRUN useradd -u "${UID}" builder\n',
  ],
  fires: [
    { input: 'FROM debian:12\nRUN useradd -u 987654 builder\n', line: 2, column: 5, message: /987654/, fixed: 'FROM debian:12\nRUN useradd -l -u 987654 builder\n' },
    { input: 'FROM debian:12\nONBUILD RUN useradd -u 987654 builder\n', line: 2, fixed: 'FROM debian:12\nONBUILD RUN useradd -l -u 987654 builder\n', name: 'ONBUILD' },
    { input: 'FROM debian:12\nRUN useradd --uid=1000000 app\n', fixed: 'FROM debian:12\nRUN useradd -l --uid=1000000 app\n' },
    { input: 'FROM debian:12\nRUN groupadd -g 1000000 app && \\\n    useradd \\\n      -u 1000000 -g app app\n', line: 3, fixed: 'FROM debian:12\nRUN groupadd -g 1000000 app && \\\n    useradd -l \\\n      -u 1000000 -g app app\n', name: 'continuation lines' },
    { input: 'FROM debian:12\nRUN ["useradd", "-u", "1000000", "app"]\n', line: 2, fixed: 'FROM debian:12\nRUN ["useradd", "-u", "1000000", "app"]\n', name: 'exec form: no fix' },
    // Line endings, BOM and escape character are kept by the fix.
    { name: 'fix keeps CRLF line endings', input: 'FROM debian:12\r\nRUN groupadd -g 1000000 app && \\\r\n    useradd \\\r\n      -u 1000000 -g app app\r\n', fixed: 'FROM debian:12\r\nRUN groupadd -g 1000000 app && \\\r\n    useradd -l \\\r\n      -u 1000000 -g app app\r\n' },
    { name: 'fix keeps the BOM', input: '\uFEFFFROM debian:12\nRUN useradd -u 987654 builder\n', fixed: '\uFEFFFROM debian:12\nRUN useradd -l -u 987654 builder\n' },
    { name: 'fix in an escape=` file', input: '# escape=`\nFROM debian:12\nRUN groupadd -g 1000000 app && `\n    useradd `\n      -u 1000000 -g app app\n', fixed: '# escape=`\nFROM debian:12\nRUN groupadd -g 1000000 app && `\n    useradd -l `\n      -u 1000000 -g app app\n' },
  ],
});
