import { defineRule } from '../define.js';
import type { ShellWord } from '../../shell/types.js';
import { positionalArgs } from '../../shell/query.js';
import { cmdHasArgs, pinMessage } from '../lib/packages.js';

const GIT_PREFIXES = ['git://', 'git+ssh://', 'git+http://', 'git+https://'];
const PATH_PREFIXES = ['/', './', '../', '~/'];
const TARBALL_SUFFIXES = ['.tar', '.tar.gz', '.tgz'];

/** hadolint's DL3016 test of one package argument. */
function npmPinned(pkg: string): boolean {
  if (GIT_PREFIXES.some((p) => pkg.startsWith(p))) return pkg.includes('#');
  if (TARBALL_SUFFIXES.some((s) => pkg.endsWith(s))) return true;
  if (PATH_PREFIXES.some((p) => pkg.startsWith(p))) return true;
  let name = pkg;
  if (name.startsWith('@')) {
    const slash = name.indexOf('/');
    name = slash === -1 ? '' : name.slice(slash);
  }
  return name.includes('@');
}

/** DL3016: npm packages must be pinned. */
export default defineRule({
  id: 'DL3016',
  severity: 'warning',
  summary: 'Pin versions in npm: write `npm install <package>@<version>`',
  origin: 'hadolint',
  category: 'reproducibility',
  fix: 'none',
  docs: {
    description:
      'Reports `npm install` commands (also inside ONBUILD) that name a package without a version. After removing options and the values of `--loglevel` and `--registry`, the first argument must be `install` (`npm i`, `npm ci` and `npm run x install` are not checked); the arguments after it are the packages. A package is pinned when it has `@<version>` after its name (`lodash@4.17.21`, `@scope/pkg@^2`), is a git URL with `#<commit-ish>`, a tarball (`.tar`, `.tar.gz`, `.tgz`) or a folder (`/`, `./`, `../`, `~/`). `npm install` without packages installs from package.json and passes.',
    why: 'Without a version, `npm install -g typescript` installs the newest release at build time: rebuilding the same Dockerfile can give a different compiler or tool, and a breaking release fails builds with no change on your side. Pin the version, or install from a lockfile with `npm ci`.',
    bad: 'FROM node:20.15.1-alpine\nRUN npm install -g typescript\n',
    good: 'FROM node:20.15.1-alpine\nRUN npm install -g typescript@5.4.5\n',
    differences: 'shipshape reports the first unpinned package and names all of them.',
  },
  check(ctx) {
    for (const site of ctx.runs()) {
      const unpinned: ShellWord[] = [];
      for (const cmd of site.commands) {
        if (!cmdHasArgs(cmd, 'npm', ['install'])) continue;
        const args = positionalArgs(cmd, { valueFlags: ['loglevel', 'registry'] });
        if (args[0]?.value !== 'install') continue;
        let i = 0;
        while (i < args.length && args[i].value === 'install') i++;
        unpinned.push(...args.slice(i).filter((p) => !npmPinned(p.value)));
      }
      if (unpinned.length === 0) continue;
      ctx.report({
        at: unpinned[0],
        message: pinMessage(unpinned, 'npm install', (w) => `${w.value}@<version>`),
      });
    }
  },
});
