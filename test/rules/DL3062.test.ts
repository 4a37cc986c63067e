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
    { input: `${F}RUN go install -a -tags 'netgo osusergo static_build' -ldflags " -X main.Version=$V " .\n`, name: 'values of -tags and -ldflags are not packages' },
    { input: `${F}RUN go install -ldflags "-X tailscale.com/version.longStamp=$v" ./cmd/tailscale ./cmd/tailscaled\n`, name: '-ldflags value naming a module path' },
    { input: `${F}RUN go run -exec /usr/bin/qemu ./tools/gen\n`, name: 'go run -exec value' },
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
    { input: `${F}RUN go install -tags netgo github.com/acme/tool\n`, message: /^Pin the version of `github.com\/acme\/tool`/, name: 'flag value skipped, package still checked' },
    { input: `${F}RUN go install -tags=netgo github.com/acme/tool\n`, message: /`github.com\/acme\/tool`/ },
    { input: `${F}RUN go run -tags dev github.com/acme/gen\n`, message: /`github.com\/acme\/gen`/ },
  ],
});
