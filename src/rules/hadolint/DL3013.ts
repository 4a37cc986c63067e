import { defineRule } from '../define.js';
import type { ShellCommand, ShellWord } from '../../shell/types.js';
import { hasArg, hasFlag, positionalArgs } from '../../shell/query.js';
import { pinMessage } from '../lib/packages.js';
import { isPipInstall } from '../lib/pkg-pip.js';

/** pip options whose value is a separate argument (not a package). */
const VALUE_FLAGS = [
  'abi', 'b', 'build', 'e', 'editable', 'extra-index-url', 'f', 'find-links', 'i', 'index-url', 'implementation',
  'no-binary', 'only-binary', 'platform', 'prefix', 'progress-bar', 'proxy', 'python', 'python-version', 'root',
  'root-user-action', 'src', 't', 'target', 'trusted-host', 'upgrade-strategy',
];

const VCS_SCHEMES = [
  'git+file', 'git+https', 'git+ssh', 'git+http', 'git+git', 'git', 'hg+file', 'hg+http', 'hg+https', 'hg+ssh',
  'hg+static-http', 'svn', 'svn+svn', 'svn+http', 'svn+https', 'svn+ssh', 'bzr+http', 'bzr+https', 'bzr+ssh',
  'bzr+sftp', 'bzr+ftp', 'bzr+lp',
];
const VERSION_SYMBOLS = ['==', '>=', '<=', '>', '<', '!=', '~=', '==='];

/** hadolint's DL3013 test of one package argument. */
function pipPinned(pkg: string): boolean {
  const vcs = VCS_SCHEMES.some((s) => pkg.startsWith(s));
  return (
    VERSION_SYMBOLS.some((s) => pkg.includes(s)) ||
    (vcs && pkg.includes('@')) ||
    pkg.endsWith('.whl') ||
    pkg.endsWith('.tar.gz') ||
    (!vcs && pkg.includes('/'))
  );
}

/** The package arguments: non-flag arguments after `install`, option values dropped. */
function pipPackages(cmd: ShellCommand): ShellWord[] {
  const args = positionalArgs(cmd, { valueFlags: VALUE_FLAGS });
  let i = args.findIndex((a) => a.value === 'install');
  if (i === -1) return [];
  while (i < args.length && args[i].value === 'install') i++;
  return args.slice(i);
}

/** DL3013: pip packages must be pinned. */
export default defineRule({
  id: 'DL3013',
  severity: 'warning',
  summary: 'Pin versions in pip: write `pip install <package>==<version>` or use a requirements file',
  origin: 'hadolint',
  category: 'reproducibility',
  fix: 'none',
  docs: {
    description:
      'Reports pip installs (also inside ONBUILD) with a package that has no version. A pip install is a command whose name starts with `pip` (`pip`, `pip3`, `pipx`, but not `pipenv`) with an `install` argument, or a `python*` command with `-m pip install`. Commands with `-r`/`--requirement`, `.` or a `-c`/`--constraint` option are skipped. The packages are the arguments after `install` that are not options, nor the value of an option that takes one (`--index-url URL`, `--target DIR`, `--python PY`...). A package is pinned when it has a version specifier (`==`, `>=`, `<=`, `<`, `>`, `!=`, `~=`, `===`), is a wheel or `.tar.gz`, a VCS URL with `@ref`, or another path or URL (contains `/`).',
    why: 'An unpinned `pip install django` installs the newest release at build time, so two builds of one Dockerfile can ship different code and a new major version can break the image silently. Pin each package or install from a pinned requirements or constraints file.',
    bad: 'FROM python:3.12.4-slim\nRUN pip install --no-cache-dir django\n',
    good: 'FROM python:3.12.4-slim\nRUN pip install --no-cache-dir django==5.0.7\n',
    differences:
      'Option values are never taken for packages (`--index-url https://user:pw@host/simple`, `--python "$(command -v python)"`), as in current hadolint. shipshape reports the first unpinned package and names all of them. pip called by its path counts (`/opt/venv/bin/pip install flask`, `/usr/bin/python3 -m pip install`: how the pip of a virtual environment is usually run); hadolint only knows the bare names.',
  },
  check(ctx) {
    for (const site of ctx.runs()) {
      const unpinned: ShellWord[] = [];
      for (const cmd of site.commands) {
        if (!isPipInstall(cmd)) continue;
        if (hasArg(cmd, '-r', '--requirement', '.') || hasFlag(cmd, 'c', 'constraint')) continue;
        for (const item of pipPackages(cmd).filter((p) => !pipPinned(p.value))) unpinned.push(item);
      }
      if (unpinned.length === 0) continue;
      ctx.report({
        at: unpinned[0],
        message: pinMessage(unpinned, 'pip install', (w) => (/^(git|hg|svn|bzr)\+/.test(w.value) ? `${w.value}@<tag or commit>` : `${w.value}==<version>`), ', or install from a pinned requirements file'),
      });
    }
  },
});
