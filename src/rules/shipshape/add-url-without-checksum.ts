import { defineRule } from '../define.js';
import { withOnbuild } from '../lib/hadolint.js';

/** ADD of an http(s) URL without `--checksum`. */
export default defineRule({
  id: 'add-url-without-checksum',
  severity: 'warning',
  summary: 'ADD downloads a URL without --checksum',
  origin: 'shipshape',
  category: 'security',
  fix: 'none',
  docs: {
    description:
      'Reports `ADD` (also `ONBUILD ADD`) sources that are `http://` or `https://` URLs when the instruction has no `--checksum=<algorithm>:<hex>` flag. Git sources (`git@...`, and `https://.../repo.git#ref`, which BuildKit clones) and local files are not checked. There is no automatic fix: shipshape cannot know the checksum.',
    why: 'Without a checksum the build trusts whatever the server returns today: a compromised or changed download silently ends up in the image, and two builds of the same Dockerfile can differ. `ADD --checksum=sha256:<hex> <url> <dest>` (Dockerfile syntax 1.6 and later) makes the build fail when the file changes. Get the hash with `curl -fsSL <url> | sha256sum`.',
    bad: 'FROM alpine:3.20\nADD https://example.com/tool-1.2.tar.gz /opt/\n',
    good: 'FROM alpine:3.20\nADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d https://example.com/tool-1.2.tar.gz /opt/\n',
  },
  check(ctx) {
    for (const { instr, wrapper } of withOnbuild(ctx.file, true)) {
      if (instr.keyword !== 'ADD') continue;
      if (instr.flags.some((f) => f.name === 'checksum' && (f.value ?? '') !== '')) continue;
      if (instr.flags.some((f) => f.name === 'keep-git-dir')) continue;
      for (const src of ctx.facts(instr).copy!.asWritten.sources) {
        if (!/^https?:\/\//i.test(src.value)) continue;
        // A git repository over HTTPS (`https://host/repo.git#ref`) is pinned by its ref, not a checksum.
        if (/\.git(#|$)/.test(src.value)) continue;
        ctx.report({
          instruction: wrapper ?? instr,
          range: src.range,
          message: `ADD downloads ${src.value.replace(/[?#].*$/, '').replace(/\/\/[^/@]*@/, '//')} without --checksum: add --checksum=sha256:<hash of the file> so a changed download fails the build`,
        });
      }
    }
  },
});
