import rule from '../../src/rules/hadolint/DL3036.js';
import { ruleTable } from '../helpers/rule-table.js';

const F = 'FROM opensuse/leap:15.5\n';

ruleTable(rule, {
  silent: [
    `${F}RUN zypper install -y postgresql15=15.6 && zypper clean\n`,
    `${F}RUN zypper install -y postgresql15=15.6 && zypper cc\n`,
    `${F}RUN --mount=type=cache,target=/var/cache/zypp zypper install -y postgresql15\n`,
    `${F}RUN --mount=type=tmpfs,target=/var/cache/zypp zypper install -y postgresql15\n`,
    `${F}RUN zypper refresh\n`,
  ],
  fires: [
    { input: `${F}RUN zypper install -y postgresql15=15.6\n`, line: 2, column: 5, fixed: `${F}RUN zypper install -y postgresql15=15.6 && zypper clean\n` },
    { input: `${F}RUN zypper clean && zypper install -y postgresql15=15.6\n`, fixed: `${F}RUN zypper clean && zypper install -y postgresql15=15.6\n`, name: 'clean before install: reported, no fix' },
    { input: `${F}ONBUILD RUN zypper in -y git=2.43.0\n`, line: 2, fixed: `${F}ONBUILD RUN zypper in -y git=2.43.0 && zypper clean\n` },
    { input: `${F}RUN zypper refresh \\\n && zypper install -y \\\n      git=2.43.0 \\\n && make\n`, line: 3, fixed: `${F}RUN zypper refresh \\\n && zypper install -y \\\n      git=2.43.0 && zypper clean \\\n && make\n` },
    { input: `${F}RUN ["zypper", "install", "-y", "git=2.43.0"]\n`, fixed: `${F}RUN ["zypper", "install", "-y", "git=2.43.0"]\n`, name: 'exec form: no fix' },
    { input: `${F}RUN <<EOF\nzypper install -y git=2.43.0\nEOF\n`, line: 3, fixed: `${F}RUN <<EOF\nzypper install -y git=2.43.0 && zypper clean\nEOF\n` },
    // Line endings, BOM and escape character are kept by the fix.
    { name: 'fix keeps CRLF line endings', input: 'FROM opensuse/leap:15.5\r\nRUN zypper refresh \\\r\n && zypper install -y \\\r\n      git=2.43.0 \\\r\n && make\r\n', fixed: 'FROM opensuse/leap:15.5\r\nRUN zypper refresh \\\r\n && zypper install -y \\\r\n      git=2.43.0 && zypper clean \\\r\n && make\r\n' },
    { name: 'fix keeps the BOM', input: '\uFEFFFROM opensuse/leap:15.5\nRUN zypper install -y postgresql15=15.6\n', fixed: '\uFEFFFROM opensuse/leap:15.5\nRUN zypper install -y postgresql15=15.6 && zypper clean\n' },
    { name: 'fix in an escape=` file', input: '# escape=`\nFROM opensuse/leap:15.5\nRUN zypper refresh `\n && zypper install -y `\n      git=2.43.0 `\n && make\n', fixed: '# escape=`\nFROM opensuse/leap:15.5\nRUN zypper refresh `\n && zypper install -y `\n      git=2.43.0 && zypper clean `\n && make\n' },
  ],
});
