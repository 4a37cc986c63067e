import rule from '../../src/rules/hadolint/DL3059.js';
import { ruleTable } from '../helpers/rule-table.js';

const F = 'FROM debian:12\n';

ruleTable(rule, {
  silent: [
    `${F}RUN make install\nRUN make && make check\n`,
    `${F}RUN make; make check\nRUN make install\n`,
    `${F}# prepare\nRUN /opt/setup.sh\n`,
    `${F}RUN make && make check\nRUN make; make install\n`,
    `${F}RUN --mount=type=secret,id=netrc /opt/setup.sh\nRUN /opt/finish.sh\n`,
    `${F}RUN --mount=type=secret,id=netrc /opt/setup.sh\nRUN --mount=type=secret,id=npmrc /opt/finish.sh\n`,
    `${F}RUN /opt/setup.sh\nWORKDIR /srv\nRUN /opt/finish.sh\n`,
    `${F}RUN echo $(date) > /built\nRUN /opt/finish.sh\n`,
    `${F}RUN /opt/setup.sh | tee /log\nRUN /opt/finish.sh\n`,
    `${F}RUN /opt/setup.sh\nONBUILD RUN /opt/finish.sh\n`,
    `${F}RUN <<EOF\n/opt/setup.sh\n/opt/finish.sh\nEOF\nRUN /opt/other.sh\n`,
    `${F}RUN /opt/setup.sh\nFROM debian:12\nRUN /opt/finish.sh\n`,
  ],
  fires: [
    { input: `${F}RUN /opt/setup.sh\nRUN /opt/finish.sh\n`, line: 3, column: 1, count: 1 },
    { input: `${F}RUN /opt/setup.sh\n# then finish\nRUN /opt/finish.sh\n`, line: 4 },
    { input: `${F}RUN /opt/setup.sh\n# then\n# finish\nRUN /opt/finish.sh\n`, line: 5 },
    { input: `${F}RUN make && make check\nRUN make install\nRUN make clean\n`, line: 4, count: 1 },
    { input: `${F}RUN a\nRUN b\nRUN c\n`, count: 2, message: /RUN on line 2/ },
    { input: `${F}RUN a && b\nRUN c\nRUN d\n`, count: 1, line: 4, message: /RUN on line 3/ },
    { input: `${F}RUN --mount=type=cache,target=/root/.cache a\nRUN --mount=type=cache,target=/root/.cache b\n`, line: 3 },
    { input: `${F}RUN ["/opt/setup.sh"]\nRUN /opt/finish.sh \\\n    --all\n`, line: 3 },
    { input: `${F}RUN <<EOF\n/opt/setup.sh\nEOF\nRUN /opt/finish.sh\n`, line: 5 },
  ],
});
