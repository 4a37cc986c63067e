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
    { input: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nSHELL ["powershell", "-Command"]\nRUN Invoke-WebRequest -Uri $env:URL -OutFile a.zip\nRUN Expand-Archive a.zip -DestinationPath C:\\\\a\n', line: 4, message: /^(?!.*&&).*join them into one RUN/, name: 'PowerShell: no `&&` advice (Windows PowerShell has no &&)' },
    { input: `${F}RUN /opt/setup.sh\nRUN /opt/finish.sh\n`, line: 3, column: 1, count: 1, fixed: `${F}RUN /opt/setup.sh && \\\n    /opt/finish.sh\n` },
    // A comment between them: a human should read it, so the join (keeping the comment) is unsafe.
    {
      input: `${F}RUN /opt/setup.sh\n# then finish\nRUN /opt/finish.sh\n`,
      line: 4,
      fixed: `${F}RUN /opt/setup.sh\n# then finish\nRUN /opt/finish.sh\n`,
      unsafeFixed: `${F}RUN /opt/setup.sh && \\\n    # then finish\n    /opt/finish.sh\n`,
    },
    // A pragma between them is not moved into a continuation.
    { input: `${F}RUN /opt/setup.sh\n# hadolint ignore=DL3008\nRUN /opt/finish.sh\n`, line: 4, unsafeFixed: `${F}RUN /opt/setup.sh\n# hadolint ignore=DL3008\nRUN /opt/finish.sh\n` },
    { input: `${F}RUN a\nRUN b\nRUN c\n`, fixed: `${F}RUN a && \\\n    b && \\\n    c\n` },
    // Trailing blanks and blank lines go; a continued RUN keeps its lines; the file's indentation is used.
    {
      name: 'continuation lines, file indentation',
      input: `${F}RUN /opt/prepare.sh \\\n  && /opt/build.sh\nRUN /opt/setup.sh  \n\nRUN /opt/finish.sh \\\n  --all\n`,
      fixed: `${F}RUN /opt/prepare.sh \\\n  && /opt/build.sh\nRUN /opt/setup.sh && \\\n  /opt/finish.sh \\\n  --all\n`,
    },
    { name: 'tab indentation', input: `${F}RUN foo \\\n\t--x\nRUN a\nRUN b\n`, fixed: `${F}RUN foo \\\n\t--x && \\\n\ta && \\\n\tb\n` },
    { name: 'CRLF', input: `FROM debian:12\r\nRUN a\r\nRUN b\r\n`, fixed: `FROM debian:12\r\nRUN a && \\\r\n    b\r\n` },
    { name: 'BOM', input: `\uFEFF${F}RUN a\nRUN b\n`, fixed: `\uFEFF${F}RUN a && \\\n    b\n` },
    { name: 'escape=`', input: `# escape=\`\n${F}RUN a\nRUN b \`\n  --x\n`, fixed: `# escape=\`\n${F}RUN a && \`\n  b \`\n  --x\n` },
    // The same mounts: the joined RUN keeps them once.
    {
      input: `${F}RUN --mount=type=cache,target=/root/.cache a\nRUN --mount=type=cache,target=/root/.cache b\n`,
      fixed: `${F}RUN --mount=type=cache,target=/root/.cache a && \\\n    b\n`,
    },
    // No join when the first command changes state the second would inherit, or the script is not one plain command.
    { input: `${F}RUN cd /src\nRUN make\n`, unsafeFixed: `${F}RUN cd /src\nRUN make\n` },
    { input: `${F}RUN export A=1\nRUN make\n`, unsafeFixed: `${F}RUN export A=1\nRUN make\n` },
    { input: `${F}RUN make # all\nRUN make install\n`, unsafeFixed: `${F}RUN make # all\nRUN make install\n` },
    { input: `${F}RUN make;\nRUN make install\n`, unsafeFixed: `${F}RUN make;\nRUN make install\n` },
    { input: `${F}RUN make &\nRUN make install\n`, unsafeFixed: `${F}RUN make &\nRUN make install\n` },
    // The second RUN must not have an operator binding looser than `&&` (bug: `a && [ -f x ] || touch x` hid a failure of a).
    { input: `${F}RUN apk add git\nRUN [ -f /x ] || touch /x\n`, unsafeFixed: `${F}RUN apk add git\nRUN [ -f /x ] || touch /x\n` },
    { input: `${F}RUN apk add git\nRUN [ -e /etc/nsswitch.conf ] && grep x /etc/nsswitch.conf\n`, fixed: `${F}RUN apk add git && \\\n    [ -e /etc/nsswitch.conf ] && grep x /etc/nsswitch.conf\n` },
    { input: `${F}RUN make\nRUN find / -name '*.o' -exec rm {} \\; 2>&1\n`, fixed: `${F}RUN make && \\\n    find / -name '*.o' -exec rm {} \\; 2>&1\n` },
    { input: `${F}SHELL ["pwsh", "-c"]\nRUN a\nRUN b\n`, unsafeFixed: `${F}SHELL ["pwsh", "-c"]\nRUN a\nRUN b\n` },
    { input: `${F}RUN /opt/setup.sh\n# then\n# finish\nRUN /opt/finish.sh\n`, line: 5 },
    { input: `${F}RUN make && make check\nRUN make install\nRUN make clean\n`, line: 4, count: 1 },
    { input: `${F}RUN a\nRUN b\nRUN c\n`, count: 2, message: /RUN on line 2/ },
    { input: `${F}RUN a && b\nRUN c\nRUN d\n`, count: 1, line: 4, message: /RUN on line 3/ },
    { input: `${F}RUN --mount=type=cache,target=/root/.cache a\nRUN --mount=type=cache,target=/root/.cache b\n`, line: 3 },
    { input: `${F}RUN ["/opt/setup.sh"]\nRUN /opt/finish.sh \\\n    --all\n`, line: 3, unsafeFixed: `${F}RUN ["/opt/setup.sh"]\nRUN /opt/finish.sh \\\n    --all\n` },
    { input: `${F}RUN <<EOF\n/opt/setup.sh\nEOF\nRUN /opt/finish.sh\n`, line: 5, unsafeFixed: `${F}RUN <<EOF\n/opt/setup.sh\nEOF\nRUN /opt/finish.sh\n` },
  ],
});
