import { defineRule } from '../define.js';
import { argWord, hasCacheMount } from '../lib/packages.js';
import { isPipInstall, isPipWrapper, pipInstallLabel } from '../lib/pkg-pip.js';

const TRUTHY = new Set(['1', 'true', 'True', 'TRUE', 'on', 'On', 'ON', 'yes', 'Yes', 'YES']);

/** True when `text` sets `PIP_NO_CACHE_DIR=` to something starting with a truthy value (hadolint). */
function setsNoCacheDir(text: string): boolean {
  for (const m of text.matchAll(/PIP_NO_CACHE_DIR=(["']?)(\S*)/g)) {
    const value = m[2];
    if ([...TRUTHY].some((t) => value.startsWith(t))) return true;
  }
  return false;
}

/**
 * True for `--no-cache-dir` or an abbreviation pip (optparse) expands to it: pip accepts any unambiguous
 * prefix of a long option, and from `--no-ca` on no other pip option shares the prefix (`--no-color`,
 * `--no-compile`, `--no-clean` part at `--no-c`). `--no-cache` is also uv's own flag (`uv pip install`).
 */
function isNoCacheDir(value: string): boolean {
  const name = value.split('=')[0];
  return name.length >= '--no-ca'.length && '--no-cache-dir'.startsWith(name);
}

/** DL3042: pip should not keep its download cache in the image. */
export default defineRule({
  id: 'DL3042',
  severity: 'warning',
  summary: 'Avoid the pip cache in the image: use `pip install --no-cache-dir <package>`',
  origin: 'hadolint',
  category: 'size',
  fix: 'safe',
  docs: {
    description:
      'Reports pip installs (as DL3013 detects them; not `pipx` or `pipenv`), also inside ONBUILD, without the argument `--no-cache-dir` or an abbreviation of it that pip accepts (`--no-cache`, `--no-ca`: pip takes any unambiguous prefix of a long option). Exempt: the RUN sets `PIP_NO_CACHE_DIR=` to a true value (`1`, `true`, `on`, `yes` in any of their usual casings), an ENV visible at the RUN sets `PIP_NO_CACHE_DIR` to such a value (in the stage, or inherited through `FROM <stage>`), or the RUN has a cache or tmpfs mount whose target contains `.cache/pip`. The fix adds `--no-cache-dir` after `install`.',
    why: 'pip keeps every downloaded wheel in `~/.cache/pip`. In an image that cache is never used again but stays in the layer, often tens of megabytes. `--no-cache-dir` (or `ENV PIP_NO_CACHE_DIR=1`, or a BuildKit cache mount) keeps it out.',
    bad: 'FROM python:3.12.4-slim\nRUN pip install django==5.0.7\n',
    good: 'FROM python:3.12.4-slim\nRUN pip install --no-cache-dir django==5.0.7\n',
    differences:
      'The ENV test uses BuildKit\'s variable scoping: an ENV reaches a stage only through `FROM <stage>`, never through an unrelated stage that happens to use the same base image (hadolint keys stages by image name). A quoted value (`PIP_NO_CACHE_DIR="1"`) in the RUN counts. pip called by its path counts (`/opt/venv/bin/pip install`), as for DL3013; hadolint only knows the bare names.',
  },
  check(ctx) {
    for (const site of ctx.runs()) {
      const offenders = site.commands.filter((c) => isPipInstall(c) && !isPipWrapper(c) && !c.args.some((a) => isNoCacheDir(a.value)));
      if (offenders.length === 0) continue;
      const script = site.script;
      if (setsNoCacheDir(`${site.run.argsAfterFlags.text}\n${script?.source.text ?? ''}`)) continue;
      const env = ctx.scope(site.reportOn).get('PIP_NO_CACHE_DIR');
      if (env && env.kind === 'env' && env.value !== null && TRUTHY.has(env.value)) continue;
      if (hasCacheMount(ctx.facts(site.run).mounts, '.cache/pip')) continue;
      const edit = ctx.edit();
      for (const c of offenders) edit.insertFlagAfter(site.run, argWord(c, 'install')!, '--no-cache-dir');
      ctx.report({
        at: offenders[0],
        message: `Add \`--no-cache-dir\` to \`${pipInstallLabel(offenders[0])}\` (or set \`ENV PIP_NO_CACHE_DIR=1\`) so that pip's cache does not stay in the layer`,
        fix: edit.safe('Add --no-cache-dir to pip install'),
      });
    }
  },
});
