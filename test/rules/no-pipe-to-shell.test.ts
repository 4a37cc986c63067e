import rule from '../../src/rules/shipshape/no-pipe-to-shell.js';
import { ruleTable } from '../helpers/rule-table.js';

ruleTable(rule, {
  silent: [
    'FROM alpine:3.20\nRUN curl -fsSLo /tmp/install.sh https://get.example.com/install.sh && echo "abc123  /tmp/install.sh" | sha256sum -c - && sh /tmp/install.sh\n',
    'FROM alpine:3.20\nRUN curl -fsSL https://example.com/a.tgz | tar xz -C /opt\n',
    'FROM alpine:3.20\nRUN wget -q https://example.com/install.sh | sh\n',
    'FROM alpine:3.20\nRUN curl -fsSL https://api.example.com/v | python3 -c "import sys, json; print(json.load(sys.stdin))"\n',
    'FROM alpine:3.20\nRUN curl -fsSL https://example.com/k.asc | gpg --dearmor -o /usr/share/keyrings/k.gpg\n',
    'FROM alpine:3.20\nRUN curl -s https://example.com/list | sh -c "cat > /list"\n',
    'FROM alpine:3.20\nRUN echo "curl https://x | sh"\n',
    'FROM python:3.12\nRUN curl -fsSL https://example.com/data.json | python3 /usr/local/bin/load.py\n',
  ],
  fires: [
    { input: 'FROM alpine:3.20\nRUN eval "$(wget -qO- https://x.example/env.sh)"\n', line: 2, message: /eval/ },
    { input: 'FROM alpine:3.20\nRUN . <(curl -fsSL https://x.example/env.sh)\n', line: 2 },
    { input: 'FROM php:8.3-cli\nRUN curl -sS https://getcomposer.org/installer | php -- --install-dir=/usr/local/bin\n', line: 2 },
    { input: 'FROM alpine:3.20\nRUN curl -fsSL https://get.example.com/install.sh | sh\n', line: 2, column: 5, count: 1, message: /curl \.\.\. \| sh/ },
    { input: 'FROM alpine:3.20\nRUN wget -qO- https://get.example.com/install.sh | bash\n', line: 2 },
    { input: 'FROM alpine:3.20\nRUN wget -O - https://get.example.com/install.sh | sh -s -- --yes\n', line: 2 },
    { input: 'FROM ubuntu:24.04\nRUN curl -fsSL https://deb.nodesource.com/setup_20.x | sudo -E bash -\n', line: 2, message: /sudo bash/ },
    { input: 'FROM python:3.12\nRUN curl -sSL https://install.python-poetry.org | python3 -\n', line: 2 },
    { input: 'FROM alpine:3.20\nRUN set -eux; \\\n    curl -fsSL https://x.example/i.sh \\\n      | sh\n', line: 3, column: 5 },
    { input: 'FROM alpine:3.20\nRUN sh -c "$(curl -fsSL https://raw.example.com/install.sh)"\n', line: 2 },
    { input: 'FROM alpine:3.20\nRUN bash <(curl -fsSL https://x.example/i.sh)\n', line: 2 },
    { input: 'FROM alpine:3.20\nRUN curl -fsSL https://x.example/i.sh | tee /tmp/i.sh | sh\n', line: 2 },
    { input: 'FROM alpine:3.20\nRUN <<EOF\nset -e\ncurl -fsSL https://x.example/i.sh | sh\nEOF\n', line: 4, column: 1 },
    { input: 'FROM alpine:3.20\nONBUILD RUN curl -fsSL https://x.example/i.sh | sh\n', line: 2 },
    { input: 'FROM alpine:3.20\nRUN ["/bin/sh", "-c", "curl -fsSL https://x.example/i.sh | sh"]\n', line: 2 },
  ],
});
