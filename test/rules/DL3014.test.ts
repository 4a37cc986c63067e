import rule from '../../src/rules/hadolint/DL3014.js';
import { ruleTable } from '../helpers/rule-table.js';

ruleTable(rule, {
  silent: [
    { name: 'simulated install (official postgres image)', input: 'FROM debian:12\nRUN if apt-get install -s "postgresql-17-jit" > /dev/null 2>&1; then apt-get install -y postgresql-17-jit; fi\n' },
    'FROM debian:12\nRUN apt-get install --simulate nano\n',
    'FROM debian:12\nRUN apt-get --just-print install nano\n',
    'FROM debian:12\nRUN apt-get install --dry-run nano\n',
    'FROM debian:12\nRUN apt-get install --recon nano\n',
    'FROM debian:12\nRUN apt-get install --no-act nano\n',
    'FROM debian:12\nRUN apt-get install -qs nano\n',
    'FROM debian:12\nRUN apt-get install -yq nano\n',
    'FROM debian:12\nRUN apt-get --yes install nano\n',
    'FROM debian:12\nRUN apt-get install --assume-yes nano\n',
    'FROM debian:12\nRUN apt-get install -qq nano\n',
    'FROM debian:12\nRUN apt-get install -q -q nano\n',
    'FROM debian:12\nRUN apt-get install --quiet --quiet nano\n',
    'FROM debian:12\nRUN apt-get install -q=2 nano\n',
    'FROM debian:12\nRUN apt-get update\n',
    'FROM debian:12\nRUN apt install nano\n',
  ],
  fires: [
    { name: 'a simulated install does not excuse a real one', input: 'FROM debian:12\nRUN apt-get install -s nano && apt-get install nano\n', count: 1, fixed: 'FROM debian:12\nRUN apt-get install -s nano && apt-get install -y nano\n' },
    { name: '--show-progress is not a simulation flag', input: 'FROM debian:12\nRUN apt-get install --show-progress nano\n', line: 2 },
    { input: 'FROM debian:12\nRUN apt-get install nano\n', line: 2, column: 5, fixed: 'FROM debian:12\nRUN apt-get install -y nano\n' },
    { input: 'FROM debian:12\nRUN apt-get install -q nano\n', fixed: 'FROM debian:12\nRUN apt-get install -y -q nano\n' },
    { input: 'FROM debian:12\nRUN apt-get install -qqq nano\n' },
    { input: 'FROM debian:12\nONBUILD RUN apt-get install nano\n', line: 2, fixed: 'FROM debian:12\nONBUILD RUN apt-get install -y nano\n' },
    {
      input: 'FROM debian:12\nRUN apt-get update \\\n && apt-get install \\\n      nano=7.2-1 \\\n && apt-get install curl=1\n',
      line: 3,
      count: 1,
      fixed: 'FROM debian:12\nRUN apt-get update \\\n && apt-get install -y \\\n      nano=7.2-1 \\\n && apt-get install -y curl=1\n',
    },
    { input: 'FROM debian:12\nRUN ["apt-get", "install", "nano"]\n', fixed: 'FROM debian:12\nRUN ["apt-get", "install", "-y", "nano"]\n' },
    { input: 'FROM debian:12\nRUN <<EOF\napt-get update\napt-get install nano\nEOF\n', line: 4, fixed: 'FROM debian:12\nRUN <<EOF\napt-get update\napt-get install -y nano\nEOF\n' },
    // Line endings, BOM and escape character are kept by the fix.
    { name: 'fix keeps CRLF line endings', input: 'FROM debian:12\r\nRUN apt-get update \\\r\n && apt-get install \\\r\n      nano=7.2-1 \\\r\n && apt-get install curl=1\r\n', fixed: 'FROM debian:12\r\nRUN apt-get update \\\r\n && apt-get install -y \\\r\n      nano=7.2-1 \\\r\n && apt-get install -y curl=1\r\n' },
    { name: 'fix keeps the BOM', input: '\uFEFFFROM debian:12\nRUN apt-get install nano\n', fixed: '\uFEFFFROM debian:12\nRUN apt-get install -y nano\n' },
    { name: 'fix in an escape=` file', input: '# escape=`\nFROM debian:12\nRUN apt-get update `\n && apt-get install `\n      nano=7.2-1 `\n && apt-get install curl=1\n', fixed: '# escape=`\nFROM debian:12\nRUN apt-get update `\n && apt-get install -y `\n      nano=7.2-1 `\n && apt-get install -y curl=1\n' },
  ],
});
