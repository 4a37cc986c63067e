import rule from '../../src/rules/hadolint/DL3015.js';
import { ruleTable } from '../helpers/rule-table.js';

ruleTable(rule, {
  silent: [
    'FROM debian:12\nRUN apt-get install --no-install-recommends tree\n',
    'FROM debian:12\nONBUILD RUN apt-get install --no-install-recommends tree\n',
    'FROM debian:12\nRUN apt-get install -y -o APT::Install-Recommends=false tree\n',
    'FROM debian:12\nRUN apt-get update && apt-get -y upgrade\n',
    'FROM debian:12\nRUN apt install -y tree\n',
  ],
  fires: [
    // Unsafe: the recommended packages may be needed (curl recommends ca-certificates).
    { input: 'FROM debian:12\nRUN apt-get install tree\n', line: 2, column: 5, fixed: 'FROM debian:12\nRUN apt-get install tree\n', unsafeFixed: 'FROM debian:12\nRUN apt-get install --no-install-recommends tree\n' },
    { input: 'FROM debian:12\nONBUILD RUN apt-get -y install tree\n', unsafeFixed: 'FROM debian:12\nONBUILD RUN apt-get -y install --no-install-recommends tree\n' },
    {
      input: 'FROM debian:12\nRUN apt-get update \\\n && apt-get install -y \\\n      tree=2.1.0-1 \\\n && rm -rf /var/lib/apt/lists/*\n',
      line: 3,
      unsafeFixed: 'FROM debian:12\nRUN apt-get update \\\n && apt-get install --no-install-recommends -y \\\n      tree=2.1.0-1 \\\n && rm -rf /var/lib/apt/lists/*\n',
    },
    { input: 'FROM debian:12\nRUN ["apt-get", "install", "-y", "tree"]\n', unsafeFixed: 'FROM debian:12\nRUN ["apt-get", "install", "--no-install-recommends", "-y", "tree"]\n' },
    { input: 'FROM debian:12\nRUN <<EOF\napt-get update\napt-get install -y tree\nEOF\n', line: 4, unsafeFixed: 'FROM debian:12\nRUN <<EOF\napt-get update\napt-get install --no-install-recommends -y tree\nEOF\n' },
    // Line endings, BOM and escape character are kept by the fix.
    { name: 'fix keeps CRLF line endings', input: 'FROM debian:12\r\nRUN apt-get update \\\r\n && apt-get install -y \\\r\n      tree=2.1.0-1 \\\r\n && rm -rf /var/lib/apt/lists/*\r\n', unsafeFixed: 'FROM debian:12\r\nRUN apt-get update \\\r\n && apt-get install --no-install-recommends -y \\\r\n      tree=2.1.0-1 \\\r\n && rm -rf /var/lib/apt/lists/*\r\n' },
    { name: 'fix keeps the BOM', input: '\uFEFFFROM debian:12\nRUN apt-get install tree\n', unsafeFixed: '\uFEFFFROM debian:12\nRUN apt-get install --no-install-recommends tree\n' },
    { name: 'fix in an escape=` file', input: '# escape=`\nFROM debian:12\nRUN apt-get update `\n && apt-get install -y `\n      tree=2.1.0-1 `\n && rm -rf /var/lib/apt/lists/*\n', unsafeFixed: '# escape=`\nFROM debian:12\nRUN apt-get update `\n && apt-get install --no-install-recommends -y `\n      tree=2.1.0-1 `\n && rm -rf /var/lib/apt/lists/*\n' },
  ],
});
