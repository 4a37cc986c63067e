import rule from '../../src/rules/buildkit/LegacyKeyValueFormat.js';
import { ruleTable } from '../helpers/rule-table.js';

ruleTable(rule, {
  silent: [
    'FROM alpine:3.20\nENV A=1 B=2\n',
    'FROM alpine:3.20\nARG foo bar\n',
    'FROM scratch\nLABEL org.opencontainers.image.title="demo" \\\n    org.opencontainers.image.description=\\\n"A small demo image"\n',
    'FROM scratch\nLABEL "com.example.team"="platform"\\\n    "com.example.tier"="backend"\n',
    { input: 'FROM alpine:3.20\n# check=skip=LegacyKeyValueFormat\nENV A 1\n', name: 'per-instruction skip' },
  ],
  fires: [
    { input: 'FROM alpine:3.20\nENV APP_ENV production\n', line: 2, column: 5, fixed: 'FROM alpine:3.20\nENV APP_ENV=production\n', message: /ENV key=value/ },
    { input: 'FROM alpine:3.20\nENV MODE key=value\n', fixed: 'FROM alpine:3.20\nENV MODE=key=value\n' },
    { input: 'FROM alpine:3.20\nENV MSG hello world\n', fixed: 'FROM alpine:3.20\nENV MSG="hello world"\n', name: 'value with spaces is quoted' },
    { input: 'FROM alpine:3.20\nENV MSG "hello world"\n', fixed: 'FROM alpine:3.20\nENV MSG="hello world"\n', name: 'one quoted word stays as written' },
    { input: 'FROM alpine:3.20\nLABEL title My $NAME app\n', fixed: 'FROM alpine:3.20\nLABEL title="My $NAME app"\n' },
    { input: 'FROM alpine:3.20\nENV PKGS \\\n    curl \\\n    git\n', line: 2, fixed: 'FROM alpine:3.20\nENV PKGS="curl \\\n    git"\n', name: 'multi-line value' },
    { input: 'FROM alpine:3.20\nENV MSG "a" b\n', name: 'no fix when quotes make it ambiguous', fixed: 'FROM alpine:3.20\nENV MSG "a" b\n' },
    { input: 'FROM alpine:3.20\nenv A 1\nLABEL b c\n', count: 2, fixed: 'FROM alpine:3.20\nenv A=1\nLABEL b=c\n' },
    // Line endings, BOM and escape character are kept by the fix.
    { name: 'fix keeps CRLF line endings', input: 'FROM alpine:3.20\r\nENV PKGS \\\r\n    curl \\\r\n    git\r\n', fixed: 'FROM alpine:3.20\r\nENV PKGS="curl \\\r\n    git"\r\n' },
    { name: 'fix keeps the BOM', input: '\uFEFFFROM alpine:3.20\nENV APP_ENV production\n', fixed: '\uFEFFFROM alpine:3.20\nENV APP_ENV=production\n' },
    { name: 'fix in an escape=` file', input: '# escape=`\nFROM alpine:3.20\nENV PKGS `\n    curl `\n    git\n', fixed: '# escape=`\nFROM alpine:3.20\nENV PKGS="curl `\n    git"\n' },
    // A value over continuation lines keeps its layout (bug: it was joined into one line of tab runs).
    { name: 'continued value keeps its lines', input: 'FROM alpine:3.20\nENV PHPIZE_DEPS \\\n\t\tautoconf \\\n\t\tdpkg-dev dpkg \\\n\t\tre2c\n', fixed: 'FROM alpine:3.20\nENV PHPIZE_DEPS="autoconf \\\n\t\tdpkg-dev dpkg \\\n\t\tre2c"\n' },
    { name: 'continued value, escape=` and CRLF', input: '# escape=`\nFROM alpine:3.20\r\nENV DEPS `\r\n  a `\r\n  b\r\n', fixed: '# escape=`\nFROM alpine:3.20\r\nENV DEPS="a `\r\n  b"\r\n' },
    { name: 'continued value with a quote: no fix', input: 'FROM alpine:3.20\nENV A \\\n  x"y \\\n  z\n', fixed: 'FROM alpine:3.20\nENV A \\\n  x"y \\\n  z\n' },
  ],
});
