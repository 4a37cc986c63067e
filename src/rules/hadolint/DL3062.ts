import { defineRule } from '../define.js';
import type { ShellWord } from '../../shell/types.js';
import { hasArg } from '../../shell/query.js';
import { isFlagWord } from '../../shell/words.js';
import { pinMessage } from '../lib/packages.js';

/** hadolint's DL3062 test of one Go package argument. */
function goPinned(pkg: string): boolean {
  if (pkg === '.' || pkg.startsWith('/') || pkg.startsWith('.')) return true;
  return pkg.includes('@') && !pkg.endsWith('@latest') && !pkg.endsWith('@none');
}

/**
 * Build flags of `go install/get/run` whose value is the next argument when written without `=`
 * (`-tags 'netgo osusergo'`, `-ldflags "-X main.v=1"`, `-o /out`): that value is not a package.
 */
const GO_VALUE_FLAGS = new Set([
  'C', 'asmflags', 'buildmode', 'compiler', 'covermode', 'coverpkg', 'exec', 'gccgoflags', 'gcflags', 'installsuffix',
  'ldflags', 'mod', 'modfile', 'o', 'overlay', 'p', 'pgo', 'pkgdir', 'tags', 'toolexec',
]);

/** The arguments that are neither flags nor the value of a {@link GO_VALUE_FLAGS} flag. */
function goOperands(args: readonly ShellWord[]): ShellWord[] {
  const out: ShellWord[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (isFlagWord(a)) {
      const m = /^--?([A-Za-z]+)$/.exec(a.value);
      if (m && GO_VALUE_FLAGS.has(m[1])) i++;
      continue;
    }
    out.push(a);
  }
  return out;
}

/** DL3062: Go modules fetched by `go install`/`go get`/`go run` must be pinned. */
export default defineRule({
  id: 'DL3062',
  severity: 'warning',
  summary: 'Pin versions in go install/get/run: write `<module>@<version>`',
  origin: 'hadolint',
  category: 'reproducibility',
  fix: 'none',
  docs: {
    description:
      'Reports RUN instructions (also inside ONBUILD) that fetch Go packages without a version. When the RUN has a `go run`, only `go run` commands are checked and the package is the first argument after `run` that is not a flag; otherwise the packages of `go install` and `go get` are every argument that is not a flag, except `install`, `get` and `tool`. A package is pinned when it has `@<version>` other than `@latest` or `@none`, or is local (`.`, `./cmd`, `/src/cmd`).',
    why: '`go install example.com/tool` without a version resolves `@latest` at build time, so the tool in the image changes whenever upstream releases. Pin `@v1.2.3` (or a commit) to get the same binary on every build.',
    bad: 'FROM golang:1.22.5\nRUN go install golang.org/x/tools/cmd/goimports\n',
    good: 'FROM golang:1.22.5\nRUN go install golang.org/x/tools/cmd/goimports@v0.21.0\n',
    differences: 'shipshape reports the first unpinned package and names all of them. The value of a Go build flag written as a separate argument (`-tags "netgo osusergo"`, `-ldflags "-X main.version=1"`, `-o /out`) is not a package; hadolint takes it for one.',
  },
  check(ctx) {
    for (const site of ctx.runs()) {
      const goCmds = site.commands.filter((c) => c.name === 'go');
      const runs = goCmds.filter((c) => hasArg(c, 'run'));
      const packages: ShellWord[] = [];
      if (runs.length > 0) {
        for (const cmd of runs) {
          const at = cmd.args.findIndex((a) => a.value === 'run');
          const pkg = goOperands(cmd.args.slice(at + 1))[0];
          if (pkg) packages.push(pkg);
        }
      } else {
        for (const cmd of goCmds) {
          if (!hasArg(cmd, 'install', 'get')) continue;
          packages.push(...goOperands(cmd.args).filter((a) => !['install', 'get', 'tool'].includes(a.value)));
        }
      }
      const unpinned = packages.filter((p) => !goPinned(p.value));
      if (unpinned.length === 0) continue;
      ctx.report({
        at: unpinned[0],
        message: pinMessage(unpinned, 'go install/get/run', (w) => `${w.value.replace(/@(latest|none)$/, '')}@<version>`),
      });
    }
  },
});
