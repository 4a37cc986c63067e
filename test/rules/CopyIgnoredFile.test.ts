import rule from '../../src/rules/buildkit/CopyIgnoredFile.js';
import { ruleTable } from '../helpers/rule-table.js';

ruleTable(rule, {
  silent: [
    { input: 'FROM alpine:3.20 AS docs\nRUN touch /d/README.md\nFROM alpine:3.20\nCOPY --from=docs /d/README.md /doc/\n', files: { '.dockerignore': '*.md\n' }, name: 'COPY --from' },
    { input: 'FROM alpine:3.20\nCOPY README.md /doc/\n', name: 'no .dockerignore' },
    { input: 'FROM alpine:3.20\nCOPY README.md /doc/\n', noContext: true, name: 'no build context' },
    { input: 'FROM alpine:3.20\nCOPY . /src\n', files: { '.dockerignore': '.git\nnode_modules\n' } },
    { input: 'FROM python:3.12-slim\nCOPY ./manage.py /app/\n', files: { '.dockerignore': '**\n!manage.py\n' }, name: 'negation re-includes' },
    { input: 'FROM alpine:3.20\nADD https://example.com/a.md /doc/\n', files: { '.dockerignore': '*.md\n' }, name: 'remote ADD' },
    { input: 'FROM alpine:3.20\nCOPY <<EOF /a.md\nx\nEOF\n', files: { '.dockerignore': '*.md\n' }, name: 'heredoc source' },
    { input: 'FROM alpine:3.20\n# check=skip=CopyIgnoredFile\nCOPY README.md /doc/\n', files: { '.dockerignore': '*.md\n' }, name: 'per-instruction skip' },
  ],
  fires: [
    { input: 'FROM alpine:3.20\nCOPY README.md /usr/share/doc/app/\n', files: { '.dockerignore': '*.md\n' }, line: 2, column: 6, message: /"README.md"/ },
    { input: 'FROM alpine:3.20\nCOPY . /src\n', files: { '.dockerignore': '*\n' }, line: 2 },
    { input: 'FROM alpine:3.19\nCOPY secrets.env /app/secrets.env\n', files: { '.dockerignore': 'secrets.env\n!docs/\n' }, name: 'unrelated negation' },
    { input: 'FROM alpine:3.20\nCOPY node_modules/x/ ./build/../dist /app/\n', files: { '.dockerignore': 'node_modules\ndist\n' }, count: 2, name: 'parent directory and cleaned path' },
    { input: 'FROM alpine:3.20\nARG SRC=secrets\nADD ${SRC}/key.pem /k\n', files: { '.dockerignore': 'secrets/\n' }, message: /Add file "secrets\/key.pem"/ },
    { input: 'FROM alpine:3.20\nCOPY ["README.md", "/doc/"]\n', files: { 'Dockerfile.dockerignore': '*.md\n' }, message: /Dockerfile.dockerignore/ },
  ],
});
