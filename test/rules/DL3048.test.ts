import rule from '../../src/rules/hadolint/DL3048.js';
import { ruleTable } from '../helpers/rule-table.js';

ruleTable(rule, {
  silent: [
    'FROM alpine:3.19\nLABEL maintainer="x"\n',
    'FROM alpine:3.19\nLABEL org.opencontainers.image.source="https://example.com" org.valid-key.label3=x\n',
    'FROM alpine:3.19\nLABEL com.example.vendor=acme version=1.0\n',
    'FROM alpine:3.19\nLABEL com.example/path_key=1\n',
    'FROM alpine:3.19\nLABEL "quoted.key"="x"\n',
    'FROM alpine:3.19\nLABEL maintainer ops@example.com\n',
    { input: 'FROM alpine:3.19\nONBUILD LABEL Bad=x\n', name: 'ONBUILD LABEL is not checked (hadolint)' },
  ],
  fires: [
    { input: 'FROM alpine:3.19\nLABEL Maintainer="x"\n', line: 2, column: 7, count: 1, message: /`Maintainer`.*lower case/ },
    { input: 'FROM alpine:3.19\nLABEL tier.="x"\n', message: /must end/ },
    { input: 'FROM alpine:3.19\nLABEL -flag="x"\n', message: /must start/ },
    { input: 'FROM alpine:3.19\nLABEL .hidden="x"\n' },
    { input: 'FROM alpine:3.19\nLABEL 9lives="x"\n' },
    { input: 'FROM alpine:3.19\nLABEL build$stamp="x"\n', message: /contains `\$`/ },
    { input: 'FROM alpine:3.19\nLABEL io.docker.meta="x"\n', message: /reserved `io\.docker\.`/ },
    { input: 'FROM alpine:3.19\nLABEL com.docker.meta="x"\n' },
    { input: 'FROM alpine:3.19\nLABEL org.dockerproject.meta="x"\n' },
    { input: 'FROM alpine:3.19\nLABEL invalid..key="x"\n', message: /consecutive/ },
    { input: 'FROM alpine:3.19\nLABEL invalid--key="x"\n' },
    {
      input: 'FROM alpine:3.19\nLABEL ok=1 \\\n  Bad=2 \\\n  Worse=3\n',
      line: 3,
      column: 3,
      count: 1,
      message: /`Bad`.*\(and `Worse`\)/,
      name: 'one finding per instruction, at the first invalid key',
    },
    { input: 'FROM alpine:3.19\nLABEL A=1\nLABEL B=2\n', count: 2 },
  ],
});
