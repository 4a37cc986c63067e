import rule from '../../src/rules/hadolint/DL3014.js';
import { ruleTable } from '../helpers/rule-table.js';

ruleTable(rule, {
  silent: [
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
  ],
});
