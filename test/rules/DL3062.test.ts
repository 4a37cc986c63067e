import rule from '../../src/rules/hadolint/DL3062.js';
import { ruleTable } from '../helpers/rule-table.js';

const F = 'FROM golang:1.22\n';

ruleTable(rule, {
  silent: [
    `${F}RUN go install golang.org/x/tools/cmd/goimports@v0.21.0\n`,
    `${F}RUN go install /src/cmd/server ./cmd/other .\n`,
    `${F}RUN go get github.com/spf13/cobra@v1.8.0\n`,
    `${F}RUN go run github.com/acme/gen@v2.3.0 -output\n`,
    `${F}RUN go run github.com/acme/gen@v2.3.0 --out dist\n`,
    `${F}RUN go run -race .\n`,
    `${F}RUN go run ./tools/gen && go install github.com/acme/tool\n`,
    `${F}RUN go build -o /out ./cmd/server\n`,
    `${F}RUN go mod download\n`,
  ],
  fires: [
    { input: `${F}RUN go install golang.org/x/tools/cmd/goimports\n`, line: 2, column: 16, message: /goimports@<version>/ },
    { input: `${F}ONBUILD RUN go install golang.org/x/tools/cmd/goimports\n`, line: 2 },
    { input: `${F}RUN go install github.com/acme/tool@none\n`, message: /tool@<version>/ },
    { input: `${F}RUN go get github.com/spf13/cobra@latest\n` },
    { input: `${F}RUN go get -tool github.com/golangci/golangci-lint/cmd/golangci-lint@latest\n` },
    { input: `${F}RUN go run github.com/acme/gen\n` },
    { input: `${F}RUN go mod download \\\n && go install \\\n      github.com/acme/tool\n`, line: 4, column: 7 },
    { input: `${F}RUN ["go", "install", "github.com/acme/tool"]\n` },
  ],
});
